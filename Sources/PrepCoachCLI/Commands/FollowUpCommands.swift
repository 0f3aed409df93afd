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
        if task.doneAt == nil, task.text.contains(ThankYouDraft.pointPlaceholder) {
            context.console.line(context.console.style.dim(
                "Name one thing they said: `wrap \(contact.commandArgument) --point N` (a note of the call) or --point \"your words\"."))
        }
    }

}

struct FollowUpsCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "followups",
        abstract: "What is due and overdue: thank-yous, to-dos, quarterly check-ins; --stale for fading contacts.",
        discussion: """
            A check-in is due three months after you were last in touch (a call, a thank-you sent, or \
            `contact log`), so it moves whenever you are in touch again. A call ended but not wrapped is listed \
            too: its thank-you is due 24 hours after the call. `--done ID` marks a task done, `--undo ID` opens it \
            again. `next` shows where each contact stands.
            """)

    static let completion = CompletionSpec(options: ["--days": nil, "--stale": nil, "--done": nil, "--undo": nil,
                                                     "--json": nil])

    @Option(parsing: .unconditional, help: "Also list what falls due within this many days.") var days = 14
    @Option(parsing: .unconditional, help: ArgumentHelp("List the people you have not been in touch with for more than DAYS.", valueName: "DAYS"))
    var stale: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("Mark task ID (as listed) done.", valueName: "ID")) var done: Int64?
    @Option(parsing: .unconditional, help: ArgumentHelp("Open task ID again after --done.", valueName: "ID")) var undo: Int64?
    @Flag(help: "Print JSON.") var json = false
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
            context.console.line("Done: \(Self.describe(task, names)). `followups --undo \(done)` opens it again.")
            return
        }
        if let undo {
            guard let task = try store.task(id: undo), task.doneAt != nil else {
                throw CommandFailure("no task #\(undo) marked done; `followups` lists the open ones")
            }
            try store.reopen(task)
            context.console.line("Open again: \(Self.describe(task, names)).")
            return
        }
        let schedule = FollowUpSchedule()
        let last = try store.lastContactDates()
        if let stale {
            let fading = schedule.stale(contacts: contacts, lastContact: last, days: stale, now: now)
            if json {
                context.console.line(try JSONOutput.encode(fading.map { StaleJSON(name: $0.contact.name, lastContact: $0.lastContact) }))
                return
            }
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
        let unwrapped = try ContactProgress.all(in: store).filter { $0.stage == .toWrap }
        if json {
            context.console.line(try JSONOutput.encode(FollowUpsJSON(
                tasks: tasks.map { TaskJSON($0, contactName: names[$0.contactID] ?? "?") },
                toWrap: unwrapped.map { DueJSON(name: $0.contact.name, due: $0.due!) },
                checkIns: checkIns.map { DueJSON(name: $0.contact.name, due: $0.due) })))
            return
        }
        context.console.line(style.bold("Follow-ups due by \(DateText.day(horizon))"))
        if tasks.isEmpty && checkIns.isEmpty && unwrapped.isEmpty { context.console.line(style.dim("  nothing due")) }
        func label(_ date: Date) -> String {
            let due = Due(date, now: now)
            return due.isOverdue ? style.error(due.text) : due.text
        }
        for entry in unwrapped {
            context.console.line("  Wrap the call with \(entry.contact.name) (`wrap \(entry.contact.commandArgument)`): "
                                 + "thank-you — \(label(entry.due!))")
        }
        for task in tasks {
            context.console.line("  #\(task.id!)  \(Self.describe(task, names)) — " + (task.dueAt.map(label) ?? "no date"))
        }
        for checkIn in checkIns {
            context.console.line("  check in with \(checkIn.contact.name) (last in touch \(DateText.day(checkIn.lastContact))) — "
                                 + label(checkIn.due))
        }
    }

    /// A task in words, naming whose it is: "Send thank-you to Dana Lee", "Dana Lee: read Being Mortal".
    static func describe(_ task: FollowUpTask, _ names: [Int64: String]) -> String {
        let name = names[task.contactID] ?? "?"
        return switch task.kind {
        case .thankYou: "Send thank-you to \(name)"
        case .tellReferrer: task.text
        case .todo: "\(name): \(task.text)"
        }
    }
}

struct FollowUpsJSON: Encodable {
    let tasks: [TaskJSON]
    let toWrap: [DueJSON]
    let checkIns: [DueJSON]
}

struct DueJSON: Encodable {
    let name: String
    let due: Date
}

struct StaleJSON: Encodable {
    let name: String
    let lastContact: Date
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
        commandName: "history",
        abstract: "A contact's calls (what was asked and noted), requests and thank-yous, in time order.")

    static let completion = CompletionSpec(options: ["--json": nil], positional: .contacts)

    @Argument(help: "The contact.") var name: String
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        let contact = try context.contact(named: name)
        let entries = try HistoryEntry.all(for: contact, in: store)
        if json {
            context.console.line(try JSONOutput.encode(entries))
            return
        }
        let style = context.console.style
        let width = context.console.columns()
        context.console.line(style.bold("History with \(contact.name)"))
        if entries.isEmpty { context.console.line(style.dim("  nothing yet")) }
        for entry in entries {
            context.console.line(TextWrap.wrapped("\(style.dim(DateText.dayAndTime(entry.at)))  \(style.bold(entry.title))",
                                                  width: width, indent: "    ", firstIndent: "  "))
            for event in entry.events {
                // A note's later lines under its text, the others' under their first word.
                let line = HistoryEntry.line(for: event)
                context.console.line(TextWrap.wrapped(line, width: width, indent: line.hasPrefix("  – ") ? "          " : "        ",
                                                      firstIndent: "      "))
            }
        }
    }
}

/// One thing in a contact's history: a call (with its events) or another time you were in touch.
struct HistoryEntry: Encodable {
    struct Event: Encodable {
        let kind: String
        let text: String
        let at: Date
    }

    let kind: String
    let title: String
    let at: Date
    let endedAt: Date?
    let events: [Event]

    static func all(for contact: Contact, in store: CoachStore) throws -> [HistoryEntry] {
        let calls = try store.calls(contactID: contact.id!).map { call in
            let length = call.endedAt == nil ? "still open" : call.heldMinutes.counted("minute")
            return HistoryEntry(kind: "call", title: "Call (\(length))", at: call.startedAt, endedAt: call.endedAt,
                                events: try store.events(callID: call.id!).map { Event(kind: $0.kind.rawValue, text: $0.text, at: $0.at) })
        }
        let others = try store.interactions(contactID: contact.id!).filter { $0.kind != .call }.map { interaction in
            HistoryEntry(kind: interaction.kind.rawValue, title: title(of: interaction), at: interaction.at, endedAt: nil,
                         events: [])
        }
        return (calls + others).sorted { $0.at < $1.at }
    }

    private static func title(of interaction: Interaction) -> String {
        switch interaction.kind {
        case .thankYouSent: "Thank-you sent"
        case .request: "Request sent" + (interaction.text.isEmpty ? "" : " (\(interaction.text))")
        case .log: "In touch: \(interaction.text)"
        case .call: "Call"
        }
    }

    /// "asked: How did you start?", "  – she started as an ER nurse".
    static func line(for event: Event) -> String {
        switch CallEvent.Kind(rawValue: event.kind) {
        case .asked: "asked: \(event.text)"
        case .note: "  – \(event.text)"
        case .skipped: "skipped: \(event.text)"
        case .referral: "referral: \(event.text)"
        case .todo: "to do: \(event.text)"
        case nil: "\(event.kind): \(event.text)"
        }
    }
}
