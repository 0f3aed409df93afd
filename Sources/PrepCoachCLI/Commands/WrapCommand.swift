import ArgumentParser
import Foundation
import PrepCoachCore

struct WrapCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "wrap",
        abstract: "After the call: a Markdown summary, a thank-you draft due in 24 hours, an .ics follow-up plan.",
        discussion: """
            Uses the contact's last ended call with anything noted in it (one opened and ended with nothing \
            typed is passed over, and said so). Writes the summary and the calendar file next to the database \
            (or to --out DIR), each call in its own files (DATE-TIME-NAME-callID), never over another; records \
            the thank-you as a task until `thanks NAME --sent`, turns the call's to-dos into tasks, and — for a \
            contact someone referred you to — reminds you to tell them how it went. The files are written first: \
            if they cannot be, nothing is stored. Running it again writes new files without adding tasks twice.
            The thank-you names one thing they said: --point N (a note of the call, as listed), --point "your \
            words", or in the shell you choose; otherwise it keeps a placeholder for you to fill in. It is signed \
            with `me:` from the config file (or --from).
            """)

    static let completion = CompletionSpec(options: ["--out": .files, "--from": nil, "--point": nil], positional: .contacts)

    @Argument(help: "The contact.") var name: String
    @Option(help: ArgumentHelp("Folder for the summary and the .ics file.", valueName: "DIR")) var out: String?
    @Option(help: ArgumentHelp("Your name, to sign the thank-you (default: `me:` in the config file).", valueName: "NAME"))
    var from: String?
    @Option(help: ArgumentHelp("What the thank-you names: a note's number from the call, or your own words.",
                               valueName: "N|TEXT"))
    var point: String?
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        let contact = try context.contact(named: name)
        let id = contact.id!
        if try store.openCall(contactID: id) != nil {
            throw CommandFailure("the call with \(contact.name) is still open: `call \(contact.commandArgument)` then `end`")
        }
        let ended = try store.calls(contactID: id).filter { $0.endedAt != nil }
        guard let last = ended.last else {
            throw CommandFailure("no call with \(contact.name) yet: `call \(contact.commandArgument)` holds one")
        }
        // A call opened to look at the plan and ended at once must not take over from the real one.
        let call = try ended.last { !(try store.events(callID: $0.id!).isEmpty) } ?? last
        if call.id != last.id {
            context.console.paragraph(context.console.style.dim(
                "The last call with \(contact.name) (\(DateText.dayAndTime(last.startedAt))) has no notes: "
                    + "wrapping the call of \(DateText.dayAndTime(call.startedAt))."))
        }
        let referrals = try store.contacts().filter { $0.referredByID == id && $0.createdAt >= call.startedAt }
        let record = CallRecord(contact: contact, call: call, plan: try store.plan(contactID: id),
                                events: try store.events(callID: call.id!), referrals: referrals)
        let chosen = try chosenPoint(record, context)
        let signOff = from ?? context.userProfile().signOff
        let planned = try FollowUpTasks(store: store, schedule: FollowUpSchedule(), signOff: signOff)
            .plan(for: record, point: chosen, askForReferral: !referralAnswered(record, banks: context.banks(adding: global.banks)))

        // Files first, then the tasks; if the tasks cannot be stored, the files go again.
        let files = try SummaryFileWriter(folder: outputFolder(context), call: call, contact: contact).write([
            ".md": CallSummary.markdown(record),
            "-follow-up.ics": FollowUpCalendar.make(for: record, tasks: planned, createdAt: context.now()).text,
        ])
        let tasks: FollowUpTasks.Created
        do {
            tasks = try planned.saved(in: store)
        } catch {
            files.forEach { try? FileManager.default.removeItem(at: $0) }
            throw error
        }

        let style = context.console.style
        context.console.write(CallSummary.markdown(record))
        context.console.line()
        context.console.line(style.bold("Thank-you draft") + style.dim(" — send by \(DateText.dayAndTime(tasks.thankYou.dueAt!))"))
        context.console.line(tasks.thankYou.text)
        if chosen == nil { pointHint(record, contact, context) }
        if signOff == nil {
            context.console.paragraph(style.dim(ConfigSetCommand.howToSign(context.environment)))
        }
        context.console.line("Summary:   \(files[0].path)")
        context.console.line("Follow-up: \(files[1].path) (import into your calendar)")
        context.console.paragraph(style.dim("`thanks \(contact.commandArgument) --sent` once it is sent; `next` shows what is due."))
    }

    /// Whether the call got names, or asked for them: otherwise `end` advised asking in the thank-you.
    private func referralAnswered(_ record: CallRecord, banks: Banks) -> Bool {
        !record.referrals.isEmpty || record.events.contains { event in
            event.kind == .asked && record.plan.first { $0.id != nil && $0.id == event.planItemID }?
                .questionID.flatMap(banks.question(id:))?.isReferral == true
        }
    }

    /// The point the thank-you names: `--point`, or your choice in the shell; nil for the placeholder.
    private func chosenPoint(_ record: CallRecord, _ context: CommandContext) throws -> String? {
        let points = record.points
        if let point {
            guard let number = Int(point) else { return point }
            guard points.indices.contains(number - 1) else {
                throw CommandFailure(points.isEmpty ? "the call has no notes to choose from: use --point \"your words\""
                                                    : "--point takes a note number from 1 to \(points.count), or your own words")
            }
            return points[number - 1]
        }
        guard context.isInteractive, !points.isEmpty else { return nil }
        context.console.paragraph("What did they say that you will act on? Your notes from the call:")
        for (number, text) in zip(1..., points) {
            context.console.line(TextWrap.wrapped(text, width: context.console.columns(), indent: "     ",
                                                  firstIndent: "  \(number). "))
        }
        while true {
            guard case let .line(answer) = try context.ask("Number, your own words, or Enter to fill in later: ") else {
                return nil
            }
            let text = answer.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return nil }
            guard let number = Int(text) else { return text }
            if points.indices.contains(number - 1) { return points[number - 1] }
            context.console.paragraph("Give a number from 1 to \(points.count), or type the point in your words.")
        }
    }

    private func pointHint(_ record: CallRecord, _ contact: Contact, _ context: CommandContext) {
        let notes = record.points.isEmpty ? "" : " (1 to \(record.points.count): your notes in the summary's order)"
        context.console.paragraph(context.console.style.dim(
            "Name one thing they said: `wrap \(contact.commandArgument) --point N`\(notes) or --point \"your words\"."))
    }

    private func outputFolder(_ context: CommandContext) throws -> URL {
        let store = try context.store()
        let folder = out.map { URL(fileURLWithPath: $0) }
            ?? store.summariesFolder
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw CommandFailure("cannot make the folder \(folder.path) for the summary; check it is a folder you can write, or use --out DIR")
        }
        return folder
    }
}

