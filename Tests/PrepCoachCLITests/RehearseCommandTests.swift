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
        #expect(out.contains("Q1/3 (ask in ~0:15) How did you get into nursing management?"))
        #expect(out.contains("Q2/3 (ask in ~0:15) What does a typical week look like for you?"))
        #expect(out.contains("Q3/3 (ask in ~0:15) Who else would you suggest I talk to?"))
        // Budget: the time to ask (15 s each for short questions) plus half a minute of introduction,
        // not the 9 minutes the answers take. Answers come at once, so all is under.
        #expect(out.contains("Rehearsal for Ann Lee: asking took 0:00 of about 1:15 — 1:15 under"))
        #expect(out.contains("Intro  0:00 of 0:30  0:30 under"))
        #expect(out.contains("Q1     0:00 of 0:15  0:15 under"))
        #expect(out.contains("leaves about 9:00 for their answers"))

        let runs = try coach.store.rehearsals(contactID: id)
        #expect(runs.count == 1)
        #expect(runs.first?.budgetSeconds == 75)
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

    @Test func formatsOverUnderAndOnPace() {
        let step = RehearsalStep(label: "Q1", text: "How did you start?", budgetSeconds: 20)
        let formatter = RehearsalFormatter(style: Style(enabled: false))
        let ann = Contact(name: "Ann", createdAt: Date())
        let over = formatter.format([.init(step: step, seconds: 35)], of: 1, contact: ann, budgetSeconds: 20, planMinutes: 3)
        #expect(over.contains("Rehearsal for Ann: asking took 0:35 of about 0:20 — 0:15 over"))
        #expect(over.contains("Q1  0:35 of 0:20  0:15 over"))
        #expect(over.contains("leaves about 2:25 for their answers"))
        let onPace = formatter.format([.init(step: step, seconds: 23)], of: 1, contact: ann, budgetSeconds: 20, planMinutes: 3)
        #expect(onPace.contains("Q1  0:23 of 0:20  on pace"))
        #expect(RehearsalFormatter.clock(605) == "10:05")
    }

    /// Asking takes seconds, from the question's length: 15 s for a short one, up to 30 s.
    @Test func askingTimeFollowsTheQuestionsLength() {
        #expect(RehearsalStep.askingSeconds("Who else should I talk to?") == 15)
        let long = Array(repeating: "word", count: 26).joined(separator: " ")
        #expect(RehearsalStep.askingSeconds(long) == 22)
        #expect(RehearsalStep.askingSeconds(long + " " + long + " " + long) == 30)
    }
}
