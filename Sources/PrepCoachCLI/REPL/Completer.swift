import Foundation
import PrepCoachCore

/// Tab completion in context: command names first, then a command's options,
/// then the values an option takes (after `--industry`, industries), then its
/// positional arguments (after `show`, question ids).
struct Completer {
    let context: CommandContext

    static let shellWords = ["help", "quit", "exit"]

    func candidates(lineBeforeCursor line: String) -> [String] {
        let (words, current) = CommandWords.partial(line)
        return values(words: words, current: current).filter { $0.hasPrefix(current) }.sorted()
    }

    private func values(words: [String], current: String) -> [String] {
        guard let name = words.first else { return RootCommand.commandNames + Self.shellWords }
        if name == "help" { return words.count == 1 ? RootCommand.commandNames + HelpText.topicNames : [] }
        guard let command = RootCommand.command(named: name) else { return [] }
        let options = command.completion.allOptions
        if let previous = words.last, previous.hasPrefix("-"), let expected = options[previous] {
            // A flag (nil source) takes no value: fall through to options and positionals.
            if let source = expected { return values(of: source, current: current) }
        }
        if current.hasPrefix("-") { return Array(options.keys) }
        return command.completion.positional.map { values(of: $0, current: current) } ?? []
    }

    private func values(of source: CompletionSource, current: String) -> [String] {
        switch source {
        case let .tags(kind): context.banks().vocabulary.ids(kind)
        case .tagKinds: TagKind.allCases.map(\.listKey)
        case .questionIDs: context.banks().questionIDs
        case .commands: RootCommand.commandNames
        case .files: files(matching: current)
        }
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
