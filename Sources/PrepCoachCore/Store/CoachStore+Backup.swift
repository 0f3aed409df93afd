import Foundation
import GRDB

extension CoachStore {
    /// A consistent copy of the whole database through SQLite's online backup, safe
    /// while other prepcoach processes write. The copy stands alone (no -wal file) and is 0600.
    public func backup(to destination: String, replacing: Bool) throws {
        try PrivateFile.write(to: destination, replacing: replacing) { temporary in
            let copy = try DatabaseQueue(path: temporary)
            try database.backup(to: copy)
            try copy.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
            try copy.close()
        }
    }

    /// Writes an export (see `StoreExport`) to a file, 0600.
    public func export(to destination: String, replacing: Bool) throws {
        let data = try StoreExport.json(exportAll())
        try PrivateFile.write(to: destination, replacing: replacing) { temporary in
            try data.write(to: URL(fileURLWithPath: temporary))
        }
    }
}
