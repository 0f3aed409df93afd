import Testing
@testable import PrepCoachCore

@Suite struct QuestionPickerTests {
    /// A small bank with generic and specific questions in every topic.
    private func banks() throws -> (Banks, TemporaryBank) {
        var yaml = "questions:\n"
        for topic in ["opening", "career-path", "advice", "closing"] {
            for index in 1...4 {
                yaml += Fixtures.question(id: "\(topic)-generic-\(index)", topic: topic, minutes: "2")
            }
            yaml += Fixtures.question(id: "\(topic)-health", topic: topic, industries: "[healthcare]", minutes: "2")
            yaml += Fixtures.question(id: "\(topic)-law-student", topic: topic, stages: "[student]",
                                      industries: "[law]", minutes: "2")
        }
        yaml += Fixtures.question(id: "ref-generic", topic: "network-and-referrals", minutes: "2", referral: true)
        yaml += Fixtures.question(id: "ref-health", topic: "network-and-referrals", industries: "[healthcare]",
                                  minutes: "1", referral: true)
        yaml += Fixtures.question(id: "network-events", topic: "network-and-referrals", minutes: "2")
        let bank = try TemporaryBank(["tags.yaml": Fixtures.tags, "q.yaml": yaml])
        let banks = BankLoader.load([bank.path])
        #expect(banks.diagnostics.isEmpty)
        return (banks, bank)
    }

    /// Past 64 industries the picker has no bit for one and asks the question's own tags.
    @Test func industriesBeyondTheSixtyFourthAreMatchedToo() throws {
        let extra = (1...70).map { "  - id: field-\($0)\n    description: Field \($0).\n" }.joined()
        let tags = Fixtures.tags.replacingOccurrences(of: "industries:\n", with: "industries:\n" + extra)
        let yaml = "questions:\n" + Fixtures.question(id: "path-far", industries: "[field-70]")
            + Fixtures.question(id: "path-near", industries: "[field-2]")
            + Fixtures.question(id: "ref-any", topic: "network-and-referrals", referral: true)
        let bank = try TemporaryBank(["tags.yaml": tags, "q.yaml": yaml])
        let banks = BankLoader.load([bank.path])
        #expect(banks.diagnostics.isEmpty)
        let far = try QuestionPicker(banks: banks).pick(PlanRequest(stage: "student", industry: "field-70"))
        #expect(far.questions.map(\.id) == ["path-far", "ref-any"])
        let near = try QuestionPicker(banks: banks).pick(PlanRequest(stage: "student", industry: "field-2"))
        #expect(near.questions.map(\.id) == ["path-near", "ref-any"])
    }

    @Test func planIsInConversationOrderAndEndsWithAReferral() throws {
        let (banks, _) = try banks()
        let plan = try QuestionPicker(banks: banks).pick(PlanRequest(stage: "career-changer", industry: "healthcare"))
        let topicOrder = plan.questions.dropLast().map { banks.vocabulary.order(ofTopic: $0.topic) }
        #expect(topicOrder == topicOrder.sorted())
        #expect(plan.questions.last?.id == "ref-health")
        #expect(plan.questions.filter(\.isReferral).count == 1)
        #expect(plan.questions.first?.topic == "opening")
    }

    @Test func fitsTheBudgetAndHonoursTopicLimits() throws {
        let (banks, _) = try banks()
        for minutes in [8, 12, 20, 30, 60] {
            let plan = try QuestionPicker(banks: banks).pick(PlanRequest(stage: "student", industry: "law",
                                                                          meetingMinutes: minutes))
            #expect(plan.totalMinutes <= minutes - PlanRequest.defaultReservedMinutes)
            #expect(plan.questions.count { $0.topic == "opening" } <= 1)
            #expect(plan.questions.count { $0.topic == "closing" } <= 1)
        }
    }

    @Test func filtersByStageAndIndustryAndPrefersSpecificQuestions() throws {
        let (banks, _) = try banks()
        let plan = try QuestionPicker(banks: banks).pick(PlanRequest(stage: "career-changer", industry: "healthcare"))
        #expect(plan.questions.allSatisfy { $0.suits(stage: "career-changer", industry: "healthcare") })
        #expect(!plan.questions.contains { $0.id.contains("law") })
        // Each topic's first pick is the healthcare-specific question.
        for topic in ["opening", "career-path", "advice", "closing"] {
            #expect(plan.questions.first { $0.topic == topic }?.id == "\(topic)-health")
        }
        let lawPlan = try QuestionPicker(banks: banks).pick(PlanRequest(stage: "student", industry: "law"))
        #expect(lawPlan.questions.first?.id == "opening-law-student")
        #expect(lawPlan.questions.last?.id == "ref-generic")
    }

    @Test func sameSeedSamePlanOtherSeedsVary() throws {
        let (banks, _) = try banks()
        let picker = QuestionPicker(banks: banks)
        let request = PlanRequest(stage: "career-changer", industry: "law", meetingMinutes: 15, seed: 42)
        #expect(try picker.pick(request) == picker.pick(request))
        let plans = try Set((1...20).map { seed in
            var other = request
            other.seed = UInt64(seed)
            return try picker.pick(other).questions.map(\.id)
        })
        #expect(plans.count > 1)
    }

    @Test func topicsCountAndExclusionsAreHonoured() throws {
        let (banks, _) = try banks()
        let picker = QuestionPicker(banks: banks)
        let onlyAdvice = try picker.pick(PlanRequest(stage: "student", industry: "healthcare", topics: ["advice"]))
        #expect(Set(onlyAdvice.questions.map(\.topic)) == ["advice", "network-and-referrals"])
        let three = try picker.pick(PlanRequest(stage: "student", industry: "healthcare", maxCount: 3))
        #expect(three.questions.count == 3)
        #expect(three.questions.last?.isReferral == true)
        let excluded = try picker.pick(PlanRequest(stage: "student", industry: "healthcare",
                                                   excludedIDs: ["ref-health", "opening-health"]))
        #expect(!excluded.questions.contains { ["ref-health", "opening-health"].contains($0.id) })
        #expect(excluded.questions.last?.id == "ref-generic")
    }

    @Test func explainsWhyNoPlanIsPossible() throws {
        let (banks, _) = try banks()
        let picker = QuestionPicker(banks: banks)
        #expect(throws: PickError.budgetTooSmall(meeting: 5, reserved: 5)) {
            try picker.pick(PlanRequest(stage: "student", industry: "law", meetingMinutes: 5))
        }
        #expect(throws: PickError.noReferralQuestion(stage: "student", industry: "law")) {
            try picker.pick(PlanRequest(stage: "student", industry: "law", excludedIDs: ["ref-generic"]))
        }
        #expect(throws: PickError.referralDoesNotFit(minutes: 2, budget: 1)) {
            try picker.pick(PlanRequest(stage: "student", industry: "law", meetingMinutes: 6))
        }
    }

    @Test func bundledBanksGiveTheDocumentedPlan() throws {
        let banks = BankLoader.load([Fixtures.bundledBanks])
        for seed in UInt64(1)...25 {
            let plan = try QuestionPicker(banks: banks).pick(
                PlanRequest(stage: "career-changer", industry: "healthcare", meetingMinutes: 30, seed: seed))
            #expect(plan.totalMinutes < 30)
            #expect(plan.questions.last?.isReferral == true)
            #expect(plan.questions.count >= 6)
            #expect(plan.questions.contains { $0.industries == .only(["healthcare"]) })
        }
    }
}
