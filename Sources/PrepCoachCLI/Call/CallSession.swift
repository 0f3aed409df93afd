import Foundation
import LineEditor
import PrepCoachCore

/// Call mode: the plan on screen, a clock in the prompt, and every note,
/// question asked and referral written to the database before the prompt
/// comes back — so Ctrl-C, a closed terminal or a killed process loses nothing
/// that was acknowledged. When the database refuses a write (another process
/// holds it, the disk is full), the note is held in a journal beside it and
/// written once it is back; the call goes on.
final class CallSession {
    /// Minutes before the end of the call when the first warning comes.
    static let warningLeadMinutes = 5
    static let commands = CallInputClassifier.commands
    /// How long a note waits for a busy database before it is held instead: typing must go on.
    static let databaseWaitSeconds = 1.0

    private let context: CommandContext
    private let store: CoachStore
    private let contact: Contact
    private let plan: [PlanItem]
    private let banks: Banks
    /// The terminal's width now (a window can be resized mid-call); nil in scripts.
    private let terminalColumns: (() -> Int?)?
    private let isTerminal: Bool
    private let classifier: CallInputClassifier
    private var call: Call
    private var status: [Int64: CallEvent.Kind] = [:]
    private var current: Int64?
    private var warningsShown = 0
    private let journal: CallJournal

    /// `columns`: the terminal's width, read whenever text is laid out, when call mode runs on one
    /// (then text is wrapped, the now/next block shown and command-like lines asked about); nil in scripts.
    init(context: CommandContext, store: CoachStore, contact: Contact, plan: [PlanItem], call: Call,
         columns: (() -> Int?)?) throws {
        self.context = context
        self.store = store
        self.contact = contact
        self.plan = plan
        self.call = call
        banks = context.banks()
        terminalColumns = columns
        isTerminal = columns?() != nil
        classifier = CallInputClassifier(shellCommands: RootCommand.commandNames, asks: isTerminal)
        journal = CallJournal(store: store)
        // Resuming: what was asked or skipped before stays so.
        for event in try store.events(callID: call.id!) where [.asked, .skipped].contains(event.kind) {
            if let item = event.planItemID {
                status[item] = event.kind
                if event.kind == .asked { current = item }
            }
        }
        // A resumed call past a warning's time shows only the latest warning.
        warningsShown = max(dueWarnings.count - 1, 0)
    }

    private var console: Console { context.console }
    private var style: Style { console.style }
    private var elapsedSeconds: Int { max(0, Int(context.now().timeIntervalSince(call.startedAt))) }
    private var screen: CallScreen { CallScreen(columns: terminalColumns?(), style: style) }

    /// Runs until `end` (returns true) or end of input (false: the call stays open to resume).
    func run(starting: Bool) throws -> Bool {
        writeHeldNotes()
        showPlan()
        if starting { checkPlanFitsTheCall() }
        showWarningIfDue()
        console.line(style.dim(screen.wrapped(
            "Type notes as they come; commands: next, ask N, skip N, ref NAME [COMPANY], todo TEXT, "
                + "notes, undo, plan, end. `help` explains.")))
        showNowAndNext()
        let livePrompt = LivePrompt(text: { [unowned self] in prompt },
                                    notice: { [unowned self] in dueWarning().map(warningText) })
        while true {
            switch try context.callLine(livePrompt, completions: Self.commands) {
            case .endOfInput:
                console.line("Call paused: `call \(contact.commandArgument)` resumes it, `end` there ends it.")
                if !writeHeldNotes() {
                    console.error("\(journal.held.count.counted("note")) not saved yet \(journal.held.count == 1 ? "is" : "are") "
                                  + "kept in \(journal.path): `call \(contact.commandArgument)` saves them once the database is back")
                }
                return false
            case .interrupted:
                continue
            case let .line(line):
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { continue }
                if try stoppedElsewhere(trimmed) { return true }
                do {
                    if try handle(classifier.classify(trimmed)) { return true }
                } catch {
                    // A command that failed (the database busy at `end`, say) leaves you in the call.
                    console.error(StoreError(translating: error)?.description ?? String(describing: error))
                }
                showWarningIfDue()
                showNowAndNext()
            }
        }
    }

