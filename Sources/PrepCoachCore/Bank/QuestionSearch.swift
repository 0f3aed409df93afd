import Foundation

/// Filtering and word search over the loaded questions, for `list` and `search`.
public struct QuestionFilter: Sendable, Hashable {
    public var stage: String?
    public var industry: String?
    public var topics: [String]
    public var referralOnly: Bool

    public init(stage: String? = nil, industry: String? = nil, topics: [String] = [], referralOnly: Bool = false) {
        self.stage = stage
        self.industry = industry
        self.topics = topics
        self.referralOnly = referralOnly
    }

    public func matches(_ question: Question) -> Bool {
        question.suits(stage: stage, industry: industry)
            && (topics.isEmpty || topics.contains(question.topic))
            && (!referralOnly || question.isReferral)
    }
}

extension Banks {
    public func questions(matching filter: QuestionFilter) -> [Question] {
        questions.filter(filter.matches)
    }

    /// Questions whose text, id or follow-ups contain every word, case- and
    /// accent-insensitively; those matching more often come first.
    public func search(_ words: [String]) -> [Question] {
        searchIndex.search(words).map { questions[$0] }
    }

    var searchIndex: QuestionSearchIndex { indexes.search.value { QuestionSearchIndex(questions) } }
}
