import ArgumentParser
import Foundation
import PrepCoachCore

struct CheckBanksCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-banks",
        abstract: "Validate bank, tag, rule and labelled files, lint the questions, run the rules' examples, find near-duplicates.",
        discussion: """
            With no PATH, checks the bundled banks and every folder from PREPCOACH_BANKS and --bank. \
            A PATH that holds no tags.yaml is checked against the bundled vocabulary. \
            Also warns about near-duplicate questions that could share a plan, wording that names a stage or \
            role the question's tags and `assumes:` do not, and referral questions that ask for no names. \
            Exits with status 1 when there is any problem.
            """)

    static let completion = CompletionSpec(positional: .files)

    @Argument(help: "Bank folders or files to check.") var paths: [String] = []
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let paths = paths.isEmpty ? context.bankPaths + global.banks : vocabularyPaths(context) + paths
        let banks = BankLoader.load(paths)
        let engine = try context.ruleEngine(for: banks, reportingFailures: false)
        let failing = try context.failingExamples(in: banks, rules: banks.rules)
        let diagnostics = banks.diagnostics + (failing + engine.exampleFailures()).map(\.diagnostic)
            + banks.trainingFiles.flatMap { LabelledQuestions.read(path: $0).problems }
            + BankAudit(banks: banks).diagnostics()
            + (self.paths.isEmpty ? [] : clashes(banks.questions, with: context.banks().questions))
            + banks.questions.flatMap { question in
                engine.lint(question.text).map { finding in
                    Diagnostic(finding.rule.severity == .error ? .error : .warning, at: question.location,
                               "question '\(question.id)' is flagged by [\(finding.rule.id)]: \(finding.message)")
                }
            }
        for diagnostic in diagnostics { context.console.report(diagnostic) }
        let errors = diagnostics.count { $0.severity == .error }
        let summary = "\(banks.files.count.counted("file")), \(banks.questions.count.counted("question")), \(banks.rules.count.counted("rule")): "
            + "\(errors.counted("error")), \((diagnostics.count - errors).counted("warning"))"
        context.console.line(diagnostics.isEmpty ? context.console.style.good(summary) : summary)
        if !diagnostics.isEmpty { throw ExitCode.failure }
    }

    /// Questions whose id a loaded bank already uses: loaded together (`--bank`), the later one is dropped.
    private func clashes(_ questions: [Question], with loaded: [Question]) -> [Diagnostic] {
        let byID = Dictionary(loaded.map { ($0.id, $0) }) { first, _ in first }
        func place(_ location: SourceLocation) -> String { URL(fileURLWithPath: location.file).standardizedFileURL.path }
        return questions.compactMap { question in
            guard let other = byID[question.id],
                  place(other.location) != place(question.location) || other.location.line != question.location.line
            else { return nil }
            return Diagnostic(.warning, at: question.location,
                              "question id '\(question.id)' is taken by \(other.location): with --bank this question "
                                  + "would be dropped; give it an id of its own")
        }
    }

    /// The bundled `tags.yaml`, readiness checks and rules, so a user bank can be checked on its
    /// own: against the bundled vocabulary, and for check and rule ids the bundled files already use.
    private func vocabularyPaths(_ context: CommandContext) -> [String] {
        [context.bundledBanks].compactMap { $0 }.flatMap { [$0 + "/tags.yaml", $0 + "/readiness.yaml", $0 + "/rules"] }
    }
}
