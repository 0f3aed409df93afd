import Foundation

/// An export is checked field by field against the ranges the commands keep to
/// before any of it is stored: an edited or hostile file once brought in a
/// meeting of Int.min minutes (a crash in `add`), a contact id of 2^63−1 (every
/// later `contact add` failed) and a thank-you due in the year 10000 (which could
/// not be read back, so nothing could be exported again). The first bad field is
/// named by its path: `planLengths[0].meetingMinutes`.
extension StoreExport {
    /// Dates prepcoach stores and reads back: 1970 to 2200.
    public static let dates = Date(timeIntervalSince1970: 0)...Date(timeIntervalSince1970: 7_258_118_400)
    /// Row ids: positive and far from SQLite's last id, so new rows always get one.
    static let ids: ClosedRange<Int64> = 1...(1 << 48)
    /// The longest note, research note or task text: pages, not a pasted book. (Control characters
    /// are kept, as typed: they are shown escaped wherever the text goes.)
    static let maxTextLength = 100_000

    func validate() throws {
        let check = FieldCheck()
        guard (1...Self.currentVersion).contains(version) else {
            throw StoreError("version: \(version) is not a format version this prepcoach knows (1 to \(Self.currentVersion))")
        }
        for (index, row) in contacts.enumerated() {
            let at = "contacts[\(index)]"
            try check.id(row.id, at + ".id")
            try check.optionalID(row.referredByID, at + ".referredByID")
            try check.date(row.createdAt, at + ".createdAt")
            do { try SingleLineFields.check(row) } catch let error as StoreError { throw StoreError("\(at): \(error.description)") }
        }
        for (index, row) in researchNotes.enumerated() {
            let at = "researchNotes[\(index)]"
            try check.id(row.id, at + ".id")
            try check.date(row.createdAt, at + ".createdAt")
            do { try SingleLineFields.check([("company", row.company)]) } catch let error as StoreError {
                throw StoreError("\(at): \(error.description)")
            }
            try check.text(row.text, at + ".text")
        }
        for (index, row) in planItems.enumerated() {
            let at = "planItems[\(index)]"
            try check.id(row.id, at + ".id")
            try check.id(row.contactID, at + ".contactID")
            try check.number(row.position, at + ".position", 0...10_000)
            try check.number(row.minutes, at + ".minutes", 1...15)
            if let problem = Question.problem(with: row.text) { throw StoreError("\(at).text: \(problem)") }
        }
        for (index, row) in readinessAnswers.enumerated() {
            let at = "readinessAnswers[\(index)]"
            try check.id(row.contactID, at + ".contactID")
            try check.date(row.answeredAt, at + ".answeredAt")
            if let note = row.note { try check.text(note, at + ".note") }
        }
        for (index, row) in calls.enumerated() {
            let at = "calls[\(index)]"
            try check.id(row.id, at + ".id")
            try check.id(row.contactID, at + ".contactID")
            try check.date(row.startedAt, at + ".startedAt")
            try check.number(row.promisedMinutes, at + ".promisedMinutes", 1...240)
            if let ended = row.endedAt {
                try check.date(ended, at + ".endedAt")
                if ended < row.startedAt { throw StoreError("\(at).endedAt: the call ends before it starts") }
            }
        }
        for (index, row) in callEvents.enumerated() {
            let at = "callEvents[\(index)]"
            try check.id(row.id, at + ".id")
            try check.id(row.callID, at + ".callID")
            try check.optionalID(row.planItemID, at + ".planItemID")
            try check.date(row.at, at + ".at")
            try check.text(row.text, at + ".text")
        }
        for (index, row) in interactions.enumerated() {
            let at = "interactions[\(index)]"
            try check.id(row.id, at + ".id")
            try check.id(row.contactID, at + ".contactID")
            try check.date(row.at, at + ".at")
            try check.text(row.text, at + ".text")
        }
        for (index, row) in followUpTasks.enumerated() {
            let at = "followUpTasks[\(index)]"
            try check.id(row.id, at + ".id")
            try check.id(row.contactID, at + ".contactID")
            try check.optionalID(row.callID, at + ".callID")
            if let due = row.dueAt { try check.date(due, at + ".dueAt") }
            if let done = row.doneAt { try check.date(done, at + ".doneAt") }
            try check.text(row.text, at + ".text")
        }
        for (index, row) in rehearsals.enumerated() {
            let at = "rehearsals[\(index)]"
            try check.id(row.id, at + ".id")
            try check.id(row.contactID, at + ".contactID")
            try check.date(row.at, at + ".at")
            try check.number(row.seconds, at + ".seconds", 0...86_400)
            try check.number(row.budgetSeconds, at + ".budgetSeconds", 1...86_400)
        }
        for (index, row) in (planLengths ?? []).enumerated() {
            let at = "planLengths[\(index)]"
            try check.id(row.contactID, at + ".contactID")
            try check.number(row.meetingMinutes, at + ".meetingMinutes", 1...240)
        }
    }
}

/// One field against its range, failing with the field's path.
private struct FieldCheck {
    func id(_ value: Int64?, _ path: String) throws {
        guard let value else { throw StoreError("\(path): missing") }
        guard StoreExport.ids.contains(value) else {
            throw StoreError("\(path): \(value) is not an id prepcoach uses (1 to \(StoreExport.ids.upperBound))")
        }
    }

    func optionalID(_ value: Int64?, _ path: String) throws {
        if value != nil { try id(value, path) }
    }

    func date(_ value: Date, _ path: String) throws {
        guard StoreExport.dates.contains(value) else {
            throw StoreError("\(path): \(value.formatted(.iso8601)) is outside the years 1970 to 2200")
        }
    }

    func number(_ value: Int, _ path: String, _ range: ClosedRange<Int>) throws {
        guard range.contains(value) else {
            throw StoreError("\(path): \(value) is not from \(range.lowerBound) to \(range.upperBound)")
        }
    }

    func text(_ value: String, _ path: String) throws {
        if value.utf8.count > StoreExport.maxTextLength, value.count > StoreExport.maxTextLength {
            throw StoreError("\(path): \(value.count) characters long; at most \(StoreExport.maxTextLength) are accepted")
        }
    }
}
