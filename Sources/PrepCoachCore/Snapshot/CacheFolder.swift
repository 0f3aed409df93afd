import Foundation

/// The snapshot folder, `$XDG_CACHE_HOME/prepcoach/snapshots`, trusted the way
/// OpenSSH trusts its files: what is read from it decides which questions reach a
/// plan unlinted, and its checksums are not secret, so anyone who could write
/// there could plant questions. Its folders are created 0700 and its files 0600;
/// a file or folder that is not owned by you or is writable by others is never
/// read (the banks are read from their files instead) nor written into. (Whoever
/// owns `prepcoach/` above it can move the folder, but not make one of yours.)
enum CacheFolder {
    /// Makes `folder` and its parent (`prepcoach/`) if missing, 0700; true when the folder may be used.
    static func prepare(_ folder: URL) -> Bool {
        let parent = folder.deletingLastPathComponent()
        for level in [parent, folder] {
            if FileStatus(path: level.path) == .missing {
                try? FileManager.default.createDirectory(at: level, withIntermediateDirectories: true,
                                                         attributes: [.posixPermissions: 0o700])
            } else if isYours(level.path, type: S_IFDIR) {
                chmod(level.path, 0o700)  // an older prepcoach made them 0755
            }
        }
        return isTrusted(folder: folder)
    }

    /// A real folder, yours, writable by you alone.
    static func isTrusted(folder: URL) -> Bool { isYours(folder.path, type: S_IFDIR) }

    /// A regular file of yours, writable by you alone, in a trusted folder.
    static func isTrusted(file: URL) -> Bool {
        isTrusted(folder: file.deletingLastPathComponent()) && isYours(file.path, type: S_IFREG)
    }

    /// Writes a new file (0600) and renames it over `path`: a reader sees the old
    /// file or the new, never half of one. Nothing is written in an untrusted folder.
    static func replace(_ path: URL, with bytes: some ContiguousBytes) -> Bool {
        guard prepare(path.deletingLastPathComponent()) else { return false }
        let temporary = path.path + ".\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        let (written, expected) = bytes.withUnsafeBytes { (write(descriptor, $0.baseAddress, $0.count), $0.count) }
        close(descriptor)
        guard written == expected, rename(temporary, path.path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Not a link, of this type, owned by this user, and not writable by group or others.
    private static func isYours(_ path: String, type: mode_t) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == type && info.st_uid == geteuid()
            && info.st_mode & (S_IWGRP | S_IWOTH) == 0
    }
}
