import Foundation
import Testing

/// The REPL driven in a real terminal (tmux), the way a person uses it.
/// `.serialized`: each test starts its own tmux server; running them one at a
/// time keeps timing steady on a small CI machine.
@Suite(.serialized) struct ReplTerminalTests {
    private func start(home: URL, environment: [String: String] = [:]) throws -> TmuxSession {
        let session = try TmuxSession(command: TmuxSession.shellQuoted(Binary.path),
                                      environment: Binary.environment(home: home).merging(environment) { _, new in new })
        try session.waitFor("prepcoach>")
        return session
    }

    @Test func bannerHelpAndTabCompletionInContext() throws {
        let home = try Binary.isolatedHome()
        let session = try start(home: home)
        defer { session.close() }
        #expect(session.screen().contains("type 'help' for commands"))

        try session.sendLiteral("help")
        try session.sendKeys("Enter")
        try session.waitFor("More: help keys")  // the list's last line; its top may have scrolled away
        #expect(session.screen(includingScrollback: true).contains("check-banks"))

        try session.sendLiteral("pi")
        try session.sendKeys("Tab")
        try session.waitFor("prepcoach> pick")
        // A single completion is inserted with a trailing space, as in shells.
        try session.sendLiteral("--ind")
        try session.sendKeys("Tab")
        try session.waitFor("pick --industry")
        try session.sendLiteral("healt")
        try session.sendKeys("Tab")
        try session.waitFor("pick --industry healthcare")
        try session.sendLiteral("--stage career-ch")
        try session.sendKeys("Tab")
        try session.waitFor("--stage career-changer")
        try session.sendLiteral("--seed 5")
        try session.sendKeys("Enter")
        let screen = try session.waitFor("Seed 5")
        #expect(screen.contains("Who else to talk to"))
        try session.waitForPrompt()  // keys typed while the plan scrolls land in the middle of it

        try session.sendLiteral("show health-sh")
        try session.sendKeys("Tab")
        try session.waitFor("show health-shift-patterns")
        try session.sendKeys("C-c")
        try session.sendKeys("C-d")
        #expect(try session.waitForExit() == 0)
    }

    @Test func historyIsRecalledSearchedAndKeptAcrossRuns() throws {
        let home = try Binary.isolatedHome()
        let first = try start(home: home)
        try first.sendLiteral("tags stages")
        try first.sendKeys("Enter")
        try first.waitFor("aspiring-entrepreneur")
        try first.waitForPrompt()
        try first.sendLiteral("list --topic closing")
        try first.sendKeys("Enter")
        try first.waitFor("close-")
        try first.waitForPrompt()
        try first.sendKeys("C-d")
        #expect(try first.waitForExit() == 0)
        first.close()

        let second = try start(home: home)
        defer { second.close() }
        try second.sendKeys("Up")
        try second.waitFor("prepcoach> list --topic closing")
        try second.sendKeys("C-u")
        try second.sendKeys("C-r")
        try second.sendLiteral("tags")
        try second.waitFor("tags stages")
        try second.sendKeys("Enter")
        try second.waitFor("the recalled command's output") { $0.components(separatedBy: "aspiring-entrepreneur").count > 1 }
        let history = try String(contentsOf: home.appendingPathComponent("data/prepcoach/history"), encoding: .utf8)
        #expect(history.contains("list\\040--topic\\040closing") || history.contains("list --topic closing"))
    }

    /// The screen's rows joined: a long line wrapped by the terminal reads whole again.
    private func unwrapped(_ screen: String) -> String { screen.replacingOccurrences(of: "\n", with: "") }

    /// A link planted at the history file, the call's history or the data folder is refused with a
    /// warning (it could send what you type elsewhere); before, the shell wrote through the folder link
    /// and silently replaced the file links.
    @Test func symbolicLinksAtTheHistoryFilesAreRefused() throws {
        let home = try Binary.isolatedHome()
        try CallModeTests.seed(home: home)
        let folder = home.appendingPathComponent("data/prepcoach")
        let target = home.appendingPathComponent("target")
        try Data("untouched\n".utf8).write(to: target)
        for name in ["history", "call-history"] {
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(name).path,
                                                       withDestinationPath: target.path)
        }
        let shell = try start(home: home)
        #expect(unwrapped(shell.screen()).contains("warning: not keeping history in \(folder.path)/history: it is a symbolic link"))
        try shell.enter("tags stages")
        try shell.waitFor("aspiring-entrepreneur")
        try shell.waitForPrompt()
        try shell.enter(#"call "Dana Lee""#)
        try shell.waitFor("the call history's warning") {
            unwrapped($0).contains("warning: not keeping history in \(folder.path)/call-history: it is a symbolic link")
        }
        try shell.waitForPrompt("left>")
        try shell.enter("a note")
        try shell.waitFor("✓ noted")
        try shell.waitForPrompt("left>")  // keys sent while output scrolls reach a terminal not yet reading
        try shell.sendKeys("C-d")
        try shell.waitForPrompt()
        try shell.sendKeys("C-d")
        #expect(try shell.waitForExit() == 0)
        shell.close()
        for name in ["history", "call-history"] {
            let link = try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent(name).path)
            #expect(link == target.path)
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "untouched\n")

