import Foundation
import GRDB

/// A contact's plan as it was before one change, so `plan NAME undo` can put it
/// back — in the database, so undo works after a restart too.
struct PlanChange: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "planChange"
    var id: Int64?
    var contactID: Int64
    /// What the change did: "dropped 3", "new plan from pick".
    var summary: String
    /// The plan before the change, as JSON of its items (ids included).
    var before: String
    var at: Date

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The meeting length a plan was made for (`pick --minutes`), which `add` and `plan … replace` keep to.
public struct PlanLength: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "planLength"
    public var contactID: Int64
    public var meetingMinutes: Int
}

extension CoachStore {
    /// Changes kept per contact for undo; older ones are forgotten.
    public static let keptPlanChanges = 20

    static func registerCallAfterMigration(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3: plan change log and plan length") { db in
            try db.create(table: "planChange") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("contactID", .integer).notNull().references("contact", onDelete: .cascade).indexed()
                t.column("summary", .text).notNull()
                t.column("before", .text).notNull()
                t.column("at", .datetime).notNull()
            }
            try db.create(table: "planLength") { t in
                t.primaryKey("contactID", .integer).references("contact", onDelete: .cascade)
                t.column("meetingMinutes", .integer).notNull()
            }
        }
    }

    /// Saves `items` as the contact's plan, in this order, remembering the plan before
    /// so `undoPlanChange` can restore it. Items keep their ids (call notes stay linked);
    /// new ones get ids; ones left out are deleted.
    @discardableResult
    public func savePlan(contactID: Int64, items: [PlanItem], change summary: String, at date: Date) throws -> [PlanItem] {
        try database.write { db in
            let before = try Self.planItems(contactID: contactID, db)
            var change = PlanChange(contactID: contactID, summary: summary,
                                    before: String(decoding: try JSONEncoder().encode(before), as: UTF8.self), at: date)
            try change.insert(db)
            let stale = try PlanChange.filter(Column("contactID") == contactID).order(Column("id").desc)
                .limit(-1, offset: Self.keptPlanChanges).fetchAll(db)
            for old in stale { try old.delete(db) }
            return try Self.replacePlan(contactID: contactID, with: items, db)
        }
    }

    /// Puts back the plan as it was before its latest change; returns what that change was, nil when there is none.
    public func undoPlanChange(contactID: Int64) throws -> String? {
        try database.write { db in
            guard let change = try PlanChange.filter(Column("contactID") == contactID).order(Column("id").desc).fetchOne(db)
            else { return nil }
            let before = try JSONDecoder().decode([PlanItem].self, from: Data(change.before.utf8))
            try Self.replacePlan(contactID: contactID, with: before, db)
            try change.delete(db)
            return change.summary
        }
    }

    /// The meeting length the plan was picked for, if it was recorded.
    public func planMeetingMinutes(contactID: Int64) throws -> Int? {
        try database.read { try PlanLength.fetchOne($0, key: contactID)?.meetingMinutes }
    }

    public func setPlanMeetingMinutes(_ minutes: Int, contactID: Int64) throws {
        try database.write { try PlanLength(contactID: contactID, meetingMinutes: minutes).save($0) }
    }

    private static func planItems(contactID: Int64, _ db: Database) throws -> [PlanItem] {
        try PlanItem.filter(Column("contactID") == contactID).order(Column("position")).fetchAll(db)
    }

    @discardableResult
    private static func replacePlan(contactID: Int64, with items: [PlanItem], _ db: Database) throws -> [PlanItem] {
        let kept = Set(items.compactMap(\.id))
        for old in try planItems(contactID: contactID, db) where !kept.contains(old.id!) { try old.delete(db) }
        return try items.enumerated().map { position, item in
            var saved = item
            saved.contactID = contactID
            saved.position = position
            try saved.save(db)  // updates a kept row, inserts a new or restored one (with its old id)
            return saved
        }
    }
}
