import ArgumentParser
import Foundation
import PrepCoachCore

/// `prep NAME`: walks through the readiness checks before a call, then shows
/// what is ready and what is left. Answers are saved one by one, so stopping
/// half-way loses nothing and running it again picks up where you left off.
struct PrepCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "prep", abstract: "Check you are ready for a conversation: a walk-through, then a score.",
        discussion: """
            Asks each readiness check not yet answered yes: answer y, n, or a note (\"y read their LinkedIn\"); \
            Enter skips. Plan and research checks are worked out for you. Ctrl-C stops; run it again to resume.
            """)

    static let completion = CompletionSpec(options: ["--report": nil], positional: .contacts)

    @Argument(help: "The contact's name (Tab completes names).") var name: String
    @Flag(help: "Only print the report; ask nothing.") var report = false
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        let contact = try ContactLookup(store: store).contact(named: name)
        let banks = context.banks(adding: global.banks)
        guard !banks.readinessChecks.isEmpty else {
            throw CommandFailure("no readiness checks loaded: is readiness.yaml in the bank folders? (`check-banks`)")
        }
        if !report {
            let walk = ReadinessWalkThrough(context: context, store: store, contact: contact)
            guard try walk.run(banks.readinessChecks) else {
                context.console.line("Stopped; `prep \(contact.commandArgument)` resumes where you left off.")
                return
            }
        }
        let assessment = try ReadinessAssessment(context: context, store: store, banks: banks).report(for: contact)
        context.console.write(ReadinessFormatter(style: context.console.style).format(assessment, for: contact))
    }
}

/// Asks the `ask` checks not yet answered yes, saving each answer at once.
struct ReadinessWalkThrough {
    let context: CommandContext
    let store: CoachStore
    let contact: Contact

    /// False when the user stopped (Ctrl-C or end of input) before the end.
    func run(_ checks: [ReadinessCheck]) throws -> Bool {
        guard let id = contact.id else { return false }
        let answered = try store.readiness(contactID: id)
        let open = checks.filter { $0.kind == .ask && answered[$0.id]?.ready != true }
        for check in open {
            switch try context.ask("\(check.prompt) [y/n/note] ", completions: ["yes", "no"]) {
            case .interrupted, .endOfInput:
                return false
            case let .line(text):
                guard let reply = ReadinessReply(text) else { continue }  // Enter: leave it for later
                try store.save(ReadinessAnswer(contactID: id, checkID: check.id, ready: reply.ready, note: reply.note,
                                               answeredAt: context.now()))
            }
        }
        return true
    }
}

/// One typed answer: "y", "no", "y read their LinkedIn" (ready, with a note),
/// or any other text, which is a note on something not ready yet.
struct ReadinessReply: Equatable {
    let ready: Bool
    let note: String?
}

extension ReadinessReply {
    /// nil for an empty answer, which skips the check.
    init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let firstWord = trimmed.prefix { !$0.isWhitespace && $0 != "," && $0 != ":" && $0 != "." }
        let rest = trimmed.dropFirst(firstWord.count)
            .trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ",:.-—")))
        switch firstWord.lowercased() {
        case "y", "yes": (ready, note) = (true, rest.isEmpty ? nil : rest)
        case "n", "no": (ready, note) = (false, rest.isEmpty ? nil : rest)
        default: (ready, note) = (false, trimmed)
        }
    }
}
