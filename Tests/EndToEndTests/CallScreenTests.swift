import Foundation
import PrepCoachCore
import Testing

/// The call screen in a real terminal: a clock that runs without keys, warnings that come
/// on time, text wrapped to the width, questions before command-like notes, its own history.
@Suite(.serialized) struct CallScreenTests {
    /// `prepcoach call "Dana Lee" ARGUMENTS` one-shot in a terminal of this size.
    private func startCall(home: URL, arguments: String = "", width: Int = 100, height: Int = 30,
                           now: String? = nil) throws -> TmuxSession {
        var environment = Binary.environment(home: home)
        environment["PREPCOACH_NOW"] = now
        let session = try TmuxSession(command: TmuxSession.shellQuoted(Binary.path) + " call 'Dana Lee' " + arguments,
                                      environment: environment, width: width, height: height)
        try session.waitForPrompt("left>")
        return session
    }

    /// The prompt's `call MM:SS` on the last line.
    private func promptClock(_ screen: String) -> String? {
        guard let last = screen.split(separator: "\n").last, last.hasPrefix("call ") else { return nil }
        return String(last.dropFirst(5).prefix(5))
    }

    private func notes(_ home: URL) throws -> [String] {
        let store = try CoachStore(path: CallModeTests.storePath(home))
        let dana = try #require(try store.contact(named: "Dana Lee"))
        let call = try #require(try store.calls(contactID: dana.id!).last)
        return try store.events(callID: call.id!).filter { $0.kind == .note }.map(\.text)
    }

    /// The clock moves with no key pressed; what is typed, and where the cursor is, survive the redraw.
    @Test func clockTicksWithoutKeysAndTypingSurvivesTheRedraw() throws {
        let home = try Binary.isolatedHome()
        try CallModeTests.seed(home: home)
        let session = try startCall(home: home)
        defer { session.close() }
        let first = try #require(promptClock(session.screen()))
        try session.waitFor("the clock to move", timeout: .seconds(4)) { promptClock($0).map { $0 != first } ?? false }

        try session.sendLiteral("abc")
        try session.sendKeys("Left", "Left")
        let typed = try session.waitFor("left> abc")
        let before = try #require(promptClock(typed))
        try session.waitFor("a redraw", timeout: .seconds(4)) { promptClock($0).map { $0 != before } ?? false }
        #expect(session.screen().hasSuffix("left> abc"))
        try session.sendLiteral("X")
        try session.waitFor("left> aXbc")
        try session.sendKeys("Enter")
        try session.waitFor("✓ noted")
        try session.waitForPrompt("left>")
        try session.sendLiteral("discarded")
        try session.sendKeys("C-c")  // a key, read by the same read function: the line goes, the call stays
        try session.waitForPrompt("left>")
        try session.enter("café — naïve")
        try session.waitFor("✓ noted", timeout: .seconds(5))
        try session.waitFor("two notes") { $0.components(separatedBy: "✓ noted").count == 3 }
        try session.waitForPrompt("left>")
        try session.sendKeys("C-d")
        try session.waitFor("Call paused")
        #expect(try session.waitForExit() == 0)
        #expect(try notes(home) == ["aXbc", "café — naïve"])
    }

    /// The row holding the prompt's `call MM:SS` (a long line wraps below it).
    private func clockOnScreen(_ screen: String) -> String? {
        screen.split(separator: "\n").last { $0.hasPrefix("call ") && $0.contains("left>") }.map { String($0.dropFirst(5).prefix(5)) }
    }

