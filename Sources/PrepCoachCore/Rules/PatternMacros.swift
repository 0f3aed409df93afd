/// Named alternations usable in rule patterns as `{name}` (from `macros:` files),
/// so a rule can say `{company}` instead of repeating twenty ways to name one.
public struct PatternMacros: Sendable {
    public private(set) var values: [String: String] = [:]
    /// Where each macro is defined, for problems found when resolving references.
    private(set) var locations: [String: SourceLocation] = [:]

    public init(_ values: [String: String] = [:]) { self.values = values }

    mutating func define(_ name: String, as value: String, at location: SourceLocation) {
        values[name] = value
        locations[name] = location
    }

    /// The `{name}`s a pattern or macro uses (`{2,3}` is a repeat count, not a name).
    static func references(in text: String) -> [String] {
        text.split(separator: "{", omittingEmptySubsequences: false).dropFirst().compactMap { piece in
            guard let close = piece.firstIndex(of: "}"), piece.first?.isLetter == true else { return nil }
            return String(piece[..<close])
        }
    }

    /// Expands macros used inside other macros, so a vocabulary can be built
    /// from smaller ones. A macro that refers to itself (directly or through
    /// others) or to an unknown macro is reported where it is defined, and
    /// dropped, so the rules using it are reported too instead of never matching.
    mutating func resolveReferences() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var resolved = PatternMacros()
        var failed: Set<String> = []
        func resolve(_ name: String, chain: [String]) -> Bool {
            if resolved.values[name] != nil { return true }
            if failed.contains(name) { return false }
            guard let value = values[name] else { return false }
            let at = locations[name] ?? SourceLocation(file: "macros", line: 1, column: 1)
            if let start = chain.firstIndex(of: name) {
                let cycle = (chain[start...] + [name]).joined(separator: " → ")
                problems.append(Diagnostic(.error, at: at, "macro '\(name)' refers to itself (\(cycle))"))
                failed.formUnion(chain[start...])
                return false
            }
            for reference in Self.references(in: value) where values[reference] != nil {
                guard resolve(reference, chain: chain + [name]) else {
                    failed.insert(name)
                    return false
                }
            }
            do {
                resolved.define(name, as: try resolved.expand(value).text, at: at)
                return true
            } catch {
                problems.append(Diagnostic(.error, at: at, "macro '\(name)' uses an \(error.description)"))
                failed.insert(name)
                return false
            }
        }
        for name in values.keys.sorted() { _ = resolve(name, chain: []) }
        self = resolved
        return problems
    }

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
