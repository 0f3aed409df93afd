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

    static let completion = CompletionSpec(options: ["--minutes": nil], positional: .contacts)

    @Argument(help: "The contact.") var name: String
    @Option(parsing: .unconditional, help: "Minutes you asked for (default 30); the clock counts down from it. On resuming, the call's new length.")
    var minutes: Int?
    @OptionGroup var global: GlobalOptions

    /// A call paused longer than this was most likely forgotten, not resumed.
    static let staleCallHours = 12.0

    func validate() throws {
        try NumberRange.check(minutes, "--minutes", 1...240)
    }

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        let contact = try context.contact(named: name)
        let id = contact.id!
        let call: Call
        let open = try store.openCall(contactID: id)
        if let open {
            // "She only has 20 minutes now": --minutes on resuming changes the call's length (it was ignored).
            call = try minutes.map { try store.setPromisedMinutes($0, of: open) } ?? open
            context.console.line(context.console.style.dim("Resuming the \(call.promisedMinutes)-minute call started "
                                                           + "\(DateText.dayAndTime(open.startedAt))."))
            if context.now().timeIntervalSince(open.startedAt) > Self.staleCallHours * 3600 {
                context.console.line("That was over \(Int(Self.staleCallHours)) hours ago: if the call is over, `end` it; "
                                     + "`call \(contact.commandArgument)` then starts a new one.")
            }
        } else {
            call = try store.startCall(contactID: id, at: context.now(),
                                       promisedMinutes: minutes ?? PlanRequest.defaultMeetingMinutes)
        }
        // On a terminal (typing and reading both): wrapped text, the now/next block, questions before command-like notes.
        let columns = TextWrap.answeringWidth() != nil ? TextWrap.answeringWidth : nil
        _ = try CallSession(context: context, store: store, contact: contact, plan: store.plan(contactID: id),
                            call: call, columns: columns).run(starting: open == nil)
    }
}
