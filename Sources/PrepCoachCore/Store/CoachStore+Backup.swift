import Foundation
import GRDB

extension CoachStore {
    /// A consistent copy of the whole database through SQLite's online backup, safe
    /// while other prepcoach processes write. The copy stands alone (no -wal file) and is 0600.
    public func backup(to destination: String, replacing: Bool) throws {
        try OutputFile.write(to: destination, replacing: replacing, sparing: path) { temporary in
            let copy = try DatabaseQueue(path: temporary)
            try database.backup(to: copy)
            try copy.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
            try copy.close()
        }
    }

    /// Writes an export (see `StoreExport`) to a file, 0600.
    public func export(to destination: String, replacing: Bool) throws {
        try OutputFile.write(StoreExport.json(exportAll()), to: destination, replacing: replacing, sparing: path)
    }
}