    /// At 60 columns a 200-character note wraps over four rows: the clock still ticks, the 15:00 warning
    /// comes on time above the prompt, a resize keeps typing in place, Ctrl-R's `(search …)` prompt is
    /// not overwritten by the clock, and Ctrl-C leaves a prompt that ticks on.
    @Test func clockAndWarningsKeepTimeWhileALongNoteIsTyped() throws {
        let home = try Binary.isolatedHome()
        try CallModeTests.seed(home: home)
        let start = try Binary.run(["call", "Dana Lee", "--minutes", "20"], stdin: "next\n", home: home,
                                   extraEnvironment: ["PREPCOACH_NOW": "2026-01-05T10:00:00Z"])
        #expect(start.status == 0)
        let session = try startCall(home: home, width: 60, height: 40, now: "2026-01-05T10:14:56Z")
        defer { session.close() }
        let long = (1...40).map { String(format: "w%03d", $0) }.joined(separator: " ")  // 199 characters
        try session.sendLiteral(long)
        try session.waitFor("w040")
        let typed = try #require(clockOnScreen(session.screen()))
        try session.waitFor("the clock to move with the long line", timeout: .seconds(4)) {
            clockOnScreen($0).map { $0 != typed } ?? false
        }
        let warned = try session.waitFor("15:00 — 5 minutes left", timeout: .seconds(6))
        // Rows end where the window does: compare without the spaces and breaks between words.
        func letters(_ text: String) -> String { text.filter { !$0.isWhitespace } }
        #expect(letters(warned).hasSuffix(letters(long)), "the line is drawn whole under the warning")

        try session.resize(width: 45, height: 40)
        let resized = try #require(clockOnScreen(session.screen()))
        try session.waitFor("a tick after the resize", timeout: .seconds(4)) { clockOnScreen($0).map { $0 != resized } ?? false }
        try session.sendLiteral(" END")
        try session.waitFor("the typing at the end of the line") { letters($0).hasSuffix("w040END") }
        func promptRows(_ screen: String) -> Int { screen.split(separator: "\n").filter { $0.hasPrefix("call ") }.count }
        #expect(promptRows(session.screen()) == 1, "the prompt is drawn once after the resize: \(session.screen())")
        // A second resize in the same line: libedit itself hears only the first.
        try session.resize(width: 36, height: 40)
        let narrower = try #require(clockOnScreen(session.screen()))
        try session.waitFor("a tick at 36 columns", timeout: .seconds(4)) { clockOnScreen($0).map { $0 != narrower } ?? false }
        #expect(promptRows(session.screen()) == 1, "the prompt is drawn once after the second resize: \(session.screen())")
        #expect(session.screen().split(separator: "\n").allSatisfy { $0.count <= 36 })
        try session.sendKeys("Enter")
        try session.waitFor("✓ noted")

        try session.enter("short one")
        try session.waitFor("two notes") { $0.components(separatedBy: "✓ noted").count == 3 }
        try session.sendKeys("C-r")
        try session.sendLiteral("sho")
        try session.waitFor("(search 'sho'): short one")
        Thread.sleep(forTimeInterval: 2.5)  // two ticks of the clock
        #expect(session.screen().hasSuffix("(search 'sho'): short one"))
        try session.sendKeys("C-g")
        try session.waitForPrompt("left>")

        try session.sendLiteral("dropped")
        try session.sendKeys("C-c")
        try session.waitForPrompt("left>")
        let afterInterrupt = try #require(promptClock(session.screen()))
        try session.waitFor("the clock to tick after Ctrl-C", timeout: .seconds(4)) {
            promptClock($0).map { $0 != afterInterrupt } ?? false
        }
        try session.sendKeys("C-d")
        try session.waitFor("Call paused")
        #expect(try session.waitForExit() == 0)
        #expect(try notes(home) == [long + " END", "short one"])
    }

    /// `--minutes 20`: the 15:00 warning is on screen on resuming at 19:57, the 20:00 one comes with no key pressed.
    @Test func warningsAppearWhenTheirTimeComesWithoutAKey() throws {
        let home = try Binary.isolatedHome()
        try CallModeTests.seed(home: home)
        let start = try Binary.run(["call", "Dana Lee", "--minutes", "20"], stdin: "next\n", home: home,
                                   extraEnvironment: ["PREPCOACH_NOW": "2026-01-05T10:00:00Z"])
        #expect(start.status == 0)
        let session = try startCall(home: home, now: "2026-01-05T10:19:57Z")
        defer { session.close() }
        #expect(session.screen().contains("15:00 — 5 minutes left of the 20 you asked for"))
        #expect(!session.screen().contains("are up"))
        try session.waitFor("20:00 — the 20 minutes you asked for are up", timeout: .seconds(6))
        try session.waitFor("the prompt redrawn under the warning") { screen in
            screen.split(separator: "\n").last.map { $0.hasPrefix("call 20:0") && $0.hasSuffix(">") } ?? false
        }
        try session.sendKeys("C-d")
        #expect(try session.waitForExit() == 0)
    }

