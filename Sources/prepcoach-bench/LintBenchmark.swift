import Foundation
import PrepCoachCore

/// Lint throughput: the rule engine's hot path (normalise, then one pass of
/// the automaton) over a file of questions, against `grep -E -f` on the same
/// patterns, in one run so both see the same machine load.
struct LintBenchmark {
    static let repeats = 5
    static let aimRatio = 3.0

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
        // One untimed run each, so both read the file from the page cache.
        var ours: [Double] = [], grep: [Double] = []
        var oursFlagged = 0
        for round in 0...Self.repeats {
            let clock = ContinuousClock()
            let start = clock.now
            oursFlagged = try Self.lintFile(paths.lintQuestions, banks: banks)
            let oursTime = start.duration(to: clock.now).milliseconds
            let grepTime = try ChildProcess.run(grepArguments, stdoutPath: grepCountFile,
                                                environment: grepEnvironment).milliseconds
            if round > 0 { ours.append(oursTime); grep.append(grepTime) }
        }
        let grepFlagged = Int(try String(contentsOfFile: grepCountFile, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1

        let oursMedian = Spread(ours).median, grepMedian = Spread(grep).median
        print("Lint throughput: \(grouped(questionCount)) questions (\(paths.relative(paths.lintQuestions))), "
            + "\(banks.rules.count) rules = \(patternCount) patterns and exceptions (\(paths.relative(paths.lintPatterns)))")
        print("median of \(Self.repeats) runs after a warm-up; grep runs with LC_ALL=\(grepEnvironment["LC_ALL"] ?? "")")
        var table = Table("", "median ms", "questions/s", "lines flagged")
        table.add("prepcoach rule engine", decimal(oursMedian), grouped(Int(Double(questionCount) / oursMedian * 1000)),
                  grouped(oursFlagged))
        table.add("grep -c -i -E -f", decimal(grepMedian), grouped(Int(Double(questionCount) / grepMedian * 1000)),
                  grouped(grepFlagged))
        print(table.text)
        let ratio = oursMedian / grepMedian
        print("ours/grep time: \(decimal(ratio, places: 2))× (aim ≤ \(decimal(Self.aimRatio, places: 0))×: "
            + (ratio <= Self.aimRatio ? "met)" : "missed)"))
        print("Flag counts differ by design: grep matches the raw text and ignores exceptions; "
            + "the engine matches the normalised text and applies them.")
    }

    /// What `prepcoach lint FILE` does per line, with a fresh engine (a cold
    /// automaton cache, like grep's) compiled inside the timing.
    private static func lintFile(_ file: String, banks: Banks) throws -> Int {
        let engine = try RuleEngine(rules: banks.rules, macros: banks.macros)
        let contents = try String(contentsOfFile: file, encoding: .utf8)
        var flagged = 0
        for line in contents.split(separator: "\n") {
            let text = QuestionText.normalize(String(line))
            if !text.withUnsafeBufferPointer(engine.flaggedRules).isEmpty { flagged += 1 }
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
