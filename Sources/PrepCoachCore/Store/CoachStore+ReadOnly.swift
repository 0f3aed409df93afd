import GRDB

extension CoachStore {
    /// The research notes in the database at `path`, read through a read-only
    /// connection rather than the store: no migration check, no write-ahead log
    /// set up, no checkpoint and `fsync` at exit, so a one-shot `lint` or `pick`
    /// that only reads the notes starts fast. nil when they cannot be read that
    /// way (say, a database from before research notes): open the store then.
    public static func researchNotes(readingOnly path: String) -> [ResearchNote]? {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        guard let database = try? DatabaseQueue(path: path, configuration: configuration) else { return nil }
        defer { try? database.close() }
        return try? database.read { db in
            try ResearchNote.order(Column("company").collating(.nocase), Column("id")).fetchAll(db)
        }
    }
}
