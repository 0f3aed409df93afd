import SafeRegex
import Yams

/// What `lint`'s `try:` line makes of the question asked, as data
/// (`rules/suggestions.yaml`): the insider's question for each attribute a
/// research question can ask about, and how a closed question is reopened
/// from its own words.
public struct SuggestionRules: Sendable, Hashable {
    /// An attribute of an organisation or a person, and the insider's question about it.
    public struct Attribute: Sendable, Hashable {
        public let name: String
        /// Pattern pieces (macros allowed) naming the attribute, one of which must be in the question.
        public let terms: [String]
        public let suggestion: String
        /// A question asking about the attribute: the suite checks it gets this suggestion.
        public let example: String
        public let location: SourceLocation
    }

    /// A closed question's first words and the open question made of them.
    public struct Reopening: Sendable, Hashable {
        /// Matched at the start of the normalised question (after a filler such as "so").
        public let opener: String
        /// `{1}`…`{9}` are the opener's words, `{last}` its last, `{between}` those between its
        /// first and last, `{rest}` the question's words after it.
        public let template: String
        /// A closed question and what it becomes: the suite checks both.
        public let example: String
        public let expected: String
        public let location: SourceLocation
    }

    public internal(set) var attributes: [Attribute] = []
    public internal(set) var reopenings: [Reopening] = []

    public init() {}
}

/// Reads `attributes:` and `reopenings:` files, checking each pattern where it is written.
enum SuggestionRulesReader {
    static let topLevelKeys: Set<String> = ["attributes", "reopenings"]

    static func read(_ document: YAMLDocument, macros: PatternMacros, into rules: inout SuggestionRules,
                     reader: inout NodeReader) {
        guard let top = reader.fields(of: document.root, describing: "a suggestions file", known: Array(topLevelKeys))
        else { return }
        for item in top["attributes"].flatMap({ reader.sequence($0, field: "attributes") }) ?? [] {
            guard let fields = reader.fields(of: item, describing: "an attribute",
                                             known: ["name", "terms", "try", "example"]) else { continue }
            let text = { (key: String, reader: inout NodeReader) in
                fields.required(key, reader: &reader).flatMap { reader.string($0, field: key) }
            }
            let name = text("name", &reader), suggestion = text("try", &reader), example = text("example", &reader)
            let terms = fields.required("terms", reader: &reader).flatMap { reader.strings($0, field: "terms") }
            guard let name, let suggestion, let example, let terms,
                  terms.allSatisfy({ valid($0.value, at: $0.node, macros: macros, reader: &reader) }) else { continue }
            rules.attributes.append(.init(name: name, terms: terms.map(\.value), suggestion: suggestion,
                                          example: example, location: reader.location(of: item)))
        }
        for item in top["reopenings"].flatMap({ reader.sequence($0, field: "reopenings") }) ?? [] {
            guard let fields = reader.fields(of: item, describing: "a reopening",
                                             known: ["opener", "try", "example", "gives"]) else { continue }
            let text = { (key: String, reader: inout NodeReader) in
                fields.required(key, reader: &reader).flatMap { reader.string($0, field: key) }
            }
            let opener = text("opener", &reader), template = text("try", &reader)
            let example = text("example", &reader), expected = text("gives", &reader)
            guard let opener, let template, let example, let expected, let node = fields["opener"],
                  valid(opener, at: node, macros: macros, reader: &reader) else { continue }
            rules.reopenings.append(.init(opener: opener, template: template, example: example, expected: expected,
                                          location: reader.location(of: item)))
        }
    }

    private static func valid(_ pattern: String, at node: Node, macros: PatternMacros, reader: inout NodeReader) -> Bool {
        do {
            try Pattern.validate(macros.expand(pattern).text)
            return true
        } catch let error as PatternError {
            reader.error(at: node, "bad pattern: \(error.message)")
        } catch {
            reader.error(at: node, "\(error)")
        }
        return false
    }
}
