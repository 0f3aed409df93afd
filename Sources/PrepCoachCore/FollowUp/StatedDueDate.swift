import Foundation

/// A due date a to-do states in its own words: "send the deck by Friday", "by tomorrow", "within
/// 3 days", "by 2025-03-14". A weekday is the next one after the day the to-do was written; the
/// time is the end of the working day where you are.
public struct StatedDueDate: Sendable {
    /// The working day's end, when a date names no time.
    public static let endOfDayHour = 17

    public let calendar: Calendar

    public init(calendar: Calendar = .current) { self.calendar = calendar }

    public func date(in text: String, after written: Date) -> Date? {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }).map(String.init)
        for (index, word) in words.enumerated() where ["by", "before", "on", "within", "in", "until", "next"].contains(word) {
            let rest = Array(words[(index + 1)...])
            if let day = day(from: rest, lead: word, after: written) { return endOfDay(day) }
        }
        return nil
    }

    private func day(from words: [String], lead: String, after written: Date) -> Date? {
        guard let first = words.first else { return nil }
        let today = calendar.startOfDay(for: written)
        if lead == "next", first == "week" { return calendar.date(byAdding: .day, value: 7, to: today) }
        if first == "today" || first == "tonight" || first == "eod" { return today }
        if first == "tomorrow" { return calendar.date(byAdding: .day, value: 1, to: today) }
        if let weekday = Self.weekdays.firstIndex(where: { first == $0 || first == String($0.prefix(3)) }) {
            // The next such day after the one it was written on: "by Friday" said on a Friday is a week on.
            return calendar.nextDate(after: today, matching: DateComponents(weekday: weekday + 1), matchingPolicy: .nextTime)
        }
        if ["within", "in"].contains(lead), words.count > 1, let count = Int(first) ?? Self.numbers[first] {
            switch words[1] {
            case "day", "days": return calendar.date(byAdding: .day, value: count, to: today)
            case "week", "weeks": return calendar.date(byAdding: .day, value: 7 * count, to: today)
            default: return nil
            }
        }
        if lead == "by" || lead == "on" || lead == "before" {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = calendar.timeZone
            formatter.dateFormat = "yyyy-MM-dd"
            return formatter.date(from: first)
        }
        return nil
    }

    private func endOfDay(_ day: Date) -> Date {
        calendar.date(bySettingHour: Self.endOfDayHour, minute: 0, second: 0, of: day) ?? day
    }

    private static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    private static let numbers = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "a": 1, "ten": 10]
}
