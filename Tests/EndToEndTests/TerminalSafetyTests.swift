import Foundation
import GRDB
import Testing
@testable import PrepCoachCore

/// Stored text reaches the terminal escaped: a name written into the database by
/// anything else (an older version, another tool) cannot retitle or clear the screen.
@Suite(.serialized) struct TerminalSafetyTests {
    static let hostile = "Eve \u{1B}]0;PWNED\u{07}\u{1B}[2J"

    @Test func storedEscapeSequencesAreShownNotObeyed() throws {
        let home = try Binary.isolatedHome()
        let added = try Binary.run(["contact", "add", "Eve", "--role", "ops \u{1B}[2J lead"], home: home)
        #expect(added.status == 1 && added.stderr.contains("the role contains a control character (\\u{1B})"))
        #expect(try Binary.run(["contact", "add", "Eve", "--company", "Acme"], home: home).status == 0)
        let path = home.appendingPathComponent("data/prepcoach/prepcoach.sqlite").path
        try DatabaseQueue(path: path).write {
            try $0.execute(sql: "UPDATE contact SET name = ?, role = ?", arguments: [Self.hostile, "a\rb"])
        }

        let session = try TmuxSession(command: TmuxSession.shellQuoted(Binary.path),
                                      environment: Binary.environment(home: home))
        defer { session.close() }
        try session.waitFor("prepcoach>")
        let titleBefore = try session.paneTitle()
        try session.sendLiteral("contact list")
        try session.sendKeys("Enter")
        try session.waitFor("1 contact")
        let screen = try session.waitForPrompt()
        #expect(screen.contains(#"Eve \u{1B}]0;PWNED\u{07}\u{1B}[2J  a\u{0D}b  Acme"#))
        #expect(screen.contains("type 'help' for commands"), "the screen was cleared")
        #expect(try session.paneTitle() == titleBefore)
        #expect(!(try session.paneTitle()).contains("PWNED"))

        // Tab never echoes the raw name: the only contact holds control characters, so nothing completes.
        try session.sendLiteral("request Ev")
        try session.sendKeys("Tab")
        try session.sendLiteral("!")
        try session.waitFor("prepcoach> request Ev!")
        try session.sendKeys("C-c")
        try session.sendKeys("C-d")
        #expect(try session.waitForExit() == 0)
        #expect(!(try session.paneTitle()).contains("PWNED"))
    }
}
