import Foundation
import PrepCoachCore
import Testing

/// The after-the-call commands as a user runs them: times in their own zone, and
/// the exported plan page checked in a real browser when one is installed.
@Suite struct AfterTheCallEndToEndTests {
    private static let script = """
        contact add "Dana Lee" --company "Mercy Hospital" --industry healthcare --stage career-changer
        pick --contact "Dana Lee" --seed 4
        call "Dana Lee"
        next
        a note
        end
        wrap "Dana Lee"
        history "Dana Lee"

        """

    @Test func timesAreShownInTheLocalZoneAndTheCalendarKeepsUTC() throws {
        let home = try Binary.isolatedHome()
        let result = try Binary.run([], stdin: Self.script, home: home,
                                    extraEnvironment: ["TZ": "America/New_York", "PREPCOACH_NOW": "2025-03-10T09:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        // 09:00 UTC is 05:00 in New York (daylight time from 9 March 2025).
        #expect(result.stdout.contains("- **When:** 2025-03-10 05:00 EDT"))
        #expect(result.stdout.contains("send by 2025-03-11 05:00 EDT"))
        #expect(result.stdout.contains("2025-03-10 05:00 EDT  Call (0 minutes)"))
        let summaries = home.appendingPathComponent("data/prepcoach/summaries")
        let files = try FileManager.default.contentsOfDirectory(atPath: summaries.path)
        #expect(files.contains { $0.hasPrefix("2025-03-10-0500-dana-lee-call") && $0.hasSuffix(".md") })
        let ics = try #require(files.first { $0.hasSuffix(".ics") })
        let calendar = try String(contentsOf: summaries.appendingPathComponent(ics), encoding: .utf8)
        #expect(calendar.contains("DTSTAMP:20250310T09"))
        #expect(calendar.contains("Z\r\n"))
        // The thank-you is due 24 hours after the call, to the minute: its reminder comes 4 hours before.
        #expect(calendar.contains("DTSTART:20250311T0900"))
        #expect(calendar.contains("TRIGGER:-PT4H\r\n"))
    }

    @Test func exportedPageRendersOnAPhoneSizedScreen() throws {
        let home = try Binary.isolatedHome()
        let page = home.appendingPathComponent("plan.html").path
        let export = try Binary.run([], stdin: """
            contact add "Dana Lee" --company "Mercy & Sons" --industry healthcare --stage career-changer
            pick --contact "Dana Lee" --seed 4
            export-plan "Dana Lee" -o \(page)

            """, home: home)
        #expect(export.status == 0, "\(export.stderr)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/render-plan.sh").path
        let png = home.appendingPathComponent("plan.png").path
        let render = try Self.shell([script, page, png])
        if render.status == 2 { return }  // no Chromium here: the unit tests still check the page itself
        #expect(render.status == 0, "\(render.output)")
        let image = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // PNG header: width and height, big-endian, at bytes 16 and 20.
        let width = image[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 375)
        // A page that would fetch something is refused before rendering.
        let leaky = home.appendingPathComponent("leaky.html").path
        try "<html><link href=\"https://cdn.example.com/x.css\"></html>".write(toFile: leaky, atomically: true, encoding: .utf8)
        #expect(try Self.shell([script, leaky]).status == 1)
    }

    /// In the shell, commands ask instead of assuming: keep your questions on a re-pick,
    /// what to say in the request, which point the thank-you names.
    @Test func interactiveShellAsksAboutOwnQuestionsTheRequestAndTheThankYouPoint() throws {
        let home = try Binary.isolatedHome()
        let setup = try Binary.run([], stdin: """
            contact add "Dana Lee" --role "Nurse Manager" --company "Mercy Hospital" --industry healthcare --stage career-changer
            pick --contact "Dana Lee" --seed 4
            plan "Dana Lee" drop 2
            add "Dana Lee" "What surprised you most in your first month?"

            """, home: home)
        #expect(setup.status == 0, "\(setup.stderr)")
        let session = try TmuxSession(command: TmuxSession.shellQuoted(Binary.path),
                                      environment: Binary.environment(home: home).merging(["LANG": "C.UTF-8"]) { _, new in new })
        defer { session.close() }
        try session.waitForPrompt()
        func type(_ line: String) throws {
            try session.sendLiteral(line)
            try session.sendKeys("Enter")
        }
        try type("pick --contact Dana\\ Lee --seed 9")
        try session.waitFor("Keep your own question in the new plan? [Y/n]")
        try type("n")
        try session.waitForPrompt()
        #expect(!session.screen().contains("Kept your own"))
        try type("request Dana\\ Lee")
        try session.waitFor("How are you connected to Dana Lee?")
        try type("met at the spring job fair")
        try session.waitFor("What do you hope to learn from Dana Lee?")
        try type("how night shifts work")
        try session.waitFor("gets you ready")
        let email = session.screen(includingScrollback: true)
        #expect(email.contains("We met at the spring job fair."))
        #expect(email.contains("I hope to learn how night shifts work."))
        try session.waitForPrompt()
        try type("call Dana\\ Lee")
        try session.waitFor("left>")
        for (line, reply) in [("next", "▸ 1."), ("she started on nights in the ER", "✓ noted"),
                              ("todo shadow a charge nurse", "to do after the call")] {
            try type(line)
            try session.waitFor(reply)
            try session.waitForPrompt("left>")
        }
        try type("end")
        try session.waitForPrompt()
        try type("wrap Dana\\ Lee")
        try session.waitFor("Number, your own words, or Enter to fill in later:")
        #expect(session.screen().contains("2. shadow a charge nurse"))
        try type("2")
        try session.waitFor("Follow-up:")
        #expect(session.screen(includingScrollback: true).contains("— your suggestion to shadow a charge nurse —"))
        try session.waitForPrompt()
        try session.sendKeys("C-d")
        #expect(try session.waitForExit() == 0)
        let store = try CoachStore(path: home.appendingPathComponent("data/prepcoach/prepcoach.sqlite").path)
        let dana = try #require(try store.contact(named: "Dana Lee"))
        #expect(try store.plan(contactID: dana.id!).allSatisfy { $0.questionID != nil })
    }

    private static func shell(_ arguments: [String]) throws -> (status: Int32, output: String) {

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
