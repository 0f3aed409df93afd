import Foundation
import LineEditor

/// Word wrap by display width (wide characters count two columns, `Style`'s colour
/// codes none): words move whole to the next line, and only a word longer than a line is broken.
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
            let room = { max(width - columns(of: line), 1) }
            for word in paragraph.split(separator: " ") {
                var word = Substring(word)
                if !lineIsEmpty && columns(of: word) + 1 > room() {
                    lines.append(line)
                    (line, lineIsEmpty) = (indent, true)
                }
                if !lineIsEmpty {
                    line += " "
                }
                // A word longer than a whole line: break it where the line is full. Its width is
                // counted down, not measured again per piece (a 100 KB pasted word took minutes).
                var wordWidth = columns(of: word)
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

    /// Display width, not counting colour codes (`ESC [ … m`), which take no column.
    private static func columns(of text: some StringProtocol) -> Int {
        guard text.contains("\u{1B}") else { return DisplayWidth.of(text) }
        var width = 0
        var inEscape = false
        for character in text {
            if character == "\u{1B}" {
                inEscape = true
            } else if inEscape {
                inEscape = character != "m"
            } else {
                width += DisplayWidth.of(character)
            }
        }
        return width
    }

    /// Not Foundation's replace, which copied every line through UTF-16 (a sixth
    /// of `lint FILE` on 100,000 questions); most lines hold no no-break space
    /// and come back as they are.
    private static func spacesPrinted(_ line: String) -> String {
        line.replacingEvery(String(noBreakSpace), with: " ")
    }

    /// The longest start of `word` that fits (at least one character), and its width;
    /// a colour code is never cut.
    private static func prefix(of word: Substring, fitting columns: Int) -> (Substring, Int) {
        var used = 0
        var end = word.startIndex
        while end < word.endIndex {
            if word[end] == "\u{1B}" {
                end = word[end...].firstIndex(of: "m").map(word.index(after:)) ?? word.endIndex
                continue
            }
            guard used + DisplayWidth.of(word[end]) <= columns else { break }
            used += DisplayWidth.of(word[end])
            end = word.index(after: end)
        }
        guard used == 0, end < word.endIndex else { return (word[..<end], used) }
        return (word[...end], DisplayWidth.of(word[end]))
    }
}
