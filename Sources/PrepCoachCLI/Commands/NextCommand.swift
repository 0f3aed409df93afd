import ArgumentParser
import Foundation
import PrepCoachCore

/// One view of every conversation: where each contact stands and the one thing to do next.
struct NextCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Where each contact stands, from request to check-in, and what to do next.",
        discussion: """
            Most pressing first: an open call, a call to wrap (the thank-you is due 24 hours after it ended, \
            wrapped or not), a thank-you to send, people you were referred to and have not contacted, then the rest. \
            `request NAME --sent` records that you asked for a conversation.
            """)

    static let completion = CompletionSpec(options: ["--json": nil])

    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let progress = try ContactProgress.all(in: context.store())
        let now = context.now()
        if json {
            context.console.line(try JSONOutput.encode(progress.map { NextStepJSON($0, now: now) }))
            return
        }
        let style = context.console.style
        guard !progress.isEmpty else {
            context.console.line("No contacts yet. Start with: contact add \"Ann Lee\" --role … --company … --industry …")
            return
        }
        context.console.line(style.bold("Next steps"))
        let width = context.console.columns()
        func show(_ text: String, indent: String) {
            context.console.line(TextWrap.wrapped(text, width: width, indent: indent + "  ", firstIndent: indent))
        }
        for entry in progress {
            let action = NextStep(entry, now: now)
            let when = action.due.map { due in " — " + (due.isOverdue ? style.error(due.text) : due.text) } ?? ""
            show("\(style.accent(entry.contact.name)) " + style.dim("[\(action.journey)]"), indent: "  ")
            show("\(action.text)\(when)", indent: "    ")
            for task in entry.openTasks {
                show(style.dim("· #\(task.id!) \(task.text)") + (task.dueAt.map { " (\(Due($0, now: now).text))" } ?? ""), indent: "    ")
            }
        }
    }
}

/// The words for one contact's next step: the journey so far and what to do.
struct NextStep {
    let journey: String
    let text: String
    let due: Due?

    init(_ progress: ContactProgress, now: Date) {
        let name = progress.contact.commandArgument
        let steps = ["request", "prep", "call", "wrap", "thanks", "check-in"]
        let current = switch progress.stage {
        case .referralToContact, .toRequest: 0
        case .requestSent, .preparing: 1
        case .callOpen: 2
        case .toWrap: 3
        case .toThank: 4
        case .thanked: 5
        }
        // Getting ready before asking: the request is not done, only skipped ahead of.
        let unsentRequest = progress.stage == .preparing && !progress.requestSent
        journey = steps.enumerated().map { step in
            // A step passed is done only if it was done: a call held without a request sent or `prep`
            // (they phoned you, or you them) leaves those unticked.
            let skipped = (step.offset == 0 && (unsentRequest || (current > 1 && !progress.requestSent)))
                || (step.offset == 1 && !progress.prepped)
            let done = step.offset < current && !skipped
            return (done ? "✓" : step.offset == current ? "▸" : "") + step.element
        }.joined(separator: " → ")

        due = progress.due.map { Due($0, now: now) }
        text = switch progress.stage {
        case .referralToContact:
            "Referred by \(progress.referrer?.name ?? "someone"), not contacted yet: `request \(name)`"
                + (progress.contact.mayUseReferrerName == true ? " (you may use their name)" : " (ask before using their name)")
        case .toRequest: "Ask for a conversation: `request \(name)`, then `request \(name) --sent`"
        case .requestSent: "Request sent; while you wait, `pick --contact \(name)` builds your questions"
            + (progress.awaitingReply ? "; no reply a week on? send one short, friendly follow-up" : "")
        case .preparing: (progress.rehearsed
            ? "Rehearsed; `call \(name)` when you talk (`rehearse \(name)` again the day before)"
            : "Get ready: `prep \(name)`, `rehearse \(name)`, then `call \(name)` when you talk")
            + (unsentRequest ? "; the request is not sent yet: `request \(name)`" : "")
            + (progress.awaitingReply ? "; no reply a week on? send one short, friendly follow-up" : "")
        case .callOpen: "A call is still open: `call \(name)` resumes it, `end` there finishes it"
        case .toWrap: "The call ended: `wrap \(name)` drafts the thank-you, to send within 24 hours of the call"
        case .toThank: "Send the thank-you: `thanks \(name)` shows it, `thanks \(name) --sent` once sent"
        case .thanked: "Thanked; check in again now and then (`contact log \(name) …` when you do)"

        }
    }
}

/// One contact in `next --json`.
struct NextStepJSON: Encodable {
    let name: String
    let stage: String
    let referredBy: String?
    let due: Date?
    let overdue: Bool
    let lastContact: Date?
    let openTasks: [TaskJSON]
    /// A full rehearsal was run.
    let rehearsed: Bool

    init(_ progress: ContactProgress, now: Date) {
        name = progress.contact.name
        stage = progress.stage.rawValue
        rehearsed = progress.rehearsed
        referredBy = progress.referrer?.name
        due = progress.due
        overdue = progress.due.map { $0 < now } ?? false
        lastContact = progress.lastContact
        openTasks = progress.openTasks.map { TaskJSON($0, contactName: progress.contact.name) }
    }
}

/// One follow-up task in JSON.
struct TaskJSON: Encodable {
    let id: Int64
    let contact: String
    let kind: String
    let text: String
    let due: Date?
    let done: Date?

    init(_ task: FollowUpTask, contactName: String) {
        id = task.id ?? 0
        contact = contactName
        kind = task.kind.rawValue
        text = task.text
        due = task.dueAt
        done = task.doneAt
    }
}
