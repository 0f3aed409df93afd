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
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let index = lines.firstIndex(where: { ControlCharacters.contains(String($0), except: ["\t", "\r"]) }) {
            throw CommandFailure("\(path):\(index + 1): a control character; is this a text file?")
        }
        return lines.enumerated().compactMap { index, line in
            let text = String(line).trimmedOfWhitespaceAndNewlines
            return text.isEmpty || text.hasPrefix("#") ? nil : (index + 1, text)
        }
    }
}
