import ArgumentParser
import PrepCoachCore

struct PlanCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Show a contact's saved question plan (made with `pick --contact`).")

    static let completion = CompletionSpec(options: ["--json": nil], positional: .contacts)

    @Argument(help: "The contact.") var name: String
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let contact = try context.contact(named: name)
        let items = try context.store().plan(contactID: contact.id!)
        if json {
            context.console.line(try JSONOutput.encode(items.map(PlanItemJSON.init)))
            return
        }
        guard !items.isEmpty else {
            throw CommandFailure("\(contact.name) has no plan yet; make one with `pick --contact \(contact.commandArgument)`")
        }
        let style = context.console.style
        context.console.line(style.bold("Plan for \(contact.name)")
            + style.dim(" · \(items.count.counted("question")) · \(items.reduce(0) { $0 + $1.minutes }) min"))
        for (number, item) in zip(1..., items) {
            let source = item.questionID ?? "your own"
            context.console.line("\(String(number).leftPadded(to: 3)). \(item.text) " + style.dim("(\(item.minutes) min · \(source))"))
        }
    }
}

struct AddCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add your own question to a contact's plan, checked by the rules first.",
        discussion: """
            The question goes before the closing referral question. A question a rule flags as an error \
            (research answers it, or it asks for a job) is not added unless you pass --anyway.
            """)

    static let completion = CompletionSpec(options: ["--minutes": nil, "--anyway": nil], positional: .contacts)

    @Argument(help: "The contact.") var name: String
    @Argument(help: "Your question, in quotes.") var question: [String]
    @Option(help: "Minutes it should take.") var minutes = 3
    @Flag(help: "Add it even if a rule flags it as an error.") var anyway = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if question.isEmpty { throw ValidationError("give the question to add, in quotes") }
        guard (1...15).contains(minutes) else { throw ValidationError("--minutes must be from 1 to 15") }
    }

    func execute(in context: CommandContext) throws {
        let contact = try context.contact(named: name)
        let text = question.joined(separator: " ")
        let findings = try context.lint(text, company: contact.company)
        if !findings.isEmpty {
            FindingPrinter(console: context.console).print([LintedLine(line: QuestionLine(text: text, location: nil),
                                                                       findings: findings)], checked: 1)
        }
        if findings.contains(where: { $0.rule.severity == .error }) && !anyway {
            throw CommandFailure("not added: try the suggested question instead, or add it with --anyway")
        }
        let store = try context.store()
        let hasReferral = try store.plan(contactID: contact.id!).last?.questionID
            .flatMap { context.banks(adding: global.banks).question(id: $0)?.isReferral } ?? false
        try store.appendToPlan(contactID: contact.id!, questionID: nil, text: text, topic: nil, minutes: minutes,
                               beforeLast: hasReferral)
        let total = try store.plan(contactID: contact.id!).reduce(0) { $0 + $1.minutes }
        context.console.line("Added to \(contact.name)'s plan (now \(total) min).")
        if total >= PlanRequest.defaultMeetingMinutes {
            context.console.warning("the plan is \(total) minutes; informational interviews should stay under 30")
        }
    }
}

struct PlanItemJSON: Encodable {
    let position: Int
    let questionID: String?
    let text: String
    let topic: String?
    let minutes: Int

    init(_ item: PlanItem) {
        position = item.position
        questionID = item.questionID
        text = item.text
        topic = item.topic
        minutes = item.minutes
    }
}
