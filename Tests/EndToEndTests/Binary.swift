import Foundation

/// The `prepcoach` binary built alongside the tests, and helpers to run it.
enum Binary {
    /// `PREPCOACH_BIN`, else `prepcoach` next to the test bundle (SwiftPM builds
    /// the executable this target depends on into the same folder).
    static let path: String = {
        if let path = ProcessInfo.processInfo.environment["PREPCOACH_BIN"] { return path }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("prepcoach")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            folder.deleteLastPathComponent()
        }
        return "prepcoach"
    }()

    /// A fresh, empty data and config home per test, so history and databases never leak between tests.
    static func isolatedHome() throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("prepcoach-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return home
    }

    static func environment(home: URL) -> [String: String] {
        ["HOME": home.path, "XDG_DATA_HOME": home.appendingPathComponent("data").path,
         "XDG_CONFIG_HOME": home.appendingPathComponent("config").path]
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs the binary without a terminal: arguments, optional standard input.
    static func run(_ arguments: [String], stdin: String? = nil, home: URL,
                    extraEnvironment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment(home: home).merging(extraEnvironment) { _, new in new }
            .merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]) { old, _ in old }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }
}
