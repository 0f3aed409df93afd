import PrepCoachCore

/// `prepcoach __complete WORD… CURRENT`: what the bash, zsh and fish completion scripts
/// call. It answers with the REPL's own completer, one candidate a line, unescaped (the
/// shell quotes them), so shells complete stages, industries, topics, question ids and
/// contact names from the same data as Tab in the prepcoach shell.
enum ShellCompletion {
    static let commandName = "__complete"

    /// Words the shell has; the last is the one being typed ("" after a space).
    static func run(_ words: [String], context: CommandContext) -> Int32 {
        let typed = Array(words.drop { $0 == "--" })
        let candidates = Completer(context: context)
            .candidates(words: Array(typed.dropLast()), current: typed.last ?? "")
            .filter { !Completer.shellWords.contains($0) || $0 == "help" }
            // One candidate a line: a line break (or any control character) in a name or file name
            // would split it into two, or reach the shell's screen raw.
            .filter { !ControlCharacters.contains($0) }
        for candidate in candidates { context.console.line(candidate) }
        return 0
    }
}
