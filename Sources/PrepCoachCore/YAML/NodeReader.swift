import Yams

/// Reads typed values out of YAML nodes, turning every mismatch into a
/// diagnostic at the exact line and column, and never throwing: the caller
/// gets `nil` for a bad value and carries on, so one file reports all its problems.
struct NodeReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    /// Added to every line: for a piece of a file parsed on its own.
    let lineOffset: Int

    init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    mutating func error(at node: Node, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location(of: node), message))
    }

    mutating func warn(at node: Node, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: location(of: node), message))
    }

    /// Errors so far: a warning does not stop a value from loading.
    var errorCount: Int { diagnostics.count { $0.severity == .error } }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// The fields of a mapping node, checked against the keys this kind of entry knows.
    mutating func fields(of node: Node, describing what: String, known: [String]) -> Fields? {
        guard case let .mapping(mapping) = node else {
            error(at: node, "expected \(what) as a mapping of `key: value` lines")
            return nil
        }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                error(at: key, "a key in \(what) must be plain text")
                continue
            }
            if known.contains(name) {
                values[name] = value
            } else {
                error(at: key, "unknown field '\(name)' in \(what)\(Suggestion.hint(for: name, among: known))")
            }
        }
        return Fields(node: node, values: values, what: what)
    }

    /// A non-empty string value.
    mutating func string(_ node: Node, field: String) -> String? {
        guard let scalar = node.scalar else {
            error(at: node, "'\(field)' must be text, not a \(node.kindName)")
            return nil
        }
        let text = scalar.string.trimmingWhitespace
        if text.isEmpty {
            error(at: node, "'\(field)' is empty")
            return nil
        }
        return text
    }

    /// A list of non-empty strings; a single scalar is accepted as a list of one.
    mutating func strings(_ node: Node, field: String) -> [(value: String, node: Node)]? {
        let items: [Node]
        switch node {
        case .scalar: items = [node]
        case let .sequence(sequence): items = Array(sequence)
        default:
            error(at: node, "'\(field)' must be a list, like [a, b]")
            return nil
        }
        var values: [(String, Node)] = []
        for item in items {
            if let value = string(item, field: field) { values.append((value, item)) }
        }
        return values
    }

    mutating func integer(_ node: Node, field: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = node.scalar?.string, let value = Int(text.trimmingWhitespace) else {
            error(at: node, "'\(field)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        guard range.contains(value) else {
            error(at: node, "'\(field)' is \(value); it must be from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, field: String) -> Bool? {
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(at: node, "'\(field)' must be true or false")
            return nil
        }
    }

    /// The items of a sequence node.
    mutating func sequence(_ node: Node, field: String) -> [Node]? {
        guard case let .sequence(sequence) = node else {
            error(at: node, "'\(field)' must be a list of entries, each starting with '- '")
            return nil
        }
        return Array(sequence)
    }
}

/// The present fields of one mapping entry.
struct Fields {
    let node: Node
    let values: [String: Node]
    let what: String

    subscript(_ key: String) -> Node? { values[key] }

    /// The value of a field that must be there; reports its absence at the entry itself.
    func required(_ key: String, reader: inout NodeReader) -> Node? {
        if let value = values[key] { return value }
        reader.error(at: node, "\(what) is missing the required field '\(key)'")
        return nil
    }
}

extension Node {
    var kindName: String {
        switch self {
        case .scalar: "value"
        case .mapping: "mapping"
        case .sequence: "list"
        case .alias: "alias"
        }
    }

    /// The keys of a top-level mapping, used to tell what kind of file this is.
    var topLevelKeys: Set<String> {
        guard case let .mapping(mapping) = self else { return [] }
        return Set(mapping.keys.compactMap { $0.scalar?.string })
    }
}

extension String {
    var trimmingWhitespace: String {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
