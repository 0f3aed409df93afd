import Foundation
import PrepCoachCore

/// Lint throughput: the rule engine's hot path (normalise, one pass of each
/// rule's automaton, the lint model's score) over a file of questions, against
/// `grep -E -f` on the same patterns and against the whole `prepcoach lint FILE`
/// process (start, load, lint, print), in one run so all see the same machine load.
struct LintBenchmark {
    static let repeats = 5
    static let aimRatio = 3.0
    /// The whole `lint FILE` process against the hot path (issue 9).
    static let processAimRatio = 2.0

    let paths: BenchPaths
    let questionCount: Int

    func run() throws {
        let banks = try paths.loadBundledBanks()
        try FileManager.default.createDirectory(atPath: paths.data, withIntermediateDirectories: true)
        try LintCorpus(bundled: banks, labelled: LabelledQuestions.read(path: paths.labelledSet).items)
            .writeQuestions(count: questionCount, to: paths.lintQuestions)
        let patternCount = try LintCorpus.writePatterns(of: banks.rules, macros: banks.macros, to: paths.lintPatterns)

        let grepArguments = ["grep", "-c", "-i", "-E", "-f", paths.lintPatterns, paths.lintQuestions]
        let grepCountFile = paths.data + "/grep-count.txt"
        guard FileManager.default.isExecutableFile(atPath: paths.prepcoach) else {
            throw BenchFailure("no \(paths.prepcoach); build it: swift build -c release --product prepcoach")
        }
        let processArguments = [paths.prepcoach, "lint", paths.lintQuestions]
        let processOutput = paths.data + "/lint-output.txt"
        let model = try LintModel(contentsOf: paths.bundledBanks + "/model/" + LintModel.fileName)
        // One untimed run each, so all read the file from the page cache.
        var ours: [Double] = [], grep: [Double] = [], process: [Double] = []
        var oursFlagged = 0
        for round in 0...Self.repeats {
            let clock = ContinuousClock()
            let start = clock.now
            oursFlagged = try Self.lintFile(paths.lintQuestions, banks: banks, model: model)
            let oursTime = start.duration(to: clock.now).milliseconds
            let grepTime = try ChildProcess.run(grepArguments, stdoutPath: grepCountFile, environment: grepEnvironment,
                                                success: [0, 1]).milliseconds
            let processTime = try ChildProcess.run(processArguments, stdoutPath: processOutput,
                                                   environment: paths.isolatedEnvironment, success: [0, 1]).milliseconds
            if round > 0 { ours.append(oursTime); grep.append(grepTime); process.append(processTime) }
        }
        let grepFlagged = Int(try String(contentsOfFile: grepCountFile, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1

        let oursMedian = Spread(ours).median, grepMedian = Spread(grep).median, processMedian = Spread(process).median
        print("Lint throughput: \(grouped(questionCount)) questions (\(paths.relative(paths.lintQuestions))), "
            + "\(banks.rules.count) rules = \(patternCount) patterns and exceptions (\(paths.relative(paths.lintPatterns)))")
        print("median of \(Self.repeats) runs after a warm-up; grep runs with LC_ALL=\(grepEnvironment["LC_ALL"] ?? "")")
        var table = Table("", "median ms", "questions/s", "lines flagged")
        table.add("prepcoach rule engine + model", decimal(oursMedian),
                  grouped(Int(Double(questionCount) / oursMedian * 1000)), grouped(oursFlagged))
        table.add("prepcoach lint FILE (process)", decimal(processMedian),
                  grouped(Int(Double(questionCount) / processMedian * 1000)), "")
        table.add("grep -c -i -E -f", decimal(grepMedian), grouped(Int(Double(questionCount) / grepMedian * 1000)),
                  grouped(grepFlagged))
        print(table.text)
        let ratio = oursMedian / grepMedian
        print("ours/grep time: \(decimal(ratio, places: 2))× (aim ≤ \(decimal(Self.aimRatio, places: 0))×: "
            + (ratio <= Self.aimRatio ? "met)" : "missed)"))
        let processRatio = processMedian / oursMedian
        print("lint FILE process/engine hot path: \(decimal(processRatio, places: 2))× (aim ≤ "
            + "\(decimal(Self.processAimRatio, places: 0))×: " + (processRatio <= Self.processAimRatio ? "met)" : "missed)"))
        print("Flag counts differ by design: grep matches the raw text and ignores exceptions; "
            + "the engine matches the normalised text and applies them.")
    }

    /// What `prepcoach lint FILE` does per line, with a fresh engine (a cold
    /// automaton cache, like grep's) compiled inside the timing: the rules'
    /// automata and the lint model's score, without quoting or printing.
    private static func lintFile(_ file: String, banks: Banks, model: LintModel) throws -> Int {
        let opinion = ModelOpinion(model: model, rules: ModelOpinion.rules)
        let engine = try RuleEngine(rules: banks.rules, macros: banks.macros)
        let contents = try String(contentsOfFile: file, encoding: .utf8)
        var flagged = 0
        for line in contents.split(separator: "\n") {
            let text = QuestionText.normalize(String(line))
            let hit = text.withUnsafeBufferPointer { !engine.flaggedRules($0).isEmpty || !opinion.categories($0).isEmpty }
            if hit { flagged += 1 }
        }
        return flagged
    }

    /// A UTF-8 locale, as a user's shell has: the questions hold curly apostrophes.
    private var grepEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C.UTF-8"
        return environment
    }
}
