import Foundation
import LineEditor

/// Where conversational commands (`prep`, `rehearse`, `call`) read the user's
/// answers: the line editor in the REPL, or the next lines of a script.
public protocol AnswerSource: AnyObject {
    /// Asks with `prompt` (shown only on a terminal); `.endOfInput` when there is no more input.
    func answer(prompt: String, completions: [String]) -> LineInput

    /// A line typed in a call: the prompt keeps its clock current and shows warnings
    /// when they are due; Up recalls only what was typed in calls.
    func callLine(prompt: LivePrompt, completions: [String]) -> LineInput

    /// A person at a terminal, who may be asked what prepcoach could not work out;
    /// a script is never asked anything it did not expect.
    var isInteractive: Bool { get }
}

extension AnswerSource {
    var isInteractive: Bool { false }

    /// Scripts have no clock to redraw and no history: the prompt as it reads now.
    public func callLine(prompt: LivePrompt, completions: [String]) -> LineInput {
        answer(prompt: prompt.text(), completions: completions)
    }
}

/// Answers typed at the terminal, with Tab completing from `completions`. The editor
/// is made on first use, so a one-shot command that asks nothing never sets up the terminal.
final class EditorAnswers: AnswerSource {
    private let makeEditor: () -> LineEditor
    private let callHistoryFile: URL?
    private let warn: (String) -> Void
    private lazy var editor = makeEditor()
    private lazy var callHistory: InputHistory = {
        let history = InputHistory(file: callHistoryFile)
        if let refusal = history.refusal { warn(refusal) }
        return history
    }()

    init(callHistoryFile: URL?, warn: @escaping (String) -> Void, editor: @escaping () -> LineEditor) {
        self.makeEditor = editor
        self.callHistoryFile = callHistoryFile
        self.warn = warn
    }

    var isInteractive: Bool { true }

    func answer(prompt: String, completions: [String]) -> LineInput {
        read(prompt: prompt, completions: completions) { $0.readLine(prompt: prompt) }
    }

    func callLine(prompt: LivePrompt, completions: [String]) -> LineInput {
        let input = read(prompt: prompt.text(), completions: completions) {
            $0.readLine(prompt: prompt.text(), live: prompt, history: callHistory)
        }
        if case let .line(line) = input { callHistory.add(line) }
        return input
    }

    private func read(prompt: String, completions: [String], _ readLine: (LineEditor) -> LineInput) -> LineInput {
        let editor = self.editor
        let saved = editor.completer
        defer { editor.completer = saved }
        editor.completer = { line in
            let current = CommandWords.partial(line).current
            return completions.filter { $0.lowercased().hasPrefix(current.lowercased()) }
        }
        return readLine(editor)
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
