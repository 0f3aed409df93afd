import Foundation
import PrepCoachCore

/// A contact's plan to take along (on a phone, on paper): the questions with
/// their follow-ups and minutes, and your research notes on their company.
struct PlanExport {
    struct Entry {
        let text: String
        let minutes: Int
        let followups: [String]
    }

    let contact: Contact
    let entries: [Entry]
    let research: [ResearchNote]

    init(contact: Contact, plan: [PlanItem], banks: Banks, research: [ResearchNote]) {
        self.contact = contact
        entries = plan.map { item in
            Entry(text: item.text, minutes: item.minutes,
                  followups: item.questionID.flatMap { banks.question(id: $0)?.followups } ?? [])
        }
        self.research = research
    }

    private var title: String { "Questions for \(contact.name)" }
    private var who: String? {
        let parts = [contact.role, contact.company].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
    private var totalMinutes: Int { entries.reduce(0) { $0 + $1.minutes } }
    private static let reminders = [
        "Keep it under 30 minutes; offer to stop on time.",
        "Not a job ask: you are here for their experience and advice.",
        "Ask who else you should talk to, and whether you may use their name.",
        "Send a thank-you within 24 hours, naming one thing they said.",
    ]

    var markdown: String {
        var lines = ["# \(MarkdownText.escaped(title))", ""]
        if let who { lines += ["_\(MarkdownText.escaped(who))_ · \(entries.count.counted("question")) · \(totalMinutes) min", ""] }
        else { lines += ["\(entries.count.counted("question")) · \(totalMinutes) min", ""] }
        lines += ["## Questions", ""]
        for (number, entry) in zip(1..., entries) {
            lines.append("\(number). \(MarkdownText.escaped(entry.text)) _(\(entry.minutes) min)_")
            lines += entry.followups.map { "   - \(MarkdownText.escaped($0))" }
        }
        if !research.isEmpty {
            lines += ["", "## What you already know"] + [""] + research.map { "- \(MarkdownText.escaped($0.text))" }
        }
        lines += ["", "## Remember", ""] + Self.reminders.map { "- \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One self-contained page (inline CSS, no scripts, no external assets) that reads well 375 px wide.
    var html: String {
        let escape = Self.htmlEscaped
        var body = ["<h1>\(escape(title))</h1>"]
        let meta = [who, "\(entries.count.counted("question")) · \(totalMinutes) min"].compactMap { $0 }
        body.append("<p class=\"meta\">\(meta.map(escape).joined(separator: " · "))</p>")
        body.append("<h2>Questions</h2>")
        body.append("<ol>")
        for entry in entries {
            var item = "<li><p class=\"q\">\(escape(entry.text)) <span class=\"min\">\(entry.minutes) min</span></p>"
            if !entry.followups.isEmpty {
                item += "<ul class=\"fu\">" + entry.followups.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
            }
            body.append(item + "</li>")
        }
        body.append("</ol>")
        if !research.isEmpty {
            body.append("<h2>What you already know</h2>")
            body.append("<ul>" + research.map { "<li>\(escape($0.text))</li>" }.joined() + "</ul>")
        }
        body.append("<h2>Remember</h2>")
        body.append("<ul class=\"tips\">" + Self.reminders.map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            \(Self.css)
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    private static let css = """
        body { font: 17px/1.45 -apple-system, system-ui, "Segoe UI", Roboto, sans-serif; margin: 0 auto; \
        padding: 16px; max-width: 40rem; color: #1a1a1a; background: #fff; overflow-wrap: anywhere; }
        h1 { font-size: 1.4rem; margin: 0 0 4px; }
        h2 { font-size: 1.1rem; margin: 20px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
        .meta { color: #555; margin: 0; }
        ol { padding-left: 1.6rem; margin: 0; }
        ol > li { margin-bottom: 14px; }
        .q { margin: 0; font-weight: 600; }
        .min { font-weight: 400; color: #666; font-size: 0.85rem; white-space: nowrap; }
        ul { padding-left: 1.2rem; margin: 4px 0; }
        .fu { color: #333; font-size: 0.95rem; }
        .tips { color: #333; }
        @media (prefers-color-scheme: dark) { body { background: #111; color: #eee; } .meta, .min { color: #aaa; } \
        .fu, .tips { color: #ccc; } h2 { border-color: #333; } }
        """

    static func htmlEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
