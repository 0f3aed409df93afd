import Foundation
import GRDB

/// Your 30-second introduction to one contact, as you last edited it.
public struct IntroductionText: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "introduction"
    public var contactID: Int64
    public var text: String
    public var updatedAt: Date

    public init(contactID: Int64, text: String, updatedAt: Date) {
        self.contactID = contactID
        self.text = text
        self.updatedAt = updatedAt
    }
}

/// Your typed answer to a question the contact may ask you back (`asked-back` id), kept as a crib.
public struct CribAnswer: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "cribAnswer"
    public var contactID: Int64
    public var questionID: String
    public var text: String
    public var answeredAt: Date

    public init(contactID: Int64, questionID: String, text: String, answeredAt: Date) {
        self.contactID = contactID
        self.questionID = questionID
        self.text = text
        self.answeredAt = answeredAt
    }
}

extension IntroductionText: StoredRecord {}
extension CribAnswer: StoredRecord {}

extension Rehearsal {
    /// A run that took at least half its time at a normal pace was said aloud; a quicker one was
    /// clicked through and does not count as a rehearsal.
    public var isFullRun: Bool {
        Double(seconds) >= Double(budgetSeconds) * SpeakingPace.fastestRealShare
    }
}

extension CoachStore {
    /// The introduction, the crib answers and the time of each part of a rehearsal. Append-only, like every migration.
    static func registerRehearseMigration(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("rehearse: introduction, crib answers and the time of each part") { db in
            try db.create(table: "introduction") { t in
                t.primaryKey("contactID", .integer).references("contact", onDelete: .cascade)
                t.column("text", .text).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(table: "cribAnswer") { t in
                t.column("contactID", .integer).notNull().references("contact", onDelete: .cascade)
                t.column("questionID", .text).notNull()
                t.column("text", .text).notNull()
                t.column("answeredAt", .datetime).notNull()
                t.primaryKey(["contactID", "questionID"])
            }
            try db.alter(table: "rehearsal") { t in
                t.add(column: "introSeconds", .integer)
                t.add(column: "answersSeconds", .integer)
                t.add(column: "questionsSeconds", .integer)
            }
        }
    }

    /// The contacts with at least one full rehearsal, in one read (`next` lists thousands of contacts).
    public func rehearsedContactIDs() throws -> Set<Int64> {
        Set(try database.read { try Rehearsal.fetchAll($0) }.filter(\.isFullRun).map(\.contactID))
    }

    public func introduction(contactID: Int64) throws -> IntroductionText? {
        try database.read { try IntroductionText.fetchOne($0, key: contactID) }
    }

    public func save(_ introduction: IntroductionText) throws {
        try database.write { try introduction.save($0) }
    }

    /// The crib answers for a contact, by asked-back question id.
    public func cribAnswers(contactID: Int64) throws -> [String: CribAnswer] {
        let answers = try database.read { try CribAnswer.filter(Column("contactID") == contactID).fetchAll($0) }
        return Dictionary(answers.map { ($0.questionID, $0) }) { _, latest in latest }
    }

    /// Your latest crib answer to each question, whoever it was for: a start for a new contact.
    public func latestCribAnswers() throws -> [String: CribAnswer] {
        let answers = try database.read { try CribAnswer.order(Column("answeredAt")).fetchAll($0) }
        return Dictionary(answers.map { ($0.questionID, $0) }) { _, latest in latest }
    }

    public func save(_ answer: CribAnswer) throws {
        try database.write { try answer.save($0) }
    }
}
