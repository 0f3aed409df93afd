import ArgumentParser
import PrepCoachCore

struct CheckBanksCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-banks",
        abstract: "Validate bank, tag and rule files; report every problem as file:line:col.",
        discussion: """
            With no PATH, checks the bundled banks and every folder from PREPCOACH_BANKS and --bank. \
            A PATH that holds no tags.yaml is checked against the bundled vocabulary. \
            Exits with status 1 when there is any problem.
            """)

    static let completion = CompletionSpec(positional: .files)

    @Argument(help: "Bank folders or files to check.") var paths: [String] = []
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let paths = paths.isEmpty ? context.bankPaths + global.banks : vocabularyPaths(context) + paths
        let banks = BankLoader.load(paths)
        for diagnostic in banks.diagnostics { context.console.report(diagnostic) }
        let errors = banks.diagnostics.count { $0.severity == .error }
        let warnings = banks.diagnostics.count - errors
        let summary = "\(banks.files.count) files, \(banks.questions.count) questions: "
            + "\(errors) errors, \(warnings) warnings"
        context.console.line(banks.diagnostics.isEmpty ? context.console.style.good(summary) : summary)
        if !banks.diagnostics.isEmpty { throw ExitCode.failure }
    }

    /// The bundled `tags.yaml`, so a user bank can be checked on its own.
    private func vocabularyPaths(_ context: CommandContext) -> [String] {
        [context.bundledBanks].compactMap { $0.map { $0 + "/tags.yaml" } }
    }
}
