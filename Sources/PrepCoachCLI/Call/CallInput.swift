/// What one line typed in a call is: a call command, a note, or a line that looks
/// like a command — which is asked about before it becomes a note, because a
/// mistyped `nxt` saved as a note is a question never marked asked.
enum CallInput: Equatable {
    case command(String, argument: String)
    case note(String)
    /// `question` says what it looks like; `runs` is the command line a "yes" runs
    /// (nil: nothing can run in a call, so the only question is whether to keep it as a note).
    case unclear(line: String, question: String, runs: String?)
}

struct CallInputClassifier {
    /// Commands that take nothing after them.
    static let bareCommands = ["next", "plan", "pick", "replan", "clock", "notes", "undo", "end", "help"]
    static let argumentCommands = ["ask", "skip", "note", "ref", "todo"]
    static var commands: [String] { bareCommands + argumentCommands }
    /// Words that leave other programs; in a call they would be taken for notes.
    static let leaveWords = ["quit", "exit", "q", "stop", "bye"]

    /// The shell's commands: one pasted into a call is not a note.
    let shellCommands: [String]
    /// On a terminal, ask about lines that look like commands; a script keeps the
    /// plain rule (only exact commands are commands) so its next line is never taken as an answer.
    let asks: Bool

    func classify(_ line: String) -> CallInput {
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let firstWord = words.first else { return .note(line) }
        // `?` asks for help in prep and everywhere else: a lone `?` is not a note.
        if line == "?" { return .command("help", argument: "") }
        let first = firstWord.lowercased()
        let rest = line.drop { !$0.isWhitespace }.trimmingCharacters(in: .whitespaces)
        if Self.argumentCommands.contains(first) {
            if ["ask", "skip"].contains(first), Int(rest) == nil, asks {
                return .unclear(line: line, question: "'\(first)' needs a question number (`plan` shows them).",
                                runs: nil)
            }
            return .command(first, argument: rest)
        }
        if Self.bareCommands.contains(first) {
            guard !rest.isEmpty, asks else { return .command(first, argument: "") }
            return .unclear(line: line, question: "'\(line)' starts with the command '\(first)' — run `\(first)`?",
                            runs: first)
        }
        guard asks else { return .note(line) }
        if words.count == 1, Self.leaveWords.contains(first) {
            return .unclear(line: line, question: "'\(firstWord)' does not leave a call (Ctrl-D pauses it) — end the call?",
                            runs: "end")
        }
        if let command = Self.commands.first(where: { Self.isNearMiss(first, $0) }),
           words.count == 1 || (["ask", "skip"].contains(command) && words.count == 2 && Int(words[1]) != nil) {
            let runs = ([command] + words.dropFirst()).joined(separator: " ")
            return .unclear(line: line, question: "'\(line)' looks like '\(runs)' — run it?", runs: runs)
        }
        if looksLikeShellCommand(words) {
            return .unclear(line: line, question: "'\(line)' is a prepcoach command; it cannot run in a call (`end` first).",
                            runs: nil)
        }
        return .note(line)
    }

    /// `prepcoach …`, or a shell command alone or with quotes or options, as pasted from the README.
    private func looksLikeShellCommand(_ words: [String]) -> Bool {
        guard let first = words.first?.lowercased() else { return false }
        if first == "prepcoach" { return true }
        guard shellCommands.contains(first) else { return false }
        return words.count == 1 || words.dropFirst().contains { $0.hasPrefix("--") || $0.hasPrefix("\"") || $0.hasPrefix("'") }
    }

    /// One letter added, dropped, changed, or two neighbours swapped: `nxt`, `nex`, `edn`.
    static func isNearMiss(_ word: String, _ command: String) -> Bool {
        let (a, b) = (Array(word), Array(command))
        guard a != b, a.count >= 2, abs(a.count - b.count) <= 1 else { return false }
        if a.count == b.count {
            let differences = a.indices.filter { a[$0] != b[$0] }
            if differences.count == 1 { return true }
            guard differences.count == 2, let i = differences.first else { return false }
            return differences[1] == i + 1 && a[i] == b[i + 1] && a[i + 1] == b[i]
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        let same = zip(short, long).prefix { $0 == $1 }.count
        return short[same...].elementsEqual(long[(same + 1)...])
    }
}
