import ArgumentParser
import PrepCoachCore

/// Parses a command's words with ArgumentParser and runs it, turning every
/// error into a clear message and an exit status. Shared by one-shot use,
/// `-c`, scripts on standard input and the REPL, so they behave the same.
struct CommandDispatcher {
    let context: CommandContext

    /// Runs one command; returns its exit status. `parsed`: what parsing the words
    /// gave, if done already (one-shot use parses them first for the global options).
    @discardableResult
    func run(_ words: [String], parsed: ParsedCommandLine? = nil) -> Int32 {
        guard let first = words.first else { return 0 }
        if first == "help" { return help(Array(words.dropFirst())) }
        if !first.hasPrefix("-"), RootCommand.command(named: first) == nil {
            context.console.error("unknown command '\(first)'"
                + Suggestion.hint(for: first, among: RootCommand.commandNames) + "; type 'help' for the list")
            return ExitCode.validationFailure.rawValue
        }
        do {
            switch parsed ?? CommandLineParser.parse(words) {
            case .command(let command):
                try command.execute(in: context)
            case .other(let command) where command is RootCommand:
                context.console.line(HelpText.overview(style: context.console.style, columns: context.console.columns()))
            case .other(var command):
                try command.run()  // ArgumentParser's own help command: it throws the help text
            case .failure(let error):
                throw error
            }
            return 0
        } catch {
            return report(error)
        }
    }

    /// Prints an error (or the help/version a "clean exit" carries) and gives its exit status.
    func report(_ error: any Error) -> Int32 {
        switch StoreError(translating: error) ?? error {
        case let exit as ExitCode:
            return exit.rawValue
        case let failure as CommandFailure:
            context.console.error(failure.description)
        case let unknown as UnknownTag:
            context.console.error(unknown.description)
        case let pick as PickError:
            context.console.error(pick.description)
        case let store as StoreError:
            context.console.error(store.description)
        default:
            let code = RootCommand.exitCode(for: error)
            let message = RootCommand.fullMessage(for: error)
            if code == .success {
                context.console.line(message)
            } else {
                context.console.error(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message)
            }
            return code.rawValue
        }
        return ExitCode.failure.rawValue
    }

    private func help(_ topics: [String]) -> Int32 {
        guard let topic = topics.first else {
            context.console.line(HelpText.overview(style: context.console.style, columns: context.console.columns()))
            return 0
        }
        if let (command, _) = RootCommand.command(for: topics) {  // `help contact add` helps with `add`
            context.console.line(RootCommand.helpMessage(for: command))
            return 0
        }
        if let text = HelpText.topic(topic) {
            context.console.line(text)
            return 0
        }
        context.console.error("no help for '\(topic)'"
            + Suggestion.hint(for: topic, among: RootCommand.commandNames + HelpText.topicNames))
        return ExitCode.validationFailure.rawValue
    }
}
