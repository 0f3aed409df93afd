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
        let topics = banks.vocabulary.tags(.topic)
        var candidates = rank(request, scope: scope, topicCount: topics.count)

        var draft = PlanDraft(questions: questions, memo: memo, assumes: candidates.assumes, minutes: budget,
                              slots: request.maxCount ?? .max, hypothesis: scope.known)
        guard let referral = candidates.referrals.popFirst(within: draft.minutes,
                                                            where: { draft.accepts($0) && isAllowed(questions[$0]) })
        else {
            // Rare: ranked again, since the search above emptied the queue.
            let referrals = rank(request, scope: scope, topicCount: topics.count).allReferrals
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
        // queue is walked once per plan, and the questions too long for the time
        // left are never walked at all.
        func next(inTopicAt position: Int) -> Int? {
            guard draft.slots > 0 else { return nil }
            return candidates.byTopic[position].popFirst(within: draft.minutes) {
                draft.accepts($0) && isAllowed(questions[$0])
            }
        }

        // The frame of the conversation comes before everything else: the last
        // topic closes it, the first opens it.
        for frame in [topics.count - 1, 0] where topics.indices.contains(frame) {
            if let question = next(inTopicAt: frame) { draft.add(question) }
        }

        // Round-robin over the topics so a short budget still touches every part
        // of the conversation, instead of spending it all on the first topics.
        let middle = topics.indices.filter { request.topics.isEmpty || request.topics.contains(topics[$0].id) }
        var addedInRound = true
        while addedInRound {
            addedInRound = false
            for position in middle where draft.count(of: topics[position].id) < (topics[position].planLimit ?? .max) {
                if let question = next(inTopicAt: position) {
                    draft.add(question)
                    addedInRound = true
                }
            }
        }
        return Plan(request: request, questions: draft.ordered(topicOrder: topicOrder))
    }

    /// The questions that may be in this plan, each topic's and the referral
    /// questions in a queue best first, and the assumptions of those that
    /// assume something as they apply to this person. Only the questions that
    /// suit the stage and industry are looked at, and no queue is sorted: a
    /// plan takes a handful from each (this runs thousands of times in the
    /// plan sweep, and for every `pick` in a shell on a 100,000-question bank).
    private func rank(_ request: PlanRequest, scope: AssumptionScope, topicCount: Int) -> Candidates {
        let questions = banks.questions
        let suiting = memo.suiting(stage: request.stage, industry: request.industry)
        let excluded = Set(request.excludedIDs.compactMap(banks.index(ofQuestion:)))
        var candidates = Candidates(topicCount: topicCount)
        // The seed is mixed with the stage and industry: one seed gives every
        // combination its own draw, so generic questions spread across them.
        let draw = request.seed ^ StableHash.fnv1a("\(request.stage)/\(request.industry)")
        for (index, fit) in zip(suiting.indices, suiting.fits) where !excluded.contains(index) {
            var personal = 0.0
            if fit.assumes {
                guard let narrowed = scope.assumptions(of: questions[index]) else { continue }
                candidates.assumes[index] = narrowed
                personal = PlanScore.personal(questions[index], request)
            }
            // Fixed, personal, then the jitter: the order the score has always been summed in, so ties fall the same way.
            let score = fit.fixedScore + personal
                + PlanScore.jitterSpread * SeededOrder.unit(hash: idHashes[index], seed: draw)
            let candidate = RankedQueue.Candidate(score: score, index: index)
            if fit.isReferral {
                candidates.referrals.append(candidate, minutes: questions[index].minutes)
            } else if candidates.byTopic.indices.contains(topicOrder[index]) {
                candidates.byTopic[topicOrder[index]].append(candidate, minutes: questions[index].minutes)
            }
        }
        candidates.referrals.heapify()
        for position in candidates.byTopic.indices { candidates.byTopic[position].heapify() }
        return candidates
    }
}

/// One plan's candidates (`QuestionPicker.rank`).
private struct Candidates {
    var referrals = MinutesQueues()
    /// By the topic's place in the conversation.
    var byTopic: [MinutesQueues]
    /// The narrowed assumptions of candidates that assume something; the others assume nothing.
    var assumes: [Int: Assumptions] = [:]

    init(topicCount: Int) { byTopic = Array(repeating: MinutesQueues(), count: topicCount) }

    /// Every referral candidate best first, for the error when none can be chosen.
    var allReferrals: [Int] {
        var queue = referrals, all: [Int] = []
        while let next = queue.popFirst(within: .max, where: { _ in true }) { all.append(next) }
        return all
    }
}

/// Bank indices best first: highest score, then earliest in the bank (the
/// order a full sort gives), kept as a binary heap so taking the few best of
/// thousands costs a few comparisons each instead of sorting them all.
struct RankedQueue {
    struct Candidate {
        let score: Double
        let index: Int

        func isBetter(than other: Candidate) -> Bool {
            score != other.score ? score > other.score : index < other.index
        }
    }

    private var heap: [Candidate] = []

    mutating func append(_ candidate: Candidate) { heap.append(candidate) }

