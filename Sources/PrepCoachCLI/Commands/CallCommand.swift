import ArgumentParser
import Foundation
import LineEditor
import PrepCoachCore

struct CallCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Hold the call: the plan on screen, a clock, notes saved as you type them.",
        discussion: """
            Starts a call with the contact (or resumes one not yet ended). Notes, questions asked, referrals \
            and to-dos are on disk before the prompt returns. On a terminal the clock in the prompt runs on its \
            own, a warning comes 5 minutes before the end of the call and at its end, the current and next \
            question stay in view with their follow-ups, and a line that looks like a command (`nxt`, `quit`, \
            a pasted shell command) is asked about before it becomes a note; `n` drops it, `note` keeps it. \
            Up recalls only what was typed in calls.

            \(CallSession.help)
            """)

    static let completion = CompletionSpec(options: [
        "--minutes": nil, "--stage": .tags(.stage), "--industry": .tags(.industry), "--role": nil, "--company": .companies,
    ], positional: .contacts)

    @Argument(help: "The contact; someone new is added when you give --stage and --industry.") var name: String
    @Option(parsing: .unconditional, help: """
        Minutes you have (default: the length the plan was picked for, else 30); the clock counts down from it. \
        On resuming, the call's new length.
        """)
    var minutes: Int?
    @Option(help: "Your career stage for this conversation (see `tags stages`): with --industry, adds someone new.")
    var stage: String?
    @Option(help: "Their industry (see `tags industries`).") var industry: String?
    @Option(help: "Their job title, e.g. \"bakery owner\".") var role: String?
    @Option(help: "Where they work.") var company: String?
    @OptionGroup var global: GlobalOptions

    /// A call paused longer than this was most likely forgotten, not resumed.
    static let staleCallHours = 12.0

    func validate() throws {
        try NumberRange.check(minutes, "--minutes", 1...240)
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("name the person you are calling") }
    }

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        let banks = context.banks(adding: global.banks)
        let contact = try caller(in: context, vocabulary: banks.vocabulary)
        let id = contact.id!
        let call: Call
        let open = try store.openCall(contactID: id)
        if let open {
            // "She only has 20 minutes now": --minutes on resuming changes the call's length (it was ignored).
            call = try minutes.map { try store.setPromisedMinutes($0, of: open) } ?? open
            context.console.paragraph(context.console.style.dim("Resuming the \(call.promisedMinutes)-minute call started "
                                                           + "\(DateText.dayAndTime(open.startedAt))."))
            if context.now().timeIntervalSince(open.startedAt) > Self.staleCallHours * 3600 {
                context.console.paragraph("That was over \(Int(Self.staleCallHours)) hours ago: if the call is over, `end` it; "
                                     + "`call \(contact.commandArgument)` then starts a new one.")
            }
        } else {
            try pickPlanIfNone(for: contact, banks: banks, context: context)
            let planned = try store.planMeetingMinutes(contactID: id)
            call = try store.startCall(contactID: id, at: context.now(),
                                       promisedMinutes: minutes ?? planned ?? PlanRequest.defaultMeetingMinutes)
        }
        // On a terminal (typing and reading both): wrapped text, the now/next block, questions before command-like notes.
        let columns = TextWrap.answeringWidth() != nil ? TextWrap.answeringWidth : nil
        _ = try CallSession(context: context, store: store, contact: contact, plan: store.plan(contactID: id),
                            call: call, columns: columns).run(starting: open == nil)
    }

    /// The contact called: a known one (what is given fills in or changes their details), or, with --stage
    /// and --industry, someone new — "I have 10 minutes right now" leaves no time for `contact add`.
    private func caller(in context: CommandContext, vocabulary: TagVocabulary) throws -> Contact {
        let store = try context.store()
        let given = [("stage", stage), ("industry", industry), ("role", role), ("company", company)].filter { $0.1 != nil }
        if var known = try store.contact(named: name) {
            guard !given.isEmpty else { return known }
            try describe(&known, vocabulary: vocabulary)
            try store.update(known)
            context.console.paragraph(context.console.style.dim(
                "Updated \(known.name)'s \(given.map(\.0).joined(separator: ", "))."))
            return known
        }
        guard stage != nil, industry != nil else {
            do { return try context.contact(named: name) } catch let failure as CommandFailure {
                throw CommandFailure(failure.description + ", or call someone new with --stage S --industry I")
            }
        }
        var contact = Contact(name: name.trimmingCharacters(in: .whitespaces), createdAt: context.now())
        try describe(&contact, vocabulary: vocabulary)
        let added = try store.add(contact)
        let facts = PersonPhrase.facts(added.person)
        context.console.line("Added \(added.name)" + (facts.isEmpty ? "." : " (\(facts))."))
        return added
    }

    private func describe(_ contact: inout Contact, vocabulary: TagVocabulary) throws {
        if let stage { contact.stage = try vocabulary.require(.stage, stage) }
        if let industry { contact.industry = try vocabulary.require(.industry, industry) }
        if let role { contact.role = role.nonEmpty }
        if let company { contact.company = company.nonEmpty }
        let inferred = PersonInference(vocabulary: vocabulary)
            .infer(role: contact.role, company: contact.company, industry: contact.industry)
        contact.person = contact.person.replacing(with: inferred)
    }

    /// A contact with no plan gets one for the call's minutes, picked as `pick --contact` would, so a
    /// surprise call starts with questions on screen.
    private func pickPlanIfNone(for contact: Contact, banks: Banks, context: CommandContext) throws {
        let store = try context.store()
        let id = contact.id!
        guard try store.plan(contactID: id).isEmpty else { return }
        guard let stage = contact.stage, let industry = contact.industry else {
            context.console.paragraph(context.console.style.dim(
                "No plan, and no stage and industry to pick one: give --stage and --industry to have one picked."))
            return
        }
        let meeting = minutes ?? PlanRequest.defaultMeetingMinutes
        let request = PlanRequest(stage: stage, industry: industry, person: contact.person, meetingMinutes: meeting,
                                  seed: UInt64.random(in: 1...99_999),
                                  excludedIDs: try store.askedQuestionIDs(contactID: id))
        let plan: Plan
        do {
            plan = try PlanPicking(context: context, banks: banks).pick(request)
        } catch {
            // They are on the line: the call starts anyway, for notes.
            guard error is PickError || error is CommandFailure else { throw error }
            context.console.warning("no plan picked: \(error); the call is for notes only")
            return
        }
        try store.savePlan(contactID: id, items: PlanPicking.items(plan, contactID: id),
                           change: "picked for a \(meeting)-minute call", at: context.now())
        try store.setPlanMeetingMinutes(meeting, contactID: id)
        context.console.paragraph(context.console.style.dim(
            "Picked \(plan.questions.count.counted("question")) for \(meeting) minutes (seed \(request.seed)); "
                + "`pick` in the call picks the rest again for the time left."))
    }
}
