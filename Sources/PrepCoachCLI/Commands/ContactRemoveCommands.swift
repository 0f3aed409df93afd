import ArgumentParser
import Foundation
import PrepCoachCore

/// `contact remove NAME`: forgets a person — everything stored about them and the
/// summaries `wrap` wrote about them — after asking.
struct ContactRemoveCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Forget a contact: their plan, calls, notes, follow-ups and summary files.",
        discussion: """
            Asks first (at the prompt); in scripts and one-shot runs add --yes. Contacts they referred you to \
            stay, without the link. Summaries written with `wrap --out DIR` elsewhere are not touched.
            """)

    static let completion = CompletionSpec(options: ["--yes": nil], positional: .contacts)

    @Argument(help: "The contact's name (Tab completes names).") var name: String
    @Flag(help: "Do not ask for confirmation (for scripts).") var yes = false
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        let contact = try ContactLookup(store: store).contact(named: name)
        let files = SummaryFiles.about(contact, calls: try store.calls(contactID: contact.id!).compactMap(\.id),
                                       in: store.summariesFolder)
        let filesNote = files.isEmpty ? " and everything about them" : ", everything about them and "
            + files.count.counted("summary file")
        guard try Confirmation(context: context).confirmed(
            "Remove \(contact.name)\(filesNote)?",
            action: "`contact remove` deletes \(contact.name) and everything about them", yes: yes) else {
            context.console.line("Kept \(contact.name).")
            return
        }
        let removal = try store.remove(contact)
        var unremoved: [String] = []
        for file in files where (try? FileManager.default.removeItem(at: file)) == nil { unremoved.append(file.path) }
        // Only what there was: "with 0 calls, 0 call notes…" reads like something went wrong.
        let parts = [(removal.planItems, "plan question"), (removal.calls, "call"), (removal.callNotes, "call note"),
                     (removal.tasks, "follow-up"), (removal.readinessAnswers, "readiness answer"),
                     (files.count - unremoved.count, "summary file")]
            .filter { $0.0 > 0 }.map { $0.0.counted($0.1) }
        context.console.line(parts.isEmpty ? "Removed \(contact.name); nothing else was stored about them."
                             : "Removed \(contact.name) with \(parts.joined(separator: ", ")).")
        let removed = files.filter { !unremoved.contains($0.path) }
        if !removed.isEmpty {
            context.console.line("Deleted " + removed.map(\.path).joined(separator: ", ") + ".")
        }
        if removal.unlinkedReferrals > 0 {
            context.console.line("\(removal.unlinkedReferrals.counted("contact")) they referred you to kept, without the link.")
        }
        if !unremoved.isEmpty {
            throw CommandFailure("could not delete \(unremoved.joined(separator: ", ")): delete it by hand")
        }
    }
}

struct ContactRenameCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename", abstract: "Rename a contact; everything about them follows.",
        discussion: "Example: contact rename \"Dana Lee\" \"Dana Lee-Ortiz\"")

    static let completion = CompletionSpec(positional: .contacts)

    @Argument(help: "The contact's name now (Tab completes names).") var name: String
    @Argument(help: "The new name.") var newName: String
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if newName.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the new name is empty") }
    }

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        let contact = try ContactLookup(store: store).contact(named: name)
        let newName = newName.trimmingCharacters(in: .whitespaces)
        try store.rename(contact, to: newName)
        context.console.line("Renamed \(contact.name) to \(newName).")
    }
}
