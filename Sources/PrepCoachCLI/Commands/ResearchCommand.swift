import ArgumentParser
import Foundation
import PrepCoachCore

/// `research …`: what you already know about a company, so you never spend the
/// person's time on what its website or a search answers.
struct ResearchCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "research", abstract: "Keep notes on what you learned about a company before the call.",
        discussion: "Without a subcommand, lists all notes.",
        subcommands: [ResearchAddCommand.self, ResearchListCommand.self, ResearchRemoveCommand.self])

    static let completion = CompletionSpec()

    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        try ResearchListPrinter(context: context).print(company: nil)
    }
}

struct ResearchAddCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Note something you learned about a company.",
        discussion: """
            Example: research add "Acme Health" three hospitals, opening a fourth in 2026. \
            With --file, each non-empty line of a notes file (lines starting with # are skipped) becomes a note.
            """)

    static let completion = CompletionSpec(options: ["--file": .files], positional: .companies)

    @Argument(help: "The company (quote a name with spaces).") var company: String
    @Argument(help: "What you learned.") var text: [String] = []
    @Option(help: ArgumentHelp("Add every line of a notes file.", valueName: "PATH")) var file: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if text.joined().isEmpty && file == nil {
            throw ValidationError("give the note, e.g. research add Acme founded in 1990, or --file PATH")
        }
    }

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        for note in try notes() {
            try store.addResearch(company: company, text: note, at: context.now())
        }
        context.researchChanged()  // lint now knows this company and what the note answers
        let count = try store.research(company: company).count
        context.console.line("Noted for \(company) (\(count.counted("note")) now).")
        // Said when the contact's company is written another way, so you know the notes count for them.
        let name = CompanyName(company)
        let elsewhere = try store.contacts().filter { contact in
            contact.company.map { $0.lowercased() != company.lowercased() && name.matches($0) } ?? false
        }
        if !elsewhere.isEmpty {
            context.console.line(context.console.style.dim("They count for " + elsewhere.map { "\($0.name) (\($0.company!))" }
                .joined(separator: ", ") + ": `prep` and `add` use them."))
        }
    }

    private func notes() throws -> [String] {
        var notes = text.isEmpty ? [] : [text.joined(separator: " ")]
        if let file { notes += try TextFileLines.read(file).map(\.text) }
        return notes
    }
}

struct ResearchListCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List research notes, for one company or all.")

    static let completion = CompletionSpec(options: ["--json": nil], positional: .companies)

    @Argument(help: "Only this company's notes (Tab completes companies).") var company: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        if json {
            context.console.line(try JSONOutput.encode(try context.store().research(company: company).map(ResearchNoteJSON.init)))
            return
        }
        try ResearchListPrinter(context: context).print(company: company)
    }
}

struct ResearchRemoveCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a company's research notes, or one of them with --note N.",
        discussion: """
            N counts the company's notes in the order `research list COMPANY` shows them, from 1. \
            Removing all of a company's notes asks first (add --yes in scripts).
            """)

    static let completion = CompletionSpec(options: ["--note": nil, "--yes": nil], positional: .companies)

    @Argument(help: "The company (Tab completes companies).") var company: String
    @Option(help: ArgumentHelp("Remove only the N-th note.", valueName: "N")) var note: Int?
    @Flag(help: "Do not ask for confirmation (for scripts).") var yes = false
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        let notes = try store.research(company: company)
        guard !notes.isEmpty else { throw CommandFailure("no research notes for \(company); see `research list`") }
        let name = notes[0].company
        if let note {
            guard notes.indices.contains(note - 1) else {
                throw CommandFailure("\(name) has \(notes.count.counted("note")): give --note from 1 to \(notes.count)")
            }
            try store.removeResearch(company: name, noteID: notes[note - 1].id)
            context.console.line("Removed note \(note) on \(name): \(notes[note - 1].text)")
        } else {
            let which = notes.count == 1 ? "the note" : "all \(notes.count) notes"  // not "all 1 note"
            guard try Confirmation(context: context).confirmed(
                "Remove \(which) on \(name)?", action: "`research remove` deletes \(which) on \(name)", yes: yes) else {
                context.console.line("Kept the notes on \(name).")
                return
            }
            let removed = try store.removeResearch(company: name)
            context.console.line("Removed \(removed.counted("note")) on \(name).")
        }
        context.researchChanged()
    }
}

/// One research note in `research list --json`.
struct ResearchNoteJSON: Encodable {
    let company: String
    let text: String
    let added: Date

    init(_ note: ResearchNote) {
        company = note.company
        text = note.text
        added = note.createdAt
    }
}

/// Notes grouped by company, dated; shared by `research list` and a bare `research`.
struct ResearchListPrinter {
    let context: CommandContext

    func print(company: String?) throws {
        let store = try context.store()
        let notes = try store.research(company: company)
        guard !notes.isEmpty else {
            let hint = try company.map { try otherCompanies(like: $0, store: store) } ?? ""
            context.console.line("No research notes\(company.map { " for \($0)" } ?? "") yet\(hint). "
                                 + "Add one: research add \(CommandWords.quoted(company ?? "COMPANY")) what you learned")
            return
        }
        let style = context.console.style
        var lines: [String] = []
        var current: String?
        for note in notes {
            if note.company.lowercased() != current?.lowercased() {
                if current != nil { lines.append("") }
                lines.append(style.bold(note.company))
                current = note.company
            }
            lines.append("  - \(note.text) " + style.dim("(\(DateText.day(note.createdAt)))"))
        }
        context.console.line(lines.joined(separator: "\n"))
    }

    /// " (notes exist for: Acme Health)" when the typed name is part of a noted company, else a did-you-mean.
    private func otherCompanies(like typed: String, store: CoachStore) throws -> String {
        let known = Set(try store.research().map(\.company)).sorted()
        let containing = known.filter { $0.localizedCaseInsensitiveContains(typed) }
        if containing.isEmpty { return Suggestion.hint(for: typed, among: known) }
        return " (notes exist for: \(containing.joined(separator: ", ")))"
    }
}
