import ArgumentParser

/// `prepcoach` itself: with a subcommand, runs it once; without, starts the
/// REPL (or reads commands from standard input when it is not a terminal).
struct RootCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "prepcoach",
        abstract: "A terminal coach for preparing, holding and following up informational interviews.",
        discussion: """
            Run without a command to start the interactive shell; type 'help' there. \
            Commands read from standard input when it is not a terminal: `prepcoach < plan.txt`. \
            The bundled banks are found beside the program or in ../share/prepcoach/QuestionBanks; \
            PREPCOACH_BUNDLED_BANKS=DIR overrides, PREPCOACH_BANKS=dir1:dir2 adds folders.
            """,
        version: version,
        // Upcast one by one, not as an array: an array cast looks up each
        // command's conformance at run time, a measurable part of start-up.
        subcommands: commands.map { command -> any ParsableCommand.Type in command })

    /// Every command, in the order `help` lists them.
    static let commands: [any CoachCommand.Type] = [
        PickCommand.self, ListCommand.self, ShowCommand.self, SearchCommand.self, TagsCommand.self,
        LintCommand.self, RulesCommand.self, TestRulesCommand.self, CheckBanksCommand.self, TrainCommand.self,
        ContactCommand.self, RequestCommand.self, ResearchCommand.self, PrepCommand.self, RehearseCommand.self,
        PlanCommand.self, AddCommand.self, CallCommand.self, WrapCommand.self, ThanksCommand.self,
        FollowUpsCommand.self, HistoryCommand.self, NextCommand.self, ExportPlanCommand.self, ConfigCommand.self,
        BackupCommand.self, ExportCommand.self, ImportCommand.self,
    ]

    static var commandNames: [String] { commands.compactMap { $0.configuration.commandName } }

    static func command(named name: String) -> (any CoachCommand.Type)? {
        commands.first { $0.configuration.commandName == name }
    }

    /// The command the words name, descending into subcommands (`contact add`), and the words after it.
    static func command(for words: [String]) -> (command: any CoachCommand.Type, arguments: ArraySlice<String>)? {
        guard let name = words.first, var command = command(named: name) else { return nil }
        var arguments = words.dropFirst()
        while let next = arguments.first,
              let subcommand = subcommands(of: command).first(where: { $0.configuration.commandName == next }) {
            command = subcommand
            arguments = arguments.dropFirst()
        }
        return (command, arguments)
    }

    static func subcommands(of command: any CoachCommand.Type) -> [any CoachCommand.Type] {
        command.configuration.subcommands.compactMap { $0 as? any CoachCommand.Type }
    }

    @Option(name: [.customShort("c"), .customLong("command")], help: ArgumentHelp(
        "Run COMMAND (as typed in the shell) and exit; repeatable. Exit status is non-zero if any fails.",
        valueName: "COMMAND"))
    var commandLines: [String] = []

    @OptionGroup var global: GlobalOptions
}