    /// A 28-minute plan in a 20-minute call is pointed out at the start, with what to skip.
    @Test func aPlanLongerThanTheCallIsPointedOut() throws {
        let home = try Binary.isolatedHome()
        try CallModeTests.seed(home: home)
        let result = try Binary.run(["call", "Dana Lee", "--minutes", "15"], stdin: "", home: home)
        #expect(result.stdout.contains("the call is 15, 5 of them for introductions and thanks. To fit, skip"))
        #expect(result.stdout.contains("`skip "))
        let fits = try Binary.run(["call", "Dana Lee"], stdin: "end\n", home: home)
        #expect(!fits.stdout.contains("To fit"))  // resumed: said at the start only
    }

    /// At 50 columns every line fits and words are never split: joined back, the lines give the text.
    @Test func textIsWrappedAtWordsOnANarrowTerminal() throws {
        let home = try Binary.isolatedHome()
        try CallModeTests.seed(home: home)
        let question = "How did your first years as a visual merchandiser shape what you look for in a new hire now?"
        // The plan is full: --anyway adds it over time, before the referral and closing questions.
        #expect(try Binary.run(["add", "Dana Lee", question, "--anyway"], home: home).status == 0)
        let plan = try CoachStore(path: CallModeTests.storePath(home)).plan(
            contactID: try #require(try CoachStore(path: CallModeTests.storePath(home)).contact(named: "Dana Lee")).id!)
        let number = try #require(plan.firstIndex { $0.text == question }) + 1
        let session = try startCall(home: home, width: 50, height: 20)
        defer { session.close() }
        try session.enter("ask \(number)")
        try session.waitFor("now  ▸ \(number).")
        let screen = try session.waitForPrompt("left>")
        let lines = screen.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 50 })
        let joined = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined.contains("now  ▸ \(number). " + question))

        // A line wrapped over two rows is not redrawn (`\e[K` would clear only one): it stays whole.
        let long = "she moved from the shop floor to planning in two years, then to buying"
        try session.sendLiteral(long)
        Thread.sleep(forTimeInterval: 2.2)
        let rows = session.screen().split(separator: "\n").suffix(2)
        #expect(rows.first?.hasPrefix("call ") == true)
        #expect(rows.joined().hasSuffix("left> " + long))
        #expect(session.screen().components(separatedBy: "left> she moved").count == 2)  // drawn once
        try session.sendKeys("Enter")
        try session.waitFor("✓ noted (Q\(number))")
        try session.waitForPrompt("left>")  // Ctrl-D sent while the screen still scrolls can be lost
        try session.sendKeys("C-d")
        #expect(try session.waitForExit() == 0)
    }

    /// A window narrowed mid-call: what comes next is wrapped to the new width (it kept the
    /// width of the start), and the not-asked list lines up under its padded numbers.
    @Test func aWindowResizedMidCallWrapsToItsNewWidth() throws {
        let home = try Binary.isolatedHome()
        try CallModeTests.seed(home: home)
        let session = try startCall(home: home, width: 100, height: 60)
        defer { session.close() }
        try session.resize(width: 50, height: 60)
        try session.enter("skip 2")
        try session.waitFor("skipped 2.")
        try session.waitForPrompt("left>")
        try session.enter("help")
        try session.waitFor("Ctrl-D          pause the call")
        try session.waitForPrompt("left>")
        try session.enter("end")
        try session.waitFor("Call ended")
        #expect(try session.waitForExit() == 0)
        let store = try CoachStore(path: CallModeTests.storePath(home))
        let plan = try store.plan(contactID: try #require(try store.contact(named: "Dana Lee")).id!)
        let screen = session.screen()
        let afterResize = try #require(screen.components(separatedBy: "skipped 2.\n").last)
        let lines = afterResize.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 50 }, "\(afterResize)")
        let joined = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined.contains("next   1. " + plan[0].text), "\(afterResize)")
        let notAsked = try #require(afterResize.components(separatedBy: "Not asked:\n").last).split(separator: "\n")
        #expect(notAsked.count >= plan.count - 1)
        #expect(notAsked.allSatisfy { $0.wholeMatch(of: /(  [ 1-9][0-9]\. |      )\S.*/) != nil }, "\(notAsked)")
    }

    /// `nxt`, `quit` and a pasted shell command are asked about; `undo` removes the last note; `notes` lists them.
    @Test func commandLikeLinesAreAskedAboutAndUndoRemovesANote() throws {
        let home = try Binary.isolatedHome()
        try CallModeTests.seed(home: home)
        let session = try startCall(home: home)
        defer { session.close() }
        func type(_ line: String, thenWaitFor text: String) throws {
            try session.enter(line)
            try session.waitFor(text)
        }
        try type("nxt", thenWaitFor: "'nxt' looks like 'next' — run it? [y/n/note]")
        try type("y", thenWaitFor: "now  ▸ 1.")
        try session.waitForPrompt("left>")
        try type("quit", thenWaitFor: "end the call? [y/n/note]")
        try type("maybe", thenWaitFor: "Answer y (run `end`), n (drop it) or note")
        try type("n", thenWaitFor: "not saved")
        try session.waitForPrompt("left>")
        try type(#"call "Sam Ortiz""#, thenWaitFor: "cannot run in a call")
        try type("n", thenWaitFor: "not saved")
        try session.waitForPrompt("left>")
        try type("she started on nights", thenWaitFor: "✓ noted (Q1)")
        try session.waitForPrompt("left>")
        try type("typo note", thenWaitFor: "✓ noted (Q1)")
        try session.waitForPrompt("left>")
        try type("undo", thenWaitFor: "✗ removed the last note (Q1): typo note")
        try session.waitForPrompt("left>")
        try type("notes", thenWaitFor: "Notes in this call")
        #expect(session.screen().contains("Q1  she started on nights"))
        try session.waitForPrompt("left>")
        try type("edn", thenWaitFor: "looks like 'end'")
        try type("y", thenWaitFor: "Call ended")
        #expect(try session.waitForExit() == 0)
        #expect(try notes(home) == ["she started on nights"])
        let screen = session.screen()
        let notAsked = try #require(screen.range(of: "Not asked:"))
        // The first entry, with the rows it wraps onto (up to the next numbered one).
        let rows = screen[notAsked.upperBound...].split(separator: "\n")
        let firstEntry = ([rows.first ?? ""] + rows.dropFirst().prefix { row in
            !(row.trimmingCharacters(in: .whitespaces).first?.isNumber ?? false)
        }).joined(separator: " ")
        #expect(firstEntry.contains("— the referral"), "\(firstEntry)")
    }

    /// Up in a call recalls only what was typed in calls; the shell's history is untouched.
    @Test func aCallKeepsItsOwnHistory() throws {
        let home = try Binary.isolatedHome()
        try CallModeTests.seed(home: home)
        let session = try TmuxSession(command: TmuxSession.shellQuoted(Binary.path), environment: Binary.environment(home: home))
        defer { session.close() }
        func upRecalls(_ line: String) throws {
            try session.sendKeys("Up")
            try session.waitFor(line)
        }
        try session.waitFor("prepcoach>")
        try session.enter("tags stages")
        try session.waitForPrompt()
        try session.enter("call Dana\\ Lee")
        try session.waitForPrompt("left>")
        try session.sendKeys("Up")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(session.screen().hasSuffix("left>"))  // nothing from the shell
        try session.enter("a note in the call")
        try session.waitFor("✓ noted")
        try session.waitForPrompt("left>")
        try upRecalls("left> a note in the call")
        try session.sendKeys("C-u", "C-d")
        try session.waitForPrompt()
        try upRecalls("prepcoach> call Dana\\ Lee")
        try upRecalls("prepcoach> tags stages")
        try session.sendKeys("C-u", "C-d")
        #expect(try session.waitForExit() == 0)
        let shellHistory = try String(contentsOf: home.appendingPathComponent("data/prepcoach/history"), encoding: .utf8)
        #expect(!shellHistory.contains("note"))
    }

    /// One-shot `prep` and `rehearse` on a terminal ask interactively (as `call` does above).
    @Test func oneShotPrepAndRehearseRunOnATerminal() throws {
        let home = try Binary.isolatedHome()
        try CallModeTests.seed(home: home)
        /// Runs `prepcoach COMMAND 'Dana Lee'`, answers `reply` to its first question and waits for `after`.
        func oneShot(_ command: String, asks question: String, reply: String, then after: String) throws -> TmuxSession {
            let session = try TmuxSession(command: TmuxSession.shellQuoted(Binary.path) + " \(command) 'Dana Lee'",
                                          environment: Binary.environment(home: home))
            try session.waitFor(question)
            try session.enter(reply)
            try session.waitFor(after)
            return session
        }
        let prep = try oneShot("prep", asks: "[y/n/note/?]", reply: "y", then: "[your sentence/n/?]")
        defer { prep.close() }
        try prep.sendKeys("C-d")
        #expect(try prep.waitForExit() == 0)
        #expect(!prep.screen().contains("run it in the prepcoach shell"))

        let rehearse = try oneShot("rehearse", asks: "Enter when done", reply: "s", then: "stopped after 0")
        defer { rehearse.close() }
        #expect(try rehearse.waitForExit() == 0)
    }
}

