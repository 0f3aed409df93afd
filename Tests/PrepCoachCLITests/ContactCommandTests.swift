import Foundation
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

@Suite struct ContactCommandTests {
    private let ann = #"contact add "Ann Lee" --role "nurse manager" --company "Acme Health" --industry health --stage changer --how "alumni network" --channel "in person""#

    @Test func addsAContactResolvingTagAliases() throws {
        let coach = ScriptedCoach()
        #expect(try coach.run(ann) == 0)
        #expect(coach.out.contains("Added Ann Lee (senior, clinical, employee)."))
        #expect(coach.out.contains(#"pick --contact "Ann Lee""#))
        let contact = try coach.contact("ann lee")
        #expect(contact.role == "nurse manager")
        #expect(contact.company == "Acme Health")
        #expect(contact.industry == "healthcare")
        #expect(contact.stage == "career-changer")
        #expect(contact.howKnown == "alumni network")
        #expect(contact.channel == .inPerson)
    }

    @Test func refusesADuplicateNameInAnyCase() throws {
        let coach = ScriptedCoach()
        try coach.run(ann)
        #expect(try coach.run(#"contact add "ANN LEE""#) == 1)
        #expect(coach.err.contains("a contact named 'ANN LEE' already exists"))
        #expect(try coach.store.contacts().count == 1)
    }

    @Test func rejectsAMistypedIndustryOrChannelWithASuggestion() throws {
        let coach = ScriptedCoach()
        #expect(try coach.run("contact add Bob --industry helthcare") != 0)
        #expect(coach.err.contains("unknown industry 'helthcare' (did you mean 'healthcare'?)"))
        #expect(try coach.run("contact add Bob --channel fone") != 0)
        #expect(coach.err.contains("did you mean 'phone'?"))
        #expect(try coach.store.contacts().isEmpty)
    }

