/// Builds a question plan that reads as one conversation: an opening, the
/// best-fitting questions spread over the topics in conversation order, a
/// referral question and a closing, within the time budget.
public struct QuestionPicker: Sendable {
    public let banks: Banks
    /// Per question id, for keeping near-duplicates out of one plan.
    private let contentWords: [String: ContentWords]

    public init(banks: Banks) {
        self.banks = banks
        contentWords = Dictionary(banks.questions.map { ($0.id, ContentWords($0.text)) }) { first, _ in first }
    }

    /// `isAllowed` is asked only about questions the picker is about to choose,
    /// so an expensive check (linting) runs on a handful, not the whole bank.
    public func pick(_ request: PlanRequest, isAllowed: (Question) -> Bool = { _ in true }) throws(PickError) -> Plan {
        let budget = request.questionMinutes
        guard budget > 0 else {
            throw .budgetTooSmall(meeting: request.meetingMinutes, reserved: request.reservedMinutes)
        }
        let scope = AssumptionScope(request: request, vocabulary: banks.vocabulary)
        let ranked = banks.questions
            .filter { $0.suits(stage: request.stage, industry: request.industry) && !request.excludedIDs.contains($0.id) }
            .compactMap { question in scope.assumptions(of: question).map { (question, $0) } }
            .map { question, assumes in (score: PlanScore.of(question, request), question: question, assumes: assumes) }
            .sorted { ($0.score, $1.question.id) > ($1.score, $0.question.id) }
            .map { Candidate(question: $0.question, assumes: $0.assumes, words: contentWords[$0.question.id]!) }

        var draft = PlanDraft(minutes: budget, slots: request.maxCount ?? .max, hypothesis: scope.known)
        func first(_ matching: (Question) -> Bool) -> Candidate? {
            ranked.first { matching($0.question) && draft.accepts($0) && isAllowed($0.question) }
        }

        guard let referral = first(\.isReferral) else {
            let referrals = ranked.filter(\.question.isReferral)
            if let shortest = referrals.map(\.question.minutes).min(), shortest > budget {
                throw .referralDoesNotFit(minutes: shortest, budget: budget)
            }
            throw .noReferralQuestion(stage: request.stage, industry: request.industry)
        }
        draft.add(referral)

        // The frame of the conversation comes before everything else: the last
        // topic closes it, the first opens it.
        let topics = banks.vocabulary.tags(.topic)
        for frame in [topics.last, topics.first].compactMap(\.self) {
            if let question = first({ $0.topic == frame.id && !$0.isReferral }) { draft.add(question) }
        }

        // Round-robin over the topics so a short budget still touches every part
        // of the conversation, instead of spending it all on the first topics.
        let middle = topics.filter { request.topics.isEmpty || request.topics.contains($0.id) }
        var addedInRound = true
        while addedInRound {
            addedInRound = false
            for topic in middle where draft.count(of: topic.id) < (topic.planLimit ?? .max) {
                if let question = first({ $0.topic == topic.id && !$0.isReferral }) {
                    draft.add(question)
                    addedInRound = true
                }
            }
        }
        return Plan(request: request, questions: draft.ordered(by: banks.vocabulary))
    }
}

/// A question with the assumptions it brings into this plan.
struct Candidate {
    let question: Question
    let assumes: Assumptions
    let words: ContentWords
}

/// The questions chosen so far, and what they together take for granted
/// about the person: no question may contradict it.
struct PlanDraft {
    private(set) var minutes: Int
    private(set) var slots: Int
    private(set) var hypothesis: Assumptions
    private var chosen: [Question] = []
    private var chosenWords: [ContentWords] = []

    init(minutes: Int, slots: Int, hypothesis: Assumptions) {
        self.minutes = minutes
        self.slots = slots
        self.hypothesis = hypothesis
    }

    func accepts(_ candidate: Candidate) -> Bool {
        slots > 0 && candidate.question.minutes <= minutes && !contains(candidate.question)
            && hypothesis.isCompatible(with: candidate.assumes) && !chosenWords.contains(where: candidate.words.isNearDuplicate)
    }

    func contains(_ question: Question) -> Bool { chosen.contains { $0.id == question.id } }

    func count(of topic: String) -> Int { chosen.count { $0.topic == topic } }

    mutating func add(_ candidate: Candidate) {
        chosen.append(candidate.question)
        chosenWords.append(candidate.words)
        minutes -= candidate.question.minutes
        slots -= 1
        hypothesis = hypothesis.intersection(with: candidate.assumes) ?? hypothesis
    }

    /// Topic order; within a topic the referral question first (so "may I use
    /// their name?" follows the names), then in the order picked.
    func ordered(by vocabulary: TagVocabulary) -> [Question] {
        chosen.enumerated().sorted {
            (vocabulary.order(ofTopic: $0.element.topic), $0.element.isReferral ? 0 : 1, $0.offset)
                < (vocabulary.order(ofTopic: $1.element.topic), $1.element.isReferral ? 0 : 1, $1.offset)
        }.map(\.element)
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

    static func of(_ question: Question, _ request: PlanRequest) -> Double {
        (question.industries.isSpecific ? industryWeight : 0) + (question.stages.isSpecific ? stageWeight : 0)
            + personWeight * Double(question.assumes.matches(request.person))
            + jitterSpread * SeededOrder.unit(for: question.id, seed: request.seed)
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

    /// The key as a fraction in [0, 1).
    static func unit(for id: String, seed: UInt64) -> Double {
        Double(key(for: id, seed: seed) >> 11) / Double(1 << 53)
    }
}
