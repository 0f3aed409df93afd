import Foundation
import PrepCoachCore
import Testing

/// Call mode as a user lives it: in a terminal, under a killed process, next to a second process.
@Suite(.serialized) struct CallModeTests {
    static func seed(home: URL) throws {
        let setup = try Binary.run([
            "-c", #"contact add "Dana Lee" --role "Nurse Manager" --company "Mercy Hospital" --industry healthcare --stage career-changer"#,
            "-c", #"pick --contact "Dana Lee" --seed 2"#,
        ], home: home)
        #expect(setup.status == 0, "\(setup.stderr)")
    }

    static func storePath(_ home: URL) -> String { home.appendingPathComponent("data/prepcoach/prepcoach.sqlite").path }

    /// Every note the program acknowledged is in the database after SIGKILL.
    @Test func killedProcessLosesNoAcknowledgedNote() throws {
        let home = try Binary.isolatedHome()
        try Self.seed(home: home)
        let process = try LiveProcess(arguments: ["call", "Dana Lee"], home: home)
        try process.send("next")
        try process.waitForOutput(containing: "▸ 1.")
        for number in 1...25 {
            try process.send("note number \(number)")
            try process.waitForOutput(containing: "✓ noted", count: number)
        }
        process.kill()
        let store = try CoachStore(path: Self.storePath(home))
        let dana = try #require(try store.contact(named: "Dana Lee"))
        let call = try #require(try store.openCall(contactID: dana.id!))
        let notes = try store.events(callID: call.id!).filter { $0.kind == .note }.map(\.text)
        #expect(notes == (1...25).map { "number \($0)" })
    }

    @Test func twoProcessesUseTheDatabaseAtOnce() throws {
        let home = try Binary.isolatedHome()
        try Self.seed(home: home)
        let scripts = ["Acme", "Globex"].map { company in
            (1...60).map { "research add \(company) \"fact \($0)\"" }.joined(separator: "\n") + "\n"
        }
        let processes = try scripts.map { try LiveProcess(arguments: [], home: home, stdin: $0) }
        let statuses = processes.map { $0.waitForExit() }
        #expect(statuses == [0, 0])
        #expect(try CoachStore(path: Self.storePath(home)).research().count == 120)
    }

    /// The whole call in a real terminal: clock, notes, end, wrap — and the .ics parsed by a real iCalendar parser.
    @Test func callInATerminalThenWrapWithACalendarFileParsedByPython() throws {
        let home = try Binary.isolatedHome()
        try Self.seed(home: home)
        let session = try TmuxSession(command: TmuxSession.shellQuoted(Binary.path),
                                      environment: Binary.environment(home: home))
        defer { session.close() }
        try session.waitFor("prepcoach>")
        try session.sendLiteral("call Dana\\ Lee")
        try session.sendKeys("Enter")
        try session.waitFor("left>")
        #expect(session.screen().contains("call 00:0"))
        try session.sendLiteral("next")
        try session.sendKeys("Enter")
        try session.waitFor("▸ 1.")
        try session.sendLiteral("she started on nights in the ER")
        try session.sendKeys("Enter")
        try session.waitFor("✓ noted (Q1)")
        try session.sendLiteral("todo shadow a charge nurse")
        try session.sendKeys("Enter")
        try session.waitFor("to do after the call")
        try session.sendLiteral("end")
        try session.sendKeys("Enter")
        try session.waitFor("Call ended")
        try session.waitForPrompt()
        try session.sendLiteral("wrap Dana\\ Lee --from Alex")
        try session.sendKeys("Enter")
        // In the shell, wrap asks which point the thank-you names; Enter leaves the placeholder.
        try session.waitFor("Number, your own words, or Enter to fill in later:")
        try session.sendKeys("Enter")
        try session.waitFor("Follow-up:")

        try session.waitForPrompt()
        try session.sendKeys("C-d")
        #expect(try session.waitForExit() == 0)

        let summaries = home.appendingPathComponent("data/prepcoach/summaries")
        let files = try FileManager.default.contentsOfDirectory(atPath: summaries.path)
        let markdown = try String(contentsOf: summaries.appendingPathComponent(try #require(files.first { $0.hasSuffix(".md") })),
                                  encoding: .utf8)
        #expect(markdown.contains("she started on nights in the ER"))
        let ics = summaries.appendingPathComponent(try #require(files.first { $0.hasSuffix(".ics") })).path
        let parsed = try runPython("""
            import sys, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            for event in cal.walk('VEVENT'):
                rule = event.get('RRULE')
                print(event.get('SUMMARY'), '|', event.decoded('DTSTART'), '|', dict(rule) if rule else '')
            """, ics)
        let lines = parsed.split(separator: "\n").map(String.init)
        try #require(lines.count == 2)
        #expect(lines[0].hasPrefix("Send thank-you to Dana Lee |"))
        #expect(lines[1].hasPrefix("Check in with Dana Lee |"))
        #expect(lines[1].contains("'FREQ': ['MONTHLY']") && lines[1].contains("'INTERVAL': [3]"))
    }

    /// Five minutes before the call's own end, and at its end, the call warns (in a script: on
    /// the next line). The times are half a minute past each mark: each process's clock starts
    /// when it does, so a mark hit to the second would depend on how fast each one started.
    @Test func warnsFiveMinutesBeforeTheEndAndAtTheEnd() throws {
        let home = try Binary.isolatedHome()
        try Self.seed(home: home)
        let start = try Binary.run(["call", "Dana Lee", "--minutes", "20"], stdin: "next\n", home: home,
                                   extraEnvironment: ["PREPCOACH_NOW": "2026-01-05T10:00:00Z"])
        #expect(start.status == 0 && start.stdout.contains("Call paused"))
        let soon = try Binary.run(["call", "Dana Lee"], stdin: "a note\n", home: home,
                                  extraEnvironment: ["PREPCOACH_NOW": "2026-01-05T10:15:30Z"])
        #expect(soon.stderr.contains("15:00 — 5 minutes left of the 20 you asked for"))
        #expect(!soon.stderr.contains("are up"))
        let later = try Binary.run(["call", "Dana Lee"], stdin: "end\n", home: home,
                                   extraEnvironment: ["PREPCOACH_NOW": "2026-01-05T10:20:30Z"])
        #expect(later.stderr.contains("20:00 — the 20 minutes you asked for are up"))
        #expect(!later.stderr.contains("5 minutes left"))
        #expect(later.stdout.contains("Call ended after 20:"))
    }

    /// The Python that has icalendar, as scripts/install-deps.sh --test checks: `python3` on
    /// PATH, else /usr/bin/python3 (where Debian's python3-icalendar goes).
    private static let python = ["python3", "/usr/bin/python3"].first { candidate in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [candidate, "-c", "import icalendar"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    } ?? "python3"

    private func runPython(_ script: String, _ argument: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [Self.python, "-c", script, argument]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python: \(problems)")
        return text
    }
}
