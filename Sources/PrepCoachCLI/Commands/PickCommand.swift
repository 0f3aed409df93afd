import ArgumentParser
import Foundation
import PrepCoachCore

struct PickCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "pick",
        abstract: "Build a question plan for one conversation.",
        discussion: """
            Picks questions that suit your stage and industry and the person you talk to (their role family, \
            whether they own the business, its size, their seniority: from the contact, or the options below), \
            preferring ones written for them while generic staples still compete (the seed varies the draw). \
            Never mixes questions that assume different people (an owner's and an employee's). Spreads them \
            over the topics in conversation order, fits them in the meeting with \
            \(PlanRequest.defaultReservedMinutes) minutes kept for introductions and thanks, and always holds \
            an opening, a "who else should I talk to?" question and a closing, whose minutes come first.
            """)

    static let completion = CompletionSpec(options: [
        "--stage": .tags(.stage), "--industry": .tags(.industry), "--topic": .tags(.topic), "--contact": .contacts,
        "--minutes": nil, "--count": nil, "--seed": nil, "--json": nil, "--allow-flagged": nil,
    ].merging(PersonOptions.completion) { first, _ in first })

    @Option(help: "Your career stage, e.g. career-changer (see `tags stages`).")
    var stage: String?

    @Option(help: "The industry you are exploring, e.g. healthcare (see `tags industries`).")
    var industry: String?

    @Option(help: ArgumentHelp(
        "Pick for this contact: stage and industry default to theirs, questions already asked of them are "
            + "skipped, and the plan is saved for `call`.", valueName: "NAME"))
    var contact: String?

    @Option(name: .customLong("topic"),
            help: "Only these topics (repeatable). The opening, referral and closing questions are always added.")
    var topics: [String] = []

    @Option(parsing: .unconditional, help: "Length of the meeting in minutes. Informational interviews should stay under 30.")
    var minutes: Int = PlanRequest.defaultMeetingMinutes

    @Option(parsing: .unconditional, help: "At most this many questions, the referral question included.")
    var count: Int?

    @Option(parsing: .unconditional, help: "Seed for the order of equally good questions: the same seed gives the same plan.")
    var seed: Int?

    @Flag(help: "Also pick questions that a lint rule flags (left out by default).")
    var allowFlagged = false

    @Flag(help: "Print the plan as JSON.")
    var json = false

    @OptionGroup(title: "Who you talk to (default: the contact's)") var personOptions: PersonOptions

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try NumberRange.check(minutes, "--minutes", 1...240)
        try NumberRange.check(count, "--count", 1...Int.max)
        try NumberRange.check(seed, "--seed", 0...Int.max)
    }

    func execute(in context: CommandContext) throws {
        let banks = context.banks(adding: global.banks)
        let vocabulary = banks.vocabulary
        let person = try contact.map { try context.contact(named: $0) }
        guard let stage = stage ?? person?.stage else {
            throw CommandFailure("pick needs --stage" + (person.map { " (or `contact edit \"\($0.name)\" --stage S`)" } ?? ""))
        }
        guard let industry = industry ?? person?.industry else {
            throw CommandFailure("pick needs --industry" + (person.map { " (or `contact edit \"\($0.name)\" --industry I`)" } ?? ""))
        }
        let asked = try person?.id.map { try context.store().askedQuestionIDs(contactID: $0) } ?? []
        let industryID = try vocabulary.require(.industry, industry)
        let facts = try personOptions.apply(to: person?.person ?? PersonFacts(), vocabulary: vocabulary,
                                            industry: industryID)
        let request = PlanRequest(
            stage: try vocabulary.require(.stage, stage),
            industry: industryID, person: facts,
            topics: try topics.map { try vocabulary.require(.topic, $0) },
            meetingMinutes: minutes, maxCount: count, seed: seed.map(UInt64.init) ?? UInt64.random(in: 1...99_999),
            excludedIDs: asked)
        let plan = try PlanPicking(context: context, banks: banks, allowFlagged: allowFlagged).pick(request)
        var keptOwn: [PlanItem] = []
        var saved: [PlanItem]?
        if let person, let id = person.id {
            keptOwn = try ownQuestionsToKeep(of: person, context)
            var editor = PlanEditor(items: PlanPicking.items(plan, contactID: id), banks: banks)
            for own in keptOwn where editor.duplicate(questionID: nil, text: own.text) == nil { editor.insert(own) }
            saved = try context.store().savePlan(contactID: id, items: editor.items, change: "new plan from pick", at: context.now())
            try context.store().setPlanMeetingMinutes(minutes, contactID: id)
        }
        if json {
            context.console.line(try JSONOutput.encode(PlanJSON(plan)))
            return
        }
        let talkingTo = PersonPhrase.describe(facts, role: person?.role, company: person?.company, vocabulary: vocabulary)
        context.console.write(PlanFormatter(style: context.console.style, vocabulary: vocabulary, person: talkingTo,
                                                    width: context.console.columns())
            .format(plan, saved: saved.map { $0.map { PlanEntry($0, banks: banks) } }))
        if let person {
            let skipped = asked.isEmpty ? "" : " (\(asked.count.counted("question")) asked in earlier calls left out)"
            if !keptOwn.isEmpty {
                context.console.paragraph("Kept your own \(keptOwn.count == 1 ? "question" : "\(keptOwn.count) questions") "
                    + "in the plan, before the closing ones: " + keptOwn.map { "\"\($0.text)\"" }.joined(separator: ", ")
                    + ". `plan \(person.commandArgument) drop N` takes one out.")
            }
            context.console.paragraph(context.console.style.dim(
                "Saved as \(person.name)'s plan\(skipped): `plan \(person.commandArgument)` shows it, "
                    + "`add \(person.commandArgument) \"…\"` adds your own, `plan \(person.commandArgument) undo` "
                    + "brings back the previous plan, `call \(person.commandArgument)` uses it."))
        }
    }

    /// Your own questions in the contact's current plan not yet asked of them, to carry into the new one
    /// (bank questions already asked are left out the same way). In the interactive shell you are asked;
    /// a script or one-shot run keeps them (and says so).
    private func ownQuestionsToKeep(of person: Contact, _ context: CommandContext) throws -> [PlanItem] {
        let asked = try context.store().askedPlanItemIDs(contactID: person.id!)
        let own = try context.store().plan(contactID: person.id!).filter { $0.questionID == nil && !asked.contains($0.id!) }
        guard !own.isEmpty, context.isInteractive else { return own }
        let prompt = "Keep your \(own.count == 1 ? "own question" : "\(own.count) own questions") in the new plan? [Y/n] "
        while true {
            switch try context.ask(prompt, completions: ["yes", "no"]) {
            case .endOfInput, .interrupted: return own
            case let .line(answer):
                switch answer.trimmingCharacters(in: .whitespaces).lowercased() {
                case "", "y", "yes": return own
                case "n", "no": return []
                default: context.console.line("Answer y (keep them) or n (leave them out).")
                }
            }
        }
    }
}

