import ArgumentParser
import PrepCoachCore

struct TestRulesCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-rules",
        abstract: "Run the flag:/pass: examples of rule files, to test rules you write.",
        discussion: """
            With no PATH, tests every loaded rule. A PATH is a rule file or a folder of them (a bank folder's \
            questions are checked against the bundled tags, as `check-banks` does); macros from the bundled \
            banks are available to it. Each example must do what it says, every pattern must match one of its \
            rule's flag: examples, and every exception must clear one of its pass: examples (one a pattern \
            matches). Exits with status 1 when any of that fails.
            """)

    static let completion = CompletionSpec(positional: .files)

    @Argument(help: "Rule files or folders.") var paths: [String] = []
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let loaded = paths.isEmpty ? context.banks(adding: global.banks) : BankLoader.load(
            (context.bundledBanks.map { [$0 + "/tags.yaml", $0 + "/rules/macros.yaml"] } ?? []) + paths)
        if !paths.isEmpty { loaded.diagnostics.forEach(context.console.report) }
        let rules = loaded.rules
        let engine = try RuleEngine(rules: rules, macros: loaded.macros)
        let failures = engine.exampleFailures()
        failures.forEach { context.console.report($0.diagnostic) }
        let uncovered = engine.uncoveredParts()
        uncovered.forEach { context.console.report($0.diagnostic) }
        let examples = rules.reduce(0) { $0 + $1.examples.flag.count + $1.examples.pass.count }
        let parts = rules.reduce(0) { $0 + $1.patterns.count + $1.exceptions.count }
        let summary = "\(rules.count.counted("rule")), \(examples.counted("example")): \(failures.count) failed; "
            + "\(parts.counted("pattern and exception", plural: "patterns and exceptions")): \(uncovered.count) hit by no example"
        context.console.line(failures.isEmpty && uncovered.isEmpty ? context.console.style.good(summary) : summary)
        if !failures.isEmpty || !uncovered.isEmpty || (!paths.isEmpty && loaded.hasErrors) { throw ExitCode.failure }
    }
}
