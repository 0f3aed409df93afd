/// Named alternations usable in rule patterns as `{name}` (from `macros:` files),
/// so a rule can say `{company}` instead of repeating twenty ways to name one.
public struct PatternMacros: Sendable {
    /// The longest a macro or pattern may grow when expanded, in bytes: macros built from
    /// doubling macros (`m2: "{m1}{m1}"`) would otherwise take gigabytes in a few dozen lines.
    public static let maxExpandedLength = 256 * 1024
    /// How deep macros may be built from other macros.
    public static let maxDepth = 16

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
        /// How many macros deep each resolved one is built (1: from none).
        var depths: [String: Int] = [:]
        func tooDeep(_ names: [String]) {
            let at = locations[names[0]] ?? SourceLocation(file: "macros", line: 1, column: 1)
            problems.append(Diagnostic(.error, at: at, "macro '\(names[0])' is built from macros more than "
                                       + "\(Self.maxDepth) deep (\(names.joined(separator: " → "))); flatten it"))
        }
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
            // Before recursing further: the first of a chain this long is too deep whatever comes next.
            if chain.count >= Self.maxDepth {
                tooDeep(chain + [name])
                failed.insert(chain[0])
                return false
            }
            let references = Self.references(in: value).filter { values[$0] != nil }
            for reference in references {
                guard resolve(reference, chain: chain + [name]) else {
                    failed.insert(name)
                    return false
                }
            }
            let depth = 1 + (references.compactMap { depths[$0] }.max() ?? 0)
            if depth > Self.maxDepth {
                var path = [name]
                while let next = Self.references(in: values[path.last!] ?? "").max(by: { depths[$0] ?? 0 < depths[$1] ?? 0 }),
                      depths[next] != nil { path.append(next) }
                tooDeep(path)
                failed.insert(name)
                return false
            }
            do {
                resolved.define(name, as: try resolved.expand(value).text, at: at)
                depths[name] = depth
                return true
            } catch {
                let uses = if case .unknown = error.problem { "uses an " } else { "" }
                problems.append(Diagnostic(.error, at: at, "macro '\(name)' \(uses)\(error.description)"))
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
    public func expand(_ pattern: String) throws(MacroError) -> (text: String, origin: (Int) -> Int) {
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
                        throw MacroError(offset: index, problem: .unknown(name, suggestion: Suggestion.closest(to: name, among: values.keys)))
                    }
                    guard text.utf8.count + value.utf8.count + 2 <= Self.maxExpandedLength else {
                        throw MacroError(offset: index, problem: .tooLong)
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

/// A `{name}` that cannot be expanded, at its byte offset in the pattern or macro.
public struct MacroError: Error, Sendable, CustomStringConvertible {
    public enum Problem: Sendable {
        case unknown(String, suggestion: String?)
        case tooLong
    }

    public let offset: Int
    public let problem: Problem

    public var description: String {
        switch problem {
        case let .unknown(name, suggestion):
            "unknown macro '{\(name)}'" + (suggestion.map { " (did you mean '{\($0)}'?)" } ?? "")
        case .tooLong:
            "expands to more than \(PatternMacros.maxExpandedLength / 1024) KB; use fewer or smaller macros"
        }
    }
}
