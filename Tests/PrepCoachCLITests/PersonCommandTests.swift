import Foundation
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

/// Who the contact is: worked out, asked, edited, shown, and used by `pick`.
@Suite struct PersonCommandTests {
    @Test func roleAndCompanyTellWhoTheContactIs() throws {
        let coach = ScriptedCoach()
        try coach.run(#"contact add "Sam Park" --role "Senior Product Designer" --company "Acme Bank" --industry finance"#)
        #expect(coach.out.contains("Added Sam Park (senior, finance-technology-and-operations, employee, large)."))
        let sam = try coach.contact("Sam Park")
        #expect(sam.person == PersonFacts(roleFamily: "finance-technology-and-operations", employment: "employee",
                                          size: "large", seniority: "senior"))
        try coach.run("contact show \"Sam Park\"")
        #expect(coach.out.contains("Who           senior, finance-technology-and-operations, employee, large"))
        try coach.run(#"contact add Fay --role Founder --industry technology"#)
        #expect(try coach.contact("Fay").employment == "owner")
    }

    @Test func aScriptIsNeverAskedAndATerminalIsAskedOnlyWhatIsUnclear() throws {
        let coach = ScriptedCoach()
        try coach.run("contact add Kim --role Analyst --industry healthcare", answers: ["clinical"])
        #expect(coach.prompts.isEmpty)
        #expect(try coach.contact("Kim").person == PersonFacts(roleFamily: "non-clinical", employment: "employee"))
        // What stayed unknown is said, with how to set it.
        #expect(coach.out.contains("Not clear from the role and company: seniority, size. "
                                   + "Set with `contact edit Kim --seniority … --size …`."))

        // A physiotherapist may run their own practice: asked, like the size.
        try coach.run("contact add Lou --role Physiotherapist --industry healthcare",
                      answers: ["", "founder", "medium", "large"], interactive: true)
        #expect(coach.prompts.map { $0.components(separatedBy: " (")[0] } == [
            "Lou: how senior are they?", "Lou: do they own or run the business, or work for an employer?",
            "Lou: how big is the organisation?", "Lou: how big is the organisation?",
        ])
        #expect(coach.err.contains("'medium' is not one of solo, small, large"))
        #expect(try coach.contact("Lou").person == PersonFacts(roleFamily: "clinical", employment: "owner", size: "large"))

        // A proprietor owns the business: not asked how senior they are. "Bakery" says small.
        try coach.run(#"contact add Rosa --role Proprietor --company "Rosa's Bakery" --industry retail"#,
                      answers: ["stores-and-hospitality"], interactive: true)
        #expect(coach.prompts.map { $0.components(separatedBy: " (")[0] } == ["Rosa: what do they do there?"])
        #expect(try coach.contact("Rosa").person
            == PersonFacts(roleFamily: "stores-and-hospitality", employment: "owner", size: "small"))
    }

    @Test func editSetsAndClearsFactsAndRefusesContradictions() throws {
        let coach = ScriptedCoach()
        try coach.run(#"contact add Dana --role "Nurse Manager" --industry healthcare"#)
        #expect(try coach.run("contact edit Dana --owner --size small --seniority \"\"") == 0)
        #expect(try coach.contact("Dana").person
            == PersonFacts(roleFamily: "clinical", employment: "owner", size: "small"))
        #expect(try coach.run("contact edit Dana --owner --employee") != 0)
        #expect(coach.err.contains("--owner and --employee contradict each other"))
        #expect(try coach.run("contact edit Dana --role-family clinicl") != 0)
        #expect(coach.err.contains("unknown role-family 'clinicl' (did you mean 'clinical'?)"))
        // A new role is read again; what it does not say stays.
        try coach.run(#"contact edit Dana --role "Practice Manager""#)
        #expect(try coach.contact("Dana").person
            == PersonFacts(roleFamily: "non-clinical", employment: "employee", size: "small", seniority: "senior"))
        try coach.run(#"contact edit Dana --role "Physiotherapist""#)
        #expect(try coach.contact("Dana").person
            == PersonFacts(roleFamily: "clinical", employment: "employee", size: "small", seniority: "senior"))
    }

    @Test func planHeaderSaysWhoThePlanIsFor() throws {
        let coach = ScriptedCoach()
        try coach.run(#"contact add "Sam Park" --role "Senior Product Designer" --industry finance --stage changer"#)
        try coach.run(#"pick --contact "Sam Park" --seed 3 --size large"#)
        #expect(coach.out.hasPrefix("Plan for the career changer stage in finance, talking to a senior product "
                                    + "designer at a large organisation · "))
        try coach.run("pick --stage entrepreneur --industry tech --owner --seed 1")
        #expect(coach.out.hasPrefix("Plan for the aspiring entrepreneur stage in technology, talking to a business "
                                    + "owner · "))
        try coach.run("pick --stage early --industry education --role-family higher-education --seniority executive")
        #expect(coach.out.hasPrefix("Plan for the early career stage in education, talking to an executive higher "
                                    + "education professional · "))
        try coach.run(#"contact add "Rosa Diaz" --role Founder --company "Rosa's Bakery" --industry retail --seniority executive"#)
        try coach.run(#"pick --contact "Rosa Diaz" --stage changer --seed 1"#)
        #expect(coach.out.hasPrefix("Plan for the career changer stage in retail, talking to a founder at Rosa's Bakery (small) · "))
    }

    @Test func pickOptionsShapeThePlan() throws {
        let coach = ScriptedCoach()
        let banks = coach.context.banks()
        for seed in 1...10 {
            try coach.run("pick --stage entrepreneur --industry tech --owner --json --seed \(seed)")
            let ids = try #require(try JSONSerialization.jsonObject(with: Data(coach.out.utf8)) as? [String: Any])
            let questions = try #require(ids["questions"] as? [[String: Any]]).compactMap { $0["id"] as? String }
            #expect(!questions.contains { banks.question(id: $0)?.assumes[.employment] == ["employee"] })
        }
    }

    @Test func helpExplainsWhoTheContactIs() throws {
        let coach = ScriptedCoach()
        #expect(try coach.run("help people") == 0)
        #expect(coach.out.contains("role family   what they do in their industry"))
        #expect(coach.completions("help peo") == ["people"])
    }
}

@Suite struct PlanAddPositionTests {
    @Test func yourQuestionGoesBeforeThePlansClosing() throws {
        let coach = ScriptedCoach()
        try coach.run("contact add Dana --industry healthcare --stage changer")
        try coach.run("pick --contact Dana --seed 4")
        // The picked plan fills the meeting: --anyway adds over time.
        #expect(try coach.run(#"add Dana "What surprised you most about moving into management?" --anyway"#) == 0)
        let plan = try coach.store.plan(contactID: coach.contact("Dana").id!)
        let added = try #require(plan.firstIndex { $0.text == "What surprised you most about moving into management?" })
        #expect(plan[(added + 1)...].allSatisfy { ["network-and-referrals", "closing"].contains($0.topic) })
        #expect(plan[added + 1].topic == "network-and-referrals")
        #expect(plan.last?.topic == "closing")
    }
}
