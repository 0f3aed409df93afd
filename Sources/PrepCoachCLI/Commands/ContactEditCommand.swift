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
            throw ValidationError("nothing to change: give --role, --company, --industry, --stage, --how, --channel, "
                                  + "--role-family, --owner, --employee, --size or --seniority")
        }
    }

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        var contact = try ContactLookup(store: store).contact(named: name)
        let banks = context.banks(adding: global.banks)
        let vocabulary = banks.vocabulary
        try details.apply(to: &contact, banks: banks)
        if details.redescribesPerson {
            try PersonQuestions(context: context, vocabulary: vocabulary).askUnknown(about: &contact)
        }
        try store.update(contact)
        let facts = PersonPhrase.facts(contact.person)
        context.console.line("Updated \(contact.name): \(details.givenFields.joined(separator: ", "))"
                             + (facts.isEmpty ? "." : " (\(facts))."))
    }
}
