import ArgumentParser
import Foundation
import LineEditor

/// The interactive shell, and its non-interactive twin that reads commands
/// from a pipe or file with no prompt and no escape codes.
struct Repl {
    let context: CommandContext
    let dispatcher: CommandDispatcher

    init(context: CommandContext) {
        self.context = context
        self.dispatcher = CommandDispatcher(context: context)
    }

    static let prompt = "prepcoach> "

    /// `$XDG_DATA_HOME/prepcoach/history`, by default `~/.local/share/prepcoach/history`.
    static func historyFile(environment: [String: String]) -> URL? {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.local/share" }
        return base.map { URL(fileURLWithPath: $0).appendingPathComponent("prepcoach/history") }
    }

    func runInteractive() -> Int32 {
        let editor = LineEditor(programName: "prepcoach", historyFile: Self.historyFile(environment: context.environment))
        let completer = Completer(context: context)
        editor.completer = { completer.candidates(lineBeforeCursor: $0) }
        context.answers = EditorAnswers(editor: editor)
        let style = context.console.style
        context.console.line(style.bold("prepcoach \(RootCommand.version)")
                             + " — type 'help' for commands, Tab to complete, Ctrl-D to quit.")
        // Load now: problems show before the first prompt, and Tab is instant;
        // the indexes for completion and search are built while the user types.
        let banks = context.banks()
        DispatchQueue.global(qos: .utility).async { banks.prepareIndexes() }
        while true {
            switch editor.readLine(prompt: Self.prompt) {
            case .endOfInput:
                context.console.line()
                return 0
            case .interrupted:
                continue
            case let .line(line):
                editor.addToHistory(line)
                if execute(line) == .quit { return 0 }
            }
        }
    }

    /// Runs commands line by line; blank lines and `#` comments are skipped.
    /// Like psql and sqlite3 it goes on after a failing command, and exits non-zero at the end.
    func runScript(_ nextLine: () -> String?) -> Int32 {
        var status: Int32 = 0
        while let line = nextLine() {
            let outcome = execute(line)
            if outcome == .quit { break }
            if case let .finished(code) = outcome, code != 0 { status = code }
        }
        return status
    }

    enum Outcome: Equatable {
        case finished(Int32)
        case quit
    }

    private func execute(_ line: String) -> Outcome {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return .finished(0) }
        let words: [String]
        do {
            words = try CommandWords.split(trimmed)
        } catch {
            context.console.error(error.description)
            return .finished(ExitCode.validationFailure.rawValue)
        }
        if words == ["quit"] || words == ["exit"] { return .quit }
        return .finished(dispatcher.run(words))
    }
}
