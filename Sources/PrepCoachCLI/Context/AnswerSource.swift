import LineEditor

/// Where conversational commands (`prep`, `rehearse`, `call`) read the user's
/// answers: the line editor in the REPL, or the next lines of a script.
public protocol AnswerSource: AnyObject {
    /// Asks with `prompt` (shown only on a terminal); `.endOfInput` when there is no more input.
    func answer(prompt: String, completions: [String]) -> LineInput
    /// A person at a terminal, who may be asked what prepcoach could not work out;
    /// a script is never asked anything it did not expect.
    var isInteractive: Bool { get }
}

extension AnswerSource {
    var isInteractive: Bool { false }
}

/// Answers typed at the terminal, with Tab completing from `completions`.
final class EditorAnswers: AnswerSource {
    let editor: LineEditor

    init(editor: LineEditor) { self.editor = editor }

    var isInteractive: Bool { true }

    func answer(prompt: String, completions: [String]) -> LineInput {
        let saved = editor.completer
        defer { editor.completer = saved }
        editor.completer = { line in
            let current = CommandWords.partial(line).current
            return completions.filter { $0.hasPrefix(current) }
        }
        return editor.readLine(prompt: prompt)
    }
}

/// Answers read from a script or pipe: the lines after the command that asked.
final class ScriptAnswers: AnswerSource {
    private var lines: AnyIterator<String>

    init(_ lines: AnyIterator<String>) { self.lines = lines }

    func answer(prompt: String, completions: [String]) -> LineInput {
        lines.next().map(LineInput.line) ?? .endOfInput
    }

    /// The next command line, for the script runner sharing this source.
    func nextLine() -> String? { lines.next() }
}
