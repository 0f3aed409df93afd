import Foundation

/// The lines of a plain-text file that hold something — a question to lint, a
/// research note — with their line numbers: blank lines and `#` comments are skipped.
enum TextFileLines {
    static func read(_ path: String) throws -> [(number: Int, text: String)] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("cannot read \(path)") }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().compactMap { index, line in
                let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
                return text.isEmpty || text.hasPrefix("#") ? nil : (index + 1, text)
            }
    }
}
