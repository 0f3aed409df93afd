import Foundation
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

@Suite struct PrepCommandTests {
    /// The `ask` checks of the bundled readiness.yaml, in order.
    private let askedChecks = ["know-company", "why-interested", "know-person", "goal", "next-steps",
                               "resume-ready", "not-a-job-ask", "thank-you-planned"]

    private func coachWithAnn() throws -> (ScriptedCoach, Int64) {
        let coach = ScriptedCoach()
        try coach.run(#"contact add "Ann Lee" --company Acme --industry healthcare --stage career-changer"#)
        return (coach, try #require(try coach.contact("Ann Lee").id))
    }

    @Test func walksThroughTheAskedChecksAndSavesEachAnswer() throws {
        let (coach, id) = try coachWithAnn()
        let answers = ["y", "n", "y read their LinkedIn", "not sure what to ask yet", "", "yes", "no, not yet", "Y"]
        #expect(try coach.run(#"prep "Ann Lee""#, answers: answers) == 0)

        #expect(coach.prompts.count == askedChecks.count)
        #expect(coach.prompts.allSatisfy { $0.hasSuffix(" [y/n/note] ") })
        #expect(coach.prompts.first == "Do you know what this company does and what it stands for? [y/n/note] ")

        let saved = try coach.store.readiness(contactID: id)
        #expect(saved["know-company"]?.ready == true && saved["know-company"]?.note == nil)
        #expect(saved["why-interested"]?.ready == false)
        #expect(saved["know-person"]?.ready == true && saved["know-person"]?.note == "read their LinkedIn")
        #expect(saved["goal"]?.ready == false && saved["goal"]?.note == "not sure what to ask yet")
        #expect(saved["next-steps"] == nil)  // Enter skipped it
        #expect(saved["not-a-job-ask"]?.ready == false && saved["not-a-job-ask"]?.note == "not yet")
        #expect(saved["thank-you-planned"]?.ready == true)

        let out = coach.out
        #expect(out.contains("✓ Do you know what this company does"))
        #expect(out.contains("✓ Have you read up on this person — their background, their path, their current role? — read their LinkedIn"))
        #expect(out.contains("✗ Can you say in one sentence why"))
        #expect(out.contains("? Do you know what appropriate next steps"))
        #expect(out.contains("✗ A question plan is picked for this contact — no plan yet"))
        // 4 of 12 checks pass: know-company, know-person, resume-ready, thank-you-planned.
        #expect(out.contains("Score: 33%"))
        #expect(out.contains("Left to do:"))
        #expect(out.contains(#"Use `pick --contact "Ann Lee"`."#))  // the check's NAME filled in
    }

    @Test func resumesAfterAnInterruptionAskingOnlyWhatIsNotYetYes() throws {
        let (coach, id) = try coachWithAnn()
        #expect(try coach.run(#"prep "Ann Lee""#, answers: ["y", "n", ScriptedCoach.interrupt]) == 0)
        #expect(coach.out.contains(#"Stopped; `prep "Ann Lee"` resumes"#))
        #expect(!coach.out.contains("Score:"))
        #expect(try coach.store.readiness(contactID: id).count == 2)

        // Again: know-company (yes) is not asked; why-interested (no) and the rest are.
        try coach.run(#"prep "Ann Lee""#, answers: ["y", "y"])  // then end of input: stops too
        #expect(coach.prompts.count == 3)
        #expect(coach.prompts[0].hasPrefix("Can you say in one sentence why"))
        #expect(coach.prompts[1].hasPrefix("Have you read up on this person"))
        #expect(coach.out.contains("Stopped"))
        let saved = try coach.store.readiness(contactID: id)
        #expect(saved["why-interested"]?.ready == true)
        #expect(saved["know-person"]?.ready == true)

        // Everything yes: nothing is asked the next time.
        try coach.run(#"prep "Ann Lee""#, answers: Array(repeating: "y", count: 5))
        try coach.run(#"prep "Ann Lee""#)
        #expect(coach.prompts.isEmpty)
        #expect(coach.out.contains("Score:"))
    }

    @Test func computesThePlanAndResearchChecks() throws {
        let (coach, id) = try coachWithAnn()
        try coach.run(#"research add Acme runs three hospitals"#)
        try coach.store.setPlan(contactID: id, questions: [
            (questionID: nil, text: "What does a typical week look like for you?", topic: nil, minutes: 5),
            (questionID: nil, text: "When was Acme founded?", topic: nil, minutes: 2),
            (questionID: nil, text: "Who else would you suggest I talk to?", topic: nil, minutes: 3),
        ])

        #expect(try coach.run(#"prep "Ann Lee" --report"#) == 0)
        #expect(coach.prompts.isEmpty)
        let out = coach.out
        #expect(out.contains("✓ Research notes recorded for the company"))
        #expect(out.contains("✓ A question plan is picked for this contact"))
        #expect(out.contains(#"✗ No question in the plan is flagged by the rules — flagged: "When was Acme founded?""#))
        #expect(out.contains("✓ The plan fits in under 30 minutes — 10 of 30 minutes"))
        #expect(out.contains("Drop questions research answers"))
        // 3 computed checks pass, no asked check is answered: 3 of 12.
        #expect(out.contains("Score: 25%"))

        try coach.store.setPlan(contactID: id, questions: [
            (questionID: nil, text: "What does a typical week look like for you?", topic: nil, minutes: 20),
            (questionID: nil, text: "Who else would you suggest I talk to?", topic: nil, minutes: 15),
        ])
        try coach.run(#"prep "Ann Lee" --report"#)
        #expect(coach.out.contains("✓ No question in the plan is flagged by the rules"))
        #expect(coach.out.contains("✗ The plan fits in under 30 minutes — 35 of 30 minutes"))
    }

    @Test func fullyReadyScoresAHundred() throws {
        let (coach, id) = try coachWithAnn()
        try coach.run("research add Acme runs three hospitals")
        try coach.store.setPlan(contactID: id, questions: [
            (questionID: nil, text: "Who else would you suggest I talk to?", topic: nil, minutes: 3),
        ])
        try coach.run(#"prep "Ann Lee""#, answers: Array(repeating: "yes", count: askedChecks.count))
        #expect(coach.out.contains("Score: 100%"))
        #expect(!coach.out.contains("Left to do"))
        try coach.run(#"contact show "Ann Lee""#)
        #expect(coach.out.contains("Readiness     100%"))
    }

    @Test func readsRepliesAsReadyNotReadyOrANote() {
        #expect(ReadinessReply("") == nil)
        #expect(ReadinessReply("   ") == nil)
        #expect(ReadinessReply("y") == ReadinessReply(ready: true, note: nil))
        #expect(ReadinessReply("Yes") == ReadinessReply(ready: true, note: nil))
        #expect(ReadinessReply("y read their LinkedIn") == ReadinessReply(ready: true, note: "read their LinkedIn"))
        #expect(ReadinessReply("no: need to check") == ReadinessReply(ready: false, note: "need to check"))
        #expect(ReadinessReply("yesterday I looked") == ReadinessReply(ready: false, note: "yesterday I looked"))
        #expect(ReadinessReply("maybe") == ReadinessReply(ready: false, note: "maybe"))
    }

    @Test func unknownContactFails() throws {
        let (coach, _) = try coachWithAnn()
        #expect(try coach.run(#"prep "Ann Leee""#) == 1)
        #expect(coach.err.contains("did you mean 'Ann Lee'?"))
    }
}
