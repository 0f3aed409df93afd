import PrepCoachCore

/// Precision and recall of the bundled rules on a labelled set of questions.
struct AccuracyBenchmark {
    let paths: BenchPaths
    let labelledSet: String?

    func run() throws {
        let file = labelledSet ?? paths.labelledSet
        let banks = try paths.loadBundledBanks()
        let engine = try RuleEngine(rules: banks.rules, macros: banks.macros)
        print("Lint accuracy: bundled rules on \(paths.relative(file))")
        print(LintEvaluation(items: try LintEvaluation.items(path: file), engine: engine).report)
    }
}
