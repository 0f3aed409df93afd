import Foundation
import SafeRegex

/// One rule's verdict on one question.
public struct Finding: Sendable, Hashable {
    public let rule: Rule
    /// The words that triggered the rule, from the normalised question.
    public let matched: String
    /// A better question written for this one (`RuleEngine.tailored`); nil: the rule's own.
    var tailoredSuggestion: String?

    /// The question to ask instead: `lint`'s `try:` line.
    public var suggestion: String { tailoredSuggestion ?? rule.suggestion }

    /// The rule's message with `{match}` replaced by the matched words. Both
    /// are capped: a message of a thousand `{match}`es on a long question must
    /// not print megabytes.
    public var message: String {
        let quoted = Self.capped(matched, at: Self.maxQuoted)
        // Found byte by byte (`replacingEvery`): Foundation's replace copied the
        // message through UTF-16, a twentieth of `lint FILE`.
        return Self.capped(rule.message.replacingEvery("{match}", with: quoted), at: Self.maxMessage)
    }

    static let maxQuoted = 120
    static let maxMessage = 600

    /// At most `limit` characters, the last an ellipsis when cut. A character is
    /// at least a byte, so only long texts have their characters counted.
    private static func capped(_ text: String, at limit: Int) -> String {
        text.utf8.count > limit && text.count > limit ? text.prefix(limit - 1) + "…" : text
    }
}

/// The enabled rules, each compiled into its own automaton: patterns and
/// exceptions alike are finite automata that never backtrack, so no pattern
/// can hang the program.
///
/// One automaton per rule rather than one for all: a combined automaton has to
/// track every rule's partial matches at once, and its states multiply until
/// its cache thrashes (measured: about 4× slower cold, 15× warm; BENCHMARKS.md).
/// A rule's automata are built the first time a question holds one of its
/// literals (`LiteralPrefilter`): a one-shot `lint` or `pick` builds a few, not all.
///
/// Not thread-safe (automata cache states as they go); use one per thread.
public final class RuleEngine {
    public let rules: [Rule]
    /// Per rule, in `rules` order: its compiled patterns, and its automata once
    /// built (at `2 × rule` its patterns', at `2 × rule + 1` its exceptions').
    private let compiled: [CompiledRule]
    private var automata: [Automaton]
    let macros: PatternMacros
    /// Each rule's patterns, compiled on their own only once the rule fires,
    /// to find the words to quote: most rules never fire in a session.
    private var quoting: [Int: [Int: Pattern]] = [:]
    /// The lint model's second opinion, when a model is installed and on.
    public let opinion: ModelOpinion?
    /// Companies from research notes, seen by the rules as `the company`.
    public let companies: CompanyNames
    /// Writes each finding's `try:` line for its question.
    private let suggestions: TailoredSuggestion

    private enum Automaton {
        case unbuilt
        case built(PatternSet)
        /// No exceptions; or neither the stored automata nor the patterns compile (cannot happen short of a
        /// damaged snapshot whose checksum still matches): the part never matches.
        case none
    }

    /// `precompiled` automata (by rule id, from the bank snapshot) are used
    /// where they still match the rule and macros; the other rules are compiled.
    public init(rules: [Rule], macros: PatternMacros, precompiled: [String: CompiledRule] = [:],
                opinion: ModelOpinion? = nil, companies: CompanyNames = CompanyNames(),
                suggestions: SuggestionRules = SuggestionRules()) throws {
        compiled = try rules.map { rule in
            try precompiled[rule.id].flatMap { $0.matches(rule, macros: macros) ? $0 : nil }
                ?? CompiledRule(rule, macros: macros)
        }
        automata = Array(repeating: .unbuilt, count: 2 * rules.count)
        self.rules = rules
        self.macros = macros
        self.opinion = opinion
        self.companies = companies
        self.suggestions = TailoredSuggestion(suggestions, macros: macros)
    }

    /// The findings with their `try:` lines written for `question` (only for
    /// output: `lint`'s hot path and `pick` need no suggestions).
    public func tailored(_ findings: [Finding], for question: String) -> [Finding] {
        var tailored = findings.map { finding in
            var tailored = finding
            tailored.tailoredSuggestion = suggestions.suggestion(for: finding, in: question) { self.lint($0) }
            return tailored
        }
        // A yes/no "Are you hiring?" is first a job ask: its closed-question line says the same as the job ask's.
        let main = tailored.first { [.researchAnswerable, .jobAsk].contains($0.rule.category) }?.suggestion
        for index in tailored.indices where tailored[index].tailoredSuggestion == nil
            && [.closedQuestion, .selfFocused].contains(tailored[index].rule.category) {
            tailored[index].tailoredSuggestion = main
        }
        return tailored
    }

