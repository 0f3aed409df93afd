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

    /// How long a command waits for another process's write to finish.
    static let busyTimeoutSeconds = 10

    /// Things worth fixing found while opening (files readable by others, repaired permissions).
    public let warnings: [String]

    /// Opens (creating if needed, readable by you alone: 0600 in a 0700 folder) and migrates.
    /// `createsFolder` is for the default data folder; a `--db` path's folder must exist.
    public init(path: String, createsFolder: Bool = true) throws {
        self.path = path
        let location = DatabaseLocation(path: path, managesFolder: createsFolder)
        try location.prepareFolder()
        let lock = try FolderLock(location.folder)
        warnings = try location.prepareFiles()
        var configuration = Configuration()
        configuration.busyMode = .timeout(TimeInterval(Self.busyTimeoutSeconds))
        configuration.foreignKeysEnabled = true
        do {
            database = try DatabasePool(path: path, configuration: configuration)
            try Self.refuseNewerSchema(database, path: path)
            try Self.migrator.migrate(database)
        } catch let error as DatabaseError {
            throw StoreError.opening(path, error)
        }
        _ = consume lock  // held until the schema is current; other processes wait for it
    }

    /// A migration this version does not know means a newer prepcoach wrote the
    /// file: carrying on could corrupt what that version stored.
    private static func refuseNewerSchema(_ database: DatabasePool, path: String) throws {
        let unknown = try database.read { db in
            try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
        }
        if let newest = unknown.last {
            throw StoreError("this database was written by a newer prepcoach (it has the change '\(newest)' this "
                             + "version does not know): upgrade prepcoach, or use --db for another database")
        }
    }

    /// Copies everything from the write-ahead log into the database file and closes it,
    /// so the `.sqlite` file alone holds all the data once prepcoach exits.
    public func close() {
        _ = try? database.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try? database.close()
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
        registerCallAfterMigration(in: &migrator)
        migrator.registerMigration("v4: who the contact is (role family, employment, size, seniority)") { db in
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

    /// Where `wrap` writes summaries and calendars by default: `summaries/` beside the database.
    public var summariesFolder: URL {
        URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("summaries")
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

    /// A database failure met while running a command, as one line with what to do;
    /// nil for errors that are not the database's.
    public init?(translating error: any Error) {
        switch error {
        case is RowDecodingError, is DecodingError:
            // GRDB's first line names the value and column, then dumps the whole row: keep the first part,
            // with control characters made visible, since the value is whatever was stored.
            let firstLine = String(describing: error).split(separator: "\n").first.map(String.init) ?? ""
            let detail = String(firstLine.components(separatedBy: ", column index:")[0].prefix(160).unicodeScalars
                .map { CharacterSet.controlCharacters.contains($0) ? "?" : Character($0) })
            self.init("the database holds a value prepcoach cannot read (\(detail)); fix it with sqlite3 or restore a backup")
        case let error as DatabaseError:
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                self.init("the database is busy (another prepcoach is writing to it); try again")
            case .SQLITE_READONLY:
                self.init("the database is read-only; make it writable (chmod 600 FILE) and try again")
            case .SQLITE_FULL:
                self.init("the disk is full; free some space and try again")
            default:
                self.init("database error: \(error.message ?? "\(error.resultCode)")")
            }
        default:
            return nil
        }
    }

    /// An SQLite failure while opening, as one line with what to do.
    static func opening(_ path: String, _ error: DatabaseError) -> StoreError {
        switch error.resultCode {
        case .SQLITE_NOTADB:
            StoreError("\(path) is not a prepcoach database (not an SQLite file): move it away or use --db PATH")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            StoreError("cannot open the database \(path): \(error.message ?? "\(error.resultCode)"); "
                       + "check that it and its folder are readable and writable by you")
        default:
            StoreError("cannot open the database \(path): \(error.message ?? "\(error.resultCode)")")
        }
    }
}
