import ArgumentParser
import PrepCoachCore

struct PlanCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show a contact's saved plan, or edit it: drop, move, swap, replace, undo.",
        discussion: """
            plan NAME               show it, numbered
            plan NAME drop N        take question N out
            plan NAME move N M      put question N at place M
            plan NAME swap N M      swap questions N and M
            plan NAME replace N Q   your question Q (in quotes, or a bank ID) in N's place
            plan NAME undo          back to the plan before the last change (or pick)

            A replacement that runs the plan over the meeting's length is refused with the questions you could \
            drop instead, unless you pass --anyway. Dropping or replacing the plan's only referral question \
            ("who else should I talk to?") is done, with a warning. The last \(CoachStore.keptPlanChanges) changes are kept in \
            the database, so undo works after a restart.
            """)

    static let verbs = ["drop", "move", "swap", "replace", "undo"]

    static let completion = CompletionSpec(options: ["--json": nil, "--minutes": nil, "--anyway": nil],
                                           positional: .contacts, followedBy: .choices(verbs))

    @Argument(help: "The contact.") var name: String
    @Argument(help: ArgumentHelp("An edit: drop N, move N M, swap N M, replace N \"QUESTION\"|ID, undo.", valueName: "edit"))
    var edit: [String] = []
    @Option(parsing: .unconditional, help: "Minutes your replacement question should take (default 3).") var minutes: Int?
    @Flag(help: "Replace even if a rule flags the question or the plan runs over time.") var anyway = false
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try NumberRange.check(minutes, "--minutes", 1...15)
    }

    func execute(in context: CommandContext) throws {
        let contact = try context.contact(named: name)
        guard let verb = edit.first else { return try show(contact, context) }
        var plan = try PlanChanges(context: context, contact: contact, banks: context.banks(adding: global.banks))
        let numbers = edit.dropFirst()
        switch verb {
        case "undo":
            guard numbers.isEmpty else { throw CommandFailure("undo takes nothing after it: plan \(contact.commandArgument) undo") }
            guard let undone = try context.store().undoPlanChange(contactID: contact.id!) else {
                throw CommandFailure("nothing to undo in \(contact.name)'s plan")
            }
            context.console.line("Undid the last change (\(undone)): \(contact.name)'s plan is back as it was.")
        case "drop":
            let index = try plan.index(numbers, at: 0, count: 1, usage: "drop N")
            let dropped = plan.editor.items[index]
            plan.editor.drop(at: index)
            try plan.save("dropped \(index + 1)")
            context.console.line("Dropped \(index + 1). \(dropped.text)")
            plan.warnIfReferralGone()
        case "move":
            let from = try plan.index(numbers, at: 0, count: 2, usage: "move N M")
            let to = try plan.index(numbers, at: 1, count: 2, usage: "move N M")
            plan.editor.move(from: from, to: to)
            try plan.save("moved \(from + 1) to \(to + 1)")
            context.console.line("Moved \(from + 1) to \(to + 1).")
            plan.noteIfOutOfOrder()
        case "swap":
            let first = try plan.index(numbers, at: 0, count: 2, usage: "swap N M")
            let second = try plan.index(numbers, at: 1, count: 2, usage: "swap N M")
            plan.editor.swapAt(first, second)
            try plan.save("swapped \(first + 1) and \(second + 1)")
            context.console.line("Swapped \(first + 1) and \(second + 1).")
            plan.noteIfOutOfOrder()
        case "replace":
            guard numbers.count >= 2 else { throw CommandFailure(#"replace needs a number and a question: plan NAME replace 3 "How …?""#) }
            let index = try plan.index(numbers, at: 0, count: numbers.count, usage: "replace N \"QUESTION\"")
            let question = try plan.newQuestion(Array(numbers.dropFirst()), minutes: minutes, anyway: anyway, replacing: index)
            plan.editor.replace(at: index, with: question)
            try plan.checkTime(anyway: anyway, replacing: index)
            try plan.save("replaced \(index + 1)")
            context.console.line("Replaced \(index + 1) with: \(question.text)")
            plan.warnIfReferralGone()
            plan.noteIfOutOfOrder()
        default:
            throw CommandFailure("unknown plan edit '\(verb)'" + Suggestion.hint(for: verb, among: Self.verbs)
                                 + "; use drop, move, swap, replace or undo")
        }
        try show(contact, context, afterEdit: true)
    }

    private func show(_ contact: Contact, _ context: CommandContext, afterEdit: Bool = false) throws {
        let items = try context.store().plan(contactID: contact.id!)
        let banks = context.banks(adding: global.banks)
        if json {
            context.console.line(try JSONOutput.encode(items.map { PlanItemJSON($0, banks: banks) }))
            return
        }
        if items.isEmpty && afterEdit {
            return context.console.line("\(contact.name)'s plan is empty now.")
        }
        guard !items.isEmpty else {

            throw CommandFailure("\(contact.name) has no plan yet; make one with `pick --contact \(contact.commandArgument)`")
        }
        let style = context.console.style
        let width = context.console.columns()
        context.console.line(TextWrap.wrapped(style.bold("Plan for \(contact.name)")
            + style.dim(" · \(items.count.counted("question")) · \(items.reduce(0) { $0 + $1.minutes }) min"), width: width))
        for (number, item) in zip(1..., items) {
            context.console.line(QuestionFormatter(style: style).item(
                number: number, text: item.text, minutes: item.minutes, source: item.questionID ?? "your own", width: width))
        }
    }
}

struct AddCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add your own question (or a bank question ID) to a contact's plan, checked first.",
        discussion: """
            The question goes before the closing and referral questions. It is not added when the plan already \
            has it (the same bank question, or the same words), when a rule flags it as an error (research \
            answers it, or it asks for a job), or when it would run the plan over the meeting's length — then \
            you are told which questions you could drop. --anyway adds it despite the rules and the clock.
            """)

    static let completion = CompletionSpec(options: ["--minutes": nil, "--anyway": nil], positional: .contacts)

    @Argument(help: "The contact.") var name: String
    @Argument(help: "Your question, in quotes, or a bank question ID.") var question: [String]
    @Option(parsing: .unconditional, help: "Minutes it should take (default 3; a bank question has its own).") var minutes: Int?
    @Flag(help: "Add it even if a rule flags it as an error or the plan runs over time.") var anyway = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if question.isEmpty { throw ValidationError("give the question to add, in quotes") }
        if let problem = Question.problem(with: question.joined(separator: " ")) { throw ValidationError(problem) }
        try NumberRange.check(minutes, "--minutes", 1...15)
    }

    func execute(in context: CommandContext) throws {
        let contact = try context.contact(named: name)
        var plan = try PlanChanges(context: context, contact: contact, banks: context.banks(adding: global.banks))
        let item = try plan.newQuestion(question, minutes: minutes, anyway: anyway, replacing: nil)
        let number = plan.editor.insert(item)
        try plan.checkTime(anyway: anyway, replacing: nil)
        try plan.save("added \(number)")
        context.console.line("Added to \(contact.name)'s plan as \(number) (now \(plan.editor.totalMinutes) min).")
    }
}

