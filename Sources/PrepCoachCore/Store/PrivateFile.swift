import Foundation

/// Writes a file holding your data: readable by you alone (0600), complete or
/// absent (filled under a temporary name, then moved into place), never through
/// a symbolic link, and never over an existing file unless `replacing`.
enum PrivateFile {
    static func write(to path: String, replacing: Bool, fill: (_ temporaryPath: String) throws -> Void) throws {
        guard !path.isEmpty else { throw StoreError("the file name is empty: give a path to write") }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        guard FileStatus(path: folder) != .missing else {
            throw StoreError("cannot write \(path): the folder \(folder) does not exist; create it first")
        }
        let existing = FileStatus(path: path)
        if existing == .folder { throw StoreError("\(path) is a folder: give a file name") }
        if existing != .missing && !replacing {
            throw StoreError("\(path) already exists: choose another name, or add --force to replace it")
        }
        let temporary = folder + "/." + url.lastPathComponent + ".\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StoreError("cannot write in \(folder): \(String(cString: strerror(errno))); choose a folder you can write to")
        }
        close(descriptor)
        defer { unlink(temporary) }
        try fill(temporary)
        // rename replaces whatever is at the path (a link itself, not its target);
        // link fails if something appeared there meanwhile.
        if replacing ? rename(temporary, path) != 0 : link(temporary, path) != 0 {
            throw StoreError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
