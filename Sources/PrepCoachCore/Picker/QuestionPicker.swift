/// Builds a question plan: the best-fitting questions, spread over the topics
/// in conversation order, within the time budget, ending with a referral question.
public struct QuestionPicker: Sendable {
    public let banks: Banks

    public init(banks: Banks) { self.banks = banks }

    /// `isAllowed` is asked only about questions the picker is about to choose,
    /// so an expensive check (linting) runs on a handful, not the whole bank.
    public func pick(_ request: PlanRequest, isAllowed: (Question) -> Bool = { _ in true }) throws(PickError) -> Plan {
        let budget = request.questionMinutes
        guard budget > 0 else {
            throw .budgetTooSmall(meeting: request.meetingMinutes, reserved: request.reservedMinutes)
        }
        // Positions in the bank, ranked: sorting and queueing small keys rather
        // than whole questions keeps this quick with 100,000 of them.
        let questions = banks.questions
        let columns = banks.pickerColumns
        let stageBit = columns.bit(of: request.stage, .stage), industryBit = columns.bit(of: request.industry, .industry)
        var keyed: [(rank: (Int, UInt64), index: Int)] = []
        for index in questions.indices {
            let suits = stageBit.map { columns.stageBits[index] & $0 != 0 } ?? questions[index].stages.contains(request.stage)
            guard suits, industryBit.map({ columns.industryBits[index] & $0 != 0 })
                    ?? questions[index].industries.contains(request.industry),
                  request.excludedIDs.isEmpty || !request.excludedIDs.contains(questions[index].id) else { continue }
            // Lower ranks first: questions written for this industry and stage beat
            // generic ones; ties are broken by a seeded shuffle so plans vary by seed
            // but are the same for the same seed.
            keyed.append(((-columns.specificity[index], SeededOrder.key(forIDHash: columns.idHash[index], seed: request.seed)),
                          index))
        }
        // Ties need equal 64-bit keys; they go by id.
        let ranked = keyed.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : questions[$0.index].id < questions[$1.index].id }
            .map(\.index)

        let referrals = ranked.lazy.map { questions[$0] }.filter(\.isReferral)
        guard let referral = referrals.first(where: { $0.minutes <= budget && isAllowed($0) }) else {
            if let shortest = referrals.map(\.minutes).min() {
                throw .referralDoesNotFit(minutes: shortest, budget: budget)
            }
            throw .noReferralQuestion(stage: request.stage, industry: request.industry)
        }

        let allTopics = banks.vocabulary.tags(.topic)
        let topics = allTopics.filter { request.topics.isEmpty || request.topics.contains($0.id) }
        // Vocabulary position of a topic → its queue (-1: not asked for).
        let queueOf = allTopics.map { topic in topics.firstIndex { $0.id == topic.id } ?? -1 }
        var queues = [[Int]](repeating: [], count: topics.count)
        for index in ranked where !questions[index].isReferral {
            let topic = columns.topic[index]
            if topic >= 0, queueOf[topic] >= 0 { queues[queueOf[topic]].append(index) }
        }
        var chosen = Array(repeating: [Question](), count: topics.count)
        var remaining = budget - referral.minutes
        var slots = (request.maxCount ?? Int.max) - 1

        // Round-robin over topics so a short budget still touches every part of
        // the conversation, instead of spending it all on the first topics.
        var addedInRound = true
        while addedInRound, slots > 0 {
            addedInRound = false
            for index in topics.indices where slots > 0 && chosen[index].count < (topics[index].planLimit ?? .max) {
                guard let next = queues[index].firstIndex(where: {
                    questions[$0].minutes <= remaining && isAllowed(questions[$0])
                }) else { continue }
                let question = questions[queues[index].remove(at: next)]
                chosen[index].append(question)
                remaining -= question.minutes
                slots -= 1
                addedInRound = true
            }
        }
        return Plan(request: request, questions: chosen.flatMap { $0 } + [referral])
    }

}

/// A stable pseudo-random key per (id, seed): FNV-1a plus a SplitMix64 finaliser,
/// the same order for the same seed in every run.
enum SeededOrder {
    /// From the id's FNV-1a hash, which a bank keeps (it does not depend on the seed).
    static func key(forIDHash hash: UInt64, seed: UInt64) -> UInt64 {
        var z = hash ^ (seed &+ 0x9E37_79B9_7F4A_7C15)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
