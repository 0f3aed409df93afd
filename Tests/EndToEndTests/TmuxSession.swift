import Foundation

/// Runs a command in a real terminal — a detached tmux session — so end-to-end tests
/// can type into it and read the screen, exactly as a user would see it.
///
/// Each session starts its own tmux server on its own socket (`-S <temp file>`, like
/// `-L` but removable afterwards; no config file), so tests running in parallel never
/// share state with each other or with the user's tmux. The server is killed (and its
/// files removed) by `close()` or, at the latest, by `deinit`.
///
/// Blocking by design (polling with short sleeps): simple to use from `@Test` functions.
final class TmuxSession {
    enum Failure: Error, CustomStringConvertible {
        case tmux(arguments: [String], status: Int32, output: String)
        case timedOut(waitingFor: String, screen: String)

        var description: String {
            switch self {
            case .tmux(let arguments, let status, let output):
                return "tmux \(arguments.joined(separator: " ")) failed (\(status)): \(output)"
            case .timedOut(let waitingFor, let screen):
                return "timed out waiting for \(waitingFor); screen:\n\(screen)"
            }
        }
    }

    /// The tmux session name, unique per session.
    let name: String
    private let socket: URL
    private let statusFile: URL
    private var closed = false

    /// Starts `command` (a `/bin/sh` command line) in a `width`×`height` terminal.
    ///
    /// The command's environment is PATH and HOME from the test process plus
    /// `environment` (which wins); nothing else leaks in, so e.g. LANG is unset unless
    /// given. TERM is `environment["TERM"]`, or tmux-256color. Ctrl-C reaches the
    /// command only (the wrapping shell traps it), so its exit status is still recorded.
    init(
        command: String,
        environment: [String: String] = [:],
        width: Int = 100,
        height: Int = 30,
        directory: URL? = nil
    ) throws {
        name = "e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        let temporary = FileManager.default.temporaryDirectory
        socket = temporary.appendingPathComponent("\(name).tmux")
        statusFile = temporary.appendingPathComponent("\(name).status")

        var env: [String: String] = [:]
        let inherited = ProcessInfo.processInfo.environment
        for key in ["PATH", "HOME"] { env[key] = inherited[key] }
        env.merge(environment) { _, new in new }
        let term = env["TERM"] ?? "tmux-256color"

        // `trap : INT` keeps the wrapper alive through Ctrl-C (a trapped signal is reset
        // to its default in the command); the status goes to a file via a rename, so a
        // reader never sees it half-written.
        let status = Self.shellQuoted(statusFile.path)
        let script = """
            trap : INT
            \(command)
            echo $? > \(status).tmp && mv \(status).tmp \(status)
            """
        var newSession = ["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)"]
        if let directory { newSession += ["-c", directory.path] }
        newSession += ["/bin/sh", "-c", script]
        // One tmux invocation, so the options are set before the command starts;
        // remain-on-exit keeps the last screen readable after the command exits.
        try run(
            ["start-server", ";",
             "set-option", "-g", "remain-on-exit", "on", ";",
             "set-option", "-g", "default-terminal", term, ";"] + newSession,
            environment: env
        )
    }

    deinit { close() }

    /// Kills the tmux server; safe to call more than once.
    func close() {
        guard !closed else { return }
        closed = true
        _ = try? run(["kill-server"])
        for file in [statusFile, statusFile.appendingPathExtension("tmp"), socket] {
            try? FileManager.default.removeItem(at: file)
        }
    }

    /// Types `text` literally (no key names are interpreted).
    func sendLiteral(_ text: String) throws {
        try run(["send-keys", "-t", name, "-l", "--", text])
    }

