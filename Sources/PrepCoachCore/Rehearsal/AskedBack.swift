import Foundation
import SafeRegex
import Yams

/// A question the person you talk to commonly asks you back ("So, tell me about
/// yourself", "How can I help?"), from an `asked-back:` file, with the coach's
/// note on what a good answer holds.
public struct AskedBackQuestion: Sendable, Hashable {
    public let id: String
    public let text: String
    public let stages: TagSet
    /// How long a good spoken answer takes.
    public let seconds: Int
    /// What a good answer holds.
    public let note: String
    /// The answer must end in a concrete ask that no job-ask rule flags ("How can I help?").
    public let endsWithAsk: Bool
    public let location: SourceLocation

    public init(id: String, text: String, stages: TagSet, seconds: Int, note: String, endsWithAsk: Bool,
                location: SourceLocation) {
        self.id = id
        self.text = text
        self.stages = stages
        self.seconds = seconds
        self.note = note
        self.endsWithAsk = endsWithAsk
        self.location = location
    }
}

/// What a concrete ask names (a person to talk to, an event, a resource): patterns
/// in the rules' syntax, with their examples.
public struct ConcreteAsk: Sendable, Hashable {
    public internal(set) var patterns: [String] = []
    /// Must match / must not match.
    public internal(set) var concrete: [Rule.Example] = []
    public internal(set) var vague: [Rule.Example] = []

    public init() {}

    /// The patterns compiled with these macros; a pattern that no longer compiles is left out
    /// (the loader has reported it).
    public func matcher(macros: PatternMacros) -> ConcreteAskMatcher {
        ConcreteAskMatcher(patterns: patterns.compactMap { source in
            (try? macros.expand(source)).flatMap { try? Pattern($0.text) }
        })
    }

    /// The examples that do not do what they say, judged as answers are (by their last sentence): each
    /// with whether it should have matched.
    public func exampleFailures(macros: PatternMacros) -> [(example: Rule.Example, shouldMatch: Bool)] {
        let matcher = matcher(macros: macros)
        return concrete.filter { !matcher.endsWithAsk($0.text) }.map { ($0, true) }
            + vague.filter { matcher.endsWithAsk($0.text) }.map { ($0, false) }
    }
}

/// Tells whether a sentence names something concrete to ask for.
public struct ConcreteAskMatcher: Sendable {
    let patterns: [Pattern]

    public func matches(_ sentence: String) -> Bool {
        let text = QuestionText.normalize(sentence)
        return patterns.contains { $0.matches(text) }
    }

    /// Whether the last sentence of an answer names something concrete: an ask mid-answer,
    /// followed by small talk, leaves them with nothing to act on.
    public func endsWithAsk(_ answer: String) -> Bool {
        Sentences.split(answer).last.map(matches) ?? false
    }
}

extension Banks {
    /// The questions asked back of someone at this stage (all of them without a stage), in file order.
    public func askedBack(stage: String?) -> [AskedBackQuestion] {
        askedBackQuestions.filter { question in stage.map(question.stages.contains) ?? true }
    }
}

/// Reads an `asked-back:` file: its questions, checked against the stage
/// vocabulary, and its `concrete-ask` patterns, each problem at its `file:line:col`.
struct AskedBackReader {
    static let fields = ["id", "text", "stages", "seconds", "note", "ends-with-ask"]
    static let seconds = 10...180

    let questionReader: QuestionBankReader
    let ruleReader: RuleReader

    func read(_ document: YAMLDocument, into banks: inout Banks, reader: inout NodeReader) {
        guard let top = reader.fields(of: document.root, describing: "the asked-back file",
                                      known: ["asked-back", "concrete-ask"]) else { return }
        if let list = top["asked-back"], let entries = reader.sequence(list, field: "asked-back") {
            for entry in entries {
                guard let question = question(entry, reader: &reader) else { continue }
                if let first = banks.askedBackQuestions.first(where: { $0.id == question.id }) {
                    reader.error(at: entry, "duplicate asked-back question id '\(question.id)'; first defined at \(first.location)")
                } else {
                    banks.askedBackQuestions.append(question)
                }
            }
        }
        if let node = top["concrete-ask"] { concreteAsk(node, into: &banks, reader: &reader) }
    }

    private func question(_ node: Node, reader: inout NodeReader) -> AskedBackQuestion? {
        guard let fields = reader.fields(of: node, describing: "an asked-back question", known: Self.fields) else { return nil }
        let before = reader.errorCount
        let id = fields.required("id", reader: &reader).flatMap { questionReader.idValue($0, reader: &reader) }
        let text = fields.required("text", reader: &reader).flatMap { questionReader.questionText($0, reader: &reader) }
        let stages = fields.required("stages", reader: &reader)
            .flatMap { questionReader.tagSet($0, kind: .stage, reader: &reader) }
        let seconds = fields.required("seconds", reader: &reader)
            .flatMap { reader.integer($0, field: "seconds", in: Self.seconds) }
        let note = fields.required("note", reader: &reader).flatMap { reader.string($0, field: "note") }
        let endsWithAsk = fields["ends-with-ask"].map { reader.bool($0, field: "ends-with-ask") } ?? false
        guard reader.errorCount == before, let id, let text, let stages, let seconds, let note, let endsWithAsk else {
            return nil
        }
        return AskedBackQuestion(id: id, text: text, stages: stages, seconds: seconds, note: note,
                                 endsWithAsk: endsWithAsk, location: reader.location(of: node))
    }

    private func concreteAsk(_ node: Node, into banks: inout Banks, reader: inout NodeReader) {
        guard let fields = reader.fields(of: node, describing: "'concrete-ask'", known: ["patterns", "examples"]) else { return }
        let patterns = fields.required("patterns", reader: &reader)
            .flatMap { ruleReader.compile($0, field: "patterns", reader: &reader) }
        guard let examplesNode = fields.required("examples", reader: &reader),
              let examples = reader.fields(of: examplesNode, describing: "'examples'", known: ["concrete", "vague"])
        else { return }
        let example = { (item: (value: String, node: Node), reader: NodeReader) in
            Rule.Example(text: item.value, location: reader.location(of: item.node))
        }
        let concrete = examples.required("concrete", reader: &reader).flatMap { reader.strings($0, field: "concrete") }
        let vague = examples.required("vague", reader: &reader).flatMap { reader.strings($0, field: "vague") }
        guard let patterns, let concrete, let vague else { return }
        var added = ConcreteAsk()
        added.patterns = patterns.map(\.source)
        added.concrete = concrete.map { example($0, reader) }
        added.vague = vague.map { example($0, reader) }
        // A pattern that misses its own examples would judge answers silently wrong: say so where the example is.
        for (failed, shouldMatch) in added.exampleFailures(macros: banks.macros) {
            reader.report(Diagnostic(.error, at: failed.location, shouldMatch
                ? "no concrete-ask pattern matches its own example \"\(failed.text)\""
                : "a concrete-ask pattern matches its vague example \"\(failed.text)\""))
        }
        banks.concreteAsk.patterns += added.patterns
        banks.concreteAsk.concrete += added.concrete
        banks.concreteAsk.vague += added.vague
    }
}
