import Foundation

/// An iCalendar (RFC 5545) file of follow-up reminders that calendar apps import.
/// Hand-written rather than a dependency: the format needed is a few all-day
/// VEVENTs, and the rules that matter (CRLF, escaping, 75-octet folding) are here.
public struct ICalendar: Sendable {
    public struct Event: Sendable, Hashable {
        public let uid: String
        public let day: Date
        public let summary: String
        public let description: String
        /// For a recurring check-in: every `interval` months.
        public let repeatEveryMonths: Int?
        /// `day` is a deadline to the minute (a thank-you 24 hours after the call): the event is at that
        /// moment and its reminder comes before it, not at 09:00 on the day, which may be after it.
        public let isDeadline: Bool

        public init(uid: String, day: Date, summary: String, description: String, repeatEveryMonths: Int? = nil,
                    isDeadline: Bool = false) {
            self.uid = uid
            self.day = day
            self.summary = summary
            self.description = description
            self.repeatEveryMonths = repeatEveryMonths
            self.isDeadline = isDeadline
        }
    }

    public let events: [Event]
    public let createdAt: Date

    public init(events: [Event], createdAt: Date) {
        self.events = events
        self.createdAt = createdAt
    }

    /// How long before a deadline its reminder comes: time left to act on it.
    public static let deadlineReminderHours = 4

    public var text: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//prepcoach//follow-up plan//EN", "CALSCALE:GREGORIAN"]
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:\(event.uid)", "DTSTAMP:\(Self.stamp(createdAt))",
                      event.isDeadline ? "DTSTART:\(Self.stamp(event.day))" : "DTSTART;VALUE=DATE:\(Self.date(event.day))",
                      "SUMMARY:\(Self.escape(event.summary))", "DESCRIPTION:\(Self.escape(event.description))"]
            if let months = event.repeatEveryMonths { lines.append("RRULE:FREQ=MONTHLY;INTERVAL=\(months)") }
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:\(Self.escape(event.summary))",
                      event.isDeadline ? "TRIGGER:-PT\(Self.deadlineReminderHours)H" : "TRIGGER:PT9H",
                      "END:VALARM", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT escaping; a control character other than a newline (a CR would end the line) is shown escaped.
    static func escape(_ text: String) -> String {
        ControlCharacters.escaped(text, keeping: ["\n"]).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines longer than 75 octets continue on the next line after a space, never splitting a character.
    static func fold(_ line: String) -> String {
        var result = ""
        var current = 0
        for character in line {
            let size = character.utf8.count
            if current + size > 75 {
                result += "\r\n "
                current = 1
            }
            result.append(character)
            current += size
        }
        return result
    }

    /// An all-day event falls on the day it is where you are.
    private static func date(_ day: Date) -> String { DateText.format(day, "yyyyMMdd") }

    /// Timestamps are UTC, marked with Z as RFC 5545 asks.
    private static func stamp(_ date: Date) -> String {
        DateText.format(date, "yyyyMMdd'T'HHmmss'Z'", in: TimeZone(identifier: "UTC")!)
    }

}
