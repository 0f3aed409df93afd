import Foundation
import PrepCoachCore

/// The lines of a plain-text file that hold something — a question to lint, a
/// research note — with their line numbers: blank lines and `#` comments are skipped.
/// A file that is not UTF-8 text (an image, a PDF, an archive) is refused, not read as notes.
enum TextFileLines {
    static func read(_ path: String) throws -> [(number: Int, text: String)] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("cannot read \(path)") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure("\(path) is not a UTF-8 text file")
        }
        if let line = firstLineWithControlCharacter(text) {
            throw CommandFailure("\(path):\(line): a control character; is this a text file?")
        }
        // Split by byte, not by character (a thirtieth of `lint FILE`); the CR of
        // a Windows line end is trimmed with the other whitespace.
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        return lines.enumerated().compactMap { index, line in
            let text = String(Substring(line)).trimmedOfWhitespaceAndNewlines
            return text.isEmpty || text.hasPrefix("#") ? nil : (index + 1, text)
        }
    }

    /// The number of the first line holding a control character other than a tab
    /// or carriage return (Windows files end lines in CR LF), found in one pass over the bytes rather than line by
    /// line through scalars (a file of 100,000 questions is checked in milliseconds).
    static func firstLineWithControlCharacter(_ text: String) -> Int? {
        var line = 1
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case 0x0A: line += 1
            case 0x09, 0x0D: break
            // C0 and DEL are single bytes; C1 (U+0080–U+009F) is 0xC2 then 0x80–0x9F.
            case 0x00...0x1F, 0x7F: return line
            case 0x80...0x9F where previous == 0xC2: return line
            default: break
            }
            previous = byte
        }
        return nil
    }
}
