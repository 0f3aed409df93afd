import Glibc

/// One run of a child process: wall time from spawn to reaped, and its peak memory.
struct ChildRun {
    let milliseconds: Double
    let peakRSSMiB: Double
}

/// Runs a program with posix_spawn and reaps it with wait4, which hands back
/// the child's own resource usage (peak RSS) — Foundation's Process does not.
enum ChildProcess {
    /// `arguments[0]` is looked up on PATH unless it contains a slash.
    /// Standard output goes to `stdoutPath`; standard input comes from `stdinPath`
    /// if given; standard error is inherited. `success` lists the exit statuses
    /// that are not failures (grep and lint exit 1 on what they find).
    static func run(_ arguments: [String], stdoutPath: String = "/dev/null", stdinPath: String? = nil,
                    environment: [String: String], success: Set<Int32> = [0]) throws -> ChildRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if let stdinPath { posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0) }

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        var status: Int32 = 0
        var usage = rusage()
        let clock = ContinuousClock()
        let start = clock.now
        let spawnError = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
        guard spawnError == 0 else {
            throw BenchFailure("cannot start \(arguments[0]): \(String(cString: strerror(spawnError)))")
        }
        while wait4(pid, &status, 0, &usage) == -1 {
            guard errno == EINTR else { throw BenchFailure("wait4 failed: \(String(cString: strerror(errno)))") }
        }
        let elapsed = start.duration(to: clock.now)

        // The wait status layout: low 7 bits the signal, next byte the exit code.
        let signal = status & 0x7f, exitCode = (status >> 8) & 0xff
        guard signal == 0 else { throw BenchFailure("\(arguments.joined(separator: " ")) killed by signal \(signal)") }
        guard success.contains(exitCode) else {
            throw BenchFailure("\(arguments.joined(separator: " ")) exited with status \(exitCode)")
        }
        // Linux reports ru_maxrss in KiB.
        return ChildRun(milliseconds: elapsed.milliseconds, peakRSSMiB: Double(usage.ru_maxrss) / 1024)
    }
}
