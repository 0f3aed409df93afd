import ArgumentParser
import Foundation
import PrepCoachCore

struct ContactAddCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add someone you want to talk to.",
        discussion: "Example: contact add \"Ann Lee\" --role \"nurse manager\" --company \"Acme Health\" "
            + "--industry healthcare --stage career-changer --how \"alumni network\" --channel in-person")

    static let completion = CompletionSpec(options: ContactDetailOptions.completion)

    @Argument(help: "Their name; quote a name with spaces: \"Ann Lee\".") var name: String
    @OptionGroup var details: ContactDetailOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give the contact a name") }
    }

    func execute(in context: CommandContext) throws {
        var contact = Contact(name: name.trimmingCharacters(in: .whitespaces), createdAt: context.now())
        try details.apply(to: &contact, vocabulary: context.banks(adding: global.banks).vocabulary)
        let saved = try context.store().add(contact)
        let name = saved.commandArgument
        context.console.line("Added \(saved.name).")
        context.console.line(context.console.style.dim(
            "Next: `request \(name)` drafts your request; `pick --contact \(name)` picks your questions."))
    }
}
