import Foundation
import PrepCoachCore

/// Call mode: the plan on screen, a clock in the prompt, and every note,
/// question asked and referral written to the database before the prompt
/// comes back — so Ctrl-C, a closed terminal or a killed process loses nothing
/// that was acknowledged.
final class CallSession {
    static let warningMinutes = 25
    static let commands = ["next", "ask", "skip", "note", "ref", "todo", "plan", "clock", "end", "help"]

    private let context: CommandContext
    private let store: CoachStore
    private let contact: Contact
    private let plan: [PlanItem]
    private var call: Call
    private var status: [Int64: CallEvent.Kind] = [:]
    private var current: Int64?
    private var warned = false

    init(context: CommandContext, store: CoachStore, contact: Contact, plan: [PlanItem], call: Call) throws {
        self.context = context
        self.store = store
        self.contact = contact
        self.plan = plan
        self.call = call
        // Resuming: what was asked or skipped before stays so.
        for event in try store.events(callID: call.id!) where [.asked, .skipped].contains(event.kind) {
            if let item = event.planItemID {
                status[item] = event.kind
                if event.kind == .asked { current = item }
            }
        }
    }

    private var console: Console { context.console }
    private var style: Style { console.style }
    private var elapsedSeconds: Int { max(0, Int(context.now().timeIntervalSince(call.startedAt))) }

    /// Runs until `end` (returns true) or end of input (false: the call stays open to resume).
    func run() throws -> Bool {
        showPlan()
        warnIfLate()
        console.line(style.dim("Type notes as they come; commands: next, ask N, skip N, ref NAME [COMPANY], todo TEXT, plan, end. `help` explains."))
        while true {
            let input = try context.ask(prompt, completions: Self.commands)
            switch input {
            case .endOfInput:
                console.line("Call paused: `call \(contact.commandArgument)` resumes it, `end` there ends it.")
                return false
            case .interrupted:
                continue
            case let .line(line):
                if try handle(line.trimmingCharacters(in: .whitespaces)) { return true }
                warnIfLate()
            }
        }
    }

    /// `call 12:05 · 17:55 left>`: the clock is in the prompt so it is never stale when you look.
    private var prompt: String {
        let elapsed = elapsedSeconds
        let left = call.promisedMinutes * 60 - elapsed
        let remaining = left >= 0 ? "\(Self.clock(left)) left" : "\(Self.clock(-left)) over"
        return "call \(Self.clock(elapsed)) · \(remaining)> "
    }

    static func clock(_ seconds: Int) -> String {
        String(format: "%02d:%02d", seconds / 60, seconds % 60)
    }

    private func warnIfLate() {
        guard !warned, elapsedSeconds >= Self.warningMinutes * 60 else { return }
        warned = true
        console.warning("\(Self.warningMinutes) minutes gone of the \(call.promisedMinutes) you asked for: "
                        + "time for your referral question and thanks")
    }

    /// Handles one line; true when the call ended.
    private func handle(_ line: String) throws -> Bool {
        guard !line.isEmpty else { return false }
        let words = line.split(separator: " ", maxSplits: 1).map(String.init)
        let command = words[0].lowercased()
        let rest = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        switch command {
        case "next":
            guard let item = plan.first(where: { status[$0.id!] == nil }) else {
                console.line("Every question is asked or skipped. `ref NAME` for referrals, `end` to finish.")
                return false
            }
            try mark(item, .asked)
        case "ask", "skip":
            guard let item = item(numbered: rest) else { return false }
            try mark(item, command == "ask" ? .asked : .skipped)
        case "note":
            try note(rest)
        case "todo":
            guard !rest.isEmpty else { console.error("todo needs the advice to act on: todo read Being Mortal"); return false }
            try record(.todo, planItem: nil, text: rest)
            console.line(style.dim("✓ to do after the call: \(rest)"))
        case "ref":
            try referral(rest)
        case "plan":
            showPlan()
        case "clock":
            console.line("\(Self.clock(elapsedSeconds)) elapsed of \(call.promisedMinutes):00 promised")
        case "end":
            call = try store.endCall(call, at: context.now())
            console.line("Call ended after \(Self.clock(elapsedSeconds(until: call.endedAt!))). "
                         + "`wrap \(contact.commandArgument)` writes the summary, the thank-you and the follow-up plan.")
            return true
        case "help":
            console.line(Self.help)
        default:
            try note(line)  // anything else is a note: typing fast matters more than syntax
        }
        return false
    }

