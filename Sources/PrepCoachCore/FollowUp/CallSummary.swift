import Foundation

/// Everything about one finished call, gathered for the Markdown summary and the thank-you.
public struct CallRecord: Sendable {
    public let contact: Contact
    public let call: Call
    public let plan: [PlanItem]
    public let events: [CallEvent]
    public let referrals: [Contact]

    public init(contact: Contact, call: Call, plan: [PlanItem], events: [CallEvent], referrals: [Contact]) {
        self.contact = contact
        self.call = call
        self.plan = plan
        self.events = events
        self.referrals = referrals
    }

    /// Plan questions asked, in the order asked, each with the notes typed while it was current.
    public var askedQuestions: [(item: PlanItem, notes: [String])] {
        events.filter { $0.kind == .asked }.compactMap { asked in
            guard let item = plan.first(where: { $0.id == asked.planItemID }) else { return nil }
            let notes = events.filter { $0.kind == .note && $0.planItemID == item.id }.map(\.text)
            return (item, notes)
        }
    }

    /// Notes typed before any question was asked, or about no question in particular.
    public var generalNotes: [String] {
        let asked = Set(events.filter { $0.kind == .asked }.compactMap(\.planItemID))
        return events.filter { $0.kind == .note && !asked.contains($0.planItemID ?? -1) }.map(\.text)
    }

    public var actionItems: [String] { events.filter { $0.kind == .todo }.map(\.text) }

    public var minutes: Int {
        Int(((call.endedAt ?? call.startedAt).timeIntervalSince(call.startedAt) / 60).rounded())
    }
}

/// The Markdown summary `wrap` writes.
public enum CallSummary {
    public static func markdown(_ record: CallRecord) -> String {
        let contact = record.contact
        var lines = ["# Informational interview with \(contact.name)", ""]
        let role = [contact.role, contact.company].compactMap { $0 }.joined(separator: ", ")
        if !role.isEmpty { lines.append("- **Who:** \(contact.name), \(role)") }
        lines.append("- **When:** \(DateText.dayAndTime(record.call.startedAt)) (\(record.minutes.counted("minute")))")
        if let channel = contact.channel { lines.append("- **How:** \(channel.rawValue)") }
        lines += ["", "## Questions asked", ""]
        let asked = record.askedQuestions
        if asked.isEmpty { lines.append("_None recorded._") }
        for (number, entry) in zip(1..., asked) {
            lines.append("\(number). \(entry.item.text)")
            lines += entry.notes.map { "   - \($0)" }
        }
        let general = record.generalNotes
        if !general.isEmpty {
            lines += ["", "## Other notes", ""] + general.map { "- \($0)" }
        }
        lines += ["", "## Referrals", ""]
        lines += record.referrals.isEmpty ? ["_None._"] : record.referrals.map { referral in
            let company = referral.company.map { " (\($0))" } ?? ""
            let name = referral.mayUseReferrerName == true ? " — may use \(contact.name)'s name" : ""
            return "- \(referral.name)\(company)\(name)"
        }
        lines += ["", "## Action items", ""]
        lines += record.actionItems.isEmpty ? ["_None._"] : record.actionItems.map { "- [ ] \($0)" }
        // Stored text may hold control characters: shown escaped, so `cat` of the file is safe too.
        return ControlCharacters.escaped(lines.joined(separator: "\n") + "\n", keeping: ["\n"])
    }
}

/// A thank-you note that names a specific piece of advice, as the seeds advise
/// ("follow any advice they gave you and send a thank you note").
public enum ThankYouDraft {
    public static func text(_ record: CallRecord, senderName: String?) -> String {
        let firstName = record.contact.name.split(separator: " ").first.map(String.init) ?? record.contact.name
        let advice = record.actionItems.first ?? record.askedQuestions.flatMap(\.notes).first
            ?? record.generalNotes.first
        var paragraphs = ["Dear \(firstName),",
                          "Thank you for taking the time to talk with me"
                              + (record.contact.company.map { " about your work at \($0)" } ?? "") + "."]
        if let advice {
            paragraphs.append("Your advice stayed with me — \(advice.trimmingCharacters(in: .punctuationCharacters)) — "
                              + "and I am already acting on it.")
        }
        if let referral = record.referrals.first {
            paragraphs.append("Thank you as well for suggesting I speak with \(referral.name); I will let you know how it goes.")
        }
        paragraphs.append("I would be glad to return the favour if I can ever help you.")
        paragraphs.append("With thanks,\n\(senderName ?? "[your name]")")
        return ControlCharacters.escaped(paragraphs.joined(separator: "\n\n") + "\n", keeping: ["\n"])
    }
}

/// Dates as people read them in summaries and lists (UTC, so files do not depend on the machine).
public enum DateText {
    public static func day(_ date: Date) -> String {
        format(date, "yyyy-MM-dd")
    }

    public static func dayAndTime(_ date: Date) -> String {
        format(date, "yyyy-MM-dd HH:mm") + " UTC"
    }

    /// A date in UTC with a fixed, locale-independent pattern.
    static func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
