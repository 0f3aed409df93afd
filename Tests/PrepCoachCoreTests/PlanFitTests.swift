import Testing
@testable import PrepCoachCore

/// The picker and what questions assume about the person.
@Suite struct PlanFitTests {
    private func banks() throws -> (Banks, TemporaryBank) {
        var yaml = "questions:\n"
        yaml += Fixtures.question(id: "open", topic: "opening", minutes: "1")
        yaml += Fixtures.question(id: "close", topic: "closing", minutes: "1")
        yaml += Fixtures.question(id: "ref", topic: "network-and-referrals", minutes: "1", referral: true)
        for topic in ["career-path", "advice"] {
            for index in 1...2 {
                yaml += Fixtures.question(id: "\(topic)-owner-\(index)", topic: topic, minutes: "2", assumes: "[owner]")
                yaml += Fixtures.question(id: "\(topic)-employee-\(index)", topic: topic, minutes: "2",
                                          assumes: "[employee]")
                yaml += Fixtures.question(id: "\(topic)-generic-\(index)", topic: topic, minutes: "2")
            }
            yaml += Fixtures.question(id: "\(topic)-clinical", topic: topic, industries: "[healthcare]", minutes: "2",
                                      assumes: "[clinical]")
            yaml += Fixtures.question(id: "\(topic)-non-clinical", topic: topic, industries: "[healthcare]",
                                      minutes: "2", assumes: "[non-clinical]")
            yaml += Fixtures.question(id: "\(topic)-legal", topic: topic, minutes: "2", assumes: "[legal-practice]")
        }
        let bank = try TemporaryBank(["tags.yaml": Fixtures.tags, "q.yaml": yaml])
        let banks = BankLoader.load([bank.path])
        #expect(banks.diagnostics.isEmpty)
        return (banks, bank)
    }

    private func plans(_ person: PersonFacts, industry: String = "healthcare") throws -> [[String]] {
        let (banks, _) = try banks()
        return try (UInt64(1)...40).map { seed in
            try QuestionPicker(banks: banks).pick(PlanRequest(stage: "student", industry: industry, person: person,
                                                              meetingMinutes: 25, seed: seed)).questions.map(\.id)
        }
    }

    @Test func anUnknownPersonNeverGetsContradictingQuestionsInOnePlan() throws {
        for plan in try plans(PersonFacts()) {
            #expect(!(plan.contains { $0.contains("-owner-") } && plan.contains { $0.contains("-employee-") }), "\(plan)")
            #expect(!(plan.contains { $0.hasSuffix("-clinical") && !$0.hasSuffix("non-clinical") }
                && plan.contains { $0.hasSuffix("-non-clinical") }), "\(plan)")
            // A healthcare contact is not in a law firm's role family.
            #expect(!plan.contains { $0.hasSuffix("-legal") }, "\(plan)")
        }
        let all = Set(try plans(PersonFacts()).joined())
        #expect(all.contains("advice-owner-1") && all.contains("advice-employee-1"))
    }

    @Test func knownFactsExcludeQuestionsThatContradictThem() throws {
        let owner = try plans(PersonFacts(employment: "owner"))
        #expect(!owner.joined().contains { $0.contains("-employee-") })
        #expect(owner.allSatisfy { $0.contains { $0.contains("-owner-") } })
        let nurse = try plans(PersonFacts(roleFamily: "clinical"))
        #expect(!nurse.joined().contains { $0.hasSuffix("-non-clinical") })
        // A question written for the person's role is preferred: it is in nearly every plan.
        #expect(nurse.count { $0.contains("career-path-clinical") } >= 30)
    }

    @Test func aKnownFamilyFromAnotherIndustryCountsOverTheIndustrysFamilies() throws {
        // A lawyer working in a hospital: the legal questions fit, the clinical ones do not.
        let plans = try plans(PersonFacts(roleFamily: "legal-practice"))
        #expect(!plans.joined().contains { $0.hasSuffix("clinical") })
        #expect(plans.joined().contains { $0.hasSuffix("-legal") })
    }
}

@Suite struct PlanNearDuplicateTests {
    @Test func twoWordingsOfOneQuestionNeverShareAPlan() throws {
        let yaml = "questions:\n" + Fixtures.question(id: "open", topic: "opening", minutes: "1")
            + Fixtures.question(id: "ref", topic: "network-and-referrals", minutes: "1", referral: true)
            + Fixtures.question(id: "advice-generic", topic: "advice", minutes: "2",
                                text: "What makes a newcomer stand out in this field?")
            + Fixtures.question(id: "advice-health", topic: "advice", industries: "[healthcare]", minutes: "2",
                                text: "What makes a newcomer stand out in this field today?")
        let bank = try TemporaryBank(["tags.yaml": Fixtures.tags, "q.yaml": yaml])
        let banks = BankLoader.load([bank.path])
        for seed in UInt64(1)...10 {
            let plan = try QuestionPicker(banks: banks).pick(PlanRequest(stage: "student", industry: "healthcare",
                                                                         seed: seed))
            #expect(plan.questions.count { $0.topic == "advice" } == 1)
        }
    }
}
