import ArgumentParser
import Foundation
import PrepCoachCore

/// Takes a plan off the terminal: Markdown, or one HTML page to open on a phone.
struct ExportPlanCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-plan",
        abstract: "A contact's plan with follow-ups and research, as Markdown or a phone-ready page.",
        discussion: """
            Markdown by default, or HTML with --html (also when -o names a .html file): one self-contained page \
            with its styles inside, no scripts and nothing fetched, readable on a phone. Without -o it prints \
            to the terminal. An existing file is kept unless --force. scripts/render-plan.sh renders the page in headless Chromium to check it.
            """)

    static let completion = CompletionSpec(options: ["--html": nil, "--md": nil, "--force": nil,
                                                     "-o": .files, "--output": .files],
                                           positional: .contacts)

    @Argument(help: "The contact.") var name: String
    @Flag(help: "A single HTML page.") var html = false
    @Flag(help: "Markdown (the default).") var md = false
    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file.", valueName: "PATH"))
    var output: String?
    @Flag(help: "Replace the -o file if it exists.") var force = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if html && md { throw ValidationError("choose one of --html and --md") }
    }

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        let contact = try context.contact(named: name)
        let plan = try store.plan(contactID: contact.id!)
        guard !plan.isEmpty else {
            throw CommandFailure("\(contact.name) has no plan yet; make one with `pick --contact \(contact.commandArgument)`")
        }
        let research = try contact.company.map { try store.research(company: $0) } ?? []
        let export = PlanExport(contact: contact, plan: plan, banks: context.banks(adding: global.banks), research: research)
        let asHTML = html || (!md && output.map { $0.lowercased().hasSuffix(".html") || $0.lowercased().hasSuffix(".htm") } == true)
        let text = asHTML ? export.html : export.markdown
        guard let output else {
            context.console.write(text)
            return
        }
        try OutputFile.write(Data(text.utf8), to: output, replacing: force, sparing: context.storePath)
        context.console.line("Wrote \(contact.name)'s plan to \(output)"
                             + (asHTML ? " (open it on your phone, or check it with scripts/render-plan.sh)." : "."))
    }
}
