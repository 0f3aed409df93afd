import Foundation
import Testing
import PrepCoachCore

/// `rehearse` in a real terminal, walked as a returner at 60 columns: the drafted introduction,
/// editing it, a crib answer to the break question, "How can I help?" refused until it ends in an ask,
/// then the crib at the top of `export-plan`.
@Suite(.serialized) struct RehearseTerminalTests {
    @Test func aReturnerRehearsesBothSidesAt60Columns() throws {
        let home = try Binary.isolatedHome()
        let setup = try Binary.run([
            "-c", #"contact add "Priya Shah" --role "Head of Finance" --company "Acme Foods" --industry finance --stage returning-to-work"#,
            "-c", #"pick --contact "Priya Shah" --seed 3"#,
            "-c", "config set background six years in audit, then a career break raising my children",
        ], home: home)
        #expect(setup.status == 0, "\(setup.stderr)")
        let session = try TmuxSession(command: TmuxSession.shellQuoted(Binary.path) + " rehearse 'Priya Shah'",
                                      environment: Binary.environment(home: home).merging(["LANG": "C.UTF-8"]) { _, new in new },
                                      width: 60, height: 40)
        defer { session.close() }
        func rowsFit() {
            let rows = session.screen().split(separator: "\n")
            #expect(rows.allSatisfy { $0.count <= 60 }, "\(session.screen())")
        }
        func joined() -> String {
            session.screen().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
        try session.waitFor("Enter when done")
        #expect(joined().contains("Hi Priya, thank you for making the time. I'm [your name], six years in audit, then a career "
                                  + "break raising my children."))
        #expect(joined().contains("as a Head of Finance at Acme Foods."))
        rowsFit()
        try session.enter("e")
        try session.waitFor("on one line")
        try session.enter("Hi Priya, I'm Sam. Your move from audit into leading finance at Acme is the path I hope to follow.")
        try session.waitFor("✓ kept")
        try session.sendKeys("Enter")
        try session.waitFor("A1/7")
        for _ in 0..<5 { try session.sendKeys("Enter") }
        try session.waitFor("during your break?")
        #expect(joined().contains("coach: Say it plainly and briefly, without apologising"))
        try session.enter("I raised two children and kept my audit skills current with an ACCA course.")
        try session.waitFor("A7/7")
        try session.enter("Anything at all would help.")
        try session.waitFor("still counts as unanswered")
        #expect(joined().contains("needs work: it does not end in a concrete ask"))
        try session.enter("Thank you! Is there one person in finance you think I should talk to next?")
        try session.waitFor("ask it aloud")
        rowsFit()
        try session.enter("s")
        #expect(try session.waitForExit() == 0)
        let summary = joined()
        #expect(summary.contains("stopped after 8 of"))
        // The questions still without an answer: not the two answered with a crib (still on screen above).
        let unanswered = try #require(summary.components(separatedBy: "No answer yet").last)
        #expect(unanswered.contains("“So, tell me a bit about yourself.”"))
        #expect(!unanswered.contains("“How can I help?”") && !unanswered.contains("“What have you been doing during your break?”"))
        rowsFit()

        let export = try Binary.run(["export-plan", "Priya Shah"], home: home)
        #expect(export.stdout.contains("**Your introduction:** Hi Priya, I'm Sam."))
        #expect(export.stdout.contains("**If they ask “How can I help?”:** Thank you! Is there one person in finance"))
    }
}