/// A call's summary files: named by the call's local start time, the contact and
/// the call's id (`2025-03-10-0900-dana-lee-call7.md`), so no two calls share a
/// file; created exclusively, so nothing is ever overwritten (a second `wrap` of the
/// same call gets `-2`), readable by you alone.
struct SummaryFileWriter {
    let folder: URL
    let call: Call
    let contact: Contact

    /// Longest contact part of a file name, in bytes, so any name fits the 255-byte limit.
    static let maxSlugBytes = 60

    var stem: String {
        "\(DateText.format(call.startedAt, "yyyy-MM-dd-HHmm"))-\(Self.slug(contact.name))-call\(call.id!)"
    }

    /// Writes each text (keyed by the file-name ending) under one free stem; all or none.
    func write(_ texts: KeyValuePairs<String, String>) throws -> [URL] {
        for attempt in 1...99 {
            let base = stem + (attempt == 1 ? "" : "-\(attempt)")
            var written: [URL] = []
            do {
                for (ending, text) in texts {
                    let file = folder.appendingPathComponent(base + ending)
                    try Self.createExclusively(file, text)
                    written.append(file)
                }
                return written
            } catch let error as POSIXError where error.code == .EEXIST {
                written.forEach { try? FileManager.default.removeItem(at: $0) }
            } catch {
                written.forEach { try? FileManager.default.removeItem(at: $0) }
                throw error
            }
        }
        throw CommandFailure("more than 99 summaries of this call in \(folder.path); remove some")
    }

