import Foundation

/// When to be back in touch. Like personal CRMs, the next check-in counts from
/// the last time you were in touch — a call, a thank-you sent, a logged
/// message — not from a fixed date.
public struct FollowUpSchedule: Sendable {
    /// The seeds suggest a quarterly check-in after a purely informational interview.
    public static let checkInMonths = 3
    /// And a thank-you within 24 hours.
    public static let thankYouHours = 24
    /// A request with no answer after a week gets one short, polite follow-up.
    public static let requestNudgeDays = 7

    public let calendar: Calendar

    public init(calendar: Calendar = FollowUpSchedule.utcCalendar) { self.calendar = calendar }

    public static var utcCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    public func nextCheckIn(after lastContact: Date) -> Date {
        calendar.date(byAdding: .month, value: Self.checkInMonths, to: lastContact)!
    }

    public func nudgeDue(afterRequestAt sent: Date) -> Date {
        sent.addingTimeInterval(TimeInterval(Self.requestNudgeDays * 86_400))
    }

    public func thankYouDue(afterCallEndingAt end: Date) -> Date {
        end.addingTimeInterval(TimeInterval(Self.thankYouHours * 3600))
    }

    /// A contact's next check-in, and whether it is due by `now`.
    public struct CheckIn: Sendable, Hashable {
        public let contact: Contact
        public let lastContact: Date
        public let due: Date
    }

    /// Check-ins for everyone you have been in touch with, soonest first.
    public func checkIns(contacts: [Contact], lastContact: [Int64: Date]) -> [CheckIn] {
        contacts.compactMap { contact in
            guard let id = contact.id, let last = lastContact[id] else { return nil }
            return CheckIn(contact: contact, lastContact: last, due: nextCheckIn(after: last))
        }
        .sorted { $0.due < $1.due }
    }

    /// People you have not been in touch with for more than `days`, longest first.
    public func stale(contacts: [Contact], lastContact: [Int64: Date], days: Int, now: Date) -> [CheckIn] {
        let cutoff = now.addingTimeInterval(-TimeInterval(days) * 86_400)
        return checkIns(contacts: contacts, lastContact: lastContact)
            .filter { $0.lastContact < cutoff }
            .sorted { $0.lastContact < $1.lastContact }
    }
}
