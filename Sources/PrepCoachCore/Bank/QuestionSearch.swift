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
        let needles = words.map(Self.fold).filter { !$0.isEmpty }
        guard !needles.isEmpty else { return [] }
        return questions.compactMap { question -> (Int, Question)? in
            let haystack = Self.fold(([question.id, question.text] + question.followups).joined(separator: " "))
            var hits = 0
            for needle in needles {
                let count = haystack.components(separatedBy: needle).count - 1
                guard count > 0 else { return nil }
                hits += count
            }
            return (hits, question)
        }
        .sorted { $0.0 > $1.0 }
        .map(\.1)
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