    /// O_EXCL: fails if the file exists (even as a link) instead of replacing it.
    private static func createExclusively(_ file: URL, _ text: String) throws {
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST { throw POSIXError(.EEXIST) }
            throw CommandFailure("cannot write \(file.path): \(String(cString: strerror(code)))")
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else {
                let message = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: file)
                throw CommandFailure("cannot write \(file.path): \(message)")
            }
            offset += count
        }
    }

    /// A file-name-safe form of a name: `Dana Lee` → `dana-lee`; letters of any script stay,
    /// symbols and emoji go; nothing left (`..`, `🍜`) → `contact`.
    static func slug(_ name: String) -> String {
        let words = name.lowercased().split { !($0.isLetter || $0.isNumber) }
        var slug = ""
        for character in words.joined(separator: "-") {
            guard slug.utf8.count + character.utf8.count <= maxSlugBytes else { break }
            slug.append(character)
        }
        slug = String(slug.drop { $0 == "-" }.reversed().drop { $0 == "-" }.reversed())
        return slug.isEmpty ? "contact" : slug
    }
}

/// The tasks a wrapped call leaves: made once per call, found again on a second `wrap`.
/// `plan` works them out without storing; `saved` stores them in one go.
struct FollowUpTasks {
    let store: CoachStore
    let schedule: FollowUpSchedule
    /// Closes the thank-you draft.
    let signOff: String?

    struct Created {
        let thankYou: FollowUpTask
        let tellReferrer: FollowUpTask?
        let todos: [FollowUpTask]

        /// Stored (new ones inserted, a changed thank-you updated) in one transaction.
        func saved(in store: CoachStore) throws -> Created {
            let saved = try store.save([thankYou] + [tellReferrer].compactMap { $0 } + todos)
            return Created(thankYou: saved[0], tellReferrer: tellReferrer.map { _ in saved[1] },
                           todos: Array(saved.suffix(todos.count)))
        }
    }

    /// The tasks for this call: ones stored by an earlier wrap, else new ones (not yet stored).
    /// A chosen point rewrites an unsent thank-you.
    func plan(for record: CallRecord, point: String?, askForReferral: Bool) throws -> Created {
        let contactID = record.contact.id!
        let existing = try store.tasks(contactID: contactID).filter { $0.callID == record.call.id }
        let end = record.call.endedAt ?? record.call.startedAt
        func task(_ kind: FollowUpTask.Kind, _ text: String, due: Date?) -> FollowUpTask {
            existing.first { $0.kind == kind && (kind != .todo || $0.text == text) }
                ?? FollowUpTask(contactID: contactID, callID: record.call.id, kind: kind, text: text, dueAt: due)
        }
        let draft = ThankYouDraft.text(record, signOff: signOff, point: point, askForReferral: askForReferral)
        var thankYou = task(.thankYou, draft, due: schedule.thankYouDue(afterCallEndingAt: end))
        if point != nil, thankYou.doneAt == nil { thankYou.text = draft }
        let referrer = try record.contact.referredByID.flatMap { try store.contact(id: $0) }
        let tellReferrer = referrer.map { referrer in
            task(.tellReferrer, "Tell \(referrer.name) how your conversation with \(record.contact.name) went",
                 due: end.addingTimeInterval(3 * 86_400))
        }
        // Due when the to-do says ("by Friday"), else a week after the call.
        let todos = record.actionItems.map {
            task(.todo, $0, due: StatedDueDate().date(in: $0, after: end) ?? end.addingTimeInterval(7 * 86_400))
        }
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
            description: "Within 24 hours of your informational interview. Draft:\n\n" + tasks.thankYou.text,
            isDeadline: true)]
        if let tell = tasks.tellReferrer {
            events.append(ICalendar.Event(uid: "tell-referrer-\(key)@prepcoach", day: tell.dueAt!, summary: tell.text,
                                          description: "They referred you; let them know how it went.", isDeadline: true))
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
