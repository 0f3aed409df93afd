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
        let idHashes = banks.idHashes
        var keyed: [(rank: (Int, UInt64), index: Int)] = []
        // Through a buffer: reading a field does not copy (and retain) the whole question.
        questions.withUnsafeBufferPointer { questions in
            for index in questions.indices where questions[index].suits(stage: request.stage, industry: request.industry)
                && (request.excludedIDs.isEmpty || !request.excludedIDs.contains(questions[index].id)) {
                keyed.append((rank(questions[index], idHash: idHashes[index], request), index))
            }
        }
        let ranked = keyed.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : questions[$0.index].id < questions[$1.index].id }
            .map(\.index)

        let referrals = ranked.lazy.map { questions[$0] }.filter(\.isReferral)
        guard let referral = referrals.first(where: { $0.minutes <= budget && isAllowed($0) }) else {
            if let shortest = referrals.map(\.minutes).min() {
                throw .referralDoesNotFit(minutes: shortest, budget: budget)
            }
            throw .noReferralQuestion(stage: request.stage, industry: request.industry)
        }

        let topics = banks.vocabulary.tags(.topic).filter { request.topics.isEmpty || request.topics.contains($0.id) }
        let byTopic = Dictionary(grouping: ranked.lazy.filter { !questions[$0].isReferral }) { questions[$0].topic }
        var queues = topics.map { (byTopic[$0.id] ?? [])[...] }
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

    /// Lower ranks first: questions written for this industry and stage beat
    /// generic ones; ties are broken by a seeded shuffle so plans vary by seed
    /// but are the same for the same seed.
    /// (Ties, which need equal 64-bit keys, go by id.)
    private func rank(_ question: Question, idHash: UInt64, _ request: PlanRequest) -> (Int, UInt64) {
        let specificity = (question.industries.isSpecific ? 2 : 0) + (question.stages.isSpecific ? 1 : 0)
        return (-specificity, SeededOrder.key(forIDHash: idHash, seed: request.seed))
    }
}

/// A stable pseudo-random key per (id, seed): FNV-1a plus a SplitMix64 finaliser,
/// the same order for the same seed in every run.
enum SeededOrder {
    static func key(for id: String, seed: UInt64) -> UInt64 {
        key(forIDHash: StableHash.fnv1a(id), seed: seed)
    }

    /// The same from the id's FNV-1a hash, which a bank keeps (it does not depend on the seed).
    static func key(forIDHash hash: UInt64, seed: UInt64) -> UInt64 {
        var z = hash ^ (seed &+ 0x9E37_79B9_7F4A_7C15)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
