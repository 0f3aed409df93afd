import PrepCoachCore

/// What you will say rather than ask, to glance at on the call: your
/// introduction and your answer to "How can I help?", as `rehearse` kept them.
struct PlanCrib {
    var introduction: String?
    /// The asked-back question whose answer ends in an ask, and your answer to it.
    var help: (question: String, answer: String)?

    var isEmpty: Bool { introduction == nil && help == nil }

    init(introduction: String? = nil, help: (question: String, answer: String)? = nil) {
        self.introduction = introduction
        self.help = help
    }

    init(store: CoachStore, contactID: Int64, banks: Banks) throws {
        introduction = try store.introduction(contactID: contactID)?.text
        let cribs = try store.cribAnswers(contactID: contactID)
        help = banks.askedBackQuestions.lazy.filter(\.endsWithAsk)
            .compactMap { question in cribs[question.id].map { (question.text, $0.text) } }.first
    }

    /// Label and text, in order.
    var entries: [(label: String, text: String)] {
        [introduction.map { ("Your introduction", $0) }, help.map { ("If they ask “\($0.question)”", $0.answer) }]
            .compactMap { $0 }
    }
}
