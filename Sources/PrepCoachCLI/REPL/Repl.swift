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

    /// `$XDG_DATA_HOME/prepcoach/history`, by default `~/.local/share/prepcoach/history`;
    /// calls keep theirs in `call-history` beside it.
    static func historyFile(environment: [String: String], name: String = "history") -> URL? {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.local/share" }
        return base.map { URL(fileURLWithPath: $0).appendingPathComponent("prepcoach/\(name)") }
    }

    /// Answers typed at the terminal; `editor` is made on first use.
    static func terminalAnswers(environment: [String: String], console: Console,
                                editor: @escaping () -> LineEditor) -> EditorAnswers {
        EditorAnswers(callHistoryFile: historyFile(environment: environment, name: "call-history"),
                      warn: console.warning, editor: editor)
    }

    /// The line editor with the shell's history (or a warning that its file is refused).
    static func editor(environment: [String: String], console: Console) -> LineEditor {
        let editor = LineEditor(programName: "prepcoach", historyFile: historyFile(environment: environment))
        if let refusal = editor.historyRefusal { console.warning(refusal) }
        return editor
    }

    func runInteractive() -> Int32 {
        let editor = Self.editor(environment: context.environment, console: context.console)
        let completer = Completer(context: context)
        editor.completer = { completer.candidates(lineBeforeCursor: $0) }
        context.answers = Self.terminalAnswers(environment: context.environment, console: context.console) { editor }
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
