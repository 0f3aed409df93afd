import Foundation

/// Writes a file a command was told to write (`backup`, `export`, `export-plan -o`,
/// `train --output`): complete or absent (filled under a temporary name, then moved
/// into place), readable by you alone unless told otherwise, never through a
/// symbolic link, never over an existing file unless `replacing`, and never over a
/// device, pipe or socket, the database in use or its `-wal`/`-shm`, or a database
/// another process has open, whatever `replacing` says.
public enum OutputFile {
    /// `data` is made only once the path is known to be fine (a refusal costs no training or export).
    public static func write(_ data: @autoclosure () throws -> Data, to path: String, replacing: Bool,
                             sparing database: String?, mode: mode_t = 0o600) throws {
        try write(to: path, replacing: replacing, sparing: database, mode: mode) { temporary in
            try data().write(to: URL(fileURLWithPath: temporary))
        }
    }

    static func write(to path: String, replacing: Bool, sparing database: String?, mode: mode_t = 0o600,
                      fill: (_ temporaryPath: String) throws -> Void) throws {
        guard !path.isEmpty else { throw StoreError("the file name is empty: give a path to write") }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        guard FileStatus(path: folder) != .missing else {
            throw StoreError("cannot write \(path): the folder \(folder) does not exist; create it first")
        }
        let existing = FileStatus(path: path)
        if existing == .folder { throw StoreError("\(path) is a folder: give a file name") }
        if existing == .special || FileStatus(followingLinksAt: path) == .special {
            throw StoreError("\(path) is a device, pipe or socket, not a file: give a file name")
        }
        if let database { try refuseDatabase(database, at: path) }
        if existing != .missing && !replacing {
            throw StoreError("\(path) already exists: choose another name, or add --force to replace it")
        }
        let temporary = folder + "/." + url.lastPathComponent + ".\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw StoreError("cannot write in \(folder): \(String(cString: strerror(errno))); choose a folder you can write to")
        }
        fchmod(descriptor, mode)  // past the umask: the mode asked for, no more and no less
        close(descriptor)
        defer { unlink(temporary) }
        try fill(temporary)
        // rename replaces whatever is at the path (a link itself, not its target);
        // link fails if something appeared there meanwhile.
        if replacing ? rename(temporary, path) != 0 : link(temporary, path) != 0 {
            throw StoreError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Replacing the database in use, its `-wal`/`-shm` (existing or not yet), or a
    /// database another process has open would pair the new file with the old one's
    /// log: notes written after it would be lost or the file corrupted.
    private static func refuseDatabase(_ database: String, at destination: String) throws {
        let protected = [database] + DatabaseLocation(path: database, managesFolder: false).companions
        let target = FileIdentity(path: destination)
        if protected.contains(where: { CanonicalPath($0) == CanonicalPath(destination)
                                       || (target != nil && FileIdentity(path: $0) == target) }) {
            throw StoreError("\(destination) is the database prepcoach is using: write to another file")
        }
        if isOpenInAnotherProcess(destination) {
            throw StoreError("\(destination) is a database another program has open: "
                             + "close the prepcoach using it, or choose another name")
        }
    }
}

/// A path made absolute, its folder's links resolved: two spellings of one place compare equal.
private struct CanonicalPath: Equatable {
    let path: String

    init(_ path: String) {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let folder = url.deletingLastPathComponent().path
        let real = realpath(folder, nil).map { resolved in
            defer { free(resolved) }
            return String(cString: resolved)
        } ?? folder
        self.path = real + "/" + url.lastPathComponent
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
