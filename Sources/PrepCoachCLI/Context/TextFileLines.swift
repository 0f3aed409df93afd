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
        if let found = firstControlCharacter(text) {
            throw CommandFailure("\(path):\(found.line):\(found.column): a control character "
                + "(\(ControlCharacters.visible(found.scalar))); is this a text file?")
        }
        // Split by byte, not by character (a thirtieth of `lint FILE`); the CR of
        // a Windows line end is trimmed with the other whitespace.
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        return lines.enumerated().compactMap { index, line in
            let text = String(Substring(line)).trimmedOfWhitespaceAndNewlines
            return text.isEmpty || text.hasPrefix("#") ? nil : (index + 1, text)
        }
    }

    /// The first control character other than a tab or carriage return (Windows
    /// files end lines in CR LF), where it is (the column counts characters as
    /// Unicode scalars, from 1), found in one pass over the bytes rather than line by
    /// line through scalars (a file of 100,000 questions is checked in milliseconds).
    static func firstControlCharacter(_ text: String) -> (line: Int, column: Int, scalar: Unicode.Scalar)? {
        var line = 1, column = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte & 0xC0 != 0x80 { column += 1 }  // a scalar's first byte
            switch byte {
            case 0x0A:
                line += 1
                column = 0
            case 0x09, 0x0D: break
            // C0 and DEL are single bytes; C1 (U+0080–U+009F) is 0xC2 then 0x80–0x9F.
            case 0x00...0x1F, 0x7F: return (line, column, Unicode.Scalar(byte))
            case 0x80...0x9F where previous == 0xC2: return (line, column, Unicode.Scalar(byte))
            default: break
            }
            previous = byte
        }
        return nil
    }
}
