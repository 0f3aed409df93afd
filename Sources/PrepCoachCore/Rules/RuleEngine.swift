import Foundation
import SafeRegex

/// One rule's verdict on one question.
public struct Finding: Sendable, Hashable {
    public let rule: Rule
    /// The words that triggered the rule, from the normalised question.
    public let matched: String

    /// The rule's message with `{match}` replaced by the matched words.
    public var message: String { rule.message.replacingOccurrences(of: "{match}", with: matched) }
}

/// The enabled rules, each compiled into its own automaton: patterns and
/// exceptions alike are finite automata that never backtrack, so no pattern
/// can hang the program.
///
/// One automaton per rule rather than one for all: a combined automaton has to
/// track every rule's partial matches at once, and its states multiply until
/// its cache thrashes (measured: about 4× slower cold, 15× warm; BENCHMARKS.md).
///
/// Not thread-safe (automata cache states as they go); use one per thread.
public final class RuleEngine {
    public let rules: [Rule]
    private let automata: [(patterns: PatternSet, exceptions: PatternSet?)]
    private let macros: PatternMacros
    /// Each rule's patterns, compiled on their own only once the rule fires,
    /// to find the words to quote: most rules never fire in a session.
    private var quoting: [Int: [Pattern]] = [:]

    /// `precompiled` automata (by rule id, from the bank snapshot) are used
    /// where they still match the rule and macros; the other rules are compiled.
    public init(rules: [Rule], macros: PatternMacros, precompiled: [String: CompiledRule] = [:]) throws {
        self.automata = try rules.map { rule in
            let compiled = try precompiled[rule.id].flatMap { $0.matches(rule, macros: macros) ? $0 : nil }
                ?? CompiledRule(rule, macros: macros)
            return (PatternSet(compiled.patternSet), compiled.exceptionSet.map { PatternSet($0) })
        }
        self.rules = rules
        self.macros = macros
    }

    /// Every rule that flags the question, most severe first.
    public func lint(_ question: String) -> [Finding] {
        let text = QuestionText.normalize(question)
        return text.withUnsafeBufferPointer(flaggedRules).map { index in
            let match = patterns(of: index).lazy.compactMap { $0.firstMatch(in: text) }.first ?? 0..<0
            let words = String(decoding: text[match], as: UTF8.self).trimmingWhitespace
            return Finding(rule: rules[index], matched: words)
        }
        .sorted { ($0.rule.severity, $0.rule.id) < ($1.rule.severity, $1.rule.id) }
    }

    private func patterns(of rule: Int) -> [Pattern] {
        if let compiled = quoting[rule] { return compiled }
        // Each was compiled once already in the automaton, so this cannot fail.
        let compiled = rules[rule].patterns.compactMap { try? Pattern(macros.expand($0).text) }
        quoting[rule] = compiled
        return compiled
    }

    /// Indices of the rules whose patterns match a normalised text and none of whose exceptions do.
    public func flaggedRules(_ normalized: UnsafeBufferPointer<UInt8>) -> [Int] {
        automata.indices.filter { index in
            let (patterns, exceptions) = automata[index]
            // Exceptions are only read for a rule that matched: most questions match none.
            return !patterns.matchingIndices(in: normalized).isEmpty
                && exceptions.map { $0.matchingIndices(in: normalized).isEmpty } ?? true
        }
    }
}

/// A rule example that does not do what it says: the rule's own test.
public struct ExampleFailure: Sendable, Hashable {
    public let rule: Rule
    public let example: Rule.Example
    /// True for a `flag:` example the rule missed, false for a `pass:` example it flagged.
    public let shouldFlag: Bool

    public var diagnostic: Diagnostic {
        Diagnostic(.error, at: example.location, shouldFlag
            ? "rule '\(rule.id)' does not flag its own example \"\(example.text)\""
            : "rule '\(rule.id)' flags its own pass example \"\(example.text)\"")
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
