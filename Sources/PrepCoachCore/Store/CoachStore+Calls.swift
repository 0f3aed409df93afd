import Foundation
import GRDB

extension CoachStore {
    /// The call with this contact that has not been ended, if any: `call` resumes it.
    public func openCall(contactID: Int64) throws -> Call? {
        try database.read {
            try Call.filter(Column("contactID") == contactID && Column("endedAt") == nil)
                .order(Column("startedAt").desc).fetchOne($0)
        }
    }

    public func startCall(contactID: Int64, at date: Date, promisedMinutes: Int) throws -> Call {
        try insert(Call(contactID: contactID, startedAt: date, promisedMinutes: promisedMinutes))
    }

    /// A new length for a call under way; the clock and its warnings count from it.
    public func setPromisedMinutes(_ minutes: Int, of call: Call) throws -> Call {
        try database.write { db in
            var changed = call
            changed.promisedMinutes = minutes
            try changed.update(db)
            return changed
        }
    }

    /// Writes one event and commits before returning: the caller may acknowledge it.
    @discardableResult
    public func record(_ event: CallEvent) throws -> CallEvent {
        try insert(event)
    }

    public func events(callID: Int64) throws -> [CallEvent] {
        try database.read { try CallEvent.filter(Column("callID") == callID).order(Column("id")).fetchAll($0) }
    }

    /// Removes the call's latest note (`undo` in a call) and returns it; nil when it has none.
    public func removeLastNote(callID: Int64) throws -> CallEvent? {
        try database.write { db in
            guard let last = try CallEvent.filter(Column("callID") == callID && Column("kind") == CallEvent.Kind.note)
                .order(Column("id").desc).fetchOne(db) else { return nil }
            try last.delete(db)
            return last
        }
    }

    /// Ends the call and logs it as the latest contact with the person.
    public func endCall(_ call: Call, at date: Date) throws -> Call {
        try database.write { db in
            var ended = call
            ended.endedAt = date
            try ended.update(db)
            var interaction = Interaction(contactID: call.contactID, kind: .call, text: "informational interview",
                                          at: date)
            try interaction.insert(db)
            return ended
        }
    }

    public func calls(contactID: Int64) throws -> [Call] {
        try database.read { try Call.filter(Column("contactID") == contactID).order(Column("startedAt")).fetchAll($0) }
    }

    public func call(id: Int64) throws -> Call? {
        try database.read { try Call.fetchOne($0, key: id) }
    }

    /// Bank question ids already asked of this person in any call, so `pick` can skip them.
    public func askedQuestionIDs(contactID: Int64) throws -> Set<String> {
        try database.read { db in
            let ids = try String.fetchAll(db, sql: """
                SELECT planItem.questionID FROM callEvent
                JOIN call ON call.id = callEvent.callID
                JOIN planItem ON planItem.id = callEvent.planItemID
                WHERE call.contactID = ? AND callEvent.kind = 'asked' AND planItem.questionID IS NOT NULL
                """, arguments: [contactID])
            return Set(ids)
        }
    }

    // MARK: Follow-up tasks

    @discardableResult
    public func add(_ task: FollowUpTask) throws -> FollowUpTask {
        try insert(task)
    }

    public func openTasks() throws -> [FollowUpTask] {
        try database.read { try FollowUpTask.filter(Column("doneAt") == nil).order(Column("dueAt"), Column("id")).fetchAll($0) }
    }

    public func tasks(contactID: Int64) throws -> [FollowUpTask] {
        try database.read { try FollowUpTask.filter(Column("contactID") == contactID).order(Column("id")).fetchAll($0) }
    }

    /// Marks a task done; a sent thank-you also counts as being in touch.
    public func complete(_ task: FollowUpTask, at date: Date) throws {
        try database.write { db in
            var done = task
            done.doneAt = date
            try done.update(db)
            if task.kind == .thankYou {
                var interaction = Interaction(contactID: task.contactID, kind: .thankYouSent, text: "thank-you sent",
                                              at: date)
                try interaction.insert(db)
            }
        }
    }

    /// When you were last in touch with each contact (calls, thank-yous sent, logged contact).
    public func lastContactDates() throws -> [Int64: Date] {
        try database.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT contactID, MAX(at) AS last FROM interaction GROUP BY contactID")
            return Dictionary(uniqueKeysWithValues: rows.compactMap { row -> (Int64, Date)? in
                let stored: DatabaseValue = row["last"]
                guard let id: Int64 = row["contactID"], let last = StoredValue.date(stored) else { return nil }
                return (id, last)
            })
        }
    }
}

/// Every contact's calls, tasks and interactions, grouped by contact, each in the order the
/// per-contact reads give, and who has a plan or readiness answers: what `next` reads.
public struct Journeys: Sendable {
    public let calls: [Int64: [Call]]
    public let tasks: [Int64: [FollowUpTask]]
    public let interactions: [Int64: [Interaction]]
    public let preparing: Set<Int64>
}

extension CoachStore {
    public func journeys() throws -> Journeys {
        try database.read { db in
            Journeys(calls: Dictionary(grouping: try Call.order(Column("startedAt")).fetchAll(db), by: \.contactID),
                     tasks: Dictionary(grouping: try FollowUpTask.order(Column("id")).fetchAll(db), by: \.contactID),
                     interactions: Dictionary(grouping: try Interaction.order(Column("at")).fetchAll(db), by: \.contactID),
                     preparing: Set(try Int64.fetchAll(db, sql: "SELECT contactID FROM planItem UNION SELECT contactID FROM readinessAnswer")))
        }
    }
}
