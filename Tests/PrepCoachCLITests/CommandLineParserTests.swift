import ArgumentParser
import Testing
@testable import PrepCoachCLI

/// `CommandLineParser.parse` must parse every command line as `RootCommand.parseAsRoot`
/// does: the same command with the same values, or the same message and exit status.
@Suite struct CommandLineParserTests {
    /// Every command's words, subcommands included (`contact add`).
    private static let commandPaths: [[String]] = RootCommand.commands.flatMap { command -> [[String]] in
        let name = command.configuration.commandName ?? ""
        return [[name]] + RootCommand.subcommands(of: command).map { [name, $0.configuration.commandName ?? ""] }
    }

    /// Pieces of command lines: valid, misspelt, global options, built-in flags, `--`.
    /// (Few enough for a debug build, where ArgumentParser checks each command on every parse.)
    private static let fragments: [[String]] = [
        [], ["x"], ["--help"], ["--bank", "/tmp/bank"], ["--no-color"], ["-c", "list"], ["--bogus"], ["--", "-c"],
    ]

    /// Pairs of these make the lines where the root and the command alone could part ways.
    private static let pieces: [[String]] = [
        ["x"], ["--help"], ["--bank", "x"], ["--no-color"], ["-c", "list"], ["--", "-c"], ["--db=x"], ["--json"],
        ["--stage", "x"], ["--seed", "-1"], ["--seed", "--bank"], ["--minutes", "--no-color"], ["-5"], ["--version"],
    ]

    /// What a parse gives, compared as text: the command and all its values, or the error as users see it.
    private static func outcome(_ parse: () throws -> any ParsableCommand) -> String {
        do {
            var text = ""
            dump(try parse(), to: &text)
            return text
        } catch {
            return "exit \(RootCommand.exitCode(for: error).rawValue): \(RootCommand.fullMessage(for: error))"
        }
    }

    private static func expectSameAsRoot(_ words: [String]) {
        let root = outcome { try RootCommand.parseAsRoot(words) }
        let parsed = outcome {
            switch CommandLineParser.parse(words) {
            case .command(let command): command
            case .other(let command): command
            case .failure(let error): throw error
            }
        }
        #expect(parsed == root, "\(words)")
    }

    /// Each of a command's own options, with a value.
    private static func ownOptions(_ path: [String]) -> [[String]] {
        guard let (command, _) = RootCommand.command(for: path) else { return [] }
        return command.completion.options.keys.sorted().map { [$0, "3"] }
    }

    @Test func everyCommandParsesAsTheRootDoes() {
        for path in Self.commandPaths {
            for fragment in Self.fragments + Self.ownOptions(path) {
                Self.expectSameAsRoot(path + fragment)
            }
            for global in [["--bank", "/tmp/bank"], ["--no-color"], ["-c", "list"]] {
                Self.expectSameAsRoot(global + path)
            }
        }
    }

    @Test func pairsOfPiecesParseAsTheRootDoes() {
        for first in Self.pieces {
            for second in Self.pieces {
                Self.expectSameAsRoot(["pick"] + first + second)
            }
        }
    }

    @Test func linesThatNameNoCommandParseAsTheRootDoes() {
        for words in [[], ["--version"], ["--help"], ["-c", "list"], ["--bank", "x", "pick"], ["help", "pick"],
                      ["help"], ["pik"], ["contact"], ["contact", "ad"], ["contact", "--no-color", "list"],
                      ["contact", "--json", "list"], ["__complete", "pick", ""], ["--", "pick"]] {
            Self.expectSameAsRoot(words)
        }
    }

    /// Guards the speed-up itself: the usual one-shot lines take the shortcut, and only they.
    @Test func shortcutTakesPlainCommandLinesOnly() {
        #expect(CommandLineParser.shortcut(["pick", "--stage", "career-changer", "--industry", "healthcare",
                                            "--seed", "1"]) is PickCommand)
        #expect(CommandLineParser.shortcut(["contact", "list"]) is ContactListCommand)
        #expect(CommandLineParser.shortcut(["lint", "Hello?", "--", "-c"]) is LintCommand)
        for words in [["pick", "--help"], ["pick", "--bank", "x"], ["pick", "-c", "list"], ["--no-color", "list"],
                      ["contact"], ["pick", "--bogus"], ["help", "pick"]] {
            #expect(CommandLineParser.shortcut(words) == nil, "\(words)")
        }
    }

    /// The shortcut leaves to the root every word the root parses: its options, and each
    /// global option (which the root parses for the command).
    @Test func rootOptionNamesCoverTheRootsOptions() throws {
        let help = RootCommand.helpMessage(for: RootCommand.self, columns: 200)
        let section = try #require(help.firstRange(of: "OPTIONS:").map { help[$0.upperBound...] })
        let options = section[..<(section.firstRange(of: "SUBCOMMANDS:")?.lowerBound ?? section.endIndex)]
        let names = Set(options.matches(of: /--[a-z][a-z-]*/).map { String($0.output) })
        #expect(names.subtracting(CommandLineParser.rootOptionNames) == ["--version"])
    }
}
