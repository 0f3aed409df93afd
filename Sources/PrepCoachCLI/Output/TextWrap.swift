import Foundation
import LineEditor

/// Word wrap by display width (wide characters count two columns): words move whole
/// to the next line, and only a word longer than a line is broken.
enum TextWrap {
    /// Joins words that must stay on one line ("3 min"); printed as a plain space.
    static let noBreakSpace: Character = "\u{00A0}"

    /// `text` in lines of at most `width` columns, each starting with `indent`
    /// (`firstIndent` for the first). Existing line breaks are kept.
    static func lines(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = lines.isEmpty ? (firstIndent ?? indent) : indent
            var lineIsEmpty = true
            let room = { max(width - DisplayWidth.of(line), 1) }
            for word in paragraph.split(separator: " ") {
                var word = Substring(word)
                if !lineIsEmpty && DisplayWidth.of(word) + 1 > room() {
                    lines.append(line)
                    (line, lineIsEmpty) = (indent, true)
                }
                if !lineIsEmpty {
                    line += " "
                }
                // A word longer than a whole line: break it where the line is full. Its width is
                // counted down, not measured again per piece (a 100 KB pasted word took minutes).
                var wordWidth = DisplayWidth.of(word)
                while wordWidth > room() {
                    let (head, headWidth) = prefix(of: word, fitting: room())
                    lines.append(line + head)
                    (line, lineIsEmpty) = (indent, true)
                    word = word.dropFirst(head.count)
                    wordWidth -= headWidth
                }
                line += word
                lineIsEmpty = false
            }
            lines.append(line)
        }
        return lines.map(spacesPrinted)
    }

    /// The terminal's width now, when answers are typed on it (standard input a terminal); nil in scripts.
    static func answeringWidth() -> Int? { isatty(0) == 1 ? TerminalSize.outputColumns() : nil }

    static func wrapped(_ text: String, width: Int?, indent: String = "", firstIndent: String? = nil) -> String {
        guard let width else { return spacesPrinted((firstIndent ?? indent) + text) }
        return lines(text, width: width, indent: indent, firstIndent: firstIndent).joined(separator: "\n")
    }

    private static func spacesPrinted(_ line: String) -> String {
        line.replacingOccurrences(of: String(noBreakSpace), with: " ")
    }

    /// The longest start of `word` that fits (at least one character), and its width.
    private static func prefix(of word: Substring, fitting columns: Int) -> (Substring, Int) {
        var used = 0
        var end = word.startIndex
        while end < word.endIndex, used + DisplayWidth.of(word[end]) <= columns {
            used += DisplayWidth.of(word[end])
            end = word.index(after: end)
        }
        guard end == word.startIndex else { return (word[..<end], used) }
        return (word[...end], DisplayWidth.of(word[end]))
    }
}
