/// What the picker works out per question, in bank order: built once per
/// loaded bank (`Banks.pickerColumns`), so each plan in a shell does not hash
/// and sort through 100,000 questions again.
struct PickerColumns: Sendable {
    let idHashes: [UInt64]
    /// Each question's topic's place in the conversation.
    let topicOrder: [Int]
    let memo: QuestionMemo

    init(_ banks: Banks) {
        // By index, reading one field: iterating would copy every question (a retain per field).
        let questions = banks.questions
        idHashes = questions.indices.map { StableHash.fnv1a(questions[$0].id) }
        let order = Dictionary(banks.vocabulary.ids(.topic).enumerated().map { ($1, $0) }) { first, _ in first }
        topicOrder = questions.indices.map { order[questions[$0].topic] ?? .max }
        memo = QuestionMemo(questions: banks.questions)
    }
}
