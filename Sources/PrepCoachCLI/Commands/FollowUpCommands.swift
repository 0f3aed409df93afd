import ArgumentParser
import Foundation
import PrepCoachCore

struct ThanksCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "thanks", abstract: "Show a contact's thank-you draft, or mark it sent with --sent.")

    static let completion = CompletionSpec(options: ["--sent": nil], positional: .contacts)

    @Argument(help: "The contact.") var name: String
    @Flag(help: "Mark the thank-you sent (it counts as being in touch).") var sent = false
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        let contact = try context.contact(named: name)
        guard let task = try store.tasks(contactID: contact.id!).last(where: { $0.kind == .thankYou }) else {
            throw CommandFailure("no thank-you for \(contact.name) yet: `wrap \(contact.commandArgument)` drafts it after a call")
        }
        if sent {
            guard task.doneAt == nil else {
                context.console.line("Already marked sent on \(DateText.day(task.doneAt!)).")
                return
            }
            try store.complete(task, at: context.now())
            context.console.line("Thank-you to \(contact.name) marked sent. Next check-in: "
                + DateText.day(FollowUpSchedule().nextCheckIn(after: context.now())) + ".")
            return
        }
        let state = task.doneAt.map { "sent \(DateText.day($0))" } ?? Due(task.dueAt!, now: context.now()).text
        context.console.line(context.console.style.bold("Thank-you to \(contact.name)") + " (\(state))")
        context.console.line(task.text)
    }
}

struct FollowUpsCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "followups",
        abstract: "What is due and overdue: thank-yous, to-dos, quarterly check-ins; --stale for fading contacts.",
        discussion: """
            A check-in is due three months after you were last in touch (a call, a thank-you sent, or \
            `contact log`), so it moves whenever you are in touch again.
            """)

    static let completion = CompletionSpec(options: ["--days": nil, "--stale": nil, "--done": nil])

    @Option(parsing: .unconditional, help: "Also list what falls due within this many days.") var days = 14
    @Option(parsing: .unconditional, help: ArgumentHelp("List the people you have not been in touch with for more than DAYS.", valueName: "DAYS"))
    var stale: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("Mark task ID (as listed) done.", valueName: "ID"))
    var done: Int64?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try NumberRange.check(days, "--days", 0...3650)
        try NumberRange.check(stale, "--stale", 1...36500)
    }

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        let now = context.now()
        let contacts = try store.contacts()
        let names = Dictionary(uniqueKeysWithValues: contacts.compactMap { c in c.id.map { ($0, c.name) } })
        let style = context.console.style
        if let done {
            guard let task = try store.openTasks().first(where: { $0.id == done }) else {
                throw CommandFailure("no open task #\(done); `followups` lists them")
            }
            try store.complete(task, at: now)
            context.console.line("Done: \(task.kind == .thankYou ? "thank-you to \(names[task.contactID] ?? "?")" : task.text)")
            return
        }
        let schedule = FollowUpSchedule()
        let last = try store.lastContactDates()
        if let stale {
            let fading = schedule.stale(contacts: contacts, lastContact: last, days: stale, now: now)
            context.console.line(style.bold("Not in touch for more than \(stale.counted("day"))"))
            if fading.isEmpty { context.console.line(style.dim("  nobody")) }
            for entry in fading {
                let days = Int(now.timeIntervalSince(entry.lastContact) / 86_400)
                context.console.line("  \(entry.contact.name.rightPadded(to: 24)) last in touch \(DateText.day(entry.lastContact)) (\(days.counted("day")) ago)")
            }
            return
        }
        let horizon = now.addingTimeInterval(TimeInterval(days) * 86_400)
        let tasks = try store.openTasks().filter { ($0.dueAt ?? now) <= horizon }
        let checkIns = schedule.checkIns(contacts: contacts, lastContact: last).filter { $0.due <= horizon }
        context.console.line(style.bold("Follow-ups due by \(DateText.day(horizon))"))
        if tasks.isEmpty && checkIns.isEmpty { context.console.line(style.dim("  nothing due")) }
        for task in tasks {
            let what = switch task.kind {
            case .thankYou: "Send thank-you to \(names[task.contactID] ?? "?")"
            case .tellReferrer, .todo: task.text
            }
            let due = task.dueAt.map { Due($0, now: now) }
            let label = due.map { $0.isOverdue ? style.error($0.text) : $0.text } ?? "no date"
            context.console.line("  #\(task.id!)  \(what) — \(label)")
        }
        for checkIn in checkIns {
            let due = Due(checkIn.due, now: now)
            context.console.line("  check in with \(checkIn.contact.name) (last in touch \(DateText.day(checkIn.lastContact))) — "
                                 + (due.isOverdue ? style.error(due.text) : due.text))
        }
    }
}

/// "due 2025-03-11" / "overdue since 2025-03-11".
struct Due {
    let date: Date
    let isOverdue: Bool

    init(_ date: Date, now: Date) {
        self.date = date
        isOverdue = date < now
    }

    var text: String { (isOverdue ? "overdue since " : "due ") + DateText.dayAndTime(date) }
}

struct HistoryCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Past calls with a contact: when, how long, what was asked and noted.")

    static let completion = CompletionSpec(positional: .contacts)

    @Argument(help: "The contact.") var name: String
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        let contact = try context.contact(named: name)
        let calls = try store.calls(contactID: contact.id!)
        let style = context.console.style
        context.console.line(style.bold("Calls with \(contact.name)"))
        if calls.isEmpty { context.console.line(style.dim("  none yet")) }
        for call in calls {
            let events = try store.events(callID: call.id!)
            let count = { (kind: CallEvent.Kind) in events.count { $0.kind == kind } }
            let length = call.endedAt.map { "\(Int($0.timeIntervalSince(call.startedAt) / 60)) min" } ?? "still open"
            context.console.line("  \(DateText.dayAndTime(call.startedAt))  \(length) · "
                + "\(count(.asked).counted("question")) asked · \(count(.note).counted("note")) · "
                + "\(count(.referral).counted("referral"))")
        }
        for interaction in try store.interactions(contactID: contact.id!) where interaction.kind != .call {
            context.console.line(style.dim("  \(DateText.dayAndTime(interaction.at))  \(interaction.kind.rawValue): \(interaction.text)"))
        }
    }
}