/// One edit of a contact's plan: the questions as they are, checks on a new
/// question (rules, duplicates, time), and saving with an undo record.
struct PlanChanges {
    let context: CommandContext
    let contact: Contact
    let banks: Banks
    var editor: PlanEditor
    /// The plan before the edit: whether an edit made it longer, and what could be dropped.
    private let original: PlanEditor

    init(context: CommandContext, contact: Contact, banks: Banks) throws {
        self.context = context
        self.contact = contact
        self.banks = banks
        let items = try context.store().plan(contactID: contact.id!)
        editor = PlanEditor(items: items, banks: banks)
        original = editor
    }

    /// The array index for the question number at `position` among `numbers`, checking the count and range.
    func index(_ numbers: ArraySlice<String>, at position: Int, count: Int, usage: String) throws -> Int {
        guard numbers.count == count, let number = Int(numbers[numbers.startIndex + position]) else {
            throw CommandFailure("use: plan \(contact.commandArgument) \(usage)")
        }
        guard let index = editor.index(of: number) else {
            throw CommandFailure(editor.items.isEmpty
                ? "\(contact.name) has no plan yet; make one with `pick --contact \(contact.commandArgument)`"
                : "no question \(number) in \(contact.name)'s plan: give 1 to \(editor.items.count) (`plan \(contact.commandArgument)` lists them)")
        }
        return index
    }

