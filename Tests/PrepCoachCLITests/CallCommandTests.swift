import Foundation
import LineEditor
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

/// Holding a call and wrapping it up, driven through the commands with scripted input.
@Suite struct CallCommandTests {
    private func coachWithPlan() throws -> ScriptedCoach { try ScriptedCoach.withDanasPlan() }

    @Test func callRecordsEachNoteQuestionReferralAndTodoAsTyped() throws {
        let coach = try coachWithPlan()
        let status = try coach.run(#"call "Dana Lee""#, answers: [
            "next", "she started as an ER nurse", "note ask about night shifts", "skip 3", "^C",
            "todo shadow a charge nurse", #"ref "Sam Ortiz" Denver Health"#, "y", "end",
        ])
        #expect(status == 0)
        let store = try coach.store
        let dana = try coach.contact("Dana Lee")
        let call = try #require(try store.calls(contactID: dana.id!).first)
        #expect(call.endedAt != nil)
        let events = try store.events(callID: call.id!)
        #expect(events.map(\.kind) == [.asked, .note, .note, .skipped, .todo, .referral])
        let plan = try store.plan(contactID: dana.id!)
        #expect(events[1].planItemID == plan[0].id)
        #expect(events[3].planItemID == plan[2].id)
        let sam = try coach.contact("Sam Ortiz")
        #expect(sam.referredByID == dana.id && sam.mayUseReferrerName == true && sam.company == "Denver Health")
        #expect(coach.out.contains("✓ noted (Q1)"))
        #expect(coach.prompts.first?.hasPrefix("call 00:0") == true)
        #expect(coach.prompts.first?.hasSuffix("left> ") == true)
    }

    @Test func endOfInputPausesAndCallResumes() throws {
        let coach = try coachWithPlan()
        try coach.run(#"call "Dana Lee""#, answers: ["next", "first note"])
        #expect(coach.out.contains("Call paused"))
        try coach.run(#"call "Dana Lee""#, answers: ["second note", "end"])
        #expect(coach.out.contains("Resuming the 30-minute call"))
        #expect(coach.out.contains("▸  1."))
        let dana = try coach.contact("Dana Lee")
        let calls = try coach.store.calls(contactID: dana.id!)
        #expect(calls.count == 1)
        let notes = try coach.store.events(callID: calls[0].id!).filter { $0.kind == .note }
        #expect(notes.map(\.text) == ["first note", "second note"])
        #expect(Set(notes.map(\.planItemID)).count == 1)
    }

    @Test func helpCallDescribesTheCallScreen() throws {
        let coach = ScriptedCoach()
        #expect(try coach.run("help call") == 0)
        let text = coach.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")  // as wrapped for the terminal
        #expect(text.contains("a warning comes 5 minutes before the end of the call"))
        #expect(text.contains("notes / undo list this call's notes / remove the last one"))
        #expect(text.contains("Up recalls only what was typed in calls"))
    }

    /// `maybe` is not no: the question is asked again, in words that say who allowed what.
    @Test func referralAsksAgainUntilYesOrNo() throws {
        let coach = try coachWithPlan()
        try coach.run(#"call "Dana Lee""#, answers: [#"ref "Sam Ortiz""#, "maybe", "y", "end"])
        let question = "Did Dana Lee say you may mention their name to Sam Ortiz? [y/n] "
        #expect(coach.prompts.filter { $0 == question }.count == 2)
        #expect(coach.out.contains("Please answer y or n."))
        #expect(try coach.contact("Sam Ortiz").mayUseReferrerName == true)
        // Whose name: "may use their name" read as Sam's.
        #expect(coach.out.contains("✓ Sam Ortiz added as a contact, referred by Dana Lee; you may mention Dana Lee's name"))
        // The referral noted, `end` does not send you to ask for one in the thank-you.
        #expect(coach.out.contains("the referral question (answered: you noted Sam Ortiz)"))
        #expect(!coach.out.contains("ask it in your thank-you"))
    }

    /// `call NAME --minutes 20` on a call started for 30 was silently ignored; it now changes the call's length.
    @Test func minutesOnResumingChangeTheCallsLength() throws {
        let coach = try coachWithPlan()
        try coach.run(#"call "Dana Lee""#, answers: ["next"])
        try coach.run(#"call "Dana Lee""#, answers: ["clock"])
        #expect(coach.out.contains("Resuming the 30-minute call started"))
        #expect(coach.out.contains("elapsed of 30:00 promised"))
        try coach.run(#"call "Dana Lee" --minutes 20"#, answers: ["clock", "end"])
        #expect(coach.out.contains("Resuming the 20-minute call started"))
        #expect(coach.out.contains("elapsed of 20:00 promised"))
        #expect(try coach.store.calls(contactID: try coach.contact("Dana Lee").id!).last?.promisedMinutes == 20)
        #expect(try coach.run(#"call "Dana Lee" --minutes 0"#) != 0)
        #expect(coach.err.contains("--minutes must be from 1 to 240"))
    }

    /// A call paused and resumed days later showed `call 472929:10`; hours are shown as such, and the
    /// resume says the call may be a forgotten one.
    @Test func aCallResumedDaysLaterSaysSoAndCountsHours() throws {
        let coach = ScriptedCoach(now: "2025-03-10T09:00:00Z")
        try coach.run(#"contact add "Dana Lee""#)
        try coach.run(#"call "Dana Lee""#, answers: ["first thing"])
        let later = ScriptedCoach(now: "2025-03-12T10:01:05Z", folder: coach.folder)
        try later.run(#"call "Dana Lee""#, answers: ["clock", "end"])
        #expect(later.out.contains("That was over 12 hours ago: if the call is over, `end` it"))
        #expect(later.out.contains("49:01:0"), "\(later.out)")  // and the seconds this test took
        #expect(CallSession.clock(59 * 60 + 59) == "59:59" && CallSession.clock(3600) == "1:00:00")
    }

    /// A call of 17:50 was '18 minutes' in its summary and 'Call (17 minutes)' in history.
    @Test func historyGivesACallTheSameMinutesAsItsSummary() throws {
        let coach = ScriptedCoach(now: "2025-03-10T09:00:00Z")
        try coach.run(#"contact add "Dana Lee""#)
        try coach.run(#"call "Dana Lee""#, answers: ["first thing"])
        let later = ScriptedCoach(now: "2025-03-10T09:17:50Z", folder: coach.folder)
        try later.run(#"call "Dana Lee""#, answers: ["end"])
        try later.run(#"wrap "Dana Lee""#)
        #expect(later.out.contains("(18 minutes)"))
        try later.run(#"history "Dana Lee""#)
        #expect(later.out.contains("Call (18 minutes)"), "\(later.out)")
    }

    /// Answers that run `elsewhere` (another window) before the answer at `index`.
    private final class AnswersWithInterruption: AnswerSource {
        var answers: [String]
        let index: Int
        let elsewhere: () throws -> Void
        private var count = 0

        init(_ answers: [String], before index: Int, elsewhere: @escaping () throws -> Void) {
            (self.answers, self.index, self.elsewhere) = (answers, index, elsewhere)
        }

        func answer(prompt: String, completions: [String]) -> LineInput {
            defer { count += 1 }
            if count == index { try? elsewhere() }
            return answers.isEmpty ? .endOfInput : .line(answers.removeFirst())
        }
    }

    /// Two windows on one call: once the other ends it, this one stops (its last note still saved)
    /// instead of writing on and ending it again; once the person is removed, it stops with one line.
    @Test func aCallEndedOrRemovedInAnotherWindowStopsHere() throws {
        let coach = try coachWithPlan()
        let other = try CoachStore(path: try coach.store.path)
        let dana = try coach.contact("Dana Lee")
        coach.context.answers = AnswersWithInterruption(["next", "late note", "more"], before: 1) {
            _ = try other.endCall(try #require(try other.openCall(contactID: dana.id!)), at: Date(timeIntervalSince1970: 0))
        }
        #expect(CommandDispatcher(context: coach.context).run(["call", "Dana Lee"]) == 0)
        #expect(coach.out.contains("This call was ended in another window."))
        let call = try #require(try coach.store.calls(contactID: dana.id!).last)
        #expect(call.endedAt == Date(timeIntervalSince1970: 0))
        #expect(try coach.store.events(callID: call.id!).map(\.text).last == "late note")

        coach.context.answers = AnswersWithInterruption(["a note", "lost"], before: 1) {
            _ = try other.remove(try #require(try other.contact(named: "Dana Lee")))
        }
        #expect(CommandDispatcher(context: coach.context).run(["call", "Dana Lee"]) == 1)
        #expect(coach.err.hasSuffix("error: Dana Lee was removed in another window, with this call: 'lost' was not saved\n"))
    }

    /// `undo` takes the last note out of the database and says which; `notes` lists what is left.
    @Test func undoRemovesTheLastNoteAndNotesListsThem() throws {
        let coach = try coachWithPlan()
        try coach.run(#"call "Dana Lee""#, answers: ["next", "first thing", "a typo", "undo", "notes", "end"])
        #expect(coach.out.contains("✗ removed the last note (Q1): a typo"))
        #expect(coach.out.contains("Q1  first thing"))
        let dana = try coach.contact("Dana Lee")
        let call = try #require(try coach.store.calls(contactID: dana.id!).first)
        #expect(try coach.store.events(callID: call.id!).filter { $0.kind == .note }.map(\.text) == ["first thing"])
        try coach.run(#"call "Dana Lee""#)
        try coach.run(#"call "Dana Lee""#, answers: ["undo", "end"])
        #expect(coach.out.contains("No note to undo"))
    }

    /// `end` lists the planned questions not asked, the referral question first.
    @Test func endSaysWhichQuestionsWereNotAskedReferralFirst() throws {
        let coach = try coachWithPlan()
        try coach.run(#"call "Dana Lee""#, answers: ["next", "skip 2", "end"])
        let plan = try coach.store.plan(contactID: try coach.contact("Dana Lee").id!)
        let notAsked = try #require(coach.out.components(separatedBy: "Not asked:\n").last)
        let lines = notAsked.split(separator: "\n")
        #expect(lines.count == plan.count - 1)
        let banks = coach.context.banks()
        let referral = try #require(plan.firstIndex { $0.questionID.flatMap(banks.question(id:))?.isReferral == true })
        #expect(lines.first?.contains("\(referral + 1). \(plan[referral].text) — the referral question") == true)
        #expect(lines.contains { $0.contains("2. \(plan[1].text) (skipped)") })
        #expect(!notAsked.contains("1. \(plan[0].text)"))
    }

    @Test func wrapWritesSummaryThankYouAndCalendarOnce() throws {
        let coach = try coachWithPlan()
        try coach.run(#"call "Dana Lee""#, answers: ["next", "read Being Mortal", "todo read Being Mortal", "end"])
        #expect(try coach.run(#"wrap "Dana Lee" --from Alex"#) == 0)
        let summaries = coach.folder.appendingPathComponent("summaries")
        let files = try FileManager.default.contentsOfDirectory(atPath: summaries.path).sorted()
        let callID = try #require(try coach.store.calls(contactID: coach.contact("Dana Lee").id!).first?.id)
        #expect(files == ["2025-03-10-0900-dana-lee-call\(callID)-follow-up.ics", "2025-03-10-0900-dana-lee-call\(callID).md"])
        #expect(coach.out.contains("read Being Mortal"))
        #expect(coach.out.contains("send by 2025-03-11"))
        // Again: new files beside the first ones, never over them, and no task twice.
        #expect(try coach.run(#"wrap "Dana Lee""#) == 0)
        let again = try FileManager.default.contentsOfDirectory(atPath: summaries.path).sorted()
        #expect(again.count == 4 && again.contains("2025-03-10-0900-dana-lee-call\(callID)-2.md"))
        let tasks = try coach.store.openTasks()
        #expect(tasks.map(\.kind) == [.thankYou, .todo])
        #expect(tasks[0].text.hasSuffix("Alex\n"))
        try coach.run(#"thanks "Dana Lee" --sent"#)
        #expect(coach.out.contains("marked sent"))
        #expect(try coach.store.openTasks().map(\.kind) == [.todo])
    }

    @Test func referredContactsCallRemindsYouToTellTheReferrer() throws {
        let coach = try coachWithPlan()
        try coach.run(#"call "Dana Lee""#, answers: [#"ref "Sam Ortiz""#, "n", "end"])
        try coach.run(#"pick --contact "Sam Ortiz" --seed 1"#)
        try coach.run(#"call "Sam Ortiz""#, answers: ["next", "end"])
        try coach.run(#"wrap "Sam Ortiz""#)
        try coach.run("followups")
        #expect(coach.out.contains("Tell Dana Lee how your conversation with Sam Ortiz went"))
        #expect(coach.out.contains("Send thank-you to Sam Ortiz"))
    }

    @Test func pickForAContactSkipsQuestionsAlreadyAsked() throws {
        let coach = try coachWithPlan()
        let dana = try coach.contact("Dana Lee")
        let firstPlan = try coach.store.plan(contactID: dana.id!)
        try coach.run(#"call "Dana Lee""#, answers: ["next", "next", "end"])
        try coach.run(#"pick --contact "Dana Lee" --seed 4"#)
        #expect(coach.out.contains("2 questions asked in earlier calls left out"))
        let secondPlan = try coach.store.plan(contactID: dana.id!)
        #expect(!secondPlan.contains { $0.questionID == firstPlan[0].questionID || $0.questionID == firstPlan[1].questionID })
    }

    @Test func addingYourOwnQuestionLintsItFirst() throws {
        let coach = try coachWithPlan()
        #expect(try coach.run(#"add "Dana Lee" "Are you guys hiring?""#) == 1)
        #expect(coach.out.contains("job-ask"))
        // The picked plan fills the meeting: --anyway adds over time (with a warning).
        #expect(try coach.run(#"add "Dana Lee" "What do you wish you had known in your first year?" --anyway"#) == 0)
        #expect(coach.err.contains("warning: the plan would take"))
        let plan = try coach.store.plan(contactID: try coach.contact("Dana Lee").id!)
        // Before the referral question's section and the closing that end the plan.
        let added = try #require(plan.firstIndex { $0.text == "What do you wish you had known in your first year?" })
        let after = plan[(added + 1)...]
        #expect(after.allSatisfy { ["network-and-referrals", "closing"].contains($0.topic) })
        #expect(after.contains { $0.topic == "network-and-referrals" })
        #expect(plan.last?.topic == "closing")

    }

    @Test func historyAndStaleFollowUps() throws {
        let coach = try coachWithPlan()
        try coach.run(#"call "Dana Lee""#, answers: ["next", "a note", "end"])
        try coach.run(#"history "Dana Lee""#)
        let first = try #require(try coach.store.plan(contactID: coach.contact("Dana Lee").id!).first?.text)
        #expect(coach.out.contains("Call (0 minutes)\n      asked: \(first)\n        – a note\n"))

        try coach.run("followups --stale 30")
        #expect(coach.out.contains("nobody"))
    }
}
