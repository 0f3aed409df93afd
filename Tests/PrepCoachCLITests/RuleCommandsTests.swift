import Foundation
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

/// Rules and the lint model as a user meets them: own rule files, research notes, `train`.
@Suite struct RuleCommandsTests {
    /// A user rule file in a fresh bank folder.
    private func userBank(_ coach: ScriptedCoach, rule: String) throws -> String {
        let folder = coach.folder.appendingPathComponent("mybank/rules")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try rule.write(to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        return folder.deletingLastPathComponent().path
    }

    private func rule(id: String = "no-everything", message: String = "'{match}' is flagged",
                      flag: String = "anything at all", pattern: String = "'.'") -> String {
        """
        id: \(id)
        category: other
        severity: error
        message: "\(message)"
        suggestion: Ask something else.
        rationale: A test rule.
        link: https://example.com
        patterns: [\(pattern)]
        examples:
          flag: [\(flag)]
          pass: []
        """
    }

    @Test func researchNotesCountOnlyForContactsAtThatCompany() throws {
        let coach = ScriptedCoach()
        try coach.run(#"research add "Acme Health" big push into telehealth this year"#)
        try coach.run(#"contact add Ann --company "Acme Health""#)
        try coach.run("contact add Bob --company Initech")
        let question = #""What is the company's view on telehealth?""#
        try coach.run("add Bob \(question)")
        #expect(!coach.out.contains("answered-by-your-research"))
        try coach.run("add Ann \(question)")
        #expect(coach.out.contains("[answered-by-your-research]"))
        try coach.run("lint \(question)")
        #expect(coach.out.contains("[answered-by-your-research]"))
    }

    /// A later run (a one-shot `lint`) reads the notes without opening the store,
    /// and sees them, and the companies in them, as the run that wrote them did.
    @Test func aLaterLintReadsTheResearchNotesWithoutOpeningTheStore() throws {
        let writer = ScriptedCoach()
        try writer.run(#"research add "Acme Health" big push into telehealth this year"#)
        writer.context.closeStore()
        let file = writer.folder.appendingPathComponent("coach.sqlite").path
        let notes = try #require(CoachStore.researchNotes(readingOnly: file))
        #expect(notes.map(\.company) == ["Acme Health"])
        let later = ScriptedCoach(folder: writer.folder)
        try later.run(#"lint "What is Acme Health's view on telehealth?""#)
        #expect(later.out.contains("[answered-by-your-research]"))
        #expect(CoachStore.researchNotes(readingOnly: writer.folder.appendingPathComponent("none.sqlite").path) == nil)
    }

    /// Issue 7: past ~390 researched companies (or one 10,240-character name) every command
    /// that compiled the rules failed; names are now a word lookup, not part of every pattern.
    @Test func thousandsOfResearchedCompaniesKeepTheRulesWorking() throws {
        let coach = ScriptedCoach()
        let store = try coach.store
        for number in 0..<1_000 { _ = try store.addResearch(company: "Firm \(number) Partners", text: "founded \(number)", at: Date()) }
        _ = try store.addResearch(company: String(repeating: "x", count: 200), text: "a long name", at: Date())  // the longest accepted
        #expect(try coach.run(#"lint "When was Firm 512 Partners founded?""#) == 1)
        #expect(coach.out.contains("[research-founding-history]"))
        #expect(coach.out.contains("[answered-by-your-research]") && coach.out.contains("'founded 512' (notes on Firm 512 Partners)"))
        #expect(try coach.run("pick --stage student --industry healthcare") == 0)
    }

    /// Several rules of one kind on one question are one problem: the most severe
    /// is shown in full, the others named on a line after it; JSON keeps them all.
    @Test func rulesOfOneKindOnAQuestionAreOneFinding() throws {
        let coach = ScriptedCoach()
        #expect(try coach.run(#"lint "Would you put my name forward for the analyst opening?""#) == 1)
        let jobAskLines = coach.out.split(separator: "\n").filter { $0.contains("error [job-ask") }
        #expect(jobAskLines.count == 1)
        #expect(coach.out.contains("also flagged for the same reason by [job-ask-"))
        #expect(coach.out.contains("[closed-question]"))
        #expect(coach.out.contains("2 findings in 1 of 1 question."), "the summary counts what is printed")
        try coach.run(#"lint --json "Would you put my name forward for the analyst opening?""#)
        #expect(coach.out.components(separatedBy: #""category" : "job-ask""#).count - 1 >= 2)
    }

    /// Issue 23: several quoted questions are each linted on their own, numbered as a
    /// file's lines are; before, they were joined into one question.
    @Test func severalQuotedQuestionsAreLintedEachOnItsOwn() throws {
        let coach = ScriptedCoach()
        #expect(try coach.run(#"lint "How did you choose law?" "Is your team hiring right now?""#) == 1)
        #expect(coach.out.contains("2: error [job-ask-hiring]"))
        #expect(coach.out.contains("    Is your team hiring right now?"), "the question is shown under its finding")
        #expect(!coach.out.contains("1: "), "the first question is clean")
        #expect(coach.out.contains("in 1 of 2 questions."))
        try coach.run(#"lint --json "How did you choose law?" "Is your team hiring right now?""#)
        #expect(coach.out.contains(#""argument" : 2"#))
        #expect(try coach.run(#"lint "How did you choose law?" "\#(String(repeating: "why ", count: 130))""#) == 1)
        #expect(coach.err.contains("error: 2: "), "an impossible question is reported by its number")
        #expect(coach.out.contains("No problems found."), "and the others are still checked")
    }

    /// Issue 23: the `try:` line is written for the question, not one fixed line per rule.
    @Test func suggestionsAreWrittenForTheQuestion() throws {
        let coach = ScriptedCoach()
        try coach.run(#"lint "Do you travel often?" "Who are Acme's main competitors?""#)
        #expect(coach.out.contains("try: How much does travel shape your week?"))
        #expect(coach.out.contains("try: How does the competition shape the work on your team?"))
        try coach.run(#"lint --json "Do you travel often?""#)
        #expect(coach.out.contains(#""suggestion" : "How much does travel shape your week?""#))
    }

    /// `rules` lists every rule by name; `rules ID` shows why, examples and how to switch it off.
    @Test func rulesListsAndShowsRules() throws {
        let coach = ScriptedCoach()
        #expect(try coach.run("rules") == 0)
        #expect(coach.out.contains("job-ask-hiring") && coach.out.contains("Asks whether they are hiring"))
        #expect(coach.out.contains("research-answerable-model"))
        #expect(try coach.run("rules job-ask-hiring") == 0)
        #expect(coach.out.contains("why") && coach.out.contains("people agree to an"))
        #expect(coach.out.contains("https://careercorner.unc.edu/"))
        #expect(coach.out.contains("· Are you guys hiring?"))
        #expect(coach.out.contains("`job-ask-hiring: off` under `rules:`"))
        #expect(try coach.run("rules job-ask-hirng") != 0)
        #expect(coach.err.contains("no rule has the id 'job-ask-hirng' (did you mean 'job-ask-hiring'?)"))
    }

    /// Words typed without quotes are still one question.
    @Test func unquotedWordsAreOneQuestion() throws {
        let coach = ScriptedCoach()
        #expect(try coach.run("lint is your team hiring") == 1)
        #expect(coach.out.contains("error [job-ask-hiring] 'is your team hiring'"))
        #expect(!coach.out.contains("1: "))
    }

    @Test func checkBanksReportsAUserRuleReusingABundledID() throws {
        let coach = ScriptedCoach()
        let bank = try userBank(coach, rule: rule(id: "closed-question"))
        #expect(try coach.run("check-banks \(bank)") == 1)
        #expect(coach.err.contains("duplicate rule id 'closed-question'"))
    }

    @Test func checkBanksReportsABadLabelInAUserTrainingFile() throws {
        let coach = ScriptedCoach()
        let bank = try userBank(coach, rule: rule())
        try FileManager.default.createDirectory(atPath: bank + "/model", withIntermediateDirectories: true)
        try "- {label: job-ask, text: Could you vouch for me?}\n- {label: oops, text: What now?}\n"
            .write(toFile: bank + "/model/mine.yaml", atomically: true, encoding: .utf8)
        #expect(try coach.run("check-banks \(bank)") == 1)
        #expect(coach.err.contains("\(bank)/model/mine.yaml:2:11: error: unknown label 'oops'"))
    }

    @Test func aRuleFailingItsOwnExamplesIsReportedAndNotUsed() throws {
        let coach = ScriptedCoach()
        let bank = try userBank(coach, rule: rule(flag: "zebra", pattern: "'\\bquokka\\b'"))
        #expect(try coach.run(#"lint --bank \#(bank) "Is a quokka happy?""#) == 0)
        #expect(coach.err.contains("rule 'no-everything' does not flag its own example \"zebra\"; the rule is not used until its examples pass"))
        #expect(!coach.out.contains("[no-everything]"))
        #expect(try coach.run("check-banks \(bank)") == 1)
        #expect(coach.err.contains("the rule is not used until its examples pass"))
    }

    @Test func pickSaysWhichRulesExcludedTheReferralQuestions() throws {
        let coach = ScriptedCoach()
        let bank = try userBank(coach, rule: rule())
        #expect(try coach.run("pick --bank \(bank) --stage student --industry healthcare") == 1)
        #expect(coach.err.contains("rules excluded every referral question that fits"))
        #expect(coach.err.contains("flagged by no-everything"))
    }

    @Test func aMessageOfManyMatchesOnALongQuestionStaysShort() throws {
        let coach = ScriptedCoach()
        let bank = try userBank(coach, rule: rule(message: String(repeating: "{match} ", count: 2_000), flag: "x"))
        let long = String(repeating: "word ", count: 99) // within the 500-character question limit
        try coach.run("lint --bank \(bank) \"\(long)\"")
        #expect(coach.out.utf8.count < 200_000)
        #expect(coach.out.contains("[no-everything]"))
    }

    @Test func trainWritesTheShippedModelByteForByte() throws {
        let coach = ScriptedCoach()
        let output = coach.folder.appendingPathComponent("model.bin").path
        try FileManager.default.createDirectory(at: coach.folder, withIntermediateDirectories: true)
        #expect(try coach.run("train --output \(output)") == 0)
        #expect(coach.out.contains("Trained on "))
        let shipped = FileManager.default.contents(atPath: ScriptedCoach.bundledBanks + "/model/lint-model.bin")
        #expect(FileManager.default.contents(atPath: output) == shipped)
    }

    /// Found by the model alone: its own rule id, at warning, off or stricter through the config.
    @Test func modelFindingsShowAndFollowTheConfig() throws {
        let question = #"lint "What trophies sit in the lobby of your firm?""#
        let coach = ScriptedCoach()
        #expect(try coach.run(question) == 0)
        #expect(coach.out.contains("warning [research-answerable-model] the lint model rates this research-answerable at "))
        #expect(coach.out.contains("weighed most: 'trophies'"))
        for config in ["rules:\n  research-answerable-model: off\n", "model-threshold: 0.95\n"] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("prepcoach-config-\(UUID().uuidString).yaml")
            defer { try? FileManager.default.removeItem(at: file) }
            try config.write(to: file, atomically: true, encoding: .utf8)
            let configured = ScriptedCoach(environment: ["PREPCOACH_CONFIG": file.path])
            try configured.run(question)
            #expect(configured.out.contains("No problems found."), "\(config)")
        }
    }
}