    private func elapsedSeconds(until end: Date) -> Int { max(0, Int(end.timeIntervalSince(call.startedAt))) }

    private func item(numbered text: String) -> PlanItem? {
        guard let number = Int(text), plan.indices.contains(number - 1) else {
            console.error("give a question number from 1 to \(plan.count) (`plan` shows them)")
            return nil
        }
        return plan[number - 1]
    }

    private func mark(_ item: PlanItem, _ kind: CallEvent.Kind) throws {
        try record(kind, planItem: item.id, text: item.text)
        status[item.id!] = kind
        let number = (plan.firstIndex(of: item) ?? 0) + 1
        if kind == .asked {
            current = item.id
            console.line(style.bold("▸ \(number). \(item.text)") + style.dim(" (\(item.minutes) min)"))
        } else {
            console.line(style.dim("skipped \(number)."))
        }
    }

    private func note(_ text: String) throws {
        guard !text.isEmpty else { console.error("type the note after `note`, or just type it"); return }
        try record(.note, planItem: current, text: text)
        let about = current.flatMap { id in plan.firstIndex { $0.id == id } }.map { " (Q\($0 + 1))" } ?? ""
        console.line(style.dim("✓ noted\(about)"))
    }

    private func referral(_ text: String) throws {
        let words = (try? CommandWords.split(text)) ?? []
        guard let name = words.first else {
            console.error("ref needs a name: ref \"Dana Lee\" \"Mercy Hospital\"")
            return
        }
        let company = words.count > 1 ? words.dropFirst().joined(separator: " ") : nil
        let answer = try context.ask("May you use \(contact.name)'s name when you contact \(name)? [y/n] ",
                                     completions: ["yes", "no"])
        let mayUseName = if case let .line(reply) = answer { reply.lowercased().hasPrefix("y") } else { false }
        let referral = try store.addReferral(named: name, company: company, from: contact, mayUseName: mayUseName,
                                             at: context.now())
        try record(.referral, planItem: nil, text: referral.name)
        console.line(style.dim("✓ \(referral.name) added as a contact, referred by \(contact.name)"
                               + (mayUseName ? ", may use their name" : "")))
    }

    private func record(_ kind: CallEvent.Kind, planItem: Int64?, text: String) throws {
        try store.record(CallEvent(callID: call.id!, kind: kind, planItemID: planItem, text: text, at: context.now()))
    }

    private func showPlan() {
        console.line(style.bold("Call with \(contact.name)") + style.dim(
            [contact.role, contact.company].compactMap { $0 }.isEmpty ? ""
                : " · " + [contact.role, contact.company].compactMap { $0 }.joined(separator: ", ")))
        guard !plan.isEmpty else {
            console.line(style.dim("No plan: notes only. (`pick --contact \(contact.commandArgument)` makes one.)"))
            return
        }
        for (number, item) in zip(1..., plan) {
            let mark = switch status[item.id!] {
            case .asked: item.id == current ? "▸" : "✓"
            case .skipped: "–"
            default: " "
            }
            console.line("\(mark) \(String(number).leftPadded(to: 2)). \(item.text) " + style.dim("(\(item.minutes) min)"))
        }
    }

    static let help = """
        In a call, anything you type that is not a command is saved as a note on the current question.
          next            mark the next question asked and show it
          ask N / skip N  mark question N asked (and current) or skipped
          note TEXT       a note (the word `note` is optional)
          ref NAME [CO]   someone they suggest you talk to; asks whether you may use their name
          todo TEXT       advice to act on after the call
          plan            show the plan: ✓ asked, ▸ current, – skipped
          clock           time used so far
          end             end the call (Ctrl-D pauses it instead; `call NAME` resumes)
        """
}
