import Foundation
import PrepCoachCore

/// What every command runs against: the console, the environment, and the
/// banks, loaded once per set of folders and kept for the REPL's lifetime.
public final class CommandContext {
    public let console: Console
    public let environment: [String: String]
    /// Bundled folder plus PREPCOACH_BANKS plus the `--bank` given at start-up.
    public let bankPaths: [String]
    /// The bundled `QuestionBanks/`, whose vocabulary a user bank is checked against.
    public let bundledBanks: String?
    /// True in the REPL, where banks are loaded once and reused.
    public let interactive: Bool
    private var loaded: [[String]: Banks] = [:]
    private var engines: [[String]: RuleEngine] = [:]
    private lazy var ruleSettings: RuleSettings = {
        guard let path = RuleSettings.defaultPath(environment: environment) else { return RuleSettings() }
        let (settings, problems) = RuleSettings.load(path: path)
        problems.forEach(console.report)
        return settings
    }()

    public init(console: Console, environment: [String: String], bundledBanks: String?, extraBanks: [String] = [],
                interactive: Bool = false) {
        self.console = console
        self.environment = environment
        self.bundledBanks = bundledBanks
        self.bankPaths = BankPaths.all(bundled: bundledBanks, environment: environment, options: extraBanks)
        self.interactive = interactive
    }

    /// The banks from the start-up folders plus any a command adds with `--bank`.
    /// Problems are reported the first time a set of folders is loaded.
    public func banks(adding extra: [String] = []) -> Banks {
        let paths = bankPaths + extra.filter { !bankPaths.contains($0) }
        if let banks = loaded[paths] { return banks }
        let banks = BankLoader.load(paths)
        reportProblems(banks.diagnostics)
        loaded[paths] = banks
        return banks
    }

    /// The rules of these banks, with the user's config applied, compiled once.
    public func ruleEngine(for banks: Banks) throws -> RuleEngine {
        if let engine = engines[banks.files] { return engine }
        let (rules, unknown) = ruleSettings.apply(to: banks.rules)
        unknown.forEach(console.report)
        let engine = try RuleEngine(rules: rules, macros: banks.macros)
        engines[banks.files] = engine
        return engine
    }

    /// Shows the first few problems; `check-banks` lists them all.
    private func reportProblems(_ diagnostics: [Diagnostic]) {
        let shown = 5
        for diagnostic in diagnostics.prefix(shown) { console.report(diagnostic) }
        if diagnostics.count > shown {
            console.warning("\(diagnostics.count - shown) more problems in bank files; run `check-banks` to see all")
        }
    }
}
