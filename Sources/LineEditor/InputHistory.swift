import CLibEdit
import Foundation

/// One list of earlier input lines (Up/Down, Ctrl-R), kept in its own file. A mode
/// with its own history (a call's notes) does not mix its lines with the shell's commands.
public final class InputHistory {
    let handle: OpaquePointer?
    private let file: URL?
    private var lastEntry: String?
    /// Why the file is not used: it, or its folder, is a symbolic link.
    public let refusal: String?

    /// `file`: loaded now, saved after every added entry (so a killed process keeps
    /// it); its parent directories are created with mode 0700. A symbolic link at the
    /// file or its folder is refused (it could send what you type anywhere): the history
    /// then lives only in memory, and `refusal` says why.
    public init(file: URL?, limit: Int = 1000) {
        let link = file.flatMap { [$0, $0.deletingLastPathComponent()].first(where: Self.isSymbolicLink) }
        refusal = link.map {
            "not keeping history in \($0.path): it is a symbolic link, which could send what you type elsewhere; "
                + "remove it (rm '\($0.path)')"
        }
        self.file = link == nil ? file : nil
        handle = history_init()
        guard let handle else { return }
        _ = clibedit_history_setsize(handle, Int32(clamping: max(limit, 1)))
        // libedit itself skips an entry equal to the previous one.
        _ = clibedit_history_setunique(handle, 1)
        if let file = self.file {
            _ = clibedit_history_load(handle, file.path)
        }
    }

    deinit {
        if let handle { history_end(handle) }
    }

    /// Adds a line (skipping blank lines and an immediate duplicate) and saves the file at once.
    public func add(_ line: String) {
        guard let handle,
              !line.allSatisfy(\.isWhitespace),
              line != lastEntry
        else { return }
        lastEntry = line
        _ = clibedit_history_enter(handle, line)
        save(handle)
    }

    private static func isSymbolicLink(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    private func save(_ handle: OpaquePointer) {
        // A link planted since start-up is not followed either.
        guard let file, !Self.isSymbolicLink(file), !Self.isSymbolicLink(file.deletingLastPathComponent()) else { return }
        let directory = file.deletingLastPathComponent()
        try? FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700]
        )
        // Write a temporary file and rename it, so a kill mid-write never leaves a
        // truncated history behind.
        let temporary = directory.appendingPathComponent(".\(file.lastPathComponent).\(getpid()).tmp")
        // libedit opens it with fopen: create it first, never through a link left at that name.
        unlink(temporary.path)
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        close(descriptor)
        if clibedit_history_save(handle, temporary.path) >= 0 {
            if rename(temporary.path, file.path) != 0 {
                unlink(temporary.path)
            }
        } else {
            unlink(temporary.path)
        }
    }
}