/// Whether a question is clean (no rule flags it), from the verdicts kept
/// from earlier runs where they reach, else by linting it: the rule engine is
/// built only for a question not seen before under it.
final class UnflaggedQuestions {
    private let makeVerdicts: () -> LintVerdicts
    private let makeEngine: () throws -> RuleEngine
    /// Read on the first question asked about (`--allow-flagged` asks about none).
    private var verdicts: LintVerdicts?
    private var engine: Result<RuleEngine, any Error>?

    init(verdicts: @escaping @autoclosure () -> LintVerdicts, engine: @escaping () throws -> RuleEngine) {
        makeVerdicts = verdicts
        makeEngine = engine
    }

    /// False for every question the engine could not be built to judge (`finish` then throws why).
    func contains(_ question: Question) -> Bool {
        if verdicts == nil { verdicts = makeVerdicts() }
        if let clean = verdicts?.verdict(for: question.text) { return clean }
        if engine == nil { engine = Result { try makeEngine() } }
        guard case let .success(engine) = engine else { return false }
        let clean = engine.lint(question.text).isEmpty
        verdicts?.record(clean: clean, for: question.text)
        return clean
    }

    /// Keeps the new verdicts for the next run, or throws why the engine could not be built.
    func finish() throws {
        if case let .failure(error) = engine { throw error }
        verdicts?.saveIfChanged()
    }
}
