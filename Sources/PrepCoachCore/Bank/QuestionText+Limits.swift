import Foundation

extension Question {
    /// The longest question accepted, in characters: a spoken question is one or two
    /// sentences; anything longer is a mistake (a pasted document, a broken file).
    public static let maxLength = 500
    /// Follow-ups are asked on the spot: a handful, not a list to read out.
    public static let maxFollowups = 10

    /// Why `text` cannot be a question — empty, too long, or holding a line break or
    /// control character (a tab is only white space) — or nil when it can.
    public static func problem(with text: String) -> String? {
        let trimmed = text.trimmedOfWhitespaceAndNewlines
        if trimmed.isEmpty { return "the question is empty" }
        // A character is at least a byte: most questions need no count of their characters.
        if trimmed.utf8.count > maxLength && trimmed.count > maxLength {
            return "the question is \(trimmed.count) characters long; at most \(maxLength) are accepted"
        }
        return ControlCharacters.problem(inField: "question", trimmed, allowing: ["\t"])
    }
}
