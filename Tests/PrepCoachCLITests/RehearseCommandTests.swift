import Foundation
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

@Suite struct RehearseCommandTests {
    private func coachWithPlan() throws -> (ScriptedCoach, Int64) {
        let coach = ScriptedCoach()
        try coach.run(#"contact add "Ann Lee" --industry healthcare --stage career-changer"#)
        let id = try #require(try coach.contact("Ann Lee").id)
        try coach.store.setPlan(contactID: id, questions: [
            (questionID: nil, text: "How did you get into nursing management?", topic: nil, minutes: 4),
            (questionID: nil, text: "What does a typical week look like for you?", topic: nil, minutes: 3),
            (questionID: nil, text: "Who else would you suggest I talk to?", topic: nil, minutes: 2),
        ])
        return (coach, id)
    }

    @Test func timesTheIntroductionAndEachQuestionAndSavesTheRun() throws {
        let (coach, id) = try coachWithPlan()
        #expect(try coach.run(#"rehearse "Ann Lee""#, answers: ["", "", "", ""]) == 0)

        #expect(coach.prompts.count == 4)  // the introduction, then three questions
        let out = coach.out
        #expect(out.contains("Say your 30-second introduction aloud, then press Enter."))
        #expect(out.contains("Q1/3 (4 min) How did you get into nursing management?"))
        #expect(out.contains("Q2/3 (3 min) What does a typical week look like for you?"))
        #expect(out.contains("Q3/3 (2 min) Who else would you suggest I talk to?"))
        // Budget: 9 plan minutes plus half a minute of introduction. Answers come at once, so all is under.
        #expect(out.contains("Rehearsal for Ann Lee: 0:00 of 9:30 — 9:30 under"))
        #expect(out.contains("Intro  0:00 of 0:30  0:30 under"))
        #expect(out.contains("Q1     0:00 of 4:00  4:00 under"))
        #expect(out.contains("Q3     0:00 of 2:00  2:00 under"))
        #expect(out.contains("Saved."))

        let runs = try coach.store.rehearsals(contactID: id)
        #expect(runs.count == 1)
        #expect(runs.first?.budgetSeconds == 570)
        #expect(runs.first.map { (0...5).contains($0.seconds) } == true)
    }

    @Test func stoppingEarlyReportsWhatWasDoneAndSavesNothing() throws {
        let (coach, id) = try coachWithPlan()
        try coach.run(#"rehearse "Ann Lee""#, answers: ["", "", "s"])
        #expect(coach.prompts.count == 3)
        #expect(coach.out.contains("stopped after 2 of 4 steps"))
        #expect(coach.out.contains("Q1 "))
        #expect(!coach.out.contains("Q2 "))
        #expect(try coach.store.rehearsals(contactID: id).isEmpty)

        try coach.run(#"rehearse "Ann Lee""#, answers: [ScriptedCoach.interrupt])
        #expect(coach.out.contains("stopped after 0 of 4 steps"))
        #expect(try coach.store.rehearsals(contactID: id).isEmpty)
    }

    @Test func withoutAPlanSuggestsPickingOne() throws {
        let coach = ScriptedCoach()
        try coach.run("contact add Bob")
        #expect(try coach.run("rehearse Bob") == 1)
        #expect(coach.err.contains("Bob has no question plan yet"))
        #expect(coach.err.contains("pick --contact Bob"))
    }

    @Test func formatsOverAndUnder() {
        let step = RehearsalStep(label: "Q1", text: "How did you start?", budgetSeconds: 60)
        let text = RehearsalFormatter(style: Style(enabled: false))
            .format([.init(step: step, seconds: 75)], of: 1, contact: Contact(name: "Ann", createdAt: Date()),
                    budgetSeconds: 60)
        #expect(text.contains("Rehearsal for Ann: 1:15 of 1:00 — 0:15 over"))
        #expect(text.contains("Q1  1:15 of 1:00  0:15 over"))
        #expect(RehearsalFormatter.clock(605) == "10:05")
    }
}
