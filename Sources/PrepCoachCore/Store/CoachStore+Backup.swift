import Foundation
import GRDB

extension CoachStore {
    /// A consistent copy of the whole database through SQLite's online backup, safe
    /// while other prepcoach processes write. The copy stands alone (no -wal file) and is 0600.
    public func backup(to destination: String, replacing: Bool) throws {
        try refuseReplacingADatabaseInUse(destination)
        try PrivateFile.write(to: destination, replacing: replacing) { temporary in
            let copy = try DatabaseQueue(path: temporary)
            try database.backup(to: copy)
            try copy.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
            try copy.close()
        }
    }

    /// Writes an export (see `StoreExport`) to a file, 0600.
    public func export(to destination: String, replacing: Bool) throws {
        try refuseReplacingADatabaseInUse(destination)
        let data = try StoreExport.json(exportAll())
        try PrivateFile.write(to: destination, replacing: replacing) { temporary in
            try data.write(to: URL(fileURLWithPath: temporary))
        }
    }

    /// Replacing this database, its `-wal`/`-shm`, or a database another process has
    /// open would pair the new file with the old one's log: notes written after it
    /// would be lost or the file corrupted.
    private func refuseReplacingADatabaseInUse(_ destination: String) throws {
        if ([path] + DatabaseLocation(path: path, managesFolder: false).companions).contains(where: {
            FileIdentity(path: $0).map { $0 == FileIdentity(path: destination) } ?? false
        }) {
            throw StoreError("\(destination) is the database prepcoach is using: write the copy to another file")
        }
        if isOpenInAnotherProcess(destination) {
            throw StoreError("\(destination) is a database another program has open: "
                             + "close the prepcoach using it, or choose another name")
        }
    }
}

/// A file's device and inode: the same file under any name.
private struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

/// SQLite (unix) holds a shared lock on byte 128 of the `-shm` file while it has the
/// database open in WAL mode; F_GETLK sees other processes' locks.
private func isOpenInAnotherProcess(_ database: String) -> Bool {
    let descriptor = open(database + "-shm", O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var lock = flock()
    lock.l_type = Int16(F_WRLCK)
    lock.l_whence = Int16(SEEK_SET)
    lock.l_start = 128
    lock.l_len = 1
    return fcntl(descriptor, F_GETLK, &lock) == 0 && lock.l_type != Int16(F_UNLCK)
}
