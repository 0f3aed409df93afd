import Foundation

extension Question {
    /// The longest question accepted, in characters: a spoken question is one or two
    /// sentences; anything longer is a mistake (a pasted document, a broken file).
    public static let maxLength = 500

    /// Why `text` cannot be a question — empty, too long, or holding a line break or
    /// control character (a tab is only white space) — or nil when it can.
    public static func problem(with text: String) -> String? {
        // Foundation's trim goes through UTF-16: most texts start and end with
        // a visible ASCII character, and have nothing to trim.
        let trimmed = text.startsAndEndsVisibly ? text : text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return "the question is empty" }
        // A character takes at least one byte: only a long text needs its characters counted.
        if trimmed.utf8.count > maxLength && trimmed.count > maxLength {
            return "the question is \(trimmed.count) characters long; at most \(maxLength) are accepted"
        }
        return ControlCharacters.problem(inField: "question", trimmed, allowing: ["\t"])
    }
}