    /// Presses keys by tmux name: "Enter", "Tab", "Up", "C-c", "C-d", "C-r", "Escape", …
    /// (Not "C-z": the wrapping shell has no job control, so a stopped command hangs.)
    func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", name] + keys)
    }

    /// The window title the command set (an escape sequence can change it), or tmux's default.
    func paneTitle() throws -> String {
        try run(["display-message", "-p", "-t", name, "#{pane_title}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Resizes the terminal, as dragging the window's edge does (the command gets SIGWINCH).
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The visible screen, one line per row, or with `includingScrollback` everything
    /// the command printed so far. tmux strips trailing spaces from each row (match
    /// `prompt>`, not `prompt> `); trailing empty rows are dropped here. After the
    /// command exited this is still its last screen: tmux's "Pane is dead" line (whose
    /// linefeed scrolls the top row away) is undone.
    func screen(includingScrollback: Bool = false) -> String {
        let dead = (try? run(["display-message", "-p", "-t", name, "#{pane_dead}"]))?
            .hasPrefix("1") ?? false
        var arguments = ["capture-pane", "-p", "-t", name]
        if includingScrollback {
            arguments += ["-S", "-"]
        } else if dead {
            arguments += ["-S", "-1"]
        }
        guard let text = try? run(arguments) else { return "" }
        var lines = text.components(separatedBy: "\n")
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        if dead, let last = lines.last, last.hasPrefix("Pane is dead") {
            lines.removeLast()
            while let last = lines.last, last.isEmpty { lines.removeLast() }
        }
        return lines.joined(separator: "\n")
    }

    /// How long a wait may take before it counts as a hang. Waits return as soon as the
    /// screen is right, so a generous bound costs nothing when the program is well; it
    /// is wide because the suite shares two cores with builds and other tests.
    static let patience = Duration.seconds(20)

    /// Polls the screen every 50 ms until it contains `text`; returns that screen, or
    /// throws `Failure.timedOut` carrying the last screen seen.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = TmuxSession.patience) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until the command has finished printing and the prompt is back on the last
    /// line: keys sent while output is still scrolling reach a terminal not yet reading.
    @discardableResult
    func waitForPrompt(_ prompt: String = "prepcoach>", timeout: Duration = TmuxSession.patience) throws -> String {
        try waitFor("the \(prompt) prompt", timeout: timeout) { screen in
            screen.split(separator: "\n").last.map { $0.hasSuffix(prompt) } ?? false
        }
    }

    /// Polls the screen every 50 ms until `condition` holds for it.
    @discardableResult
    func waitFor(
        _ what: String, timeout: Duration = TmuxSession.patience, until condition: (String) -> Bool
    ) throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            let current = screen()
            if condition(current) { return current }
            if ContinuousClock.now >= deadline {
                throw Failure.timedOut(waitingFor: what, screen: current)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Waits for the command to exit and returns its exit status (128+n if killed by
    /// signal n).
    func waitForExit(timeout: Duration = TmuxSession.patience) throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let text = try? String(contentsOf: statusFile, encoding: .utf8),
               let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            if ContinuousClock.now >= deadline {
                throw Failure.timedOut(waitingFor: "exit", screen: screen())
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// The directory holding the package's built products (where `swift build` put the
    /// executables), found from the running test bundle.
    static var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        #endif
        return Bundle.main.bundleURL
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    @discardableResult
    private func run(_ arguments: [String], environment: [String: String]? = nil) throws -> String {
        // -u: treat the terminal as UTF-8 whatever the locale; -f /dev/null: ignore ~/.tmux.conf.
        let fullArguments = ["tmux", "-S", socket.path, "-f", "/dev/null", "-u"] + arguments
        let (status, output) = try Self.spawn(
            "/usr/bin/tmux", fullArguments,
            environment: environment ?? ProcessInfo.processInfo.environment
        )
        guard status == 0 else {
            throw Failure.tmux(arguments: arguments, status: status, output: output)
        }
        return output
    }

    #if canImport(Glibc)
    /// Runs a program and returns its exit status and output (stdout and stderr).
    ///
    /// Not Foundation's `Process`: on Linux it watches for exit through a socket the
    /// child inherits, and the tmux server forked by the first command keeps that
    /// socket open, so `waitUntilExit()` would never return. Also, Swift Testing's
    /// threads block most signals and a child inherits that mask: a server started so
    /// ignores kill-server (SIGTERM) and SIGCHLD. So: posix_spawn with no signals
    /// blocked or ignored (as a shell would) and no descriptors but 0–2 inherited.
    private static func spawn(
        _ path: String, _ arguments: [String], environment: [String: String]
    ) throws -> (Int32, String) {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
        // Close every other descriptor in the child: a long-lived tmux server holding,
        // say, another test's Process socket would make that test wait forever.
        // (posix_spawn_file_actions_addclosefrom_np, glibc 2.34+, needs _GNU_SOURCE.)
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
            typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
            _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, 3)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        for signal in [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU] {
            sigaddset(&defaultSignals, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        Glibc.close(writeEnd)
        guard spawned == 0 else {
            Glibc.close(readEnd)
            throw POSIXError(.init(rawValue: spawned) ?? .EIO)
        }
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(readEnd, &buffer, buffer.count)
            if count > 0 {
                output += buffer[0..<count]
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        Glibc.close(readEnd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitStatus, String(decoding: output, as: UTF8.self))
    }
    #else
    /// Runs a program and returns its exit status and output (stdout and stderr).
    private static func spawn(
        _ path: String, _ arguments: [String], environment: [String: String]
    ) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = Array(arguments.dropFirst())
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
    #endif
}
