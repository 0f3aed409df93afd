import Foundation
import PrepCoachCore

/// Tab completion in context: command names first (and subcommand names, after
/// `contact`), then a command's options, then the values an option takes (after
/// `--industry`, industries), then its positional arguments (after `show`, question ids).
struct Completer {
    let context: CommandContext

    static let shellWords = ["help", "quit", "exit"]

    func candidates(lineBeforeCursor line: String) -> [String] {
        let (words, current, quote) = CommandWords.partial(line)
        // Written as typed, since the editor puts them in place of the typed word.
        return candidates(words: words, current: current)
            .map { word in quote.map { CommandWords.quoted(word, in: $0) } ?? CommandWords.escaped(word) }
    }

    /// The values that complete `current` after `words`, unescaped, matched ignoring case
    /// (`pri` finds `Priya`): for the REPL and for shell completion scripts (`__complete`).
    func candidates(words: [String], current: String) -> [String] {
        values(words: words, current: current).filter { $0.lowercased().hasPrefix(current.lowercased()) }.sorted()
    }

    private func values(words: [String], current: String) -> [String] {
        guard let name = words.first else { return RootCommand.commandNames + Self.shellWords }
        if name == "help" { return words.count == 1 ? RootCommand.commandNames + HelpText.topicNames : [] }
        guard let (command, arguments) = RootCommand.command(for: words) else { return [] }
        let subcommands = RootCommand.subcommands(of: command)
        if !subcommands.isEmpty, arguments.isEmpty, !current.hasPrefix("-") {
            return subcommands.compactMap { $0.configuration.commandName }
        }
        let options = command.completion.allOptions
        if let previous = words.last, previous.hasPrefix("-"), let expected = options[previous] {
            // A flag (nil source) takes no value: fall through to options and positionals.
            if let source = expected { return values(of: source, current: current) }
        }
        if current.hasPrefix("-") { return Array(options.keys) }
        if let second = command.completion.followedBy {
            switch positionalCount(arguments, options: options) {
            case 0: break
            case 1: return values(of: second, current: current)
            default: return []  // numbers or words of your own
            }
        }

        return command.completion.positional.map { values(of: $0, current: current) } ?? []
    }

    /// How many positional arguments are typed: words that are neither options nor an option's value.
    private func positionalCount(_ arguments: ArraySlice<String>, options: [String: CompletionSource?]) -> Int {
        var count = 0
        var previous: String?
        for word in arguments {
            let isValue = previous.map { options[$0].map { $0 != nil } ?? false } ?? false
            if !word.hasPrefix("-") && !isValue { count += 1 }
            previous = word
        }
        return count
    }

    private func values(of source: CompletionSource, current: String) -> [String] {
        switch source {
        case let .tags(kind): context.banks().vocabulary.ids(kind)
        case .tagKinds: TagKind.allCases.map(\.listKey)
        case .questionIDs: Array(context.banks().idIndex.ids(withPrefix: current))
        case .commands: RootCommand.commandNames
        case .files: files(matching: current)
        case .contacts: (try? context.store().contacts().map(\.name)) ?? []
        case .companies: (try? companies()) ?? []
        case .ruleIDs: context.banks().lintRules.map(\.id)
        case let .choices(values): values
        }
    }

    /// Every company the user has a contact or research notes at, each spelling once.
    private func companies() throws -> [String] {
        let store = try context.store()
        let names = try store.contacts().compactMap(\.company) + store.research().map(\.company)
        var seen = Set<String>()
        return names.filter { seen.insert($0.lowercased()).inserted }
    }

    /// Paths in the folder named so far; folders end in `/` so Tab can go on into them.
    private func files(matching current: String) -> [String] {
        let folder = current.contains("/") ? String(current[...current.lastIndex(of: "/")!]) : ""
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        return entries.filter { !$0.hasPrefix(".") }.map { entry in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + entry, isDirectory: &isDirectory)
            return folder + entry + (isDirectory.boolValue ? "/" : "")
        }
    }
}
