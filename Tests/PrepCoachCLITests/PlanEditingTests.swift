import Foundation
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

/// `plan NAME drop|move|swap|replace|undo`, `add`'s checks, and re-picking with your own questions.
@Suite struct PlanEditingTests {
    private func coachWithPlan() throws -> ScriptedCoach { try ScriptedCoach.withDanasPlan() }

    private func plan(_ coach: ScriptedCoach) throws -> [PlanItem] {
        try coach.store.plan(contactID: coach.contact("Dana Lee").id!)
    }

    @Test func dropMoveSwapAndUndoEachChange() throws {
        let coach = try coachWithPlan()
        let original = try plan(coach)
        #expect(try coach.run(#"plan "Dana Lee" drop 2"#) == 0)
        #expect(coach.out.contains("Dropped 2. \(original[1].text)"))
        #expect(try plan(coach).map(\.id) == original.enumerated().filter { $0.offset != 1 }.map(\.element.id))
        #expect(try coach.run(#"plan "Dana Lee" move 1 3"#) == 0)
        #expect(try plan(coach).prefix(3).map(\.id) == [original[2].id, original[3].id, original[0].id])
        #expect(try coach.run(#"plan "Dana Lee" swap 1 2"#) == 0)
        #expect(try plan(coach).prefix(2).map(\.id) == [original[3].id, original[2].id])
        for _ in 0..<3 { #expect(try coach.run(#"plan "Dana Lee" undo"#) == 0) }
        #expect(coach.out.contains("Undid the last change (dropped 2): "))
        #expect(try plan(coach).map(\.id) == original.map(\.id))
    }

    /// Moving the closing question to the top of the plan was silent.
    @Test func aMoveAgainstConversationOrderIsPointedOut() throws {
        let coach = try coachWithPlan()
        let items = try plan(coach)
        #expect(items.map { $0.topic ?? "" } == items.map { $0.topic ?? "" }.sorted {
            coach.context.banks().vocabulary.order(ofTopic: $0) < coach.context.banks().vocabulary.order(ofTopic: $1)
        }, "a picked plan is in conversation order")
        #expect(try coach.run(#"plan "Dana Lee" move \#(items.count) 1"#) == 0)
        #expect(coach.out.contains("Note: 1 (closing) now comes before 2 (opening); a conversation usually goes opening, "
            + "career path, day to day, culture, skills and training, industry trends, advice, network and referrals, "
            + #"closing. `plan "Dana Lee" undo` puts it back."#))
        #expect(try coach.run(#"plan "Dana Lee" undo"#) == 0)
        #expect(try coach.run(#"plan "Dana Lee" swap 2 3"#) == 0)
        let swapped = try plan(coach)
        let inOrder = swapped[1].topic == swapped[2].topic
        #expect(coach.out.contains("Note: ") != inOrder, "said only when the topics now run backwards")
    }

    /// Dropping or replacing the only "who else should I talk to?" question was silent.
    @Test func droppingTheReferralQuestionIsDoneButSaid() throws {
        let coach = try coachWithPlan()
        let banks = coach.context.banks(adding: [])
        let referral = try #require(try plan(coach).firstIndex { $0.questionID.flatMap { banks.question(id: $0)?.isReferral } == true })
        #expect(try coach.run(#"plan "Dana Lee" drop 1"#) == 0)
        #expect(!coach.err.contains("referral"))
        #expect(try coach.run(#"plan "Dana Lee" drop \#(referral)"#) == 0)
        #expect(coach.err.contains(#"the plan has no referral question now (who else should I talk to?); `plan "Dana Lee" undo` puts it back"#))
        #expect(try coach.run(#"plan "Dana Lee" undo"#) == 0)
        #expect(try coach.run(#"plan "Dana Lee" replace \#(referral) "How did you choose your specialty?""#) == 0)
        #expect(coach.err.contains("the plan has no referral question now"))
    }

    @Test func undoSurvivesARestartAndGoesBackBeforeARePick() throws {
        let coach = try coachWithPlan()
        let first = try plan(coach).map(\.text)
        try coach.run(#"pick --contact "Dana Lee" --seed 9"#)
        let second = try plan(coach).map(\.text)
        #expect(first != second)
        // A new session on the same database.
        let later = ScriptedCoach()
        let database = coach.folder.appendingPathComponent("coach.sqlite").path
        let context = CommandContext(console: later.context.console, environment: ["PREPCOACH_NOW": "2025-03-11T09:00:00Z"],
                                     bundledBanks: ScriptedCoach.bundledBanks, storePath: database)
        #expect(CommandDispatcher(context: context).run(["plan", "Dana Lee", "undo"]) == 0)
        #expect(try plan(coach).map(\.text) == first)
        // Back before the first pick: no plan at all, and that is not an error.
        #expect(CommandDispatcher(context: context).run(["plan", "Dana Lee", "undo"]) == 0)
        #expect(try plan(coach).isEmpty)

    }

    @Test func badEditsSayWhatIsWrong() throws {
        let coach = try coachWithPlan()
        let count = try plan(coach).count
        #expect(try coach.run(#"plan "Dana Lee" drop 99"#) == 1)
        #expect(coach.err.contains("no question 99 in Dana Lee's plan: give 1 to \(count)"))
        #expect(try coach.run(#"plan "Dana Lee" move 1"#) == 1)
        #expect(coach.err.contains(#"use: plan "Dana Lee" move N M"#))
        #expect(try coach.run(#"plan "Dana Lee" drpo 1"#) == 1)
        #expect(coach.err.contains("unknown plan edit 'drpo' (did you mean 'drop'?)"))
        try coach.run(#"contact add "Sam Ortiz""#)
        #expect(try coach.run(#"plan "Sam Ortiz" undo"#) == 1)
        #expect(coach.err.contains("nothing to undo in Sam Ortiz's plan"))
    }

    @Test func addRefusesADuplicateByWordsOrBankId() throws {
        let coach = try coachWithPlan()
        let first = try #require(try plan(coach).first)
        #expect(try coach.run(#"add "Dana Lee" "\#(first.text.uppercased())" --anyway"#) == 1)
        #expect(coach.err.contains("already has this question as 1"))
        #expect(try coach.run(#"add "Dana Lee" \#(first.questionID!) --anyway"#) == 1)
        #expect(coach.err.contains("already has this question as 1"))
    }

    @Test func addOverTheMeetingLengthOffersWhatToDropThenGoesBeforeTheEnding() throws {
        let coach = try coachWithPlan()
        let before = try plan(coach)
        let question = "What do you wish you had known in your first year?"
        #expect(try coach.run(#"add "Dana Lee" "\#(question)""#) == 1)
        #expect(coach.err.contains("the plan would take"))
        #expect(coach.err.contains("over the 25 min for questions in a 30-minute meeting: drop "))
        #expect(coach.err.contains(#"or use --anyway"#))
        #expect(try plan(coach) == before)
        // Drop the first candidate named, then it fits.
        let named = try #require(coach.err.firstMatch(of: /drop (\d+) \((\d+) min\)/))
        #expect(before[Int(named.1)! - 1].minutes == Int(named.2)!)
        #expect(try coach.run(#"plan "Dana Lee" drop \#(named.1)"#) == 0)
        #expect(try coach.run(#"add "Dana Lee" "\#(question)""#) == 0)
        let after = try plan(coach)
        let index = try #require(after.firstIndex { $0.text == question })
        #expect(after[(index + 1)...].allSatisfy { $0.topic == "closing" || $0.topic == "network-and-referrals" })
        #expect(after.last?.questionID == before.last?.questionID)
    }

    @Test func replaceIsLintedAndTakesABankId() throws {
        let coach = try coachWithPlan()
        #expect(try coach.run(#"plan "Dana Lee" replace 2 "Are you guys hiring?""#) == 1)
        #expect(coach.out.contains("job-ask"))
        let planned = Set(try plan(coach).compactMap(\.questionID))
        let bank = try #require(coach.context.banks().questions.first {
            $0.id.hasPrefix("health-") && !$0.isReferral && !planned.contains($0.id)
        })
        let bankID = bank.id

        #expect(try coach.run(#"plan "Dana Lee" replace 2 \#(bankID) --anyway"#) == 0)
        #expect(try plan(coach)[1].text == bank.text)
        #expect(try plan(coach)[1].minutes == bank.minutes)
        // Not with a question the plan already has elsewhere; its own words in its own place are fine.
        let first = try plan(coach)[0].text
        #expect(try coach.run(#"plan "Dana Lee" replace 2 "\#(first)" --anyway"#) == 1)
        #expect(coach.err.contains("already has this question as 1"))
        #expect(try coach.run(#"plan "Dana Lee" replace 2 \#(bankID) --anyway"#) == 0)

    }

    @Test func rePickingInAScriptKeepsYourOwnQuestionsAndSaysSo() throws {
        let coach = try coachWithPlan()
        try coach.run(#"plan "Dana Lee" drop 2"#)
        #expect(try coach.run(#"add "Dana Lee" "What surprised you most in your first month?""#) == 0)
        try coach.run(#"pick --contact "Dana Lee" --seed 9"#)
        #expect(coach.out.contains("Kept your own question in the plan"))
        let items = try plan(coach)
        let mine = try #require(items.firstIndex { $0.questionID == nil })
        #expect(items[mine].text == "What surprised you most in your first month?")
        #expect(mine < items.count - 1)
    }

    @Test func planJSONCarriesFollowUpsAndCompletionOffersTheEdits() throws {
        let coach = try coachWithPlan()
        #expect(try coach.run(#"plan "Dana Lee" --json"#) == 0)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(coach.out.utf8)) as? [[String: Any]])
        let first = try #require(try plan(coach).first)
        let followups = coach.context.banks().question(id: first.questionID!)!.followups
        #expect(items.first?["followups"] as? [String] == followups)
        #expect(coach.completions(#"plan "Dana Lee" "#) == PlanCommand.verbs.sorted())
        #expect(coach.completions(#"plan "Dana Lee" dr"#) == ["drop"])
        #expect(coach.completions(#"plan "Dana Lee" drop "#).isEmpty)
        #expect(coach.completions("plan Da") == [#"Dana\ Lee"#])
    }
}
