import Synchronization

/// Builds a question plan that reads as one conversation: an opening, the
/// best-fitting questions spread over the topics in conversation order, a
/// referral question and a closing, within the time budget.
public struct QuestionPicker: Sendable {
    public let banks: Banks
    /// Per question, in bank order: computed once per loaded bank, used by every plan.
    private let idHashes: [UInt64]
    private let topicOrder: [Int]
    private let memo: QuestionMemo

    public init(banks: Banks) {
        self.banks = banks
        let columns = banks.pickerColumns
        (idHashes, topicOrder, memo) = (columns.idHashes, columns.topicOrder, columns.memo)
    }

    /// `isAllowed` is asked only about questions the picker is about to choose,
    /// so an expensive check (linting) runs on a handful, not the whole bank.
    public func pick(_ request: PlanRequest, isAllowed: (Question) -> Bool = { _ in true }) throws(PickError) -> Plan {
        let budget = request.questionMinutes
        guard budget > 0 else {
            throw .budgetTooSmall(meeting: request.meetingMinutes, reserved: request.reservedMinutes)
        }
        let scope = AssumptionScope(request: request, vocabulary: banks.vocabulary)
        let questions = banks.questions
        let (ranked, assumes) = rank(request, scope: scope)

        var draft = PlanDraft(questions: questions, memo: memo, assumes: assumes, minutes: budget,
                              slots: request.maxCount ?? .max, hypothesis: scope.known)
        guard let referral = ranked.first(where: { questions[$0].isReferral && draft.accepts($0)
                                                   && isAllowed(questions[$0]) })
        else {
            let referrals = ranked.filter { questions[$0].isReferral }
            let fitting = referrals.filter { draft.accepts($0) }
            if !fitting.isEmpty { throw .referralsNotAllowed(questionIDs: fitting.map { questions[$0].id }) }
            if let shortest = referrals.map({ questions[$0].minutes }).min(), shortest > budget {
                throw .referralDoesNotFit(minutes: shortest, budget: budget)
            }
            throw .noReferralQuestion(stage: request.stage, industry: request.industry)
        }
        draft.add(referral)

        // Per topic, best first. A question the draft refuses now it refuses for
        // good (time and slots only shrink, the hypothesis only narrows), so each
        // queue is walked once per plan.
        var queues = Dictionary(grouping: ranked.filter { !questions[$0].isReferral }, by: { questions[$0].topic })
            .mapValues { $0[...] }
        func next(in topic: String) -> Int? {
            while let candidate = queues[topic]?.popFirst() {
                if draft.accepts(candidate) && isAllowed(questions[candidate]) { return candidate }
            }
            return nil
        }

        // The frame of the conversation comes before everything else: the last
        // topic closes it, the first opens it.
        let topics = banks.vocabulary.tags(.topic)
        for frame in [topics.last, topics.first].compactMap(\.self) {
            if let question = next(in: frame.id) { draft.add(question) }
        }

        // Round-robin over the topics so a short budget still touches every part
        // of the conversation, instead of spending it all on the first topics.
        let middle = topics.filter { request.topics.isEmpty || request.topics.contains($0.id) }
        var addedInRound = true
        while addedInRound {
            addedInRound = false
            for topic in middle where draft.count(of: topic.id) < (topic.planLimit ?? .max) {
                if let question = next(in: topic.id) {
                    draft.add(question)
                    addedInRound = true
                }
            }
        }
        return Plan(request: request, questions: draft.ordered(topicOrder: topicOrder))
    }

    /// The bank indices of the questions that may be in this plan, best first,
    /// and each one's assumptions as they apply to this person. Plain arrays by
    /// bank index: this runs thousands of times in the plan sweep.
    private func rank(_ request: PlanRequest, scope: AssumptionScope) -> (ranked: [Int], assumes: [Assumptions?]) {
        let questions = banks.questions
        var assumes = [Assumptions?](repeating: nil, count: questions.count)
        var scores = [Double](repeating: 0, count: questions.count)
        var ranked: [Int] = []
        // The seed is mixed with the stage and industry: one seed gives every
        // combination its own draw, so generic questions spread across them.
        let draw = request.seed ^ StableHash.fnv1a("\(request.stage)/\(request.industry)")
        for index in memo.suiting(stage: request.stage, industry: request.industry) {
            let question = questions[index]
            guard !request.excludedIDs.contains(question.id), let narrowed = scope.assumptions(of: question)
            else { continue }
            assumes[index] = narrowed
            scores[index] = PlanScore.of(question, request, jitter: SeededOrder.unit(hash: idHashes[index], seed: draw))
            ranked.append(index)
        }
        ranked.sort { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        return (ranked, assumes)
    }
}

/// The questions chosen so far (as bank indices), and what they together take
/// for granted about the person: no question may contradict it.
struct PlanDraft {
    let questions: [Question]
    let memo: QuestionMemo
    /// Each candidate's assumptions as they apply to this plan.
    let assumes: [Assumptions?]
    private(set) var minutes: Int
    private(set) var slots: Int
    private(set) var hypothesis: Assumptions
    private(set) var chosen: [Int] = []
    private(set) var chosenWords: [ContentWords] = []
    private(set) var perTopic: [String: Int] = [:]

