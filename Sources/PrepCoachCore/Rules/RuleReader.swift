import SafeRegex
import Yams

/// Reads one rule file (and `macros:` files), checking every field and
/// compiling every pattern so a mistake is reported at its line and column.
struct RuleReader {
    static let fields = ["id", "name", "category", "severity", "message", "suggestion", "rationale", "link", "patterns",
                         "exceptions", "examples"]

    let macros: PatternMacros

    /// Reads `macros:`, each a list of terms, one a line (a term is a piece of
    /// a pattern: a word, a phrase or a small alternation in parentheses). Each
    /// term is checked where it is written; a macro is its terms joined by `|`.
    /// A single quoted `'a|b|c'` is still read, as one term.
    static func readMacros(_ document: YAMLDocument, into macros: inout PatternMacros, reader: inout NodeReader) {
        guard let top = reader.fields(of: document.root, describing: "the macros file", known: ["macros"]),
              let list = top.required("macros", reader: &reader) else { return }
        guard case let .mapping(mapping) = list else {
            reader.error(at: list, "'macros' must be a mapping of names to lists of terms, one a line")
            return
        }
        for (key, value) in mapping {
            guard let name = key.scalar?.string, let terms = reader.strings(value, field: "macro \(name)") else { continue }
            if !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
                reader.error(at: key, "macro name '\(name)' must be letters, digits, '-' or '_'")
            } else if macros.values[name] != nil {
                reader.error(at: key, "macro '\(name)' is already defined")
            } else {
                let isList = value.scalar == nil
                let valid = terms.filter { checkTerm($0.value, at: $0.node, inList: isList, reader: &reader) }
                guard valid.count == terms.count else { continue }
                macros.define(name, as: terms.map(\.value).joined(separator: "|"), at: reader.location(of: value))
            }
        }
    }

    /// Whether a macro term is a well-formed piece of a pattern; problems are reported at its column.
    private static func checkTerm(_ term: String, at node: Node, inList: Bool, reader: inout NodeReader) -> Bool {
        let start = reader.location(of: node)
        let quoted = node.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
        let at = { (offset: Int) in
            SourceLocation(file: start.file, line: start.line, column: start.column + (quoted ? 1 : 0) + offset)
        }
        if let offset = term.utf8.firstIndex(where: { $0 >= 0x80 }) {
            reader.report(Diagnostic(.error, at: at(term.utf8.distance(from: term.utf8.startIndex, to: offset)),
                "patterns see normalised text without accents or capitals: write 'resume', not 'résumé'"))
            return false
        }
        // References to other macros are checked once all are read; here they stand for a group.
        let bytes = Array(term.utf8)
        var shape = "", index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count, Character(Unicode.Scalar(bytes[index + 1])).isLetter,
               let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")) {
                shape += "(" + String(repeating: "x", count: close - index - 1) + ")"
                index = close + 1
            } else {
                shape.unicodeScalars.append(Unicode.Scalar(bytes[index]))
                index += 1
            }
        }
        do {
            try Pattern.validate(shape)
        } catch {
            reader.report(Diagnostic(.error, at: at(error.offset), "bad term: \(error.message)"))
            return false
        }
        if inList, let bar = topLevelBar(in: bytes) {
            reader.report(Diagnostic(.error, at: at(bar), "one term a line: put what follows '|' in an item of its own"))
            return false
        }
        return true
    }

    /// The offset of a `|` outside parentheses and brackets, if any.
    private static func topLevelBar(in bytes: [UInt8]) -> Int? {
        var depth = 0, inBracket = false, index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 1
            case UInt8(ascii: "[") where !inBracket: inBracket = true
            case UInt8(ascii: "]") where inBracket: inBracket = false
            case UInt8(ascii: "(") where !inBracket: depth += 1
            case UInt8(ascii: ")") where !inBracket: depth -= 1
            case UInt8(ascii: "|") where !inBracket && depth == 0: return index
            default: break
            }
            index += 1
        }
        return nil
    }

    func read(_ document: YAMLDocument, reader: inout NodeReader) -> Rule? {
        guard let fields = reader.fields(of: document.root, describing: "a rule", known: Self.fields) else { return nil }
        let before = reader.diagnostics.count
        func text(_ key: String) -> String? {
            fields.required(key, reader: &reader).flatMap { reader.string($0, field: key) }
        }
        let id = text("id")
        if let id, let node = fields["id"], !TagID.isValid(id) {
            reader.error(at: node, "rule id '\(id)' must be lowercase letters, digits and dashes")
        }
        let category: RuleCategory? = fields.required("category", reader: &reader)
            .flatMap { choice($0, field: "category", reader: &reader) }
        let severity: RuleSeverity? = fields.required("severity", reader: &reader)
            .flatMap { choice($0, field: "severity", reader: &reader) }
        let message = text("message"), suggestion = text("suggestion")
        let rationale = text("rationale"), link = text("link")
        let name = fields["name"].flatMap { reader.string($0, field: "name") }
        let patterns = fields.required("patterns", reader: &reader).flatMap { compile($0, field: "patterns", reader: &reader) }
        let exceptions = fields["exceptions"].map { compile($0, field: "exceptions", reader: &reader) } ?? []
        let examples = fields.required("examples", reader: &reader).flatMap { self.examples($0, reader: &reader) }
        if let node = fields["patterns"], case let .sequence(items) = node, items.isEmpty {
            reader.error(at: node, "a rule needs at least one pattern")
        }
        guard reader.diagnostics.count == before, let id, let category, let severity, let message, let suggestion,
              let rationale, let link, let patterns, let exceptions, let examples else { return nil }
        return Rule(id: id, name: name, category: category, severity: severity, message: message,
                    suggestion: suggestion, rationale: rationale, link: link, patterns: patterns.map(\.source),
                    exceptions: exceptions.map(\.source), patternLocations: patterns.map(\.location),
                    exceptionLocations: exceptions.map(\.location), examples: examples,
                    location: reader.location(of: document.root))
    }

    private func choice<Value: RawRepresentable & CaseIterable>(
        _ node: Node, field: String, reader: inout NodeReader
    ) -> Value? where Value.RawValue == String {
        guard let name = reader.string(node, field: field) else { return nil }
        if let value = Value(rawValue: name) { return value }
        let names = Value.allCases.map(\.rawValue)
        reader.error(at: node, "unknown \(field) '\(name)'\(Suggestion.hint(for: name, among: names)); "
                     + "use one of: \(names.joined(separator: ", "))")
        return nil
    }

    /// Expands macros and compiles each pattern on its own, so an error names
    /// the exact pattern and column; returns the patterns as written (the
    /// engine expands them again, with the companies from research notes).
    func compile(_ node: Node, field: String, reader: inout NodeReader)
        -> [(source: String, location: SourceLocation)]? {
        guard let items = reader.strings(node, field: field) else { return nil }
        var patterns: [(source: String, location: SourceLocation)] = []
        for (source, item) in items {
            let start = reader.location(of: item)
            let quoted = item.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
            let column = { (offset: Int) in
                SourceLocation(file: start.file, line: start.line, column: start.column + (quoted ? 1 : 0) + offset)
            }
            // Values are read trimmed: `'^ is i '` would silently become `^ is i` and match "is it".
            if let raw = item.scalar?.string, raw.last?.isWhitespace == true {
                reader.report(Diagnostic(.error, at: column(raw.utf8.count - 1),
                    "a space at the end of a pattern is dropped when it is read; end the pattern with \\b instead"))
                continue
            }
            if let offset = source.utf8.firstIndex(where: { $0 >= 0x80 }) {
                let at = source.utf8.distance(from: source.utf8.startIndex, to: offset)
                reader.report(Diagnostic(.error, at: column(at),
                    "patterns see normalised text without accents or capitals: write 'resume', not 'résumé'"))
                continue
            }
            do {
                let (text, origin) = try macros.expand(source)
                do {
                    try Pattern.validate(text)
                    patterns.append((source, start))
                } catch {
                    reader.report(Diagnostic(.error, at: column(origin(error.offset)), "bad pattern: \(error.message)"))
                }
            } catch {
                reader.report(Diagnostic(.error, at: column(error.offset), error.description))
            }
        }
        return patterns
    }

    private func examples(_ node: Node, reader: inout NodeReader) -> Rule.Examples? {
        guard let fields = reader.fields(of: node, describing: "'examples'", known: ["flag", "pass"]) else { return nil }
        func list(_ key: String) -> [(value: String, node: Node)]? {
            fields.required(key, reader: &reader).flatMap {
                reader.strings($0, field: key, maxItems: Rule.maxExamples, maxLength: Question.maxLength)
            }
        }
        let flag = list("flag")
        let pass = list("pass")
        guard let flag, let pass else { return nil }
        let example = { (item: (value: String, node: Node)) in
            Rule.Example(text: item.value, location: reader.location(of: item.node))
        }
        return Rule.Examples(flag: flag.map(example), pass: pass.map(example))
    }
}
