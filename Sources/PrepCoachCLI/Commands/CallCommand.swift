import ArgumentParser
import PrepCoachCore

struct CallCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Hold the call: the plan on screen, a clock, notes saved as you type them.",
        discussion: """
            Starts a call with the contact (or resumes one not yet ended). Notes, questions asked, referrals \
            and to-dos are on disk before the prompt returns. Type `help` inside for its commands.
            """)

    static let completion = CompletionSpec(options: ["--minutes": nil], positional: .contacts)

    @Argument(help: "The contact.") var name: String
    @Option(parsing: .unconditional, help: "Minutes you asked for; the clock counts down from it.") var minutes = PlanRequest.defaultMeetingMinutes
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try NumberRange.check(minutes, "--minutes", 1...240)
    }

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        let contact = try context.contact(named: name)
        let id = contact.id!
        let call: Call
        if let open = try store.openCall(contactID: id) {
            call = open
            context.console.line(context.console.style.dim("Resuming the call started \(DateText.dayAndTime(open.startedAt))."))
        } else {
            call = try store.startCall(contactID: id, at: context.now(), promisedMinutes: minutes)
        }
        _ = try CallSession(context: context, store: store, contact: contact, plan: store.plan(contactID: id),
                            call: call).run()
    }
}