/// prep and rehearse at 50 columns: their questions and explanations wrap at words (they were cut mid-word).
@Suite(.serialized) struct NarrowPrepAndRehearseTests {
    private func narrow(_ command: String, home: URL) throws -> TmuxSession {
        try TmuxSession(command: TmuxSession.shellQuoted(Binary.path) + " \(command) 'Dana Lee'",
                        environment: Binary.environment(home: home), width: 50, height: 30)
    }

    /// Every row fits, and joined back at word boundaries the rows give the sentences whole.
    static func expectWrapped(_ screen: String, width: Int = 50, contains sentences: [String]) {
        let rows = screen.split(separator: "\n")
        #expect(rows.allSatisfy { $0.count <= width }, "\(screen)")
        let joined = rows.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        for sentence in sentences { #expect(joined.contains(sentence), "\(screen)") }
    }

    @Test func prepAndRehearseWrapAtWords() throws {
        let home = try Binary.isolatedHome()
        try CallModeTests.seed(home: home)
        let prep = try narrow("prep", home: home)
        defer { prep.close() }
        try prep.waitFor("[y/n/note/?]")
        try prep.enter("?")
        try prep.waitFor("Why:")
        try prep.waitFor("the question again") { $0.components(separatedBy: "[y/n/note/?]").count == 3 }
        Self.expectWrapped(prep.screen(), contains: [
            "Do you know what this company does and what it stands for? [y/n/note/?]",
            "a note may follow either: `y read their site`, `n still to do`. Enter leaves it for later; Ctrl-C stops.",
        ])
        try prep.sendKeys("C-c")
        #expect(try prep.waitForExit() == 0)

        let plan = try CoachStore(path: CallModeTests.storePath(home))
            .plan(contactID: try #require(try CoachStore(path: CallModeTests.storePath(home)).contact(named: "Dana Lee")).id!)
        let rehearse = try narrow("rehearse", home: home)
        defer { rehearse.close() }
        try rehearse.waitFor("Enter when done")
        Self.expectWrapped(rehearse.screen(), contains: ["Hi Dana, thank you for making the time.",
                                                    "You know this work from the inside as a Nurse Manager at Mercy Hospital."])
        try rehearse.sendKeys("Enter")
        try rehearse.waitFor("type a crib")
        Self.expectWrapped(rehearse.screen(), contains: ["They ask: “So, tell me a bit about yourself.”"])
        for _ in 0..<7 { try rehearse.sendKeys("Enter") }
        try rehearse.waitFor("ask it aloud")
        Self.expectWrapped(rehearse.screen(), contains: [plan[0].text])
        try rehearse.enter("s")
        #expect(try rehearse.waitForExit() == 0)
    }

    /// The rehearsal's summary was cut mid-word where the terminal ended.
    @Test func rehearsalSummaryWrapsAtWords() throws {
        let home = try Binary.isolatedHome()
        try CallModeTests.seed(home: home)
        let store = try CoachStore(path: CallModeTests.storePath(home))
        let plan = try store.plan(contactID: try #require(try store.contact(named: "Dana Lee")).id!)
        // Widths where the terminal's own cut falls inside a word of the summary.
        for width in [41, 57] {
            let rehearse = try TmuxSession(command: TmuxSession.shellQuoted(Binary.path) + " rehearse 'Dana Lee'",
                                           environment: Binary.environment(home: home), width: width, height: 30)
            defer { rehearse.close() }
            try rehearse.waitFor("Enter when done")
            // The introduction, the 7 questions a career changer is asked back, then the plan.
            for _ in 0..<(1 + 7 + plan.count) { try rehearse.sendKeys("Enter") }
            #expect(try rehearse.waitForExit() == 0)
            let joined = rehearse.screen().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            #expect(joined.contains("Say each part aloud before pressing Enter; `next` counts a contact as rehearsed after a full run."),
                    "\(rehearse.screen())")
        }
    }
}

extension TmuxSession {
    /// Types a line and presses Enter.
    func enter(_ line: String) throws {
        try sendLiteral(line)
        try sendKeys("Enter")
    }
}
