/// The subcommands and their options, parsed by hand: the bench depends on
/// PrepCoachCore only.
enum BenchCommand {
    case startup(runs: Int)
    case lint(questions: Int)
    case accuracy(path: String?)
    case scale(contacts: Int)
    case all
    case help

    static let defaultRuns = 30
    static let defaultQuestions = 100_000

    static let usage = """
        usage: prepcoach-bench <command>

          startup [--runs N]         start-up times against a static Swift hello world: one-shot
                                     commands on the bundled banks; a 100,000-question bank warm,
                                     just after it changed, and inside one shell (default 30 runs)
          lint [--questions N]       lint throughput of the rule engine against grep -E
                                     (default 100000 questions)
          accuracy [PATH]            precision and recall of the rules, the lint model and both on a
                                     labelled set (default: every lint-eval.yaml and lint-holdout*.yaml
                                     in Tests/PrepCoachCoreTests/Fixtures)
          scale [--contacts N]       import, next, followups, contact list and export for a user
                                     with N contacts and 5.5 notes each (default 10000)
          all                        all four, with the defaults

        """

    init(arguments: [String]) throws(UsageError) {
        guard let name = arguments.first else { throw UsageError(nil) }
        let rest = Array(arguments.dropFirst())
        if name == "help" || arguments.contains("--help") || arguments.contains("-h") {
            self = .help
            return
        }
        switch name {
        case "startup": self = .startup(runs: try Self.count("--runs", in: rest, default: Self.defaultRuns))
        case "scale": self = .scale(contacts: try Self.count("--contacts", in: rest, default: ScaleBenchmark.defaultContacts))
        case "lint": self = .lint(questions: try Self.count("--questions", in: rest, default: Self.defaultQuestions))
        case "accuracy":
            guard rest.count <= 1, rest.first?.hasPrefix("-") != true else { throw UsageError("accuracy takes one PATH") }
            self = .accuracy(path: rest.first)
        case "all":
            guard rest.isEmpty else { throw UsageError("all takes no options") }
            self = .all
        default: throw UsageError("unknown command '\(name)'")
        }
    }

    /// `[]` or `[option, N]` with N a positive integer.
    private static func count(_ option: String, in rest: [String], default value: Int) throws(UsageError) -> Int {
        if rest.isEmpty { return value }
        guard rest.count == 2, rest[0] == option, let count = Int(rest[1]), count > 0 else {
            throw UsageError("expected \(option) N with N a positive whole number")
        }
        return count
    }

    func run() throws {
        switch self {
        case .help: print(Self.usage, terminator: "")
        case let .startup(runs): try StartupBenchmark(paths: try BenchPaths.locate(), runs: runs).run()
        case let .lint(questions): try LintBenchmark(paths: try BenchPaths.locate(), questionCount: questions).run()
        case let .accuracy(path): try AccuracyBenchmark(paths: try BenchPaths.locate(), labelledSet: path).run()
        case let .scale(contacts): try ScaleBenchmark(paths: try BenchPaths.locate(), contacts: contacts, runs: 5).run()
        case .all:
            let paths = try BenchPaths.locate()
            try StartupBenchmark(paths: paths, runs: Self.defaultRuns).run()
            print()
            try LintBenchmark(paths: paths, questionCount: Self.defaultQuestions).run()
            print()
            try AccuracyBenchmark(paths: paths, labelledSet: nil).run()
            print()
            try ScaleBenchmark(paths: paths, contacts: ScaleBenchmark.defaultContacts, runs: 5).run()
        }
    }
}

/// Bad command-line input: reported with the usage, exit status 2.
struct UsageError: Error {
    let message: String?
    init(_ message: String?) { self.message = message }
}

/// A benchmark that cannot run (missing binary, broken bank, failed child).
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
