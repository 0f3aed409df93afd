import CLibEdit
import Foundation

/// One list of earlier input lines (Up/Down, Ctrl-R), kept in its own file. A mode
/// with its own history (a call's notes) does not mix its lines with the shell's commands.
public final class InputHistory {
    let handle: OpaquePointer?
    private let file: URL?
    private var lastEntry: String?

    /// `file`: loaded now, saved after every added entry (so a killed process keeps
    /// it); its parent directories are created with mode 0700.
    public init(file: URL?, limit: Int = 1000) {
        self.file = file
        handle = history_init()
        guard let handle else { return }
        _ = clibedit_history_setsize(handle, Int32(clamping: max(limit, 1)))
        // libedit itself skips an entry equal to the previous one.
        _ = clibedit_history_setunique(handle, 1)
        if let file {
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

    private func save(_ handle: OpaquePointer) {
        guard let file else { return }
        let directory = file.deletingLastPathComponent()
        try? FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700]
        )
        // Write a temporary file and rename it, so a kill mid-write never leaves a
        // truncated history behind.
        let temporary = directory.appendingPathComponent(".\(file.lastPathComponent).\(getpid()).tmp")
        if clibedit_history_save(handle, temporary.path) >= 0 {
            if rename(temporary.path, file.path) != 0 {
                unlink(temporary.path)
            }
        } else {
            unlink(temporary.path)
        }
    }
}