    @Test func listsContactsWithTheirLastContactDate() throws {
        let coach = ScriptedCoach()
        try coach.run("contact list")
        #expect(coach.out.contains("No contacts yet"))
        try coach.run(ann)
        try coach.run("contact add Bob --company Initech")
        try coach.run(#"contact log Bob met at the alumni mixer"#)

        #expect(try coach.run("contact list") == 0)
        let lines = coach.out.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Name") == true)
        let annRow = try #require(lines.first { $0.hasPrefix("Ann Lee") })
        #expect(annRow.contains("nurse manager") && annRow.contains("Acme Health") && annRow.contains("in-person"))
        #expect(annRow.hasSuffix("never"))
        let bobRow = try #require(lines.first { $0.hasPrefix("Bob") })
        #expect(bobRow.contains("Initech") && bobRow.hasSuffix("2025-03-10"))
        #expect(lines.last == "2 contacts")

        try coach.run("contact")  // no subcommand: the same list
        #expect(coach.out.contains("Ann Lee") && coach.out.contains("2 contacts"))
    }

    @Test func listsAsJSON() throws {
        let coach = ScriptedCoach()
        try coach.run(ann)
        #expect(try coach.run("contact list --json") == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(coach.out.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows[0]["name"] as? String == "Ann Lee")
        #expect(rows[0]["industry"] as? String == "healthcare")
        #expect(rows[0]["lastContact"] == nil)
    }

    @Test func showsEverythingAboutAContact() throws {
        let coach = ScriptedCoach()
        try coach.run(ann)
        let annID = try #require(try coach.contact("Ann Lee").id)
        try coach.store.addReferral(named: "Carla Diaz", company: "Mercy Hospital",
                                    from: try coach.contact("Ann Lee"), mayUseName: true, at: Date())
        try coach.store.setPlan(contactID: annID, questions: [
            (questionID: nil, text: "What does a typical week look like for you?", topic: nil, minutes: 4),
            (questionID: nil, text: "Who else would you suggest I talk to?", topic: nil, minutes: 3),
        ])

        #expect(try coach.run(#"contact show "ann lee""#) == 0)
        let out = coach.out
        #expect(out.hasPrefix("Ann Lee\n"))
        for expected in ["nurse manager", "Acme Health", "healthcare", "career-changer", "alumni network", "in-person",
                         "2 questions, 7 min", "Calls", "Readiness", "2025-03-10"] {
            #expect(out.contains(expected), "missing \(expected)")
        }

        try coach.run(#"contact show "Carla Diaz""#)
        #expect(coach.out.contains("Ann Lee (you may use their name)"))
        #expect(coach.out.contains(#"none yet — pick --contact "Carla Diaz""#))

        #expect(try coach.run(#"contact show "Ann Lee" --json"#) == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(coach.out.utf8)) as? [String: Any])
        #expect(json["planQuestions"] as? Int == 2)
        #expect(json["planMinutes"] as? Int == 7)
        #expect(json["calls"] as? Int == 0)
        #expect((json["readinessScore"] as? Int).map { (0...100).contains($0) } == true)
    }

    @Test func unknownNameGetsADidYouMean() throws {
        let coach = ScriptedCoach()
        try coach.run(ann)
        #expect(try coach.run(#"contact show "Ann Le""#) == 1)
        #expect(coach.err.contains("no contact named 'Ann Le' (did you mean 'Ann Lee'?)"))
    }

    @Test func editChangesOnlyTheGivenFields() throws {
        let coach = ScriptedCoach()
        try coach.run(ann)
        #expect(try coach.run(#"contact edit "Ann Lee" --company "Mercy Hospital" --role """#) == 0)
        #expect(coach.out.contains("Updated Ann Lee: role, company (senior, clinical, employee, large)."))
        let contact = try coach.contact("Ann Lee")
        #expect(contact.company == "Mercy Hospital")
        #expect(contact.role == nil)  // an empty value clears
        #expect(contact.industry == "healthcare" && contact.stage == "career-changer" && contact.channel == .inPerson)

        #expect(try coach.run(#"contact edit "Ann Lee""#) != 0)
        #expect(coach.err.contains("nothing to change"))
        #expect(try coach.run(#"contact edit "Ann Lee" --stage studnet"#) != 0)
        #expect(coach.err.contains("did you mean 'student'?"))
        #expect(try coach.contact("Ann Lee").stage == "career-changer")
    }

    @Test func logRecordsBeingInTouch() throws {
        let coach = ScriptedCoach()
        try coach.run(ann)
        #expect(try coach.run(#"contact log "Ann Lee" sent her the staffing article"#) == 0)
        #expect(coach.out.contains("Logged for Ann Lee on 2025-03-10"))
        let id = try #require(try coach.contact("Ann Lee").id)
        let interactions = try coach.store.interactions(contactID: id)
        #expect(interactions.map(\.kind) == [.log])
        #expect(interactions.first?.text == "sent her the staffing article")
        #expect(try coach.store.lastContactDates()[id] != nil)
        #expect(try coach.run(#"contact log "Ann Lee""#) != 0)
    }

    @Test func tabCompletesSubcommandsContactNamesAndChannels() throws {
        let coach = ScriptedCoach()
        try coach.run(ann)
        try coach.run("contact add Anna --company Initech")
        #expect(coach.completions("cont") == ["contact"])
        #expect(coach.completions("contact sh") == ["show"])
        #expect(coach.completions("contact ").contains("edit"))
        #expect(coach.completions("contact show Ann") == [#"Ann\ Lee"#, "Anna"])
        #expect(coach.completions(#"contact show Ann\ L"#) == [#"Ann\ Lee"#])
        #expect(coach.completions("prep An").contains(#"Ann\ Lee"#))
        #expect(coach.completions("contact edit Anna --channel in") == ["in-person"])
        #expect(coach.completions("contact add Zoe --company Ac") == [#"Acme\ Health"#])
        #expect(coach.completions("contact edit Anna --ind") == ["--industry"])
        // The escaped name reads back as one word.
        #expect(try CommandWords.split(#"contact show Ann\ Lee"#) == ["contact", "show", "Ann Lee"])
    }

    @Test func helpDescribesSubcommands() throws {
        let coach = ScriptedCoach()
        #expect(try coach.run("help contact") == 0)
        #expect(coach.out.contains("SUBCOMMANDS") && coach.out.contains("log"))
        #expect(try coach.run("help contact add") == 0)
        #expect(coach.out.contains("--industry"))
    }
}