    /// A question to add or put in place of another: a bank question by ID, else your own words.
    /// Refused when the plan already has it or a rule flags it as an error (unless `anyway`).
    func newQuestion(_ words: [String], minutes: Int?, anyway: Bool, replacing replaced: Int?) throws -> PlanItem {
        let text = words.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        let bankQuestion = words.count == 1 ? banks.question(id: text) : nil
        let item = PlanItem(contactID: contact.id!, position: 0, questionID: bankQuestion?.id,
                            text: bankQuestion?.text ?? text, topic: bankQuestion?.topic,
                            minutes: minutes ?? bankQuestion?.minutes ?? 3)
        if let number = editor.duplicate(questionID: item.questionID, text: item.text, ignoring: replaced) {
            throw CommandFailure("\(contact.name)'s plan already has this question as \(number); "
                                 + "`plan \(contact.commandArgument)` shows it")
        }
        let findings = try context.lint(item.text, banks: banks, company: contact.company)
        if !findings.isEmpty {
            FindingPrinter(console: context.console).print([LintedLine(line: QuestionLine(text: item.text, location: nil),
                                                                       findings: findings)], checked: 1)
        }
        if findings.contains(where: { $0.rule.severity == .error }) && !anyway {
            throw CommandFailure("not changed: try the suggested question instead, or pass --anyway")
        }
        return item
    }

    /// Refuses an edit that makes the plan longer than the meeting allows, naming what could be dropped.
    func checkTime(anyway: Bool, replacing replaced: Int?) throws {
        let meeting = try context.store().planMeetingMinutes(contactID: contact.id!) ?? PlanRequest.defaultMeetingMinutes
        let budget = meeting - PlanRequest.defaultReservedMinutes
        let total = editor.totalMinutes
        guard total > budget, total > original.totalMinutes else { return }
        let over = "the plan would take \(total) min, over the \(budget) min for questions in \(meeting.indefiniteArticle) \(meeting)-minute meeting"
        if anyway {
            context.console.warning(over)
            return
        }
        // Numbers as the plan is now, before the edit, since that is the plan you would drop from.
        let candidates = original.dropCandidates(overflow: total - budget, keeping: replaced)
        let choices = candidates.map { "\($0.number) (\($0.item.minutes) min)" }.joined(separator: " or ")
        throw CommandFailure(over + (choices.isEmpty ? "" : ": drop \(choices) first with `plan \(contact.commandArgument) drop N`")
                             + ", or use --anyway")
    }

    /// An edit that took out the plan's only "who else should I talk to?" question is
    /// done, but said: it is the question a conversation should not end without.
    func warnIfReferralGone() {
        let isReferral = { (item: PlanItem) in item.questionID.flatMap { banks.question(id: $0)?.isReferral } == true }
        guard original.items.contains(where: isReferral), !editor.items.contains(where: isReferral) else { return }
        context.console.warning("the plan has no referral question now (who else should I talk to?); "
                                + "`plan \(contact.commandArgument) undo` puts it back")
    }

    /// After a move, swap or replace: says when two questions now run against
    /// conversation order (warm-up first, the ask for names and the thanks last).
    func noteIfOutOfOrder() {
        let vocabulary = banks.vocabulary
        guard let (earlier, later) = editor.firstOutOfOrder(topicOrder: vocabulary.order(ofTopic:)),
              let first = editor.items[earlier].topic, let second = editor.items[later].topic else { return }
        let topic = { (id: String) in vocabulary.tag(.topic, id: id)?.phrase ?? id }
        context.console.paragraph(context.console.style.dim(
            "Note: \(earlier + 1) (\(topic(first))) now comes before \(later + 1) (\(topic(second))); a conversation "
                + "usually goes " + vocabulary.ids(.topic).map(topic).joined(separator: ", ")
                + ". `plan \(contact.commandArgument) undo` puts it back."))
    }

    func save(_ change: String) throws {
        try context.store().savePlan(contactID: contact.id!, items: editor.items, change: change, at: context.now())
    }
}

struct PlanItemJSON: Encodable {
    let position: Int
    let questionID: String?
    let text: String
    let topic: String?
    let minutes: Int
    /// The bank question's follow-up prompts; none for your own questions.
    let followups: [String]

    init(_ item: PlanItem, banks: Banks) {
        position = item.position
        questionID = item.questionID
        text = item.text
        topic = item.topic
        minutes = item.minutes
        followups = item.questionID.flatMap { banks.question(id: $0)?.followups } ?? []
    }
}
