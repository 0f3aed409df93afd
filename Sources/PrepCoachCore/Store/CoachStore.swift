import Foundation
import GRDB

/// The user's own data — contacts, plans, readiness answers, calls and their
/// notes, follow-ups — in one SQLite file, through GRDB.
///
/// Every write is its own committed transaction, so a note is on disk before
/// the prompt returns and a killed process loses nothing acknowledged. WAL mode
/// with a busy timeout lets two prepcoach processes use the file at once.
public final class CoachStore: Sendable {
    public let path: String
    let database: DatabasePool

    /// `$XDG_DATA_HOME/prepcoach/prepcoach.sqlite`, by default under `~/.local/share`.
    public static func defaultPath(environment: [String: String]) -> String? {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.local/share" }
        return base.map { $0 + "/prepcoach/prepcoach.sqlite" }
    }

    /// Opens (creating if needed, readable by you alone: 0600 in a 0700 folder) and migrates.
    public init(path: String) throws {
        self.path = path
        let fileManager = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !fileManager.fileExists(atPath: folder) {
            try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
        }
        if !fileManager.fileExists(atPath: path) {
            // SQLite gives the -wal and -shm files the main file's mode, so this covers them too.
            guard fileManager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        database = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(database)
    }

    /// Schema history. Never edit a shipped migration; add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: contacts, plans, readiness, calls, follow-ups") { db in
            try db.create(table: "contact") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique().collate(.nocase)
                t.column("role", .text)
                t.column("company", .text)
                t.column("industry", .text)
                t.column("howKnown", .text)
                t.column("channel", .text)
                t.column("stage", .text)
                t.column("referredByID", .integer).references("contact", onDelete: .setNull)
                t.column("mayUseReferrerName", .boolean)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "researchNote") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("company", .text).notNull().collate(.nocase).indexed()
                t.column("text", .text).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "planItem") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("contactID", .integer).notNull().references("contact", onDelete: .cascade).indexed()
                t.column("position", .integer).notNull()
                t.column("questionID", .text)
                t.column("text", .text).notNull()
                t.column("topic", .text)
                t.column("minutes", .integer).notNull()
            }
            try db.create(table: "readinessAnswer") { t in
                t.column("contactID", .integer).notNull().references("contact", onDelete: .cascade)
                t.column("checkID", .text).notNull()
                t.column("ready", .boolean).notNull()
                t.column("note", .text)
                t.column("answeredAt", .datetime).notNull()
                t.primaryKey(["contactID", "checkID"])
            }
            try db.create(table: "call") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("contactID", .integer).notNull().references("contact", onDelete: .cascade).indexed()
                t.column("startedAt", .datetime).notNull()
                t.column("endedAt", .datetime)
                t.column("promisedMinutes", .integer).notNull()
            }
            try db.create(table: "callEvent") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("callID", .integer).notNull().references("call", onDelete: .cascade).indexed()
                t.column("kind", .text).notNull()
                t.column("planItemID", .integer).references("planItem", onDelete: .setNull)
                t.column("text", .text).notNull()
                t.column("at", .datetime).notNull()
            }
            try db.create(table: "interaction") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("contactID", .integer).notNull().references("contact", onDelete: .cascade).indexed()
                t.column("kind", .text).notNull()
                t.column("text", .text).notNull()
                t.column("at", .datetime).notNull()
            }
            try db.create(table: "followUpTask") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("contactID", .integer).notNull().references("contact", onDelete: .cascade).indexed()
                t.column("callID", .integer).references("call", onDelete: .setNull)
                t.column("kind", .text).notNull()
                t.column("text", .text).notNull()
                t.column("dueAt", .datetime)
                t.column("doneAt", .datetime)
            }
            try db.create(table: "rehearsal") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("contactID", .integer).notNull().references("contact", onDelete: .cascade).indexed()
                t.column("at", .datetime).notNull()
                t.column("seconds", .integer).notNull()
                t.column("budgetSeconds", .integer).notNull()
            }
        }
        migrator.registerMigration("v3-fit: who the contact is (role family, employment, size, seniority)") { db in
            try db.alter(table: "contact") { t in
                t.add(column: "roleFamily", .text)
                t.add(column: "employment", .text)
                t.add(column: "orgSize", .text)
                t.add(column: "seniority", .text)
            }
        }
        return migrator
    }

    /// Inserts one record in its own committed transaction and returns it with its new id.
    func insert<Record: MutablePersistableRecord & Sendable>(_ record: Record) throws -> Record {
        try database.write { db in
            var saved = record
            try saved.insert(db)
            return saved
        }
    }

    /// Applied migration identifiers, for tests and diagnostics.
    public func appliedMigrations() throws -> [String] {
        try database.read { try Self.migrator.appliedIdentifiers($0) }.sorted()
    }
}

/// A store error a user can act on.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
