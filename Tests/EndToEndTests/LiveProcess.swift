import Foundation

/// The binary running with pipes on both ends, for tests that talk to it line
/// by line and may kill it mid-way.
final class LiveProcess {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var received = ""

    /// `mergingErrors`: standard error comes in with the output, to wait for error lines too.
    init(arguments: [String], home: URL, stdin: String? = nil, mergingErrors: Bool = false) throws {
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = arguments
        process.environment = Binary.environment(home: home)
            .merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]) { old, _ in old }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = mergingErrors ? output : FileHandle.nullDevice
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
    }

    func send(_ line: String) throws {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Reads output until `text` has appeared `count` times (or the process closes its output).
    func waitForOutput(containing text: String, count: Int = 1) throws {
        while received.components(separatedBy: text).count - 1 < count {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "output ended: \(received)"]) }
            received += String(decoding: chunk, as: UTF8.self)
        }
    }

    /// SIGKILL: no handler, no cleanup, no flush — the harshest way a session can end.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func waitForExit() -> Int32 {
        _ = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
