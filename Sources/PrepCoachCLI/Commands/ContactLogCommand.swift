import ArgumentParser
import PrepCoachCore

/// Records that you were in touch outside a call (an email, a coffee, a chat at
/// an event): the quarterly check-in counts from the latest contact.
struct ContactLogCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Note that you were in touch with a contact (resets the check-in clock).",
        discussion: "Example: contact log \"Ann Lee\" sent her the article on nurse staffing")

    static let completion = CompletionSpec(positional: .contacts)

    @Argument(help: "The contact's name (Tab completes names).") var name: String
    @Argument(help: "What happened, in a few words.") var text: [String] = []
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if text.joined().isEmpty { throw ValidationError("say what happened, e.g. contact log NAME sent a quick hello") }
    }

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        let contact = try ContactLookup(store: store).contact(named: name)
        guard let id = contact.id else { return }
        let now = context.now()
        try store.log(Interaction(contactID: id, kind: .log, text: text.joined(separator: " "), at: now))
        context.console.line("Logged for \(contact.name) on \(DateText.day(now)); "
                             + "the next quarterly check-in counts from today.")
    }
}
