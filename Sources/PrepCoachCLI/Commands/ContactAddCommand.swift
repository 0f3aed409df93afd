import ArgumentParser
import Foundation
import PrepCoachCore

struct ContactAddCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add someone you want to talk to.",
        discussion: "Example: contact add \"Ann Lee\" --role \"nurse manager\" --company \"Acme Health\" "
            + "--industry healthcare --stage career-changer --how \"alumni network\" --channel in-person\n"
            + "Their role family, owner/employee, organisation size and seniority are worked out from --role and "
            + "--company where clear (\"Nurse Manager\": clinical, senior), asked in the shell where not, and "
            + "set outright with --role-family, --owner/--employee, --size, --seniority.")

    static let completion = CompletionSpec(options: ContactDetailOptions.completion)

    @Argument(help: "Their name; quote a name with spaces: \"Ann Lee\".") var name: String
    @OptionGroup var details: ContactDetailOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give the contact a name") }
    }

    func execute(in context: CommandContext) throws {
        var contact = Contact(name: name.trimmingCharacters(in: .whitespaces), createdAt: context.now())
        let banks = context.banks(adding: global.banks)
        let vocabulary = banks.vocabulary
        try details.apply(to: &contact, banks: banks)
        let questions = PersonQuestions(context: context, vocabulary: vocabulary)
        try questions.askUnknown(about: &contact)
        let saved = try context.store().add(contact)
        let name = saved.commandArgument
        let facts = PersonPhrase.facts(saved.person)
        context.console.line("Added \(saved.name)" + (facts.isEmpty ? "." : " (\(facts))."))
        questions.reportUnknown(about: saved)
        context.console.paragraph(context.console.style.dim(
            "Next: `request \(name)` drafts your request; `pick --contact \(name)` picks your questions."))
    }
}
