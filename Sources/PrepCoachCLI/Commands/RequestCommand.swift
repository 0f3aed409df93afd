import ArgumentParser
import PrepCoachCore

/// How you ask for the meeting (not how the meeting is held: that is the contact's channel).
enum RequestChannel: String, CaseIterable, ExpressibleByArgument {
    case email, phone, linkedin
}

/// Drafts the request for a meeting. Only a draft: prepcoach sends nothing and
/// logs nothing; you send it yourself.
struct RequestCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: "Draft a request for an informational interview (email, phone script, LinkedIn note).")

    static let completion = CompletionSpec(
        options: ["--channel": .choices(RequestChannel.allCases.map(\.rawValue)), "--learn": nil, "--how": nil,
                  "--sent": nil],

        positional: .contacts)

    @Argument(help: "The contact's name (Tab completes names).") var name: String
    @Option(help: "email, phone (a script for the call) or linkedin (a note under 300 characters).")
    var channel: RequestChannel = .email
    @Option(help: ArgumentHelp("What you hope to learn from them, in your words (asked in the shell when left out).",
                               valueName: "TEXT"))
    var learn: String?
    @Option(help: ArgumentHelp("How you are connected, e.g. \"met at the spring job fair\" (saved with the contact).",
                               valueName: "TEXT"))
    var how: String?
    @Flag(help: "Record that you sent the request (no draft is shown); `next` and `history` show it.") var sent = false
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        let lookup = ContactLookup(store: store)
        var contact = try lookup.contact(named: name)
        if sent {
            try store.log(Interaction(contactID: contact.id!, kind: .request, text: channel.rawValue, at: context.now()))
            let hasPlan = try !store.plan(contactID: contact.id!).isEmpty
            context.console.paragraph("Request to \(contact.name) recorded as sent (\(channel.rawValue)). `next` shows what comes after; "
                + (hasPlan ? "`prep \(contact.commandArgument)` gets you ready."
                           : "`pick --contact \(contact.commandArgument)` starts your questions."))
            return
        }
        let referrer = try lookup.referrer(of: contact)
        if let connection = try how ?? askOnce("How are you connected to \(contact.name)? (Enter to skip) ",
                                               when: contact.howKnown == nil && referrer == nil, context) {
            contact.howKnown = connection
            try store.update(contact)
        }
        let learning = try learn ?? askOnce("What do you hope to learn from \(contact.name)? (Enter to skip) ",
                                            when: channel != .linkedin, context)  // no room for it in a LinkedIn note

        let me = context.userProfile()
        let draft = MeetingRequestDraft(contact: contact, referrer: contact.mayUseReferrerName == true ? referrer : nil,
                                        me: me, learn: learning)
        let style = context.console.style
        // Advice around the drafts reads at any width; the drafts stay whole (they are copied into a mail or a note).
        func wrapped(_ advice: String) -> String { TextWrap.wrapped(style.dim(advice), width: context.console.columns()) }
        var lines: [String]
        switch channel {
        case .email:
            lines = [style.bold("Email to \(contact.name)"), "", draft.email()]
        case .phone:
            let script = draft.phoneScript()
            let planSize = try contact.id.map { try store.plan(contactID: $0).count } ?? 0
            lines = [style.bold("Phone call to \(contact.name)"), "",
                     style.warning("Be ready before you dial:") + " they may want to talk right away. "
                        + "Have your questions in hand"
                        + (planSize > 0 ? " (your plan has \(planSize.counted("question")))."
                                        : " — run `pick --contact \(contact.commandArgument)` first."),
                     "", style.accent("First 20 seconds"), "  \"\(script.opening)\"",
                     "", style.accent("Then the ask"), "  \"\(script.ask)\"",
                     "", "If they say now is fine: thank them, keep to under 30 minutes, start with your first question.",
                     "If they are busy: ask when would suit them, and confirm the time and channel before you hang up."]
                .map { TextWrap.wrapped($0, width: context.console.columns(), indent: $0.hasPrefix("  ") ? "   " : "") }
        case .linkedin:
            let note = draft.linkedInNote()
            lines = [style.bold("LinkedIn note to \(contact.name)"), "", note, "",
                     style.dim("\(note.count) of \(MeetingRequestDraft.linkedInLimit) characters"
                               + (me.name == nil ? " with the placeholder; check again once your name is in." : "."))]

        }
        if let referrer, contact.mayUseReferrerName != true {
            lines += ["", wrapped("\(referrer.name) referred you but did not say you may use their name; "
                                    + "ask them before you mention it.")]
        }
        if contact.stage == nil || contact.industry == nil {
            lines += ["", wrapped("Tip: `contact edit \(contact.commandArgument) --stage … --industry …` "
                                    + "makes this draft more specific.")]
        }
        if me.name == nil {
            lines += ["", wrapped(ConfigSetCommand.howToSign(context.environment))]
        }
        lines += ["", wrapped("prepcoach sends nothing. When they agree, `prep \(contact.commandArgument)` gets you ready.")]
        context.console.line(lines.joined(separator: "\n"))
    }

    /// Asks in the interactive shell (never in scripts or one-shot runs); nil when skipped.
    private func askOnce(_ prompt: String, when needed: Bool, _ context: CommandContext) throws -> String? {
        guard needed, context.isInteractive, case let .line(answer) = try context.ask(prompt) else { return nil }
        let text = answer.trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

}
