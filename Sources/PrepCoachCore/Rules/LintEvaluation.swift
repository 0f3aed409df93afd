import Foundation
import Yams

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

    private func percent(_ value: Double) -> String {
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

extension LintEvaluation {
    /// Reads a labelled set: a YAML list of `{label: …, text: …}`.
    public static func items(path: String) throws -> [Item] {
        let contents = try String(contentsOfFile: path, encoding: .utf8)
        guard let list = try Yams.load(yaml: contents) as? [[String: String]] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return list.compactMap { entry in
            guard let label = entry["label"], let text = entry["text"] else { return nil }
            return Item(label: label, text: text)
        }
    }
}
