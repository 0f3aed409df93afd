import Foundation
import Testing

/// The same commands one-shot, with `-c`, and as a script on standard input.
@Suite struct OneShotTests {
    @Test func pickPrintsAnOrderedPlanUnderThirtyMinutesFromOpeningToClosingWithAReferral() throws {
        let home = try Binary.isolatedHome()
        let result = try Binary.run(["pick", "--stage", "career-changer", "--industry", "healthcare",
                                     "--minutes", "30", "--json", "--seed", "11"], home: home)
        #expect(result.status == 0)
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let questions = try #require(plan["questions"] as? [[String: Any]])
        let minutes = questions.compactMap { $0["minutes"] as? Int }.reduce(0, +)
        #expect(minutes < 30 && minutes == plan["totalMinutes"] as? Int)
        #expect(questions.count { $0["referral"] as? Bool == true } == 1)
        #expect(questions.first?["topic"] as? String == "opening")
        #expect(questions.last?["topic"] as? String == "closing")
    }

    /// A script saved with a UTF-8 byte-order mark failed on its first line ("unknown command").
    @Test func aByteOrderMarkBeforeAScriptIsNotPartOfItsFirstCommand() throws {
        let home = try Binary.isolatedHome()
        let result = try Binary.run([], stdin: "\u{FEFF}contact add \"Dana Lee\"\ncontact list\n", home: home)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Added Dana Lee"))
    }

    @Test func scriptOnStandardInputHasNoPromptNoColourAndFailsOnError() throws {
        let home = try Binary.isolatedHome()
        let result = try Binary.run([], stdin: "# a plan\ntags topics\n\nbogus\nshow network-who-else\n", home: home)
        #expect(result.status == 64)
        #expect(!result.stdout.contains("prepcoach>"))
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(result.stdout.contains("network-and-referrals"))
        #expect(result.stdout.contains("Who else would you suggest I talk to"))
        #expect(result.stderr.contains("unknown command 'bogus'"))
    }

    @Test func dashCRunsCommandsAndVersionAndHelpWork() throws {
        let home = try Binary.isolatedHome()
        let ok = try Binary.run(["-c", "tags stages", "-c", "show network-who-else"], home: home)
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("career-changer"))
        #expect(try Binary.run(["--version"], home: home).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        #expect(try Binary.run(["pick", "--help"], home: home).stdout.contains("--industry"))
        let typo = try Binary.run(["pik"], home: home)
        #expect(typo.status != 0 && typo.stderr.contains("did you mean 'pick'?"))
        let badStage = try Binary.run(["pick", "--stage", "studnet", "--industry", "law"], home: home)
        #expect(badStage.status == 1 && badStage.stderr.contains("unknown stage 'studnet' (did you mean 'student'?)"))
    }

    @Test func brokenUserBankIsReportedAndTheRestStillLoads() throws {
        let home = try Binary.isolatedHome()
        let bank = home.appendingPathComponent("mybank")
        try FileManager.default.createDirectory(at: bank, withIntermediateDirectories: true)
        try "questions:\n  - id: my-one\n    text: [broken\n".write(to: bank.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        try """
            questions:
              - id: my-good
                text: What surprised you most in your first month?
                topic: career-path
                stages: [any]
                industries: [healthcare]
                minutes: 2
              - id: my-bad
                text: Why?
                topic: carer-path
                stages: [any]
                industries: [any]
                minutes: 2
            """.write(to: bank.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        let check = try Binary.run(["check-banks", bank.path], home: home)
        #expect(check.status == 1)
        #expect(check.stderr.contains("broken.yaml:4:1: error: YAML syntax"))
        #expect(check.stderr.contains("mine.yaml:10:12: error: unknown topic 'carer-path' (did you mean 'career-path'?)"))
        let show = try Binary.run(["show", "my-good", "--bank", bank.path], home: home)
        #expect(show.status == 0 && show.stdout.contains("What surprised you most"))
        let viaEnvironment = try Binary.run(["show", "my-good"], home: home, extraEnvironment: ["PREPCOACH_BANKS": bank.path])
        #expect(viaEnvironment.status == 0)
    }

    @Test func lintFlagsBadQuestionsInAFileWithReasonAndSuggestion() throws {
        let home = try Binary.isolatedHome()
        let file = home.appendingPathComponent("questions.txt")
        try "When was Acme founded?\nWhat do you enjoy most about your work?\nAre you guys hiring right now?\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try Binary.run(["lint", file.path], home: home)
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(file.path):1: error [research-founding-history]"))
        #expect(result.stdout.contains("\(file.path):3: error [job-ask"))
        #expect(!result.stdout.contains("\(file.path):2:"))
        #expect(result.stdout.contains("try:"))
        let clean = try Binary.run(["lint", "What do you enjoy most about your work?"], home: home)
        #expect(clean.status == 0)
    }
}
