import ArgumentParser
import PrepCoachCore

/// `contact …`: the people you talk to. Without a subcommand it lists them,
/// the thing most often wanted.
struct ContactCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract: "Keep the people you talk to: add, list, show, edit, log when you were in touch, rename, remove.",
        discussion: "Without a subcommand, lists your contacts.",
        subcommands: [ContactAddCommand.self, ContactListCommand.self, ContactShowCommand.self,
                      ContactEditCommand.self, ContactLogCommand.self,
                      ContactRemoveCommand.self, ContactRenameCommand.self])

    static let completion = CompletionSpec()

    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        try ContactListPrinter(context: context).print(json: false)
    }
}