    /// Another window may have ended the call (a note typed here is still saved with it) or
    /// removed the person with their calls: this window then stops instead of writing on.
    private func stoppedElsewhere(_ line: String) throws -> Bool {
        // Unreadable for now: carry on, the line is held if it cannot be written either.
        let lookup: Call??
        do { lookup = try store.call(id: call.id!) } catch { lookup = nil }
        guard let lookup else { return false }
        guard let stored = lookup else {
            throw CommandFailure("\(contact.name) was removed in another window, with this call: '\(line)' was not saved")
        }
        guard stored.endedAt != nil else { return false }
        if case let .note(text) = classifier.classify(line) { note(text) }
        console.line(screen.wrapped("This call was ended in another window. `wrap \(contact.commandArgument)` writes "
                                    + "the summary, the thank-you and the follow-up plan."))
        return true
    }

    /// `call 12:05 · 17:55 left> `: the clock is in the prompt so it is never stale when you look.
    private var prompt: String {
        let elapsed = elapsedSeconds
        let left = call.promisedMinutes * 60 - elapsed
        let remaining = left >= 0 ? "\(Self.clock(left)) left" : "\(Self.clock(-left)) over"
        return "call \(Self.clock(elapsed)) · \(remaining)> "
    }

    /// `MM:SS`, or `H:MM:SS` from an hour on (a call resumed days later read `472929:10`).
    static func clock(_ seconds: Int) -> String {
        seconds < 3600 ? String(format: "%02d:%02d", seconds / 60, seconds % 60)
            : String(format: "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }

    // MARK: Time

    /// The warnings whose time has come: 5 minutes before the end of the call, and at its end.
    private var dueWarnings: [String] {
        let minutes = call.promisedMinutes
        let soon = (minutes - Self.warningLeadMinutes) * 60
        var due: [String] = []
        if soon > 0, elapsedSeconds >= soon {
            due.append("\(Self.clock(soon)) — \(Self.warningLeadMinutes) minutes left of the \(minutes) you asked for: "
                       + "time for your referral question and thanks")
        }
        if elapsedSeconds >= minutes * 60 {
            due.append("\(Self.clock(minutes * 60)) — the \(minutes.counted("minute")) you asked for \(minutes == 1 ? "is" : "are") up: "
                       + "thank them, and offer to stop or ask whether they have a few more minutes")
        }
        return due
    }

    /// The latest warning not yet shown, marked shown.
    private func dueWarning() -> String? {
        let due = dueWarnings
        guard warningsShown < due.count else { return nil }
        warningsShown = due.count
        return due.last
    }

    private func showWarningIfDue() {
        guard let warning = dueWarning() else { return }
        if isTerminal {
            console.line(warningText(warning))
        } else {
            console.warning(warning)
        }
    }

    /// `warning: …` wrapped to the screen, the label coloured.
    private func warningText(_ message: String) -> String {
        let label = "warning: "
        return style.warning(label) + screen.wrapped(label + message).dropFirst(label.count)
    }

    /// A plan longer than the call: say so at the start and name what to skip.
    private func checkPlanFitsTheCall() {
        let fit = CallPlanFit(plan: plan, callMinutes: call.promisedMinutes, isReferral: isReferral)
        guard !fit.fits else { return }
        var advice = "This plan takes \(fit.planMinutes.counted("minute")); the call is \(fit.callMinutes)"
            + (fit.reservedMinutes > 0 ? ", \(fit.reservedMinutes) of them for introductions and thanks." : ".")
        if fit.skips.isEmpty {
            advice += " Keep your questions short, and save time for the referral question."
        } else {
            let named = fit.skips.map { "\($0 + 1). \(plan[$0].text) (\(plan[$0].minutes) min)" }
            advice += " To fit, skip " + named.joined(separator: "; ") + " — "
                + fit.skips.map { "`skip \($0 + 1)`" }.joined(separator: ", ") + "."
        }
        console.line(warningText(advice))
    }

    // MARK: Commands

    /// Handles one line; true when the call ended.
    private func handle(_ input: CallInput) throws -> Bool {
        switch input {
        case let .note(text):
            note(text)
        case let .unclear(line, question, runs):
            return try confirm(line, question: question, runs: runs)
        case let .command(command, rest):
            return try run(command, rest)
        }
        return false
    }

    /// Asks before a line that looks like a command becomes a note. End of input keeps it as a note: nothing typed is lost.
    private func confirm(_ line: String, question: String, runs: String?) throws -> Bool {
        let choices = runs == nil ? "[note/n]" : "[y/n/note]"
        while true {
            switch try context.ask(screen.wrapped(question) + " \(choices) ", completions: ["yes", "no", "note"]) {
            case .interrupted:
                console.line(style.dim("not saved"))
                return false
            case .endOfInput:
                note(line)
                return false
            case let .line(reply):
                let answer = reply.trimmingCharacters(in: .whitespaces).lowercased()
                if let runs, ["y", "yes"].contains(answer) {
                    return try handle(classifier.classify(runs))
                } else if answer == "note" || (runs == nil && ["y", "yes"].contains(answer)) {
                    note(line)
                    return false
                } else if ["n", "no"].contains(answer) {
                    console.line(style.dim("not saved"))
                    return false
                }
                console.line(runs.map { "Answer y (run `\($0)`), n (drop it) or note (save it as a note)." }
                             ?? "Answer note (save it as a note) or n (drop it).")
            }
        }
    }

    private func run(_ command: String, _ rest: String) throws -> Bool {
        switch command {
        case "next":
            guard let item = plan.first(where: { status[$0.id!] == nil }) else {
                console.line("Every question is asked or skipped. `ref NAME` for referrals, `end` to finish.")
                return false
            }
            mark(item, .asked)
        case "ask", "skip":
            guard let item = item(numbered: rest) else { return false }
            mark(item, command == "ask" ? .asked : .skipped)
        case "note":
            note(rest)
        case "todo":
            guard !rest.isEmpty else { console.error("todo needs the advice to act on: todo read Being Mortal"); return false }
            guard record(.todo, planItem: nil, text: rest) else { return false }
            console.line(style.dim(screen.wrapped("✓ to do after the call: \(rest)")))
        case "ref":
            try referral(rest)
        case "plan":
            showPlan()
        case "notes":
            showNotes()
        case "undo":
            try undoNote()
        case "clock":
            console.line("\(Self.clock(elapsedSeconds)) elapsed of \(call.promisedMinutes):00 promised")
        case "end":
            guard writeHeldNotes() else {
                throw CommandFailure("not ended: \(journal.held.count.counted("note")) \(journal.held.count == 1 ? "is" : "are") "
                                     + "not saved yet; `end` again once the database is back")
            }
            call = try store.endCall(call, at: context.now())
            console.line(screen.wrapped("Call ended after \(Self.clock(elapsedSeconds(until: call.endedAt!))). "
                + "`wrap \(contact.commandArgument)` writes the summary, the thank-you and the follow-up plan."))
            showNotAsked()
            return true
        default:
            // Each command's description wraps under itself, not under the command.
            let column = 18
            console.line(Self.help.split(separator: "\n").map { line in
                let head = line.hasPrefix("  ") ? String(line.prefix(column)) : ""
                return screen.wrapped(String(line.dropFirst(head.count)), indent: String(repeating: " ", count: column),
                                      firstIndent: head)
            }.joined(separator: "\n"))
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

    private func mark(_ item: PlanItem, _ kind: CallEvent.Kind) {
        record(kind, planItem: item.id, text: item.text)
        status[item.id!] = kind
        let number = (plan.firstIndex(of: item) ?? 0) + 1
        if kind == .asked {
            current = item.id
            // On a terminal the now/next block that follows shows it.
            if !isTerminal { console.line(style.bold("▸ \(number). \(item.text)") + style.dim(" (\(item.minutes) min)")) }
        } else {
            console.line(style.dim("skipped \(number)."))
        }
    }

    private func note(_ text: String) {
        guard !text.isEmpty else { console.error("type the note after `note`, or just type it"); return }
        guard record(.note, planItem: current, text: text) else { return }
        console.line(style.dim("✓ noted\(questionLabel(current).map { " (\($0))" } ?? "")"))
    }

    /// "Q2" for the plan question with this id.
    private func questionLabel(_ id: Int64?) -> String? {
        id.flatMap { id in plan.firstIndex { $0.id == id } }.map { "Q\($0 + 1)" }
    }

    private func undoNote() throws {
        guard writeHeldNotes() else { throw CommandFailure("nothing undone: the notes held are not saved yet; try again in a moment") }
        guard let removed = try store.removeLastNote(callID: call.id!) else {
            console.line("No note to undo in this call.")
            return
        }
        let about = questionLabel(removed.planItemID).map { " (\($0))" } ?? ""
        console.line(screen.wrapped("✗ removed the last note\(about): \(removed.text)"))
    }

    private func showNotes() {
        let notes = ((try? store.events(callID: call.id!)) ?? []).filter { $0.kind == .note }
            + journal.held.filter { $0.callID == call.id && $0.kind == .note }
        guard !notes.isEmpty else {
            console.line("No notes in this call yet.")
            return
        }
        console.line(style.bold("Notes in this call"))
        for note in notes {
            let label = (questionLabel(note.planItemID) ?? "—").rightPadded(to: 4)
            console.line(screen.wrapped(note.text, indent: "      ", firstIndent: "  \(label)"))
        }
    }

    private func referral(_ text: String) throws {
        let words = (try? CommandWords.split(text)) ?? []
        guard let name = words.first?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            console.error("ref needs a name: ref \"Dana Lee\" \"Mercy Hospital\"")
            return
        }
        let company = words.count > 1 ? words.dropFirst().joined(separator: " ") : nil
        guard let mayUseName = try askYesNo("Did \(contact.name) say you may mention their name to \(name)?") else {
            console.line(style.dim("referral not saved"))
            return
        }
        let referral: Contact
        do {
            referral = try store.addReferral(named: name, company: company, from: contact, mayUseName: mayUseName,
                                             at: context.now())
        } catch let error where StoreError(translating: error) != nil {
            // Kept as a note, so the name is not lost; `ref` again once the database is back.
            console.error("the referral could not be saved (\(StoreError(translating: error)!.description)); keeping it as a note")
            note("ref \(text)")
            return
        }
        guard record(.referral, planItem: nil, text: referral.name) else { return }
        console.line(style.dim(screen.wrapped("✓ \(referral.name) added as a contact, referred by \(contact.name)"
                               + (mayUseName ? "; you may mention \(contact.name)'s name" : ""))))
    }

    /// Asks until the answer is yes or no; end of input is no, Ctrl-C nil.
    private func askYesNo(_ question: String) throws -> Bool? {
        while true {
            switch try context.ask(screen.wrapped(question) + " [y/n] ", completions: ["yes", "no"]) {
            case .interrupted: return nil
            case .endOfInput: return false
            case let .line(reply):
                switch reply.trimmingCharacters(in: .whitespaces).lowercased() {
                case "y", "yes": return true
                case "n", "no": return false
                default: console.line("Please answer y or n.")
                }
            }
        }
    }

    /// Writes an event after any held ones (keeping their order); when the database refuses,
    /// holds it and says so in one line. True when it is in the database.
    @discardableResult
    private func record(_ kind: CallEvent.Kind, planItem: Int64?, text: String) -> Bool {
        let event = CallEvent(callID: call.id!, kind: kind, planItemID: planItem, text: text, at: context.now())
        do {
            try writeHeld()
            try store.record([event], waitingAtMost: Self.databaseWaitSeconds)
            return true
        } catch {
            let inFile = journal.hold(event)
            let reason = StoreError(translating: error).map { $0.description.components(separatedBy: ";")[0] }
                ?? String(describing: error)
            console.error("not saved yet (\(reason)): kept in memory" + (inFile ? " and in \(journal.path)" : " only")
                          + "; it is saved when the database is back, the call goes on")
            return false
        }
    }

    /// Writes what is held, saying so; throws while the database still refuses.
    private func writeHeld() throws {
        guard !journal.held.isEmpty else { return }
        let written = try journal.write(into: store, waitingAtMost: Self.databaseWaitSeconds)
        console.line(style.dim("✓ the database is back: saved \(written.counted("entry", plural: "entries")) held until now"))
    }

    /// True when nothing is left held.
    @discardableResult
    private func writeHeldNotes() -> Bool { (try? writeHeld()) != nil }

    // MARK: Showing the plan

    private func isReferral(_ item: PlanItem) -> Bool {
        item.questionID.flatMap(banks.question(id:))?.isReferral ?? false
    }

    private func followups(_ item: PlanItem) -> [String] {
        item.questionID.flatMap(banks.question(id:))?.followups ?? []
    }

    /// On a terminal, after every line: the question being discussed and the one to ask next.
    private func showNowAndNext() {
        guard isTerminal, !plan.isEmpty else { return }
        func entry(_ index: Int) -> (number: Int, item: PlanItem, followups: [String]) {
            (index + 1, plan[index], followups(plan[index]))
        }
        let currentIndex = current.flatMap { id in plan.firstIndex { $0.id == id } }
        let nextIndex = plan.firstIndex { status[$0.id!] == nil }
        console.line(screen.nowAndNext(current: currentIndex.map(entry), next: nextIndex.map(entry)))
    }

    /// After `end`: the planned questions not asked, the referral question first — it is the one
    /// that leads to the next conversation.
    private func showNotAsked() {
        let notAsked = plan.enumerated().filter { status[$0.element.id!] != .asked }
            .sorted { isReferral($0.element) && !isReferral($1.element) }
        guard !notAsked.isEmpty else { return }
        // A referral noted with `ref` answered it without the question being marked asked.
        let referred = ((try? store.events(callID: call.id!)) ?? []).filter { $0.kind == .referral }.map(\.text)
        let referralAdvice = referred.isEmpty ? " — the referral question: ask it in your thank-you"
            : " — the referral question (answered: you noted \(referred.joined(separator: ", ")))"
        console.line(style.bold("Not asked:"))
        for (index, item) in notAsked {
            let why = isReferral(item) ? referralAdvice
                : status[item.id!] == .skipped ? " (skipped)" : ""
            // Numbers padded as in the plan, so wrapped lines line up under the text.
            console.line(screen.wrapped("\(item.text)\(why)", indent: "      ",
                                        firstIndent: "  \(String(index + 1).leftPadded(to: 2)). "))
        }
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
            let head = "\(mark) \(String(number).leftPadded(to: 2)). "
            console.line(screen.wrapped("\(item.text) (\(item.minutes)\(TextWrap.noBreakSpace)min)", indent: "      ",
                                        firstIndent: head))
        }
    }

    static let help = """
        In a call, anything you type that is not a command is a note on the current question.
          next            mark the next question asked and show it
          ask N / skip N  mark question N asked (and current) or skipped
          note TEXT       a note (the word `note` is optional)
          notes / undo    list this call's notes / remove the last one
          ref NAME [CO]   someone to talk to next; asks if you may use their name
          todo TEXT       advice to act on after the call
          plan            show the plan: ✓ asked, ▸ current, – skipped
          clock           time used so far
          end             end the call, listing the questions not asked
          Ctrl-D          pause the call (`call NAME` resumes it)
        """
}
