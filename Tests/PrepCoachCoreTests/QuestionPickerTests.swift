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

    /// A shell picks many plans from one bank: what the picker works out per
    /// question is built once and shared by every picker on the bank (and its copies).
    @Test func pickersOnOneBankShareItsColumns() throws {
        let (banks, _) = try banks()
        let copy = banks
        #expect(copy.pickerColumns.memo === banks.pickerColumns.memo)
        let request = PlanRequest(stage: "career-changer", industry: "healthcare", seed: 4)
        #expect(try QuestionPicker(banks: banks).pick(request) == QuestionPicker(banks: copy).pick(request))
    }

    /// Each plan takes its questions from heaps, one per length in minutes,
    /// not a sorted list: best first must still be the order a full sort gives
    /// (equal scores in bank order), less what does not fit or is refused.
    @Test func rankedQueuesGiveTheOrderOfAFullSort() {
        var random = SeededGenerator(seed: 3)
        let candidates = (0..<500).map { RankedQueue.Candidate(score: Double(random.below(20)) / 4, index: $0) }
            .shuffled(using: &random)
        let minutes = { (index: Int) in index % 5 + 1 }
        var queue = RankedQueue(), queues = MinutesQueues()
        for candidate in candidates {
            queue.append(candidate)
            queues.append(candidate, minutes: minutes(candidate.index))
        }
        queue.heapify()
        queues.heapify()
        let sorted = candidates.sorted { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }.map(\.index)
        var popped: [Int] = []
        while let next = queue.removeFirst() { popped.append(next.index) }
        #expect(popped == sorted)
        var taken: [Int] = []
        while let next = queues.popFirst(within: 3, where: { $0 % 3 != 0 }) { taken.append(next) }
        #expect(taken == sorted.filter { minutes($0) <= 3 && $0 % 3 != 0 })
    }

    @Test func planIsAConversationFromOpeningToClosingWithOneReferral() throws {
        let (banks, _) = try banks()
        for seed in UInt64(1)...20 {
            let plan = try QuestionPicker(banks: banks).pick(
                PlanRequest(stage: "career-changer", industry: "healthcare", seed: seed))
            let topicOrder = plan.questions.map { banks.vocabulary.order(ofTopic: $0.topic) }
            #expect(topicOrder == topicOrder.sorted())
            #expect(plan.questions.first?.topic == "opening")
            #expect(plan.questions.last?.topic == "closing")
            #expect(plan.questions.filter(\.isReferral).count == 1)
        }
    }

    @Test func theFrameIsReservedBeforeTheMiddleEvenInAShortMeeting() throws {
        let (banks, _) = try banks()
        // 7 minutes: room for an opening, a referral and a closing, not for a career-path question too.
        let plan = try QuestionPicker(banks: banks).pick(PlanRequest(stage: "student", industry: "law", meetingMinutes: 12))
        #expect(plan.questions.map(\.topic) == ["opening", "network-and-referrals", "closing"])
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

    @Test func filtersByStageAndIndustryAndPrefersSpecificQuestionsWithoutShuttingOutGenericOnes() throws {
        let (banks, _) = try banks()
        let picker = QuestionPicker(banks: banks)
        var uses: [String: Int] = [:]
        for seed in UInt64(1)...60 {
            let plan = try picker.pick(PlanRequest(stage: "career-changer", industry: "healthcare", meetingMinutes: 15,
                                                   seed: seed))
            #expect(plan.questions.allSatisfy { $0.suits(stage: "career-changer", industry: "healthcare") })
            for question in plan.questions { uses[question.id, default: 0] += 1 }
        }
        for topic in ["opening", "career-path", "closing"] {
            let specific = uses["\(topic)-health", default: 0]
            let generic = (1...4).map { uses["\(topic)-generic-\($0)", default: 0] }
            #expect(generic.allSatisfy { $0 < specific }, "\(topic): \(specific) vs \(generic)")
            #expect(generic.contains { $0 > 0 }, "\(topic): generic questions never reach a plan")
        }
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
        #expect(onlyAdvice.questions.map(\.topic).filter { $0 != "advice" }
            == ["opening", "network-and-referrals", "closing"])
        let three = try picker.pick(PlanRequest(stage: "student", industry: "healthcare", maxCount: 3))
        #expect(three.questions.map(\.topic) == ["opening", "network-and-referrals", "closing"])
        let excluded = try picker.pick(PlanRequest(stage: "student", industry: "healthcare",
                                                   excludedIDs: ["ref-health", "opening-health"]))
        #expect(!excluded.questions.contains { ["ref-health", "opening-health"].contains($0.id) })
        #expect(excluded.questions.contains { $0.id == "ref-generic" })
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
            #expect(plan.questions.last?.topic == "closing")
            #expect(plan.questions.contains { $0.isReferral })
            #expect(plan.questions.count >= 6)
            #expect(plan.questions.contains { $0.industries == .only(["healthcare"]) })
        }
    }
}
