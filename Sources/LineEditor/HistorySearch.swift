import CLibEdit
import Foundation

/// Ctrl-R, as in bash: `(search 'text'): matching line` while typing; Ctrl-R again finds an
/// older match, Backspace shortens the text, Enter runs the match, Ctrl-G or Ctrl-C puts the
/// line back. Any other key keeps the match for editing: the whole key is read, so an arrow
/// never inserts `[C` (libedit's own search stops at the ESC and inserts the rest); Ctrl-A,
/// Home and Left move the cursor as they would.
enum HistorySearch {
    static let callback: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
        guard let editLine, let context = EditorContext.from(editLine) else { return UInt8(CC_ERROR) }
        return run(editLine, context: context)
    }

    private static func run(_ editLine: OpaquePointer, context: EditorContext) -> UInt8 {
        let original = textBeforeCursor(editLine) + textAfterCursor(editLine)
        let prompt = context.promptText
        let entries = historyEntries(context.history)
        var pattern = ""
        var skipped = 0
        context.isSearching = true
        defer { context.isSearching = false }
        func show(_ searchPrompt: String, _ line: String) {
            redrawInPlace(editLine, context) {
                context.setPrompt(searchPrompt)
                replaceLine(editLine, with: line)
            }
        }
        func finish(with line: String) { show(prompt, line) }
        while true {
            let matches = pattern.isEmpty ? [] : entries.filter { $0.contains(pattern) }
            let match = matches.isEmpty ? nil : matches[min(skipped, matches.count - 1)]
            show("(search '\(pattern)')\(match == nil && !pattern.isEmpty ? " not found" : ""): ", match ?? original)

            var key: wchar_t = 0
            guard el_wgetc(editLine, &key) == 1, let scalar = Unicode.Scalar(UInt32(bitPattern: key)) else {
                finish(with: original)
                return UInt8(CC_REFRESH)
            }
            switch scalar {
            case "\u{12}":  // Ctrl-R: an older match
                skipped += 1
            case "\u{7F}", "\u{8}":
                if !pattern.isEmpty { pattern.removeLast() }
                skipped = 0
            case "\u{7}", "\u{3}":  // Ctrl-G, Ctrl-C: give up
                finish(with: original)
                return UInt8(CC_REFRESH)
            case "\n", "\r":
                finish(with: match ?? original)
                // Enter through libedit's own newline, which ends the buffer with "\n\0";
                // returning CC_NEWLINE here would leave a longer earlier line's tail after it.
                el_push(editLine, "\n")
                return UInt8(CC_REFRESH)
            case _ where scalar.value >= 0x20 && scalar.value != 0x7F:
                pattern.unicodeScalars.append(scalar)
                skipped = 0
            default:  // keep the match for editing
                let key = scalar == "\u{1B}" ? "\u{1B}" + readSequence(editLine) : String(scalar)
                let line = match ?? original
                finish(with: line)
                if toStart.contains(key) || oneLeft.contains(key) {
                    redrawInPlace(editLine, context) {
                        _ = el_cursor(editLine, toStart.contains(key) ? -Int32(line.unicodeScalars.count) : -1)
                    }
                }
                return UInt8(CC_REFRESH)
            }
        }
    }

    /// Keys that leave the search somewhere other than the end of the line.
    private static let toStart: Set<String> = ["\u{1}", "\u{1B}[H", "\u{1B}OH", "\u{1B}[1~", "\u{1B}[7~"]
    private static let oneLeft: Set<String> = ["\u{2}", "\u{1B}[D", "\u{1B}OD"]

    /// The rest of an escape sequence after ESC: `[` or `O`, parameters, one final byte.
    private static func readSequence(_ editLine: OpaquePointer) -> String {
        var sequence = ""
        var key: wchar_t = 0
        while sequence.count < 16, el_wgetc(editLine, &key) == 1, let scalar = Unicode.Scalar(UInt32(bitPattern: key)) {
            sequence.unicodeScalars.append(scalar)
            let introducer = sequence.count == 1 && (scalar == "[" || scalar == "O")
            if !introducer && (0x40...0x7E).contains(scalar.value) { break }
        }
        return sequence
    }

    private static func historyEntries(_ history: OpaquePointer?) -> [String] {
        guard let history else { return [] }
        var entries: [String] = []
        var entry = clibedit_history_entry(history, 1)
        while let current = entry {
            entries.append(String(cString: current).trimmingCharacters(in: .newlines))
            entry = clibedit_history_entry(history, 0)
        }
        return entries
    }

    /// The whole line becomes `text`, the cursor at its end.
    private static func replaceLine(_ editLine: OpaquePointer, with text: String) {
        let after = textAfterCursor(editLine).unicodeScalars.count
        _ = el_cursor(editLine, Int32(after))
        el_deletestr(editLine, Int32(textBeforeCursor(editLine).unicodeScalars.count))
        if !text.isEmpty { _ = el_insertstr(editLine, text) }
    }
}
