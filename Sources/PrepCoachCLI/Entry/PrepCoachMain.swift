import ArgumentParser
import Foundation

/// The program: run one command, the `-c` commands, a script from standard
/// input, or the interactive shell.
public enum PrepCoachMain {
    public static func run(arguments: [String], environment: [String: String]) -> Int32 {
        let (context, status) = runCommands(arguments: arguments, environment: environment)
        context.closeStore()
        return status
    }

    private static func runCommands(arguments: [String], environment: [String: String])
        -> (CommandContext, Int32) {
        // Parsed first for the options that shape the context (--bank, --no-color); the
        // dispatcher runs the command or reports the error. `__complete` words are the
        // shell's, which the root always rejects, so they are not parsed at all.
        let parsed = arguments.first == ShellCompletion.commandName ? nil : CommandLineParser.parse(arguments)
        let global = parsed?.global
        let console = Console.standard(colorAllowed: !(global?.noColor ?? false), environment: environment)
        let bundled = BankPaths.bundled(environment: environment, executable: BankPaths.executablePath)
        let context = CommandContext(
            console: console, environment: environment, bundledBanks: bundled, extraBanks: global?.banks ?? [],
            storePath: global?.database)
        // Kept until the process exits: freeing a large bank object by object
        // would only delay the exit (25 ms for 100,000 questions).
        _ = Unmanaged.passRetained(context)
        if arguments.first == ShellCompletion.commandName {
            return (context, ShellCompletion.run(Array(arguments.dropFirst()), context: context))
        }
        // A closure, not an iterator type of its own: the runtime would look that type's
        // conformance up through every conformance in the program on first use.
        var isFirstLine = true
        let standardInput = ScriptAnswers(AnyIterator {
            guard let line = readLine(strippingNewline: true) else { return nil }
            defer { isFirstLine = false }
            // The byte-order mark some editors start a UTF-8 file with is not part of the first command.
            return isFirstLine && line.hasPrefix("\u{FEFF}") ? String(line.dropFirst()) : line
        })
        if isatty(0) == 0 {
            context.answers = standardInput
        } else {
            // One-shot `call`, `prep` and `rehearse` on a terminal ask with the line editor.
            context.answers = Repl.terminalAnswers(environment: environment, console: console) {
                Repl.editor(environment: environment, console: console)
            }
        }
        guard case .other(let root as RootCommand)? = parsed else {
            return (context, CommandDispatcher(context: context).run(arguments, parsed: parsed))
        }
        let repl = Repl(context: context)
        if !root.commandLines.isEmpty {
            var commands = root.commandLines.makeIterator()
            return (context, repl.runScript { commands.next() })
        }
        if isatty(0) == 1 { return (context, repl.runInteractive()) }
        return (context, repl.runScript(standardInput.nextLine))
    }
}

