import Yams

/// Reads typed values out of YAML nodes (Yams' or `PlainNode`s), turning every mismatch into a
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

    func location(of node: some YAMLNode) -> SourceLocation {
        let position = node.position
        return SourceLocation(file: file, line: (position?.line ?? 1) + lineOffset, column: position?.column ?? 1)
    }

    mutating func error(at node: some YAMLNode, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location(of: node), message))
    }

    mutating func warn(at node: some YAMLNode, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: location(of: node), message))
    }

    /// Errors so far: a warning does not stop a value from loading.
    var errorCount: Int { diagnostics.count { $0.severity == .error } }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// The fields of a mapping node, checked against the keys this kind of entry knows.
    mutating func fields<Value: YAMLNode>(of node: Value, describing what: String, known: [String]) -> Fields<Value>? {
        guard let pairs = node.pairs else {
            error(at: node, "expected \(what) as a mapping of `key: value` lines")
            return nil
        }
        var values: [(name: String, value: Value)] = []
        values.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            guard let name = key.text else {
                error(at: key, "a key in \(what) must be plain text")
                continue
            }
            if known.contains(name) {
                values.append((name, value))
            } else {
                error(at: key, "unknown field '\(name)' in \(what)\(Suggestion.hint(for: name, among: known))")
            }
        }
        return Fields(node: node, values: values, what: what)
    }

    /// The most characters a text value may have unless its field says otherwise (a vocabulary
    /// macro is long; nothing else comes near), and the most items a list may have: a file of a
    /// few hundred KB must not cost every start seconds and gigabytes (YAML aliases repeat a value).
    static let maxLength = 64 * 1024
    static let maxItems = 1_000

    /// A non-empty string value; one line unless `multiline` (a letter's signature).
    mutating func string(_ node: some YAMLNode, field: String, multiline: Bool = false,
                         maxLength: Int = NodeReader.maxLength) -> String? {
        guard let raw = node.text else {
            error(at: node, "'\(field)' must be text, not a \(node.kindName)")
            return nil
        }
        // Counted in bytes first: counting the characters of a huge value is itself the cost.
        if raw.utf8.count > maxLength, raw.count > maxLength {
            error(at: node, "'\(field)' is \(raw.count) characters long; at most \(maxLength) are accepted")
            return nil
        }
        let text = raw.trimmingWhitespace
        if text.isEmpty {
            error(at: node, "'\(field)' is empty")
            return nil
        }
        // Bank text is shown one line at a time: a line break in it could print a fake lint line,
        // and a bidi control reorder what the terminal shows.
        if let scalar = text.unicodeScalars.first(where: { ControlCharacters.isControl($0) && $0 != "\t" && !(multiline && $0 == "\n") }) {
            let what = ControlCharacters.isLineBreak(scalar) ? "a line break" : "a control character (\(ControlCharacters.visible(scalar)))"
            error(at: node, "'\(field)' contains \(what); write it on one line (`>` folds a long value)")
            return nil
        }
        return text
    }

    /// A list of non-empty strings; a single scalar is accepted as a list of one.
    mutating func strings<Value: YAMLNode>(_ node: Value, field: String, maxItems: Int = NodeReader.maxItems,
                                           maxLength: Int = NodeReader.maxLength) -> [(value: String, node: Value)]? {
        guard let items = node.text != nil ? [node] : node.items else {
            error(at: node, "'\(field)' must be a list, like [a, b]")
            return nil
        }
        guard items.count <= maxItems else {
            error(at: node, "'\(field)' has \(items.count) items; at most \(maxItems) are accepted")
            return nil
        }
        var values: [(String, Value)] = []
        for item in items {
            if let value = string(item, field: field, maxLength: maxLength) { values.append((value, item)) }
        }
        return values
    }

    mutating func integer(_ node: some YAMLNode, field: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = node.text, let value = Int(text.trimmingWhitespace) else {
            error(at: node, "'\(field)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        guard range.contains(value) else {
            error(at: node, "'\(field)' is \(value); it must be from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    mutating func bool(_ node: some YAMLNode, field: String) -> Bool? {
        switch node.text?.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(at: node, "'\(field)' must be true or false")
            return nil
        }
    }

    /// The items of a sequence node.
    mutating func sequence<Value: YAMLNode>(_ node: Value, field: String) -> [Value]? {
        guard let items = node.items else {
            error(at: node, "'\(field)' must be a list of entries, each starting with '- '")
            return nil
        }
        return items
    }
}

/// The present fields of one mapping entry: a handful, so a list beats
/// hashing each key (100,000 questions are read this way).
struct Fields<Value: YAMLNode> {
    let node: Value
    let values: [(name: String, value: Value)]
    let what: String

    /// The last value of the key, as a mapping read into a dictionary would keep.
    subscript(_ key: String) -> Value? { values.last { $0.name == key }?.value }

    /// The value of a field that must be there; reports its absence at the entry itself.
    func required(_ key: String, reader: inout NodeReader) -> Value? {
        if let value = self[key] { return value }
        reader.error(at: node, "\(what) is missing the required field '\(key)'")
        return nil
    }
}

/// What the readers need of a YAML value: its text, items or key-value
/// pairs, and where it is. Yams' nodes have it, and so have the `PlainNode`s
/// of the fast path for plain question lists.
protocol YAMLNode {
    /// A scalar's text; nil for a list or mapping.
    var text: String? { get }
    /// A list's items.
    var items: [Self]? { get }
    /// A mapping's pairs, in order.
    var pairs: [(key: Self, value: Self)]? { get }
    var position: (line: Int, column: Int)? { get }
    /// "value", "list", "mapping", for messages.
    var kindName: String { get }
}

extension Node: YAMLNode {
    var text: String? { scalar?.string }

    var items: [Node]? {
        if case let .sequence(sequence) = self { Array(sequence) } else { nil }
    }

    var pairs: [(key: Node, value: Node)]? {
        if case let .mapping(mapping) = self { mapping.map { ($0.key, $0.value) } } else { nil }
    }

    var position: (line: Int, column: Int)? { mark.map { ($0.line, $0.column) } }

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
        // Most values have nothing to trim, and walking Characters looks up a Unicode property for each.
        if startsAndEndsVisibly { return self }
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
