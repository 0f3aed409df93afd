import Foundation

/// Reads text aloud with `espeak-ng` (Debian's package of that name), so a
/// rehearsal can put the contact's questions to you by voice.
struct Speaker {
    static let program = "espeak-ng"
    static let installAdvice = "`rehearse --speak` reads their questions aloud with espeak-ng, which is not installed: "
        + "sudo apt-get install espeak-ng. Going on without a voice."

    let executable: String

    /// espeak-ng on the `PATH`, if it is there.
    static func find(environment: [String: String]) -> Speaker? {
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        return folders.lazy.map { ($0 as NSString).appendingPathComponent(program) }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
            .map(Speaker.init(executable:))
    }

    /// Says the text and returns when it is said; with `wav`, writes it to that file instead.
    /// The text goes in on standard input, so nothing in it can be read as an option.
    @discardableResult
    func say(_ text: String, writingTo wav: String? = nil) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--stdin"] + (wav.map { ["-w", $0] } ?? [])
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return false
        }
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
