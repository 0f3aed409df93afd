import Foundation
import GRDB

/// Bounds for values read back from the database. The file is the user's and
/// can be edited with sqlite3: a number or date out of range must not make
/// arithmetic trap, so it is clamped into a range the program can compute with.
enum StoredValue {
    /// Minutes of one question or of a promised call.
    static let minutes = 0...240
    /// A plan position; only its order matters.
    static let position = 0...Int(Int32.max)
    /// Seconds of a rehearsal: at most a day.
    static let seconds = 0...86_400
    /// Years 1900 to 9999, as seconds since 1970.
    static let dates = Date(timeIntervalSince1970: -2_208_988_800)...Date(timeIntervalSince1970: 253_402_300_799)

    /// A stored date, clamped; nil (a read error naming the column) when it is not a date at all.
    @Sendable static func date(_ value: DatabaseValue) -> Date? {
        guard let date = Date.fromDatabaseValue(value), !date.timeIntervalSince1970.isNaN else { return nil }
        return min(max(date, dates.lowerBound), dates.upperBound)
    }

    static func clamped(_ value: Int, to range: ClosedRange<Int>) -> Int {
        min(max(value, range.lowerBound), range.upperBound)
    }
}

/// A record whose dates are read through `StoredValue.date`.
public protocol StoredRecord: FetchableRecord {}

extension StoredRecord {
    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .custom(StoredValue.date)
    }
}

extension Contact: StoredRecord {}
extension ResearchNote: StoredRecord {}
extension PlanItem: StoredRecord {}
extension ReadinessAnswer: StoredRecord {}
extension Call: StoredRecord {}
extension CallEvent: StoredRecord {}
extension Interaction: StoredRecord {}
extension FollowUpTask: StoredRecord {}
extension Rehearsal: StoredRecord {}
