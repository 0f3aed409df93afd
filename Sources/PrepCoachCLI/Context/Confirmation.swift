import PrepCoachCore

/// Asks before something that cannot be undone. At the prompt, only `y`/`yes`
/// goes on; in a script or a one-shot run nobody can be asked, so `--yes` must say so.
struct Confirmation {
    let context: CommandContext

    /// - Parameters:
    ///   - question: asked at the prompt, e.g. "Remove Dana Lee and everything about them?"
    ///   - action: for the refusal, e.g. "`contact remove` deletes Dana Lee and all their data"
    func confirmed(_ question: String, action: String, yes: Bool) throws -> Bool {
        if yes { return true }
        guard context.isInteractive, let answers = context.answers else {
            throw CommandFailure("\(action) for good: add --yes to confirm (outside the prepcoach shell nobody can be asked)")
        }
        guard case let .line(reply) = answers.answer(prompt: question + " This cannot be undone. [y/N] ",
                                                      completions: ["yes", "no"]) else { return false }
        return ["y", "yes"].contains(reply.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
