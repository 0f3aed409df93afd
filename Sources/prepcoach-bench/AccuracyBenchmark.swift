import Foundation
import PrepCoachCore

/// Precision and recall on the labelled sets, for the rules alone, the lint
/// model alone and both together (as `lint` runs).
struct AccuracyBenchmark {
    let paths: BenchPaths
    /// One set, or nil for every `lint-eval.yaml` and `lint-holdout*.yaml` in the fixtures.
    let labelledSet: String?

    func run() throws {
        let files = labelledSet.map { [$0] } ?? LintEvaluation.sets(in: paths.fixtures)
        let banks = try paths.loadBundledBanks()
        let model = try LintModel(contentsOf: paths.bundledBanks + "/model/" + LintModel.fileName)
        let engines = try LintEvaluation.Judge.allCases.map { ($0, try LintEvaluation.engine($0, banks: banks, model: model)) }
        var rows: [(set: String, judge: LintEvaluation.Judge, evaluation: LintEvaluation)] = []
        for file in files {
            let items = LabelledQuestions.read(path: file)
            guard items.problems.isEmpty else { throw BenchFailure("\(items.problems[0])") }
            for (judge, engine) in engines {
                rows.append(((file as NSString).lastPathComponent, judge, LintEvaluation(items: items.items, engine: engine)))
            }
        }
        print("Lint accuracy: bundled rules and lint model (threshold \(LintModel.defaultThreshold)) on "
            + files.map(paths.relative).joined(separator: ", "))
        print(LintEvaluation.table(rows))
    }
}