    /// Makes the appended candidates a heap; call once, after the last `append`.
    mutating func heapify() {
        for parent in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(parent) }
    }

    var first: Candidate? { heap.first }

    mutating func removeFirst() -> Candidate? {
        guard let best = heap.first else { return nil }
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        siftDown(0)
        return best
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var best = parent
            if left < heap.count && heap[left].isBetter(than: heap[best]) { best = left }
            if right < heap.count && heap[right].isBetter(than: heap[best]) { best = right }
            if best == parent { return }
            heap.swapAt(parent, best)
            parent = best
        }
    }
}

/// The questions chosen so far (as bank indices), and what they together take
/// for granted about the person: no question may contradict it.
struct PlanDraft {
    let questions: [Question]
    let memo: QuestionMemo
    /// The narrowed assumptions of candidates that assume something (`Candidates.assumes`).
    let assumes: [Int: Assumptions]
    private(set) var minutes: Int
    private(set) var slots: Int
    private(set) var hypothesis: Assumptions
    private(set) var chosen: [Int] = []
    private(set) var chosenWords: [ContentWords] = []
    private(set) var perTopic: [String: Int] = [:]

    func accepts(_ index: Int) -> Bool {
        guard slots > 0, questions[index].minutes <= minutes else { return false }
        if let assumes = assumes[index], !hypothesis.isCompatible(with: assumes) { return false }
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
        if let assumes = assumes[index] {
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
    private let suitable = Mutex<[String: SuitingQuestions]>([:])

    init(questions: [Question]) { self.questions = questions }

    func contentWords(_ index: Int) -> ContentWords {
        if let known = words.withLock({ $0[index] }) { return known }
        let found = ContentWords(questions[index].text)
        words.withLock { $0[index] = found }
        return found
    }

    /// The questions for this stage and industry, in bank order.
    func suiting(stage: String, industry: String) -> SuitingQuestions {
        let key = stage + "\u{1F}" + industry
        if let known = suitable.withLock({ $0[key] }) { return known }
        let found = SuitingQuestions(questions, stage: stage, industry: industry)
        suitable.withLock { $0[key] = found }
        return found
    }
}

/// The questions that suit one stage and industry, and what the picker needs
/// of each that no plan changes, as columns: a plan's ranking walks these,
/// not the whole bank.
struct SuitingQuestions: Sendable {
    struct Fit: Sendable {
        let fixedScore: Double
        /// Whether it assumes something of the person (checked and scored per plan).
        let assumes: Bool
        let isReferral: Bool
    }

    let indices: [Int]
    let fits: [Fit]

    init(_ questions: [Question], stage: String, industry: String) {
        // Through the buffer: filtering the array would copy every question (a retain per field).
        indices = questions.withUnsafeBufferPointer { buffer in
            buffer.indices.filter { buffer[$0].suits(stage: stage, industry: industry) }
        }
        fits = indices.map { index in
            Fit(fixedScore: PlanScore.fixed(questions[index]), assumes: !questions[index].assumes.isEmpty,
                isReferral: questions[index].isReferral)
        }
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

    /// What does not depend on the plan: written for particular industries or stages.
    static func fixed(_ question: Question) -> Double {
        (question.industries.isSpecific ? industryWeight : 0) + (question.stages.isSpecific ? stageWeight : 0)
    }

    /// Written for this person.
    static func personal(_ question: Question, _ request: PlanRequest) -> Double {
        question.assumes.isEmpty ? 0 : personWeight * Double(question.assumes.matches(request.person))
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

/// Candidates in one queue per length in minutes. Once a plan has less time
/// left than a length, none of those questions is looked at again: popping
/// through thousands that no longer fit was most of a plan's time on a
/// 100,000-question bank. Taken best first across the queues, the order is
/// one queue's, without the questions that do not fit.
struct MinutesQueues {
    private var queues: [(minutes: Int, queue: RankedQueue)] = []

    mutating func append(_ candidate: RankedQueue.Candidate, minutes: Int) {
        if let position = queues.firstIndex(where: { $0.minutes == minutes }) {
            queues[position].queue.append(candidate)
        } else {
            var queue = RankedQueue()
            queue.append(candidate)
            queues.append((minutes, queue))
        }
    }

    /// Call once, after the last `append`.
    mutating func heapify() {
        for position in queues.indices { queues[position].queue.heapify() }
    }

    /// The best candidate that takes at most `minutes` and is `accepted`,
    /// removed with every refused one that fits and was better.
    mutating func popFirst(within minutes: Int, where accepted: (Int) -> Bool) -> Int? {
        while true {
            var best: (position: Int, candidate: RankedQueue.Candidate)?
            for (position, entry) in queues.enumerated() where entry.minutes <= minutes {
                if let first = entry.queue.first, best.map({ first.isBetter(than: $0.candidate) }) ?? true {
                    best = (position, first)
                }
            }
            guard let best else { return nil }
            _ = queues[best.position].queue.removeFirst()
            if accepted(best.candidate.index) { return best.candidate.index }
        }
    }
}
