import Foundation
import LineEditor
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
    /// The SQLite file (`--db`, else under XDG_DATA_HOME), opened on first use.
    public let storePath: String?
    /// Whether `storePath` came from `--db`: its folder must exist (prepcoach creates only its own).
    private let storePathIsExplicit: Bool
    /// Where `prep`, `rehearse` and `call` read answers; set by the REPL or script runner.
    public var answers: AnswerSource?
    /// The clock. `PREPCOACH_NOW` (ISO 8601) moves it, for demos and tests of dates; tests of timing replace it.
    public var now: () -> Date
    private var openedStore: CoachStore?
    private var loaded: [[String]: Banks] = [:]
    private var engines: [[String]: RuleEngine] = [:]
    private var configured: [[String]: [Rule]] = [:]
    private lazy var ruleSettings: RuleSettings = {
        guard let path = RuleSettings.defaultPath(environment: environment) else { return RuleSettings() }
        let (settings, problems) = RuleSettings.load(path: path)
        problems.forEach(console.report)
        return settings
    }()

    /// The config file that switches rules off or re-levels them.
    var ruleConfigPath: String? { RuleSettings.defaultPath(environment: environment) }

    /// What the config says of a rule: off, another severity, or nothing.
    func ruleChoice(for id: String) -> RuleSettings.Choice? { ruleSettings.choices[id] }

    public init(console: Console, environment: [String: String], bundledBanks: String?, extraBanks: [String] = [],
                storePath: String? = nil) {
        self.console = console
        self.environment = environment
        self.storePath = storePath ?? CoachStore.defaultPath(environment: environment)
        self.storePathIsExplicit = storePath != nil
        self.now = Self.clock(environment: environment)
        self.bundledBanks = bundledBanks
        self.bankPaths = BankPaths.all(bundled: bundledBanks, environment: environment, options: extraBanks)
    }

    /// The banks from the start-up folders plus any a command adds with `--bank`.
    /// Problems are reported the first time a set of folders is loaded.
    public func banks(adding extra: [String] = []) -> Banks {
        let paths = bankPaths + extra.filter { !bankPaths.contains($0) }
        if let banks = loaded[paths] { return banks }
        let snapshot = BankSnapshot.defaultFolder(environment: environment).map {
            BankSnapshot(folder: $0, program: BankSnapshot.runningProgram)
        }
        if bundledBanks == nil && loaded.isEmpty {
            console.error(BankPaths.notFoundMessage(executable: BankPaths.executablePath))
        }
        let banks = snapshot?.load(paths) ?? BankLoader.load(paths)
        reportProblems(banks.diagnostics)
        loaded[paths] = banks
        return banks
    }

    /// The user's database, opened (and migrated) once.
    public func store() throws -> CoachStore {
        if let openedStore { return openedStore }
        guard let storePath else { throw CommandFailure("no place for the database: set HOME or use --db PATH") }
        let store = try CoachStore(path: storePath, createsFolder: !storePathIsExplicit)
        store.warnings.forEach(console.warning)
        openedStore = store
        return store
    }

    /// At exit: the database file alone then holds everything (nothing left only in its log).
    public func closeStore() {
        openedStore?.close()
        openedStore = nil
    }

    private static func clock(environment: [String: String]) -> () -> Date {
        // Only within the years prepcoach stores: a clock in 9999 made a thank-you due in 10000, unreadable.
        guard let text = environment["PREPCOACH_NOW"], let start = ISO8601DateFormatter().date(from: text),
              StoreExport.dates.contains(start) else {
            return Date.init
        }
        let launched = Date()
        return { start.addingTimeInterval(Date().timeIntervalSince(launched)) }
    }

    /// Asks the user something; nil when input has ended. Outside the REPL and
    /// scripts (one-shot use) there is no one to ask, which is an error.
    public func ask(_ prompt: String, completions: [String] = []) throws -> LineInput {
        guard let answers else {
            throw CommandFailure("this command asks questions: run it in the prepcoach shell or feed answers on standard input")
        }
        return answers.answer(prompt: console.safePrompt(prompt), completions: completions)
    }

    /// A line typed in a call, with a prompt that keeps itself current (see `AnswerSource.callLine`).
    public func callLine(_ prompt: LivePrompt, completions: [String]) throws -> LineInput {
        guard let answers else { return try ask(prompt.text()) }  // no one to ask: ask's error
        return answers.callLine(prompt: prompt, completions: completions)
    }

    /// The rules of these banks, with the user's config applied, compiled once,
    /// with the lint model's second opinion. Companies in your research notes
    /// are matched as `{company}`.
    public func ruleEngine(for banks: Banks, reportingFailures: Bool = true) throws -> RuleEngine {
        if let engine = engines[banks.files] { return engine }
        let rules = configuredRules(for: banks)
        let stored = banks.precompiledRules.decoded()
        let failing = try failingExamples(in: banks, rules: rules, precompiled: stored.rules)
        if reportingFailures { failing.map(\.diagnostic).forEach(console.report) }
        let unused = Set(failing.map(\.rule.id))
        let engine = try RuleEngine(rules: rules.filter { !$0.patterns.isEmpty && !unused.contains($0.id) }, macros: banks.macros,
                                    precompiled: stored.rules,
                                    opinion: modelOpinion(banks: banks, rules: rules, stored: stored.model),
                                    companies: CompanyNames(researchNotes.map(\.company)),
                                    suggestions: banks.suggestionRules)
        engines[banks.files] = engine
        researchRule = rules.first { $0.id == ResearchAnswerCheck.rule.id }
        return engine
    }

    /// The rules of these banks, the research check and the model's, with the
    /// config applied; ids in the config that name no rule are reported once.
    private func configuredRules(for banks: Banks) -> [Rule] {
        if let rules = configured[banks.files] { return rules }
        let (rules, unknown) = ruleSettings.apply(to: banks.lintRules)
        unknown.forEach(console.report)
        configured[banks.files] = rules
        return rules
    }

    /// What `pick` remembers of earlier lints of these banks' questions (see
    /// `LintVerdicts`), under the engine `ruleEngine(for:)` would build: its
    /// fingerprint is taken without building it, from the compiled rules and
    /// model, the rules left on, the model's threshold and the companies
    /// masked, and for rules of yours also their examples (one whose examples
    /// fail is left out). Kept in memory only without a cache folder.
    public func lintVerdicts(for banks: Banks) -> LintVerdicts {
        let folder = BankSnapshot.defaultFolder(environment: environment)
        guard let compiled = banks.precompiledRules.fingerprint, let folder else { return LintVerdicts(file: nil, engine: []) }
        var engine = ["compiled \(compiled)", "threshold \(ruleSettings.modelThreshold)"]
        for rule in configuredRules(for: banks) {
            engine.append("rule \(rule.id)")
            if isOwn(rule) {
                engine += rule.patterns + ["exceptions"] + rule.exceptions
                    + ["flag"] + rule.examples.flag.map(\.text) + ["pass"] + rule.examples.pass.map(\.text)
            }
        }
        engine += researchNotes.map { "company " + QuestionText.normalizedString($0.company) }.sorted()
        return LintVerdicts(file: BankSnapshot(folder: folder).verdictsFile(forBankFiles: banks.files), engine: engine)
    }

    /// The examples that fail of rules outside the bundled folder (whose rules
    /// the test suite holds to their examples). Such a rule is not used: a
    /// rule that misses its own examples would misjudge questions silently.
    public func failingExamples(in banks: Banks, rules: [Rule],
                                precompiled: [String: CompiledRule] = [:]) throws -> [ExampleFailure] {
        let own = rules.filter { !$0.patterns.isEmpty && isOwn($0) }
        guard !own.isEmpty else { return [] }
        return try RuleEngine(rules: own, macros: banks.macros, precompiled: precompiled).exampleFailures().map { failure in
            ExampleFailure(rule: failure.rule, example: failure.example, shouldFlag: failure.shouldFlag, unused: true)
        }
    }

    /// The lint model of these banks (from the snapshot when `stored` there),
    /// speaking through its rules left on by the config.
    private func modelOpinion(banks: Banks, rules: [Rule], stored: Data?) -> ModelOpinion? {
        let modelIDs = Set(ModelOpinion.rules.map(\.id))
        let enabled = rules.filter { modelIDs.contains($0.id) }
        guard !enabled.isEmpty, let file = banks.modelFile else { return nil }
        do {
            let model = try stored.map { data throws in try LintModel(data: data, file: file) } ?? LintModel(contentsOf: file)
            return ModelOpinion(model: model, rules: enabled, threshold: ruleSettings.modelThreshold)
        } catch {
            console.warning("\(error); linting with the rules alone")
            return nil
        }
    }

    /// Every finding for a question: the pattern rules, whether your research
    /// already answers it, and the lint model. With a `company` (the contact's),
    /// only the notes on that company count; without, all notes do.
    public func lint(_ question: String, banks: Banks? = nil, company: String? = nil) throws -> [Finding] {
        try linter(banks: banks, company: company)(question)
    }

    /// `lint` for many questions: the engine and the research check are looked up once.
    public func linter(banks: Banks? = nil, company: String? = nil) throws -> (String) -> [Finding] {
        let engine = try ruleEngine(for: banks ?? self.banks())
        let research = researchRule.map { (check: researchCheck(company: company), rule: $0) }
        return { question in
            let alongside = research.flatMap { $0.check.finding(for: question, rule: $0.rule) }.map { [$0] } ?? []
            return engine.tailored(engine.lint(question, alongside: alongside), for: question)
        }
    }

    private var researchRule: Rule?
    private var cachedResearch: [ResearchAnswerCheck.Note]?
    private var researchChecks: [String: ResearchAnswerCheck] = [:]

    /// The research check over the notes on one company (all notes for nil), built once per company.
    private func researchCheck(company: String?) -> ResearchAnswerCheck {
        let name = company.map(CompanyName.init)
        let key = name?.key ?? ""
        if let check = researchChecks[key] { return check }
        let notes = name.map { name in researchNotes.filter { name.matches($0.company) } } ?? researchNotes
        let check = ResearchAnswerCheck(notes: notes)
        researchChecks[key] = check
        return check
    }

    /// A rule from outside the bundled folder: the test suite does not hold it to its examples.
    private func isOwn(_ rule: Rule) -> Bool {
        !(bundledBanks.map { rule.location.file.hasPrefix($0 + "/") } ?? false)
    }

    /// Research notes, read only when the database already exists: linting never creates it.
    private var researchNotes: [ResearchAnswerCheck.Note] {
        if let cachedResearch { return cachedResearch }
        var notes: [ResearchAnswerCheck.Note] = []
        // Read-only unless the store is open already: a lint need not migrate or write the database.
        if let storePath, FileManager.default.fileExists(atPath: storePath),
           let stored = openedStore.map({ try? $0.research() }) ?? CoachStore.researchNotes(readingOnly: storePath)
               ?? (try? store().research()) {
            notes = stored.map { ResearchAnswerCheck.Note(company: $0.company, text: $0.text) }
        }
        cachedResearch = notes
        return notes
    }

    /// After research notes change: the next lint sees them (and their companies in `{company}`).
    public func researchChanged() {
        cachedResearch = nil
        researchChecks = [:]
        engines = [:]
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
