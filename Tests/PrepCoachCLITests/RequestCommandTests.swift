import Foundation
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

@Suite struct RequestCommandTests {
    private func coachWithAnn() throws -> ScriptedCoach {
        let coach = ScriptedCoach()
        try coach.run(#"contact add "Ann Lee" --role "nurse manager" --company "Acme Health" --industry healthcare --stage career-changer --how "the alumni network""#)
        return coach
    }

    @Test func emailSaysWhoYouAreWhatYouExploreAndThatItIsNotAJobAsk() throws {
        let coach = try coachWithAnn()
        #expect(try coach.run(#"request "Ann Lee""#) == 0)
        let email = coach.out
        #expect(email.contains("Dear Ann,"))
        #expect(email.contains("[your name]"))
        #expect(email.contains("I am changing careers into healthcare"))
        #expect(email.contains("nurse manager at Acme Health"))
        #expect(email.contains("We are connected through the alumni network."))
        #expect(email.contains("not asking for a job"))
        #expect(email.contains("20–30 minutes") && email.contains("under 30 minutes"))
        #expect(email.contains("in person, by phone or by video"))
        // A draft only: nothing is logged as contact.
        let id = try #require(try coach.contact("Ann Lee").id)
        #expect(try coach.store.interactions(contactID: id).isEmpty)
    }

    @Test func phoneScriptWarnsThatTheyMayTalkRightAway() throws {
        let coach = try coachWithAnn()
        #expect(try coach.run(#"request "Ann Lee" --channel phone"#) == 0)
        let script = coach.out
        #expect(script.contains("First 20 seconds"))
        #expect(script.contains("Then the ask"))
        #expect(script.contains("may want to talk right away"))
        #expect(script.contains("Have your questions in hand"))
        #expect(script.contains(#"pick --contact "Ann Lee""#))
        #expect(script.contains("not asking for a job"))
        #expect(script.contains("under 30 minutes"))
        // The opening (who you are) comes before the ask.
        let opening = try #require(script.range(of: "I am changing careers into healthcare"))
        let ask = try #require(script.range(of: "Would you have 20 to 30 minutes"))
        #expect(opening.lowerBound < ask.lowerBound)
    }

    @Test func phoneScriptPointsAtAnExistingPlanInsteadOfPick() throws {
        let coach = try coachWithAnn()
        let id = try #require(try coach.contact("Ann Lee").id)
        try coach.store.setPlan(contactID: id, questions: [
            (questionID: nil, text: "What does a typical week look like for you?", topic: nil, minutes: 4),
        ])
        try coach.run(#"request "Ann Lee" --channel phone"#)
        #expect(coach.out.contains("your plan has 1 question"))
        #expect(!coach.out.contains("pick --contact"))
    }

    @Test func linkedInNoteFitsIn300Characters() throws {
        let coach = ScriptedCoach()
        let longCompany = String(repeating: "Very Long Hospital Group Name ", count: 6)
        try coach.run(#"contact add "Ann Lee" --role "chief nursing informatics officer" --company "\#(longCompany)" --industry healthcare --stage career-changer --how "a friend of a friend from the regional nursing association""#)
        #expect(try coach.run(#"request "Ann Lee" --channel linkedin"#) == 0)
        let lines = coach.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("Hi Ann,") })
        let end = try #require(lines[start...].firstIndex(of: ""))
        let note = lines[start..<end].joined(separator: "\n")
        #expect(note.count <= 300)
        #expect(note.contains("Not a job request"))
        #expect(note.contains("changing careers into healthcare"))
        #expect(coach.out.contains("\(note.count) of 300 characters"))
    }

    @Test func referrerIsNamedOnlyWithPermission() throws {
        let coach = try coachWithAnn()
        let ann = try coach.contact("Ann Lee")
        try coach.store.addReferral(named: "Carla Diaz", company: "Mercy", from: ann, mayUseName: true, at: Date())
        try coach.store.addReferral(named: "Dan Wu", company: "Mercy", from: ann, mayUseName: false, at: Date())

        try coach.run(#"request "Carla Diaz""#)
        #expect(coach.out.contains("Ann Lee suggested I get in touch with you."))
        try coach.run(#"request "Dan Wu""#)
        #expect(!coach.out.contains("suggested I get in touch"))
        #expect(!coach.out.contains("referred by"))
        #expect(coach.out.contains("did not say you may use their name"))
    }

    @Test func aContactWithoutStageOrIndustryGetsAGenericDraftAndATip() throws {
        let coach = ScriptedCoach()
        try coach.run("contact add Bob")
        #expect(try coach.run("request Bob") == 0)
        #expect(coach.out.contains("I am exploring my next career step"))
        #expect(coach.out.contains("contact edit Bob --stage"))
        #expect(try coach.run("request Bob --channel fax") != 0)
    }
}