        // The data folder itself a link: nothing typed is written where it points.
        let elsewhere = home.appendingPathComponent("elsewhere")
        try FileManager.default.moveItem(at: folder, to: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: folder.path, withDestinationPath: elsewhere.path)
        try FileManager.default.removeItem(at: elsewhere.appendingPathComponent("history"))
        let linked = try start(home: home)
        defer { linked.close() }
        #expect(unwrapped(linked.screen()).contains("warning: not keeping history in \(folder.path): it is a symbolic link"))
        try linked.enter("tags stages")
        try linked.waitFor("aspiring-entrepreneur")
        try linked.waitForPrompt()
        #expect(!FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("history").path))
    }

    @Test func ctrlCClearsTheLineAndKeepsTheShell() throws {
        let home = try Binary.isolatedHome()
        let session = try start(home: home)
        defer { session.close() }
        try session.sendLiteral("this line is abandoned")
        try session.sendKeys("C-c")
        try session.waitForPrompt()
        try session.sendLiteral("tags topics")
        try session.sendKeys("Enter")
        try session.waitFor("network-and-referrals")
        try session.waitForPrompt()
        #expect(!session.screen().contains("unknown command"))
        try session.sendKeys("C-d")
        #expect(try session.waitForExit() == 0)
    }

    /// Non-ASCII input comes out exactly as typed, even with no LANG set (CI has none).
    @Test func utf8RoundTripsWithoutALocale() throws {
        let home = try Binary.isolatedHome()
        let session = try start(home: home)
        defer { session.close() }
        try session.sendLiteral("search café — naïve")
        try session.waitFor("prepcoach> search café — naïve")
        try session.sendKeys("Enter")
        try session.waitFor("0 questions")
        try session.sendLiteral("lint \"Could you pass my résumé on for the analyst role?\"")
        try session.sendKeys("Enter")
        let screen = try session.waitFor("try:")
        #expect(screen.contains("job-ask"))
    }

    @Test func unknownCommandGetsDidYouMean() throws {
        let home = try Binary.isolatedHome()
        let session = try start(home: home)
        defer { session.close() }
        try session.sendLiteral("pik --stage student")
        try session.sendKeys("Enter")
        try session.waitFor("did you mean 'pick'?")
        try session.waitForPrompt()
        try session.sendLiteral("quit")
        try session.sendKeys("Enter")
        #expect(try session.waitForExit() == 0)
    }

    /// What the role leaves unclear is asked at the terminal, with Tab completing the choices.
    @Test func contactAddAsksWhoTheyAreWhereTheRoleIsUnclear() throws {
        let home = try Binary.isolatedHome()
        let session = try start(home: home)
        defer { session.close() }
        /// Types a line (an empty one skips a question), presses Enter and waits for what follows.
        func enter(_ line: String, thenSee expected: String) throws {
            if !line.isEmpty { try session.sendLiteral(line) }
            try session.sendKeys("Enter")
            try session.waitFor(expected)
        }
        try enter(#"contact add Kim --role "Team Lead" --industry technology"#,
                  thenSee: "Kim: what do they do there? (engineering, product-and-design")
        try session.sendLiteral("product-a")
        try session.sendKeys("Tab")
        try session.waitFor("skip) product-and-design")
        // A team lead works for someone: only the size is left to ask.
        try enter("", thenSee: "Kim: how big is the organisation?")
        #expect(!session.screen().contains("do they own or run the business"))
        try enter("startup", thenSee: "Added Kim (senior, product-and-design, employee, small).")
        try session.waitForPrompt()
        try enter("contact show Kim", thenSee: "Who           senior, product-and-design, employee, small")
    }
}
