import Foundation
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

@Suite struct PrepCommandTests {
    /// The `ask` checks of the bundled readiness.yaml, in order.
    private let askedChecks = ["know-company", "why-interested", "know-person", "goal", "next-steps",
                               "resume-ready", "not-a-job-ask", "thank-you-planned"]

    /// A ready answer to every asked check: `yes`, and the sentence where a check asks for one.
    private func allReady(_ yes: String = "y") -> [String] {
        askedChecks.map { $0 == "why-interested" ? "I want to move from retail into patient care" : yes }
    }

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
        #expect(coach.prompts.filter { $0.hasSuffix(" [y/n/note/?] ") }.count == askedChecks.count - 1)
        #expect(coach.prompts.first == "Do you know what this company does and what it stands for? [y/n/note/?] ")

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
        // Left to do: what to do, not why, with the check's NAME filled in.
        #expect(out.contains(#"  - Pick your questions: `pick --contact "Ann Lee"`."#))
        #expect(out.contains("  - Write one sentence on why this company or field interests you."))
        #expect(!out.contains("Have your questions ready; the person may want to talk right away"))
    }

    @Test func resumesAfterAnInterruptionAskingOnlyWhatIsNotAnswered() throws {
        let (coach, id) = try coachWithAnn()
        #expect(try coach.run(#"prep "Ann Lee""#, answers: ["y", "n", ScriptedCoach.interrupt]) == 0)
        #expect(coach.out.contains(#"Stopped; `prep "Ann Lee"` resumes"#))
        #expect(!coach.out.contains("Score:"))
        #expect(try coach.store.readiness(contactID: id).count == 2)

        // Again: know-company (yes) and why-interested (no) are answered; the next one is asked.
        try coach.run(#"prep "Ann Lee""#, answers: ["y"])  // then end of input: stops too
        #expect(coach.prompts.count == 2)
        #expect(coach.prompts[0].hasPrefix("Have you read up on this person"))
        #expect(coach.out.contains("Stopped"))
        #expect(try coach.store.readiness(contactID: id)["know-person"]?.ready == true)

        // Everything answered: nothing is asked the next time, unless --all.
        try coach.run(#"prep "Ann Lee""#, answers: Array(repeating: "y", count: 5))
        try coach.run(#"prep "Ann Lee""#)
        #expect(coach.prompts.isEmpty)
        #expect(coach.out.contains("Score:"))
        try coach.run(#"prep "Ann Lee" --all"#, answers: allReady())
        #expect(coach.prompts.count == askedChecks.count)
        #expect(try coach.store.readiness(contactID: id)["why-interested"]?.ready == true)
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
        #expect(out.contains("✓ Research notes recorded for the company — 1 note\n"))
        #expect(out.contains("✓ A question plan is picked for this contact"))
        #expect(out.contains(#"✗ No question in the plan is flagged by the rules — flagged: "When was Acme founded?""#))
        #expect(out.contains("✓ The plan fits in under 30 minutes — 10 of 30 minutes"))
        #expect(out.contains("Reword or replace the flagged questions"))
        // 3 computed checks pass, no asked check is answered: 3 of 12.
        #expect(out.contains("Score: 25%"))

        try coach.store.setPlan(contactID: id, questions: [
            (questionID: nil, text: "What does a typical week look like for you?", topic: nil, minutes: 20),
            (questionID: nil, text: "Who else would you suggest I talk to?", topic: nil, minutes: 15),
        ])
        try coach.run(#"prep "Ann Lee" --report"#)
        #expect(coach.out.contains("✓ No question in the plan is flagged by the rules"))
        #expect(coach.out.contains("✗ The plan fits in under 30 minutes — 35 of 30 minutes"))
        try coach.run(#"research add Acme 4,000 staff"#)
        try coach.run(#"prep "Ann Lee" --report"#)
        #expect(coach.out.contains("✓ Research notes recorded for the company — 2 notes\n"))
    }

    /// `help prep` and `help rehearse` read as prose: no run of spaces left inside a sentence.
    @Test func helpForPrepAndRehearseHasNoGapsInItsSentences() throws {
        let coach = ScriptedCoach()
        for command in ["prep", "rehearse"] {
            #expect(try coach.run("help \(command)") == 0)
            let prose = coach.out.split(separator: "\n").prefix { !$0.hasPrefix("USAGE") }
            #expect(!prose.contains { $0.contains("     ") }, "\(coach.out)")
            #expect(coach.out.contains(command == "prep" ? "answer every check again." : "reads their questions aloud with espeak-ng."))
        }
    }

    @Test func fullyReadyScoresAHundred() throws {
        let (coach, id) = try coachWithAnn()
        try coach.run("research add Acme runs three hospitals")
        try coach.store.setPlan(contactID: id, questions: [
            (questionID: nil, text: "Who else would you suggest I talk to?", topic: nil, minutes: 3),
        ])
        try coach.run(#"prep "Ann Lee""#, answers: allReady("yes"))
        #expect(coach.out.contains("Score: 100%"))
        #expect(!coach.out.contains("Left to do"))
        try coach.run(#"contact show "Ann Lee""#)
        #expect(coach.out.contains("Readiness     100%"))
    }

    @Test func readsRepliesAsReadyNotReadyOrANote() {
        func answer(_ ready: Bool, _ note: String?) -> ReadinessReply.Parsed { .answer(ReadinessReply(ready: ready, note: note)) }
        #expect(ReadinessReply.parse("") == .skip)
        #expect(ReadinessReply.parse("   ") == .skip)
        #expect(ReadinessReply.parse("y") == answer(true, nil))
        #expect(ReadinessReply.parse("Yes") == answer(true, nil))
        #expect(ReadinessReply.parse("y read their LinkedIn") == answer(true, "read their LinkedIn"))
        #expect(ReadinessReply.parse("no: need to check") == answer(false, "need to check"))
        #expect(ReadinessReply.parse("yesterday I looked") == answer(false, "yesterday I looked"))
        #expect(ReadinessReply.parse("maybe") == answer(false, "maybe"))
        // Not answers: the question is explained and asked again.
        #expect(ReadinessReply.parse("?") == .help)
        #expect(ReadinessReply.parse("note") == .help)
        // Where a check asks for a sentence, the sentence is the answer.
        let why = "I want to move from retail into patient care"
        #expect(ReadinessReply.parse(why, sentence: true) == answer(true, why))
        #expect(ReadinessReply.parse("n not yet", sentence: true) == answer(false, "not yet"))
        #expect(ReadinessReply.parse("hmm", sentence: true) == .help)
        // A bare yes is not the sentence; a yes followed by it is.
        #expect(ReadinessReply.parse("y", sentence: true) == .help)
        #expect(ReadinessReply.parse("yes ok", sentence: true) == .help)
        #expect(ReadinessReply.parse("y: \(why)", sentence: true) == answer(true, why))
    }

    /// "Can you say in one sentence why…": the sentence passes the check and is kept; `?` and `note` are
    /// explained, not stored as failed answers.
    @Test func aSentenceAnswersASentenceCheckAndHelpIsNotAnAnswer() throws {
        let (coach, id) = try coachWithAnn()
        let sentence = "I want to bring my retail scheduling skills to patient care"
        try coach.run(#"prep "Ann Lee""#, answers: ["?", "note", "y", sentence])
        #expect(coach.prompts.count == 5)  // the fifth meets the end of input
        #expect(coach.out.contains("Answer y (ready) or n (not yet)"))
        #expect(coach.out.contains("Why: Research the company before the call"))
        #expect(coach.prompts[3].hasSuffix("[your sentence/n/?] "))
        let saved = try coach.store.readiness(contactID: id)
        #expect(saved["know-company"]?.ready == true)
        #expect(saved["why-interested"]?.ready == true && saved["why-interested"]?.note == sentence)
    }

    @Test func unknownContactFails() throws {
        let (coach, _) = try coachWithAnn()
        #expect(try coach.run(#"prep "Ann Leee""#) == 1)
        #expect(coach.err.contains("did you mean 'Ann Lee'?"))
    }
}
