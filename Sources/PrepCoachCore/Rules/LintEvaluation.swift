import Foundation

/// Measures the rules against a labelled set of questions: per category,
/// precision (of the questions flagged, how many were right) and recall (of
/// the questions that should be flagged, how many were).
public struct LintEvaluation: Sendable {
    public struct Item: Sendable, Hashable {
        /// A category id, or `ok` for a question no rule should flag as an error.
        public let label: String
        public let text: String

        public init(label: String, text: String) {
            self.label = label
            self.text = text
        }
    }

    public struct Score: Sendable, Hashable {
        public let category: String
        public let truePositives, falsePositives, falseNegatives: Int

        public var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }

        public var recall: Double {
            truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
    }

    public let scores: [Score]
    /// `ok` questions that some rule flags with severity error.
    public let okFlaggedAsError: [(item: Item, rule: String)]
    public let itemCount: Int

    public init(items: [Item], engine: RuleEngine, categories: [RuleCategory] = [.researchAnswerable, .jobAsk]) {
        let predicted = items.map { item in engine.lint(item.text) }
        scores = categories.map { category in
            var tp = 0, fp = 0, fn = 0
            for (item, findings) in zip(items, predicted) {
                let flagged = findings.contains { $0.rule.category == category }
                let expected = item.label == category.rawValue
                if flagged && expected { tp += 1 } else if flagged { fp += 1 } else if expected { fn += 1 }
            }
            return Score(category: category.rawValue, truePositives: tp, falsePositives: fp, falseNegatives: fn)
        }
        okFlaggedAsError = zip(items, predicted).compactMap { item, findings in
            guard item.label == "ok", let error = findings.first(where: { $0.rule.severity == .error }) else { return nil }
            return (item, error.rule.id)
        }
        itemCount = items.count
    }

    /// The figures as a small table, for the README and for humans.
    public var report: String {
        var lines = ["category              precision  recall   (tp/fp/fn)"]
        for score in scores {
            lines.append(score.category.padding(toLength: 22, withPad: " ", startingAt: 0)
                + percent(score.precision).padding(toLength: 11, withPad: " ", startingAt: 0)
                + percent(score.recall).padding(toLength: 9, withPad: " ", startingAt: 0)
                + "(\(score.truePositives)/\(score.falsePositives)/\(score.falseNegatives))")
        }
        lines.append("ok questions flagged as error: \(okFlaggedAsError.count) of \(itemCount) questions")
        return lines.joined(separator: "\n")
    }

    fileprivate func percent(_ value: Double) -> String {
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

extension LintEvaluation {
    /// Who judges the questions: the rules alone, the lint model alone, or both (as `lint` runs).
    public enum Judge: String, Sendable, CaseIterable {
        case rules, model, both
    }

    /// An engine for one judge over the bundled rules (the model's findings at the default threshold).
    public static func engine(_ judge: Judge, banks: Banks, model: LintModel) throws -> RuleEngine {
        let opinion = judge == .rules ? nil : ModelOpinion(model: model, rules: ModelOpinion.rules)
        return try RuleEngine(rules: judge == .model ? [] : banks.rules, macros: banks.macros, opinion: opinion)
    }

    /// The evaluation sets in a folder: `lint-eval.yaml` (what the rules were
    /// tuned on) first, then every `lint-holdout*.yaml` (never tuned on), so a
    /// new held-out set is picked up by dropping it in.
    public static func sets(in folder: String) -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0 == "lint-eval.yaml" || $0.hasPrefix("lint-holdout") && $0.hasSuffix(".yaml") }
            .sorted { ($0 == "lint-eval.yaml" ? 0 : 1, $0) < ($1 == "lint-eval.yaml" ? 0 : 1, $1) }
        return names.map { (folder as NSString).appendingPathComponent($0) }
    }

    /// One line per judge and category: the table the README shows.
    public static func table(_ evaluations: [(set: String, judge: Judge, evaluation: LintEvaluation)]) -> String {
        var lines = ["set                    judge  category              precision  recall  ok as error"]
        for (set, judge, evaluation) in evaluations {
            for score in evaluation.scores {
                lines.append(set.padding(toLength: 23, withPad: " ", startingAt: 0)
                    + judge.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                    + score.category.padding(toLength: 22, withPad: " ", startingAt: 0)
                    + evaluation.percent(score.precision).padding(toLength: 11, withPad: " ", startingAt: 0)
                    + evaluation.percent(score.recall).padding(toLength: 8, withPad: " ", startingAt: 0)
                    + "\(evaluation.okFlaggedAsError.count)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
