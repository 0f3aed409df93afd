import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without its cost when
    /// there is nothing to trim: Foundation copies every line through UTF-16 even
    /// then, which was a tenth of `lint FILE` on 100,000 questions. Ends that are
    /// printable ASCII cannot be white space, so the text is already trimmed.
    public var trimmedOfWhitespaceAndNewlines: String {
        guard let first = utf8.first, let last = utf8.last,
              Self.isPrintableASCII(first), Self.isPrintableASCII(last) else {
            return trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return self
    }

    private static func isPrintableASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
}
