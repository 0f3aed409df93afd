/// The lint model as rules: each category it scores speaks through its own
/// rule id (`research-answerable-model`, `job-ask-model`), so it can be
/// switched off or re-levelled in the config like any rule, and it speaks up
/// only at or above `threshold`.
public struct ModelOpinion: Sendable {
    /// The rules that carry the model's findings, at warning: rules stay the errors.
    public static let rules: [Rule] = [
        rule(.researchAnswerable, link: "https://www.themuse.com/advice/informational-interview-questions",
             message: "the lint model rates this {match}: it reads like a fact a website, a profile or the news answers",
             suggestion: "Ask what only someone inside can tell you, e.g. \"What surprised you most once you started?\""),
        rule(.jobAsk, link: "https://careercorner.unc.edu/2016/01/05/informational-interviewing/",
             message: "the lint model rates this {match}: it reads like asking the person to act on your candidacy",
             suggestion: "Ask for advice rather than action, e.g. \"What would you focus on if you were starting out today?\""),
    ]

    public static func ruleID(for category: RuleCategory) -> String { category.rawValue + "-model" }

    private static func rule(_ category: RuleCategory, link: String, message: String, suggestion: String) -> Rule {
        Rule(id: ruleID(for: category), category: category, severity: .warning, message: message,
             suggestion: suggestion,
             rationale: "A learned second opinion (logistic regression over word and letter n-grams, trained on "
                 + "labelled questions) that catches phrasings the rules' patterns do not spell out.",
             link: link, patterns: [], examples: Rule.Examples(flag: [], pass: []),
             location: SourceLocation(file: "built-in", line: 1, column: 1))
    }

    let model: LintModel
    /// Per model category, its enabled rule (nil when switched off in the config).
    private let enabled: [Rule?]
    public let threshold: Double

    /// `rules` are the model rules left after the config (switched off ones missing, severities applied).
    public init(model: LintModel, rules: [Rule], threshold: Double = LintModel.defaultThreshold) {
        self.model = model
        enabled = model.categories.map { weights in rules.first { $0.id == Self.ruleID(for: weights.category) } }
        self.threshold = threshold
    }

    /// The categories the model flags a normalised question in: the hot path, without explanations.
    public func categories(_ text: UnsafeBufferPointer<UInt8>) -> [RuleCategory] {
        zip(model.probabilities(text), enabled).compactMap { probability, rule in
            probability >= threshold ? rule?.category : nil
        }
    }

    /// Findings for a normalised question, except in categories a rule already flagged.
    func findings(_ text: UnsafeBufferPointer<UInt8>, skipping flagged: Set<RuleCategory>) -> [Finding] {
        guard enabled.contains(where: { $0.map { !flagged.contains($0.category) } ?? false }) else { return [] }
        return zip(model.probabilities(text), enabled).enumerated().compactMap { index, scored in
            guard let rule = scored.1, scored.0 >= threshold, !flagged.contains(rule.category) else { return nil }
            let words = model.weightiestWords(in: text, category: index).map { "'\($0)'" }
            let probability = Int((scored.0 * 100).rounded(.down))
            return Finding(rule: rule, matched: "\(rule.category.rawValue) at \(probability)%"
                + (words.isEmpty ? "" : " (weighed most: \(words.joined(separator: ", ")))"))
        }
    }
}