    /// A rule's patterns' or exceptions' automaton, built on first use.
    private func automaton(_ part: CompiledRule.Part, of rule: Int) -> PatternSet? {
        let slot = 2 * rule + (part == .patterns ? 0 : 1)
        if case .unbuilt = automata[slot] {
            let set = part == .exceptions && rules[rule].exceptions.isEmpty ? nil
                : compiled[rule].patternSet(part) ?? (try? CompiledRule(rules[rule], macros: macros))?.patternSet(part)
            automata[slot] = set.map { .built(PatternSet($0)) } ?? .none
        }
        guard case let .built(set) = automata[slot] else { return nil }
        return set
    }

    /// Every rule that flags the question, most severe first, then the model's
    /// findings in categories no rule (nor `alongside`) flagged: where rule
    /// and model agree, the rule's finding is the one shown.
    public func lint(_ question: String, alongside extra: [Finding] = []) -> [Finding] {
        let text = companies.masking(QuestionText.normalize(question))
        var findings = text.withUnsafeBufferPointer(matches).map { match in
            // Only the pattern that matched is run again, to find the words to quote.
            let range = pattern(match.pattern, of: match.rule)?.firstMatch(in: text) ?? 0..<0
            let words = String(decoding: text[range], as: UTF8.self).trimmingWhitespace
            return Finding(rule: rules[match.rule], matched: words)
        } + extra
        if let opinion {
            let flagged = Set(findings.map(\.rule.category))
            findings += text.withUnsafeBufferPointer { opinion.findings($0, skipping: flagged) }
        }
        return findings.sorted { ($0.rule.severity, $0.rule.id) < ($1.rule.severity, $1.rule.id) }
    }

    private func pattern(_ index: Int, of rule: Int) -> Pattern? {
        if let compiled = quoting[rule]?[index] { return compiled }
        // It was compiled once already in the automaton, so this does not fail.
        let compiled = try? Pattern(macros.expand(rules[rule].patterns[index]).text)
        quoting[rule, default: [:]][index] = compiled
        return compiled
    }

    /// Indices of the rules whose patterns match a normalised text and none of whose exceptions do.
    public func flaggedRules(_ normalized: UnsafeBufferPointer<UInt8>) -> [Int] {
        matches(normalized).map(\.rule)
    }

    /// Each flagging rule with the first of its patterns that matched.
    ///
    /// The prefilter only spares building a rule's automaton for questions that
    /// cannot reach it; once the automaton is built, its own scan is cheaper than
    /// the prefilter (which was half of `lint FILE` on 100,000 questions), so
    /// the text is prepared for the prefilter only while some rule is unbuilt.
    private func matches(_ normalized: UnsafeBufferPointer<UInt8>) -> [(rule: Int, pattern: Int)] {
        var text: LiteralPrefilter.Text?
        func mayReach(_ rule: Int) -> Bool {
            guard case .unbuilt = automata[2 * rule] else { return true }
            let prepared = text ?? LiteralPrefilter.Text(normalized)
            text = prepared
            return compiled[rule].prefilter.mayMatch(prepared)
        }
        return compiled.indices.compactMap { index in
            guard mayReach(index),
                  let first = automaton(.patterns, of: index)?.matchingIndices(in: normalized).first else { return nil }
            // Exceptions are only built and read for a rule that matched: most questions match none.
            guard automaton(.exceptions, of: index)?.matchingIndices(in: normalized).isEmpty ?? true else { return nil }
            return (index, first)
        }
    }
}

/// A rule example that does not do what it says: the rule's own test.
public struct ExampleFailure: Sendable, Hashable {
    public let rule: Rule
    public let example: Rule.Example
    /// True for a `flag:` example the rule missed, false for a `pass:` example it flagged.
    public let shouldFlag: Bool
    /// The rule was left out of the engine because of this failure.
    public let unused: Bool

    public init(rule: Rule, example: Rule.Example, shouldFlag: Bool, unused: Bool = false) {
        self.rule = rule
        self.example = example
        self.shouldFlag = shouldFlag
        self.unused = unused
    }

    public var diagnostic: Diagnostic {
        Diagnostic(.error, at: example.location, (shouldFlag
            ? "rule '\(rule.id)' does not flag its own example \"\(example.text)\""
            : "rule '\(rule.id)' flags its own pass example \"\(example.text)\"")
            + (unused ? "; the rule is not used until its examples pass" : ""))
    }
}

extension RuleEngine {
    /// Runs every rule's `flag:` and `pass:` examples, the way SwiftLint runs
    /// its rules' triggering and non-triggering examples.
    public func exampleFailures() -> [ExampleFailure] {
        rules.flatMap { rule in
            let flagged = { (example: Rule.Example) in self.lint(example.text).contains { $0.rule.id == rule.id } }
            return rule.examples.flag.filter { !flagged($0) }.map { ExampleFailure(rule: rule, example: $0, shouldFlag: true) }
                + rule.examples.pass.filter(flagged).map { ExampleFailure(rule: rule, example: $0, shouldFlag: false) }
        }
    }
}
