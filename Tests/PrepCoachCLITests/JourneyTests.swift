import Foundation
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

/// The journey as people live it: a surprise call, picking again, wrapping the real call,
/// research filed under another spelling of the company, following up on a request.
@Suite struct JourneyTests {
    /// "I have 10 minutes right now": one command adds the person, picks a plan for 10 minutes and
    /// starts a 10-minute call on it.
    @Test func aSurpriseCallAddsThePersonAndPicksAPlanForItsMinutes() throws {
        let coach = ScriptedCoach()
        #expect(try coach.run(#"call "Pat Baker" --minutes 10 --stage student --industry food --role "Bakery owner""#,
                              answers: ["next", "end"]) == 0, "\(coach.err)")
        let pat = try coach.contact("Pat Baker")
        #expect(pat.stage == "student" && pat.industry == "agriculture-and-food" && pat.role == "Bakery owner")
        let plan = try coach.store.plan(contactID: pat.id!)
        #expect(!plan.isEmpty && plan.reduce(0) { $0 + $1.minutes } <= 10)
        #expect(try coach.store.planMeetingMinutes(contactID: pat.id!) == 10)
        let call = try #require(try coach.store.calls(contactID: pat.id!).first)
        #expect(call.promisedMinutes == 10)
        #expect(coach.out.contains("Added Pat Baker"))
        #expect(coach.out.contains("Picked \(plan.count) questions for 10 minutes"))
        #expect(coach.prompts.first?.contains("10:00 left") == true)
    }

    @Test func anUnknownNameWithoutStageAndIndustrySaysHowToCallSomeoneNew() throws {
        let coach = ScriptedCoach()
        #expect(try coach.run(#"call "Pat Baker" --minutes 10"#) == 1)
        #expect(coach.err.contains("no contact named 'Pat Baker'"))
        #expect(coach.err.contains("or call someone new with --stage S --industry I"))
        #expect(try coach.store.contacts().isEmpty)
    }

    /// `pick --minutes 20` then a plain `call`: the call is 20 minutes, not 30.
    @Test func theCallsLengthComesFromThePlan() throws {
        let coach = try ScriptedCoach.withDanasPlan()
        #expect(try coach.run(#"pick --contact "Dana Lee" --minutes 20 --seed 3"#) == 0)
        #expect(try coach.run(#"call "Dana Lee""#, answers: ["end"]) == 0)
        let dana = try coach.contact("Dana Lee")
        #expect(try coach.store.calls(contactID: dana.id!).last?.promisedMinutes == 20)
        #expect(try coach.run(#"call "Dana Lee" --minutes 12"#, answers: ["end"]) == 0)
        #expect(try coach.store.calls(contactID: dana.id!).last?.promisedMinutes == 12)
    }

    /// `pick` in a call keeps what was asked (with its notes) and picks the rest for the minutes left.
    @Test func pickInACallKeepsWhatWasAskedAndFitsTheMinutesLeft() throws {
        let coach = try ScriptedCoach.withDanasPlan()
        let dana = try coach.contact("Dana Lee")
        let before = try coach.store.plan(contactID: dana.id!)
        #expect(try coach.run(#"call "Dana Lee" --minutes 12"#, answers: ["next", "she started in the ER", "next", "pick", "end"]) == 0,
                "\(coach.err)")
        let after = try coach.store.plan(contactID: dana.id!)
        #expect(Array(after.prefix(2)) == Array(before.prefix(2)), "the two asked questions stay first, with their ids")
        #expect(after.dropFirst(2).reduce(0) { $0 + $1.minutes } <= 12 - CallSession.thanksMinutes)
        #expect(Set(after.dropFirst(2).compactMap(\.questionID)).isDisjoint(with: before.prefix(2).compactMap(\.questionID)))
        let openingTopic = try #require(coach.context.banks().vocabulary.ids(.topic).first)
        #expect(!after.dropFirst(2).contains { $0.topic == openingTopic }, "no second opening mid-call")
        let call = try #require(try coach.store.calls(contactID: dana.id!).first)
        let note = try #require(try coach.store.events(callID: call.id!).first { $0.kind == .note })
        #expect(note.planItemID == before[0].id)
        #expect(coach.out.contains("for the 12 minutes left, after the 2 asked"))
        #expect(try coach.run(#"plan "Dana Lee" undo"#) == 0)
        #expect(try coach.store.plan(contactID: dana.id!).map(\.text) == before.map(\.text))
    }

    /// The header counts the plan as saved, your own question included; one already asked is not carried again.
    @Test func rePickingCountsYourOwnQuestionsAndLeavesOutOnesAsked() throws {
        let coach = try ScriptedCoach.withDanasPlan()
        #expect(try coach.run(#"add "Dana Lee" "What do you wish you had known in your first year?" --anyway"#) == 0)
        #expect(try coach.run(#"add "Dana Lee" "Which night-shift habits helped you most?" --anyway"#) == 0)
        let dana = try coach.contact("Dana Lee")
        let asked = try #require(try coach.store.plan(contactID: dana.id!).firstIndex { $0.text.hasPrefix("What do you wish") })
        #expect(try coach.run(#"call "Dana Lee""#, answers: ["ask \(asked + 1)", "end"]) == 0)
        #expect(try coach.run(#"pick --contact "Dana Lee" --minutes 20 --seed 5"#) == 0)
        let saved = try coach.store.plan(contactID: dana.id!)
        #expect(!saved.contains { $0.text.hasPrefix("What do you wish") }, "asked in the call: not carried again")
        #expect(saved.contains { $0.text == "Which night-shift habits helped you most?" })
        let header = "\(saved.count) questions · \(saved.reduce(0) { $0 + $1.minutes }) min of questions in a 20-min meeting"
        #expect(coach.out.contains(header), "\(coach.out)")
    }

    /// A call opened to look at the plan and ended at once does not take over from the real call.
    @Test func wrapPassesOverALaterCallWithNothingInIt() throws {
        let coach = try ScriptedCoach.withDanasPlan()
        #expect(try coach.run(#"call "Dana Lee""#, answers: ["next", "she started in the ER", "end"]) == 0)
        #expect(try coach.run(#"call "Dana Lee""#, answers: ["plan", "end"]) == 0)
        #expect(try coach.run(#"wrap "Dana Lee" --point 1"#) == 0, "\(coach.err)")
        #expect(coach.out.contains("has no notes: wrapping the call of"))
        #expect(coach.out.contains("   - she started in the ER"))
        let dana = try coach.contact("Dana Lee")
        let calls = try coach.store.calls(contactID: dana.id!)
        #expect(try coach.store.tasks(contactID: dana.id!).first { $0.kind == .thankYou }?.callID == calls[0].id)
    }
}
