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
    /// The question's words are the ones asked, even if the plan was edited since.
    public var askedQuestions: [(question: String, notes: [String])] {
        events.filter { $0.kind == .asked }.map { asked in
            let item = plan.first { $0.id != nil && $0.id == asked.planItemID }
            let notes = asked.planItemID.map { id in events.filter { $0.kind == .note && $0.planItemID == id }.map(\.text) }
            return (item?.text ?? asked.text, notes ?? [])
        }

    }

    /// What you wrote down during the call that they said or advised (notes, then to-dos), numbered
    /// from 1 by `wrap --point N`.
    public var points: [String] {
        events.filter { $0.kind == .note }.map(\.text) + actionItems
    }

    /// Notes typed before any question was asked, or about no question in particular.
    public var generalNotes: [String] {
        let asked = Set(events.filter { $0.kind == .asked }.compactMap(\.planItemID))
        return events.filter { $0.kind == .note && !asked.contains($0.planItemID ?? -1) }.map(\.text)
    }

    public var actionItems: [String] { events.filter { $0.kind == .todo }.map(\.text) }

    public var minutes: Int { call.heldMinutes }
}

extension Call {
    /// Its length in whole minutes, rounded: the summary and history say the same (a 46-second call is 1 minute).
    public var heldMinutes: Int {
        Int(((endedAt ?? startedAt).timeIntervalSince(startedAt) / 60).rounded())
    }
}

/// The Markdown summary `wrap` writes.
public enum CallSummary {
    public static func markdown(_ record: CallRecord) -> String {
        // Names, notes and questions are stored text, maybe imported: Markdown-escaped, one line each.
        let text = MarkdownText.escaped
        let contact = record.contact
        var lines = ["# Informational interview with \(text(contact.name))", ""]
        let role = [contact.role, contact.company].compactMap { $0 }.joined(separator: ", ")
        if !role.isEmpty { lines.append("- **Who:** \(text(contact.name)), \(text(role))") }
        lines.append("- **When:** \(DateText.dayAndTime(record.call.startedAt)) (\(record.minutes.counted("minute")))")
        if let channel = contact.channel { lines.append("- **How:** \(channel.rawValue)") }
        lines += ["", "## Questions asked", ""]
        let asked = record.askedQuestions
        if asked.isEmpty { lines.append("_None recorded._") }
        for (number, entry) in zip(1..., asked) {
            lines.append("\(number). \(text(entry.question))")
            lines += entry.notes.map { "   - \(text($0))" }
        }
        let general = record.generalNotes
        if !general.isEmpty {
            lines += ["", "## Other notes", ""] + general.map { "- \(text($0))" }
        }
        lines += ["", "## Referrals", ""]
        lines += record.referrals.isEmpty ? ["_None._"] : record.referrals.map { referral in
            let company = referral.company.map { " (\(text($0)))" } ?? ""
            let name = referral.mayUseReferrerName == true ? " — may use \(text(contact.name))'s name" : ""
            return "- \(text(referral.name))\(company)\(name)"
        }
        lines += ["", "## Action items", ""]
        lines += record.actionItems.isEmpty ? ["_None._"] : record.actionItems.map { "- [ ] \(text($0))" }
        // Stored text may hold control characters: shown escaped, so `cat` of the file is safe too.
        return ControlCharacters.escaped(lines.joined(separator: "\n") + "\n", keeping: ["\n"])
    }
}

/// A thank-you note that names a specific piece of advice, as the seeds advise
/// ("follow any advice they gave you and send a thank you note"). You choose the
/// point (`wrap --point`): raw call notes are never pasted in on their own.
public enum ThankYouDraft {
    /// Stands where the point goes until you choose one.
    public static let pointPlaceholder = "[one thing they said that you will act on]"
    public static let namePlaceholder = "[your name]"

    public static func text(_ record: CallRecord, signOff: String?, point: String?) -> String {
        let firstName = record.contact.name.split(separator: " ").first.map(String.init) ?? record.contact.name
        var paragraphs = ["Dear \(firstName),",
                          "Thank you for taking the time to talk with me"
                              + (record.contact.company.map { " about your work at \($0)" } ?? "") + ".",
                          "One thing you said has stayed with me — " + (point.map(LetterPhrases.quoted) ?? pointPlaceholder)
                              + " — and I am already acting on it."]
        if let referral = record.referrals.first {
            paragraphs.append("Thank you as well for suggesting I speak with \(referral.name); I will let you know how it goes.")
        }
        paragraphs.append("I would be glad to return the favour if I can ever help you.")
        paragraphs.append("With thanks,\n\(signOff ?? namePlaceholder)")
        return ControlCharacters.escaped(paragraphs.joined(separator: "\n\n") + "\n", keeping: ["\n"])
    }
}

/// Dates as people read them in lists, letters and summaries: in the local time
/// zone (`TZ` is respected), with the zone named where a time is shown.
public enum DateText {
    public static func day(_ date: Date) -> String {
        format(date, "yyyy-MM-dd")
    }

    public static func dayAndTime(_ date: Date) -> String {
        format(date, "yyyy-MM-dd HH:mm") + " " + zoneName(at: date)
    }

    /// "EDT", "GMT", "UTC"; an offset ("GMT+1") where the zone has no common English abbreviation.
    static func zoneName(at date: Date) -> String {
        format(date, "zzz")
    }



    /// A date with a fixed, locale-independent pattern, in the local zone or the one given.
    public static func format(_ date: Date, _ pattern: String, in zone: TimeZone = .current) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}

