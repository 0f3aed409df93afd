/// Named alternations usable in rule patterns as `{name}` (from `macros:` files),
/// so a rule can say `{company}` instead of repeating twenty ways to name one.
public struct PatternMacros: Sendable {
    public private(set) var values: [String: String] = [:]

    public init(_ values: [String: String] = [:]) { self.values = values }

    mutating func define(_ name: String, as value: String) { values[name] = value }

    /// A pattern with every `{name}` replaced by `(value)`. `origin` maps an
    /// offset in the expanded text back to the pattern as written, so an error
    /// inside the expansion points at the macro that produced it.
    public func expand(_ pattern: String) throws(UnknownMacro) -> (text: String, origin: (Int) -> Int) {
        var text = ""
        var pieces: [(expandedStart: Int, originalStart: Int, isMacro: Bool)] = []
        let bytes = Array(pattern.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")) {
                let name = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
                // `{2,3}` is a repeat count, not a macro.
                if name.first?.isLetter == true {
                    guard let value = values[name] else {
                        throw UnknownMacro(name: name, offset: index,
                                           suggestion: Suggestion.closest(to: name, among: values.keys))
                    }
                    pieces.append((text.utf8.count, index, true))
                    text += "(\(value))"
                    index = close + 1
                    continue
                }
            }
            if pieces.last?.isMacro != false { pieces.append((text.utf8.count, index, false)) }
            text.unicodeScalars.append(Unicode.Scalar(bytes[index]))
            index += 1
        }
        let origin = { (offset: Int) -> Int in
            guard let piece = pieces.last(where: { $0.expandedStart <= offset }) else { return offset }
            return piece.isMacro ? piece.originalStart : piece.originalStart + offset - piece.expandedStart
        }
        return (text, origin)
    }
}

public struct UnknownMacro: Error, Sendable, CustomStringConvertible {
    public let name: String
    public let offset: Int
    public let suggestion: String?

    public var description: String {
        "unknown macro '{\(name)}'" + (suggestion.map { " (did you mean '{\($0)}'?)" } ?? "")
    }
}
