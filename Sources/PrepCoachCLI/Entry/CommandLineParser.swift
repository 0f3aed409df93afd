import ArgumentParser

/// Parses a command's words exactly as `RootCommand.parseAsRoot` does, for less in the
/// usual case (`pick --stage … --seed 1`, `contact list`): words that name a command
/// without subcommands and hold no option the root parses itself are parsed by that
/// command alone, which skips the root's pass over the words and its reflection over
/// the root and the command (0.5 of the 2.3 ms a one-shot `pick` spent parsing).
/// Anything else, and anything that does not parse into that command alone (an error,
/// `--help`), goes through `parseAsRoot`, so every message and exit status stays the same.
enum CommandLineParser {
    static func parse(_ words: [String]) -> ParsedCommandLine {
        if let command = shortcut(words) { return .command(command) }
        do {
            let parsed = try RootCommand.parseAsRoot(words)
            return (parsed as? any CoachCommand).map { .command($0) } ?? .other(parsed)
        } catch {
            return .failure(error)
        }
    }

    /// The command the shortcut parses, or nil when the words need the root.
    static func shortcut(_ words: [String]) -> (any CoachCommand)? {
        guard let (command, arguments) = RootCommand.command(for: words),
              command.configuration.subcommands.isEmpty,
              !arguments.prefix(while: { $0 != "--" }).contains(where: parsedByRoot)
        else { return nil }
        return parsed(command, Array(arguments))
    }

    /// Parsed by `command` alone, or nil if that gives anything but a `command`.
    private static func parsed<Command: CoachCommand>(_ command: Command.Type, _ arguments: [String]) -> Command? {
        try? command.parseAsRoot(arguments) as? Command
    }

    /// Whether the root could take `word` as an option of its own: its `-c`, a global
    /// option (with the root, the command takes the root's value instead of parsing its
    /// own) or a built-in one (`-h`). Every single-dash word counts, as `-xc` holds `-c`.
    private static func parsedByRoot(_ word: String) -> Bool {
        guard word.hasPrefix("-") else { return false }
        guard word.hasPrefix("--") else { return true }
        let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
        return rootOptionNames.contains(name)
    }

    /// The long options `RootCommand` declares (a test keeps this in step with its help).
    static let rootOptionNames: Set<String> = Set(CompletionSpec.global.keys).union(["--command"])
}

/// A command line, parsed. A command of prepcoach's own stays typed as one: asking at
/// run time whether a value is one scans every conformance in the program the first time.
enum ParsedCommandLine {
    case command(any CoachCommand)
    /// The root (the shell, `-c`) or ArgumentParser's help command.
    case other(any ParsableCommand)
    case failure(any Error)

    /// The options every command takes, if the words parsed.
    var global: GlobalOptions? {
        switch self {
        case .command(let command): command.global
        case .other(let command): (command as? RootCommand)?.global
        case .failure: nil
        }
    }
}
