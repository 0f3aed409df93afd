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
        let ranked = banks.questions
            .filter { $0.suits(stage: request.stage, industry: request.industry) && !request.excludedIDs.contains($0.id) }
            .map { (rank: rank($0, request), question: $0) }
            .sorted { $0.rank < $1.rank }
            .map(\.question)

        let referrals = ranked.filter(\.isReferral)
        let fitting = referrals.filter { $0.minutes <= budget }
        guard let referral = fitting.first(where: isAllowed) else {
            if !fitting.isEmpty { throw .referralsNotAllowed(questionIDs: fitting.map(\.id)) }
            if let shortest = referrals.map(\.minutes).min() {
                throw .referralDoesNotFit(minutes: shortest, budget: budget)
            }
            throw .noReferralQuestion(stage: request.stage, industry: request.industry)
        }

        let topics = banks.vocabulary.tags(.topic).filter { request.topics.isEmpty || request.topics.contains($0.id) }
        var queues = topics.map { topic in ranked.filter { $0.topic == topic.id && !$0.isReferral }[...] }
        var chosen = Array(repeating: [Question](), count: topics.count)
        var remaining = budget - referral.minutes
        var slots = (request.maxCount ?? Int.max) - 1

        // Round-robin over topics so a short budget still touches every part of
        // the conversation, instead of spending it all on the first topics.
        var addedInRound = true
        while addedInRound, slots > 0 {
            addedInRound = false
            for index in topics.indices where slots > 0 && chosen[index].count < (topics[index].planLimit ?? .max) {
                guard let next = queues[index].firstIndex(where: { $0.minutes <= remaining && isAllowed($0) }) else {
                    continue
                }
                let question = queues[index].remove(at: next)
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
    private func rank(_ question: Question, _ request: PlanRequest) -> (Int, UInt64, String) {
        let specificity = (question.industries.isSpecific ? 2 : 0) + (question.stages.isSpecific ? 1 : 0)
        return (-specificity, SeededOrder.key(for: question.id, seed: request.seed), question.id)
    }
}

/// A stable pseudo-random key per (id, seed): FNV-1a plus a SplitMix64 finaliser,
/// the same order for the same seed in every run.
enum SeededOrder {
    static func key(for id: String, seed: UInt64) -> UInt64 {
        var z = StableHash.fnv1a(id) ^ (seed &+ 0x9E37_79B9_7F4A_7C15)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