    func accepts(_ index: Int) -> Bool {
        guard slots > 0, questions[index].minutes <= minutes, let assumes = assumes[index] else { return false }
        guard assumes.isEmpty || hypothesis.isCompatible(with: assumes) else { return false }
        let candidate = memo.contentWords(index)
        return !chosenWords.contains { $0.isNearDuplicate(of: candidate) }
    }

    func count(of topic: String) -> Int { perTopic[topic] ?? 0 }

    mutating func add(_ index: Int) {
        chosen.append(index)
        chosenWords.append(memo.contentWords(index))
        perTopic[questions[index].topic, default: 0] += 1
        minutes -= questions[index].minutes
        slots -= 1
        if let assumes = assumes[index], !assumes.isEmpty {
            hypothesis = hypothesis.intersection(with: assumes) ?? hypothesis
        }
    }

    /// Topic order (`topicOrder` by bank index); within a topic the referral
    /// question first (so "may I use their name?" follows the names), then in
    /// the order picked.
    func ordered(topicOrder: [Int]) -> [Question] {
        func key(_ position: Int) -> (Int, Int, Int) {
            let index = chosen[position]
            return (topicOrder[index], questions[index].isReferral ? 0 : 1, position)
        }
        return chosen.indices.sorted { key($0) < key($1) }.map { questions[chosen[$0]] }
    }
}

/// What the picker works out about questions once and keeps for its later
/// plans: which questions suit a stage and industry, and each question's
/// content words (only for the few a plan compares, not a 100,000-question
/// bank at start).
final class QuestionMemo: Sendable {
    private let questions: [Question]
    private let words = Mutex<[Int: ContentWords]>([:])
    private let suitable = Mutex<[String: [Int]]>([:])

    init(questions: [Question]) { self.questions = questions }

    func contentWords(_ index: Int) -> ContentWords {
        if let known = words.withLock({ $0[index] }) { return known }
        let found = ContentWords(questions[index].text)
        words.withLock { $0[index] = found }
        return found
    }

    /// Bank indices of the questions for this stage and industry, in bank order.
    func suiting(stage: String, industry: String) -> [Int] {
        let key = stage + "\u{1F}" + industry
        if let known = suitable.withLock({ $0[key] }) { return known }
        let found = questions.indices.filter { questions[$0].suits(stage: stage, industry: industry) }
        suitable.withLock { $0[key] = found }
        return found
    }
}

/// What a question's `assumes:` means for one plan's person.
struct AssumptionScope {
    /// The known facts, as the assumptions every chosen question must agree with.
    let known: Assumptions
    /// When the role family is unknown: the families of the plan's industry, the only ones the person can have.
    private let possibleFamilies: Set<String>?

    init(request: PlanRequest, vocabulary: TagVocabulary) {
        var values: [TagKind: Set<String>] = [:]
        for kind in TagKind.assumable { if let fact = request.person[kind] { values[kind] = [fact] } }
        known = Assumptions(values: values)
        possibleFamilies = request.person.roleFamily == nil
            ? Set(vocabulary.roleFamilies(of: request.industry).map(\.id)) : nil
    }

    /// The question's assumptions narrowed to this person; nil when they cannot hold.
    func assumptions(of question: Question) -> Assumptions? {
        if question.assumes.isEmpty { return question.assumes }
        var assumes = question.assumes
        if let possibleFamilies, let families = assumes[.roleFamily] {
            let narrowed = families.intersection(possibleFamilies)
            if narrowed.isEmpty { return nil }
            assumes = Assumptions(values: assumes.values.merging([.roleFamily: narrowed]) { $1 })
        }
        return known.isCompatible(with: assumes) ? assumes : nil
    }
}

/// How well a question fits a plan: written for the industry, the stage or the
/// person scores higher, but a seeded jitter lets generic staples compete, so
/// different seeds give different plans and the same seed the same plan.
enum PlanScore {
    static let industryWeight = 1.0
    static let stageWeight = 0.6
    static let personWeight = 1.0
    static let jitterSpread = 2.0

    /// `jitter` is the question's seeded draw in [0, 1).
    static func of(_ question: Question, _ request: PlanRequest, jitter: Double) -> Double {
        (question.industries.isSpecific ? industryWeight : 0) + (question.stages.isSpecific ? stageWeight : 0)
            + (question.assumes.isEmpty ? 0 : personWeight * Double(question.assumes.matches(request.person)))
            + jitterSpread * jitter
    }
}

/// A stable pseudo-random key per (id hash, seed): FNV-1a plus a SplitMix64 finaliser,
/// the same order for the same seed in every run.
enum SeededOrder {
    static func key(hash: UInt64, seed: UInt64) -> UInt64 {
        var z = hash ^ (seed &+ 0x9E37_79B9_7F4A_7C15)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The key as a fraction in [0, 1); `hash` is the id's FNV-1a.
    static func unit(hash: UInt64, seed: UInt64) -> Double {
        Double(key(hash: hash, seed: seed) >> 11) / Double(1 << 53)
    }
}
