import Foundation

/// Trains the lint model by stochastic gradient descent on the logistic loss,
/// deterministically: a fixed seed for the visiting order, a fixed number of
/// passes, arithmetic in a fixed order, and weights rounded to a fixed grid
/// before they are stored as Float32 — the same questions always give the
/// same file, byte for byte.
public enum LintModelTrainer {
    static let categories: [RuleCategory] = [.researchAnswerable, .jobAsk]
    /// Cross-validation on the development sets gained up to 30 passes and flattened after.
    static let passes = 30
    static let learningRate = 0.5
    static let seed: UInt64 = 0x5EED_1AB3
    /// Weights are rounded to multiples of 2⁻¹⁶, so a last-bit difference in a
    /// platform's `exp` cannot change the file.
    static let grid = 65_536.0

    /// Questions labelled with a category id or `ok`; the same text twice counts once (its first label).
    public static func train(on items: [LintEvaluation.Item]) -> LintModel {
        var seenTexts: Set<String> = []
        let unique = items.filter { seenTexts.insert(QuestionText.normalizedString($0.text)).inserted }
        let features = unique.map { LintFeatures.buckets(of: $0.text) }
        return LintModel(categories: categories.map { category in
            train(category, labels: unique.map { $0.label == category.rawValue }, features: features)
        })
    }

    private static func train(_ category: RuleCategory, labels: [Bool], features: [[Int32]]) -> LintModel.Weights {
        var weights = [Double](repeating: 0, count: LintFeatures.bucketCount)
        var bias = 0.0
        var order = Array(features.indices)
        var random = SeededGenerator(seed: seed)
        for pass in 0..<passes {
            random.shuffle(&order)
            let rate = learningRate / (1 + 0.1 * Double(pass))
            for index in order where !features[index].isEmpty {
                let buckets = features[index]
                let scale = 1 / Double(buckets.count).squareRoot()
                var sum = 0.0
                for bucket in buckets { sum += weights[Int(bucket)] }
                let error = LintModel.sigmoid(bias + scale * sum) - (labels[index] ? 1 : 0)
                for bucket in buckets { weights[Int(bucket)] -= rate * error * scale }
                bias -= rate * error
            }
        }
        let rounded = { (value: Double) in Float((value * grid).rounded() / grid) }
        return LintModel.Weights(category: category, bias: rounded(bias), weights: weights.map(rounded))
    }
}
