/// What the picker filters, ranks and groups by, one small integer per
/// question, built once per loaded bank: with 100,000 questions, testing bits
/// beats comparing tag names, and nothing is copied or retained per question.
struct PickerColumns: Sendable {
    /// Per question: a bit per stage (industry) it suits, in vocabulary order;
    /// all bits for `any`. Only the first 64 tags of a kind have a bit.
    let stageBits: [UInt64]
    let industryBits: [UInt64]
    /// Per question: its topic's position in the vocabulary, -1 if unknown.
    let topic: [Int]
    /// Per question: 2 if written for particular industries, plus 1 for particular stages.
    let specificity: [Int]
    /// Per question: its id hashed (FNV-1a), for the seeded order.
    let idHash: [UInt64]
    private let vocabulary: TagVocabulary

    init(_ banks: Banks) {
        vocabulary = banks.vocabulary
        let vocabulary = banks.vocabulary
        func bits(_ set: TagSet, _ kind: TagKind) -> UInt64 {
            guard case let .only(ids) = set else { return ~0 }
            return ids.reduce(0) { bits, id in bits | (Self.bit(of: id, kind, in: vocabulary) ?? 0) }
        }
        let topics = Dictionary(vocabulary.ids(.topic).enumerated().map { ($1, $0) }) { first, _ in first }
        stageBits = banks.questions.map { bits($0.stages, .stage) }
        industryBits = banks.questions.map { bits($0.industries, .industry) }
        topic = banks.questions.map { topics[$0.topic] ?? -1 }
        specificity = banks.questions.map { ($0.industries.isSpecific ? 2 : 0) + ($0.stages.isSpecific ? 1 : 0) }
        idHash = banks.questions.map { StableHash.fnv1a($0.id) }
    }

    /// The bit of a tag; nil past the 64th of its kind (the picker then asks the question itself).
    func bit(of id: String, _ kind: TagKind) -> UInt64? { Self.bit(of: id, kind, in: vocabulary) }

    private static func bit(of id: String, _ kind: TagKind, in vocabulary: TagVocabulary) -> UInt64? {
        vocabulary.ids(kind).firstIndex(of: id).flatMap { $0 < 64 ? UInt64(1) << UInt64($0) : nil }
    }
}
