import ArgumentParser
import Foundation
import PrepCoachCore

struct WrapCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "wrap",
        abstract: "After the call: a Markdown summary, a thank-you draft due in 24 hours, an .ics follow-up plan.",
        discussion: """
            Uses the contact's last ended call. Writes the summary and the calendar file next to the database \
            (or to --out DIR), records the thank-you as a task until `thanks NAME --sent`, turns the call's \
            to-dos into tasks, and — for a contact someone referred you to — reminds you to tell them how it went. \
            Running it again rewrites the files without adding tasks twice.
            """)

    static let completion = CompletionSpec(options: ["--out": .files, "--from": nil], positional: .contacts)

    @Argument(help: "The contact.") var name: String
    @Option(help: ArgumentHelp("Folder for the summary and the .ics file.", valueName: "DIR")) var out: String?
    @Option(help: ArgumentHelp("Your name, to sign the thank-you.", valueName: "NAME")) var from: String?
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        let contact = try context.contact(named: name)
        let id = contact.id!
        if try store.openCall(contactID: id) != nil {
            throw CommandFailure("the call with \(contact.name) is still open: `call \(contact.commandArgument)` then `end`")
        }
        guard let call = try store.calls(contactID: id).last(where: { $0.endedAt != nil }) else {
            throw CommandFailure("no call with \(contact.name) yet: `call \(contact.commandArgument)` holds one")
        }
        let referrals = try store.contacts().filter { $0.referredByID == id && $0.createdAt >= call.startedAt }
        let record = CallRecord(contact: contact, call: call, plan: try store.plan(contactID: id),
                                events: try store.events(callID: call.id!), referrals: referrals)
        let tasks = try FollowUpTasks(store: store, schedule: FollowUpSchedule(), sender: from).create(for: record)

        let folder = try outputFolder(context)
        let stem = "\(DateText.day(call.startedAt))-\(Self.slug(contact.name))"
        let summary = try writePrivately(CallSummary.markdown(record), to: folder.appendingPathComponent(stem + ".md"))
        let calendar = try writePrivately(FollowUpCalendar.make(for: record, tasks: tasks, createdAt: context.now()).text,
                                          to: folder.appendingPathComponent(stem + "-follow-up.ics"))

        let style = context.console.style
        context.console.write(CallSummary.markdown(record))
        context.console.line()
        context.console.line(style.bold("Thank-you draft") + style.dim(" — send by \(DateText.dayAndTime(tasks.thankYou.dueAt!))"))
        context.console.line(tasks.thankYou.text)
        context.console.line("Summary:   \(summary.path)")
        context.console.line("Follow-up: \(calendar.path) (import into your calendar)")
        context.console.line(style.dim("`thanks \(contact.commandArgument) --sent` once it is sent; `followups` lists what is due."))
    }

    private func outputFolder(_ context: CommandContext) throws -> URL {
        let store = try context.store()
        let folder = out.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: store.path).deletingLastPathComponent().appendingPathComponent("summaries")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        return folder
    }

    /// Notes about people are private: readable by you alone, like the database.
    private func writePrivately(_ text: String, to file: URL) throws -> URL {
        try text.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        return file
    }

    /// A file-name-safe form of a name: `Dana Lee` → `dana-lee`.
    static func slug(_ name: String) -> String {
        let words = QuestionText.normalizedString(name).split(separator: " ")
        return words.isEmpty ? "contact" : words.joined(separator: "-")
    }
}

/// The tasks a wrapped call leaves: made once per call, found again on a second `wrap`.
struct FollowUpTasks {
    let store: CoachStore
    let schedule: FollowUpSchedule
    /// Signs the thank-you draft.
    let sender: String?

    struct Created {
        let thankYou: FollowUpTask
        let tellReferrer: FollowUpTask?
        let todos: [FollowUpTask]
    }

    func create(for record: CallRecord) throws -> Created {
        let contactID = record.contact.id!
        let existing = try store.tasks(contactID: contactID).filter { $0.callID == record.call.id }
        let end = record.call.endedAt ?? record.call.startedAt
        func task(_ kind: FollowUpTask.Kind, _ text: String, due: Date?) throws -> FollowUpTask {
            if let found = existing.first(where: { $0.kind == kind && (kind != .todo || $0.text == text) }) { return found }
            return try store.add(FollowUpTask(contactID: contactID, callID: record.call.id, kind: kind, text: text, dueAt: due))
        }
        let thankYou = try task(.thankYou, ThankYouDraft.text(record, senderName: sender),
                                due: schedule.thankYouDue(afterCallEndingAt: end))
        let referrer = try record.contact.referredByID.flatMap { try store.contact(id: $0) }
        let tellReferrer = try referrer.map { referrer in
            try task(.tellReferrer, "Tell \(referrer.name) how your conversation with \(record.contact.name) went",
                     due: end.addingTimeInterval(3 * 86_400))
        }
        let todos = try record.actionItems.map { try task(.todo, $0, due: end.addingTimeInterval(7 * 86_400)) }
        return Created(thankYou: thankYou, tellReferrer: tellReferrer, todos: todos)
    }
}

/// The .ics follow-up plan: thank-you tomorrow, telling the referrer, a quarterly check-in.
enum FollowUpCalendar {
    static func make(for record: CallRecord, tasks: FollowUpTasks.Created, createdAt: Date) -> ICalendar {
        let contact = record.contact
        let end = record.call.endedAt ?? record.call.startedAt
        let key = "\(contact.id!)-\(record.call.id!)"
        var events = [ICalendar.Event(
            uid: "thank-you-\(key)@prepcoach", day: tasks.thankYou.dueAt!, summary: "Send thank-you to \(contact.name)",
            description: "Within 24 hours of your informational interview. Draft:\n\n" + tasks.thankYou.text)]
        if let tell = tasks.tellReferrer {
            events.append(ICalendar.Event(uid: "tell-referrer-\(key)@prepcoach", day: tell.dueAt!, summary: tell.text,
                                          description: "They referred you; let them know how it went."))
        }
        events.append(ICalendar.Event(
            uid: "check-in-\(key)@prepcoach", day: FollowUpSchedule().nextCheckIn(after: end),
            summary: "Check in with \(contact.name)",
            description: "A quick hello every quarter keeps the connection: share news or an article about "
                + (contact.company ?? "their field") + ". `contact log` after you do.",
            repeatEveryMonths: FollowUpSchedule.checkInMonths))
        return ICalendar(events: events, createdAt: createdAt)
    }
}
