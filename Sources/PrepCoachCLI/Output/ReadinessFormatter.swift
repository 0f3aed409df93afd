import Foundation
import PrepCoachCore

/// The readiness report: each check ✓ / ✗ / ? with its detail, the score, and what is left to do.
struct ReadinessFormatter {
    let style: Style
    /// The terminal's width: each check and to-do wraps under its own text (nil: lines left whole).
    var columns: Int? = nil

    func format(_ report: ReadinessReport, for contact: Contact) -> String {
        var lines = [style.bold("Readiness for \(contact.name)")]
        for item in report.items {
            let mark = switch item.passed {
            case true?: style.good("✓")
            case false?: style.error("✗")
            case nil: style.warning("?")
            }
            lines.append(TextWrap.wrapped(item.check.prompt + (item.detail.map { style.dim(" — \($0)") } ?? ""),
                                          width: columns, indent: "    ", firstIndent: "  \(mark) "))
        }
        lines += ["", style.bold("Score: \(report.score)%")]
        if report.toDo.isEmpty {
            lines.append("Ready. Keep it under 30 minutes, and send your thank-you within 24 hours.")
        } else {
            lines.append("Left to do:")
            lines += report.toDo.map {
                TextWrap.wrapped(personalized($0.check.action, for: contact), width: columns, indent: "    ", firstIndent: "  - ")
            }
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
