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
            Asks each readiness check not answered yet: answer y or n, with a note if you like \
            (\"y read their LinkedIn\"); where a check asks for a sentence, type the sentence. \
            Enter leaves a check for later, `?` explains it. Plan and research checks are worked out for you. \
            Ctrl-C stops; run it again to resume, or with --all to answer every check again.
            """)

    static let completion = CompletionSpec(options: ["--report": nil, "--all": nil], positional: .contacts)

    @Argument(help: "The contact's name (Tab completes names).") var name: String
    @Flag(help: "Only print the report; ask nothing.") var report = false
    @Flag(help: "Ask every check again, answered or not.") var all = false
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
            guard try walk.run(banks.readinessChecks, askingAgain: all) else {
                context.console.line("Stopped; `prep \(contact.commandArgument)` resumes where you left off.")
                return
            }
        }
        let assessment = try ReadinessAssessment(context: context, store: store, banks: banks).report(for: contact)
        context.console.write(ReadinessFormatter(style: context.console.style, columns: context.console.columns())
            .format(assessment, for: contact))
    }
}

/// Asks the checks the user answers — those not answered yet, or all of them again —
/// saving each answer at once.
struct ReadinessWalkThrough {
    let context: CommandContext
    let store: CoachStore
    let contact: Contact

    /// False when the user stopped (Ctrl-C or end of input) before the end.
    func run(_ checks: [ReadinessCheck], askingAgain: Bool) throws -> Bool {
        guard let id = contact.id else { return false }
        let answered = try store.readiness(contactID: id)
        for check in checks where check.isAsked && (askingAgain || answered[check.id] == nil) {
            guard let reply = try ask(check) else { return false }
            guard let reply else { continue }  // Enter: leave it for later
            try store.save(ReadinessAnswer(contactID: id, checkID: check.id, ready: reply.ready, note: reply.note,
                                           answeredAt: context.now()))
        }
        return true
    }

    /// Asks until the reply is an answer; nil when the user stopped, .some(nil) for Enter.
    private func ask(_ check: ReadinessCheck) throws -> ReadinessReply?? {
        let sentence = check.kind == .sentence
        let choices = sentence ? "[your sentence/n/?]" : "[y/n/note/?]"
        while true {
            let prompt = TextWrap.wrapped("\(check.prompt) \(choices)", width: TextWrap.answeringWidth()) + " "
            switch try context.ask(prompt, completions: sentence ? ["no"] : ["yes", "no"]) {
            case .interrupted, .endOfInput:
                return nil
            case let .line(text):
                switch ReadinessReply.parse(text, sentence: sentence) {
                case .skip: return .some(nil)
                case let .answer(reply): return reply
                case .help: context.console.line(explanation(of: check))
                }
            }
        }
    }

    /// What `?` (or a bare `note`) shows: the answers accepted, and why the check matters.
    private func explanation(of check: ReadinessCheck) -> String {
        let accepted = check.kind == .sentence
            ? "Type the sentence itself (it is kept, to say in the call), or n if you cannot say it yet."
            : "Answer y (ready) or n (not yet); a note may follow either: `y read their site`, `n still to do`."
        let why = ReadinessFormatter(style: context.console.style).personalized(check.why, for: contact)
        let width = TextWrap.answeringWidth()
        return TextWrap.wrapped("\(accepted) Enter leaves it for later; Ctrl-C stops.", width: width) + "\n"
            + context.console.style.dim(TextWrap.wrapped("Why: \(why)", width: width))
    }
}

/// One typed answer: "y", "no", "y read their LinkedIn" (ready, with a note),
/// or any other text, which is a note on something not ready yet. For a check
/// that asks for a sentence, a sentence (three words or more) is the answer: ready.
struct ReadinessReply: Equatable {
    let ready: Bool
    let note: String?

    enum Parsed: Equatable {
        case answer(ReadinessReply)
        /// Enter: leave the check for later.
        case skip
        /// `?`, `help` or a bare `note`: not an answer; explain what is.
        case help
    }

    /// Words it takes to count as a sentence rather than a stray word.
    static let sentenceWords = 3
}

extension ReadinessReply {
    static func parse(_ text: String, sentence: Bool = false) -> Parsed {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .skip }
        if ["?", "help", "note"].contains(trimmed.lowercased()) { return .help }
        let firstWord = trimmed.prefix { !$0.isWhitespace && $0 != "," && $0 != ":" && $0 != "." }
        let rest = trimmed.dropFirst(firstWord.count)
            .trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ",:.-—")))
        let note = rest.isEmpty ? nil : rest
        let isSentence = { (text: String) in text.split(whereSeparator: \.isWhitespace).count >= sentenceWords }
        switch firstWord.lowercased() {
        // A sentence check is ready only with the sentence itself: a bare "y"
        // would mark it done with nothing to say in the call.
        case "y", "yes":
            if sentence && note.map(isSentence) != true { return .help }
            return .answer(ReadinessReply(ready: true, note: note))
        case "n", "no": return .answer(ReadinessReply(ready: false, note: note))
        default:
            guard sentence else { return .answer(ReadinessReply(ready: false, note: trimmed)) }
            return isSentence(trimmed) ? .answer(ReadinessReply(ready: true, note: trimmed)) : .help
        }
    }
}
