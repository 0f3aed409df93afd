import SafeRegex

/// A pattern that none of its rule's `flag:` examples matches, or an exception
/// that clears none of its `pass:` examples: a part of the rule nothing shows
/// to work, so nobody can tell what it is for or notice when it breaks.
public struct UncoveredPart: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case pattern, exception }

    public let rule: Rule
    public let kind: Kind
    public let index: Int

    public var diagnostic: Diagnostic {
        let locations = kind == .pattern ? rule.patternLocations : rule.exceptionLocations
        let location = locations.indices.contains(index) ? locations[index] : rule.location
        return Diagnostic(.error, at: location, kind == .pattern
            ? "rule '\(rule.id)': no flag: example matches this pattern; add one it flags, or remove the pattern"
            : "rule '\(rule.id)': this exception clears no pass: example (one a pattern matches); "
                + "add one it clears, or remove the exception")
    }
}

extension RuleEngine {
    /// Every pattern hit by no `flag:` example of its rule, and every exception
    /// that clears no `pass:` example a pattern of its rule matches.
    public func uncoveredParts() -> [UncoveredPart] {
        rules.flatMap { rule -> [UncoveredPart] in
            let compile = { (source: String) in try? Pattern(self.macros.expand(source).text) }
            let patterns = rule.patterns.map(compile), exceptions = rule.exceptions.map(compile)
            let normalized = { (example: Rule.Example) in self.companies.masking(QuestionText.normalize(example.text)) }
            let flagged = rule.examples.flag.map(normalized)
            let passed = rule.examples.pass.map(normalized).filter { text in patterns.contains { $0?.matches(text) ?? false } }
            let uncovered = { (kind: UncoveredPart.Kind, parts: [Pattern?], texts: [[UInt8]]) in
                parts.indices.filter { index in !texts.contains { parts[index]?.matches($0) ?? false } }
                    .map { UncoveredPart(rule: rule, kind: kind, index: $0) }
            }
            return uncovered(.pattern, patterns, flagged) + uncovered(.exception, exceptions, passed)
        }
    }
}
