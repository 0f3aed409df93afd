import Foundation

/// The database's place on disk, checked before SQLite touches it: every
/// problem becomes one line saying what is wrong and what to do, symbolic
/// links are refused (they could redirect private notes anywhere), and the
/// file is created readable by you alone.
struct DatabaseLocation {
    let path: String
    /// True for the default data folder, which prepcoach creates and owns;
    /// false for `--db PATH`, whose folder must already exist.
    let managesFolder: Bool

    var folder: String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// The files SQLite keeps beside the database in WAL mode.
    var companions: [String] { [path + "-wal", path + "-shm"] }

    /// Makes sure the folder exists and is a real folder (creating the managed one, 0700).
    func prepareFolder() throws {
        if path.isEmpty { throw StoreError("the database path is empty: give --db a file path, e.g. --db ~/prepcoach.sqlite") }
        if path.hasSuffix("/") { throw StoreError("\(path) is a folder, not a database file: give --db a file path") }
        switch FileStatus(path: folder) {
        case .folder:
            break
        case .symbolicLink:
            // A folder you chose may be a link (/tmp is one on macOS); the data folder prepcoach owns may not.
            if managesFolder {
                throw StoreError("refusing the data folder \(folder): it is a symbolic link, which could redirect "
                                 + "your data; replace it with a real folder or use --db PATH")
            }
        case .missing:
            guard managesFolder else {
                throw StoreError("cannot use the database \(path): the folder \(folder) does not exist; "
                                 + "create it first (mkdir -p \(shellQuoted(folder))) or choose another --db path")
            }
            try createFolder()
        case .file, .special:
            throw StoreError("cannot use the database \(path): \(folder) is a file, not a folder; "
                             + "move it away or choose another location")
        }
    }

    private func createFolder() throws {
        // The deepest existing part of the path says why creating fails, if it does.
        var existing = folder
        var missing: [String] = []
        while FileStatus(path: existing) == .missing, existing != "/", !existing.isEmpty {
            missing.insert(existing, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        if FileStatus(path: existing) == .file {
            throw StoreError("cannot create the data folder \(folder): \(existing) is a file, not a folder; "
                             + "move it away or set XDG_DATA_HOME to another folder")
        }
        // One level at a time, each 0700, so a failure names its cause.
        for level in missing where mkdir(level, 0o700) != 0 && errno != EEXIST {
            let reason = errno == EACCES || errno == EROFS
                ? "\(existing.isEmpty ? "." : existing) is not writable by you" : String(cString: strerror(errno))
            throw StoreError("cannot create the data folder \(folder): \(reason); "
                             + "make it writable or set XDG_DATA_HOME (or --db PATH) to a folder you own")
        }
    }

    /// Creates the database if missing (0600, never through a link), refuses links
    /// at its path or its companions, repairs companions left unusable; returns warnings.
    func prepareFiles() throws -> [String] {
        for file in [path] + companions where FileStatus(path: file) == .symbolicLink {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: file)).map { " (to \($0))" } ?? ""
            throw StoreError("refusing to open \(file): it is a symbolic link\(target), which could redirect your data; "
                             + "remove it (rm \(shellQuoted(file))) or give the real file with --db")
        }
        switch FileStatus(path: path) {
        case .missing: try create()
        case .folder: throw StoreError("\(path) is a folder, not a database file: give --db a file path")
        case .special: throw StoreError("\(path) is a device, pipe or socket, not a database file: give --db a file path")
        case .file, .symbolicLink: break
        }
        if access(path, R_OK | W_OK) != 0 {
            throw StoreError("the database \(path) is not readable and writable by you (mode \(mode(path))); "
                             + "run chmod 600 \(shellQuoted(path))")
        }
        var warnings = try companions.compactMap(repairCompanion)
        if let mode = permissions(path), mode & 0o077 != 0 {
            warnings.append("the database \(path) can be read by other users (mode \(octal(mode))); "
                            + "run chmod 600 \(shellQuoted(path))")
        }
        if managesFolder, let mode = permissions(folder), mode & 0o077 != 0 {
            warnings.append("the data folder \(folder) can be read by other users (mode \(octal(mode))); "
                            + "run chmod 700 \(shellQuoted(folder))")
        }
        return warnings
    }

    private func create() throws {
        // O_EXCL: two processes starting at once never replace each other's file;
        // O_NOFOLLOW: a link planted after the check above is not followed either.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            let reason = errno == EACCES ? "the folder \(folder) is not writable by you" : String(cString: strerror(errno))
            throw StoreError("cannot create the database \(path): \(reason); make the folder writable or use --db PATH")
        }
    }

    /// A `-wal` or `-shm` file left without read and write permission for its owner
    /// (after the database itself was read-only once) makes every open fail. Reset it to
    /// 0600 (it holds the database's own data, like the database); if that is not allowed, say how.
    private func repairCompanion(_ file: String) throws -> String? {
        guard FileStatus(path: file) == .file, let oldMode = permissions(file), oldMode & 0o600 != 0o600 else { return nil }
        guard chmod(file, 0o600) == 0 else {
            throw StoreError("cannot use \(file) (mode \(octal(oldMode))), which SQLite needs beside the database; "
                             + "run chmod 600 \(shellQuoted(file)) as its owner")
        }
        return "\(file) had mode \(octal(oldMode)), which kept the database from opening; reset it to 0600"
    }

    private func permissions(_ file: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: file)[.posixPermissions]) as? Int
    }

    private func mode(_ file: String) -> String { permissions(file).map(octal) ?? "unknown" }

    private func octal(_ mode: Int) -> String { "0" + String(mode, radix: 8) }
}

/// A path as typed in a shell command in a message.
private func shellQuoted(_ path: String) -> String {
    path.allSatisfy { $0.isLetter || $0.isNumber || "/._-~+".contains($0) }
        ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// What is at a path, without following a symbolic link there.
enum FileStatus: Equatable {
    /// `special`: a device, pipe or socket, which no command may write over.
    case missing, file, folder, symbolicLink, special

    init(path: String) { self.init(path: path, status: lstat) }

    /// What a symbolic link there leads to (the path's own status when it is none).
    init(followingLinksAt path: String) { self.init(path: path, status: stat) }

    private init(path: String, status: (UnsafePointer<CChar>, UnsafeMutablePointer<stat>) -> Int32) {
        var info = stat()
        guard status(path, &info) == 0 else {
            self = .missing
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: self = .symbolicLink
        case S_IFDIR: self = .folder
        case S_IFREG: self = .file
        default: self = .special
        }
    }
}

/// An exclusive lock on the database's folder while it is opened and migrated,
/// so processes starting together on a missing database take turns creating it.
/// `flock` on the folder rather than the file: SQLite's own POSIX locks on the
/// file would be dropped when another descriptor of it is closed.
struct FolderLock: ~Copyable {
    private let descriptor: Int32

    init(_ folder: String) throws {
        descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw StoreError("cannot open the folder \(folder): \(String(cString: strerror(errno))); "
                             + "make it readable by you or use --db PATH")
        }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    }

    deinit { close(descriptor) }
}
