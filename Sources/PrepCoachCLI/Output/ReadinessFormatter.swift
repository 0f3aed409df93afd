import Foundation
import PrepCoachCore

/// The readiness report: each check ✓ / ✗ / ? with its detail, the score, and what is left to do.
struct ReadinessFormatter {
    let style: Style

    func format(_ report: ReadinessReport, for contact: Contact) -> String {
        var lines = [style.bold("Readiness for \(contact.name)")]
        for item in report.items {
            let mark = switch item.passed {
            case true?: style.good("✓")
            case false?: style.error("✗")
            case nil: style.warning("?")
            }
            lines.append("  \(mark) \(item.check.prompt)" + (item.detail.map { style.dim(" — \($0)") } ?? ""))
        }
        lines += ["", style.bold("Score: \(report.score)%")]
        if report.toDo.isEmpty {
            lines.append("Ready. Keep it under 30 minutes, and send your thank-you within 24 hours.")
        } else {
            lines.append("Left to do:")
            lines += report.toDo.map { "  - " + personalized($0.check.action, for: contact) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The check's advice with its NAME and COMPANY placeholders filled in, so a command can be copied as is.
    func personalized(_ advice: String, for contact: Contact) -> String {
        var text = advice.replacingOccurrences(of: "NAME", with: contact.commandArgument)
        if let company = contact.company { text = text.replacingOccurrences(of: "COMPANY", with: CommandWords.quoted(company)) }
        return text
    }
}
