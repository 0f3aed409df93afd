import ArgumentParser
import PrepCoachCore

struct ContactEditCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change a contact's details; only the options given change.",
        discussion: "An empty value clears a field: contact edit \"Ann Lee\" --role \"\"")

    static let completion = CompletionSpec(options: ContactDetailOptions.completion, positional: .contacts)

    @Argument(help: "The contact's name (Tab completes names).") var name: String
    @OptionGroup var details: ContactDetailOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if details.givenFields.isEmpty {
            throw ValidationError("nothing to change: give --role, --company, --industry, --stage, --how or --channel")
        }
    }

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        var contact = try ContactLookup(store: store).contact(named: name)
        try details.apply(to: &contact, vocabulary: context.banks(adding: global.banks).vocabulary)
        try store.update(contact)
        context.console.line("Updated \(contact.name): \(details.givenFields.joined(separator: ", ")).")
    }
}
