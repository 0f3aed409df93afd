import Foundation
import PrepCoachCore
import Testing

/// "I have 10 minutes right now": from a fresh start, one command line in the shell puts a plan for
/// those minutes on a ticking call screen, in under 20 keystrokes besides the names.
@Suite(.serialized) struct SurpriseCallTests {
    @Test func oneLineFromAFreshStartPutsAFittingPlanOnATickingCallScreen() throws {
        let home = try Binary.isolatedHome()
        let session = try TmuxSession(command: TmuxSession.shellQuoted(Binary.path),
                                      environment: Binary.environment(home: home), width: 60, height: 40)
        defer { session.close() }
        try session.waitForPrompt()
        // The names typed in full; everything else is counted.
        var keystrokes = 0
        func type(_ text: String) throws { try session.sendLiteral(text); keystrokes += text.count }
        func press(_ key: String) throws { try session.sendKeys(key); keystrokes += 1 }
        // The line wraps at 60 columns: look for the completion across rows.
        func completed(_ word: String) throws {
            try session.waitFor(word) { screen in
                let joined = screen.replacingOccurrences(of: "\n", with: "")
                return joined.contains(word + " ") || joined.hasSuffix(word)
            }
        }
        try session.sendLiteral(#"call "Pat Baker""#)
        try type(" --m")
        try press("Tab")
        try completed("--minutes")
        try type("10 --s")
        try press("Tab")
        try completed("--stage")
        try session.sendLiteral("student")
        try type(" --i")
        try press("Tab")
        try completed("--industry")
        try session.sendLiteral("agriculture-and-food")
        try press("Enter")
        #expect(keystrokes <= 20)

        try session.waitForPrompt("left>")
        let screen = session.screen(includingScrollback: true)
        #expect(screen.contains("Added Pat Baker"))
        #expect(screen.contains("for 10 minutes"))
        #expect(screen.contains("next   1."))
        let clock = try #require(screen.split(separator: "\n").last { $0.hasPrefix("call 00:0") })
        #expect(clock.contains("· 09:5") || clock.contains("· 10:00"))
        try session.waitFor("the clock to tick", timeout: .seconds(4)) { current in
            current.split(separator: "\n").last.map { $0.hasPrefix("call ") && !clock.hasPrefix($0.prefix(10)) } ?? false
        }

        // In the call, `pick` picks the rest again for the minutes left, keeping what was asked.
        try session.enter("next")
        try session.waitFor("now  ▸ 1.")
        try session.waitForPrompt("left>")
        try session.enter("pick")
        try session.waitFor("the plan before.")
        #expect(session.screen().split(separator: "\n").joined(separator: " ").contains("after the 1 asked"))
        try session.waitForPrompt("left>")
        #expect(session.screen().contains("▸  1."))
        try session.enter("end")
        try session.waitForPrompt()
        try session.sendKeys("C-d")
        #expect(try session.waitForExit() == 0)
        let store = try CoachStore(path: CallModeTests.storePath(home))
        let pat = try #require(try store.contact(named: "Pat Baker"))
        #expect(try store.calls(contactID: pat.id!).map(\.promisedMinutes) == [10])
    }
}

/// At 60 columns the phone script, `search`, `history` and the call's status lines break between
/// words, and a page of HTML is not poured onto the terminal.
@Suite(.serialized) struct NarrowWindowTests {
    private func oneShot(_ arguments: String, home: URL) throws -> (screen: String, status: Int32) {
        let session = try TmuxSession(command: TmuxSession.shellQuoted(Binary.path) + " " + arguments,
                                      environment: Binary.environment(home: home), width: 60, height: 60)
        defer { session.close() }
        let status = try session.waitForExit(timeout: .seconds(10))
        return (session.screen(), status)
    }

    private func expectWrapped(_ screen: String, contains sentences: [String]) {
        NarrowPrepAndRehearseTests.expectWrapped(screen, width: 60, contains: sentences)
    }

    @Test func phoneScriptSearchHistoryAndCallLinesBreakAtWords() throws {
        let home = try Binary.isolatedHome()
        try CallModeTests.seed(home: home)
        let note = "she started on nights in the emergency department and moved to day surgery after six years"
        #expect(try Binary.run(["call", "Dana Lee"], stdin: "next\n\(note)\nend\n", home: home).status == 0)

        let phone = try oneShot("request 'Dana Lee' --channel phone --how 'the alumni network' --learn 'how night shifts work'", home: home)
        expectWrapped(phone.screen, contains: [
            "Would you have 20 to 30 minutes, now or at a time that suits you, to tell me about your work as a Nurse Manager at Mercy Hospital?",
            "If they are busy: ask when would suit them, and confirm the time and channel before you hang up.",
        ])
        let search = try oneShot("search shift patterns", home: home)
        expectWrapped(search.screen, contains: ["How do your shift patterns work in practice, including nights and weekends?"])
        let history = try oneShot("history 'Dana Lee'", home: home)
        expectWrapped(history.screen, contains: [note])

        let call = try TmuxSession(command: TmuxSession.shellQuoted(Binary.path) + " call 'Dana Lee'",
                                   environment: Binary.environment(home: home), width: 60, height: 60)
        defer { call.close() }
        try call.waitForPrompt("left>")
        try call.sendKeys("C-d")
        try call.waitFor("Call paused")
        #expect(try call.waitForExit() == 0)
        expectWrapped(call.screen(), contains: ["Call paused: `call \"Dana Lee\"` resumes it, `end` there ends it."])
    }

    @Test func htmlIsRefusedOnATerminalAndWrittenToAPipe() throws {
        let home = try Binary.isolatedHome()
        try CallModeTests.seed(home: home)
        let terminal = try oneShot("export-plan 'Dana Lee' --html", home: home)
        #expect(terminal.status == 1)
        #expect(terminal.screen.contains("error: an HTML page is for a file: add -o dana-lee-plan.html"))
        #expect(!terminal.screen.contains("<html"))
        let piped = try Binary.run(["export-plan", "Dana Lee", "--html"], home: home)
        #expect(piped.status == 0 && piped.stdout.hasPrefix("<!DOCTYPE html>"))
    }
}
