import ArgumentParser
import Foundation
import PrepCoachCore

struct ContactListCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List your contacts, with when you were last in touch.")

    static let completion = CompletionSpec(options: ["--json": nil])

    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        try ContactListPrinter(context: context).print(json: json)
    }
}

/// The contact table (or JSON), shared by `contact list` and a bare `contact`.
struct ContactListPrinter {
    let context: CommandContext

    func print(json: Bool) throws {
        let store = try context.store()
        let contacts = try store.contacts()
        let lastContact = try store.lastContactDates()
        if json {
            context.console.line(try JSONOutput.encode(contacts.map {
                ContactSummaryJSON($0, lastContact: $0.id.flatMap { lastContact[$0] })
            }))
            return
        }
        let style = context.console.style
        guard !contacts.isEmpty else {
            context.console.line("No contacts yet. Add one: contact add \"Ann Lee\" --role \"nurse manager\" "
                                 + "--company \"Acme Health\" --industry healthcare")
            return
        }
        let header = ["Name", "Role", "Company", "Channel", "Last contact"]
        let rows = contacts.map { contact in
            [contact.name, contact.role ?? "–", contact.company ?? "–", contact.channel?.rawValue ?? "–",
             contact.id.flatMap { lastContact[$0] }.map(DateText.day) ?? "never"]
        }
        let widths = header.indices.map { column in ([header] + rows).map { TerminalText.width($0[column]) }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.rightPadded(to: $1 + 2) }.joined().trimmingCharacters(in: .whitespaces)
        }
        var lines = [style.bold(line(header))]
        lines += rows.map(line)
        lines.append(style.dim(contacts.count.counted("contact")))
        context.console.line(lines.joined(separator: "\n"))
    }
}

/// One contact in `contact list --json`.
struct ContactSummaryJSON: Encodable {
    let name: String
    let role, company, industry, stage, channel, lastContact: String?

    init(_ contact: Contact, lastContact: Date?) {
        name = contact.name
        role = contact.role
        company = contact.company
        industry = contact.industry
        stage = contact.stage
        channel = contact.channel?.rawValue
        self.lastContact = lastContact.map(DateText.day)
    }
}
