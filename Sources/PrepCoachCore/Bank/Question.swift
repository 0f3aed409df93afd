/// The stages or industries a question suits: all of them, or a named few.
public enum TagSet: Sendable, Hashable {
    case any
    case only(Set<String>)

    public func contains(_ id: String) -> Bool {
        switch self {
        case .any: true
        // A question names one to three: comparing them beats hashing `id` (the picker asks for every question).
        case let .only(ids): ids.count <= 4 ? ids.contains { $0 == id } : ids.contains(id)
        }
    }

    /// True when the question was written for particular stages or industries,
    /// which makes it a better fit than a generic one.
    public var isSpecific: Bool {
        if case .only = self { true } else { false }
    }

    /// Sorted ids, or `["any"]`.
    public var names: [String] {
        switch self {
        case .any: [TagVocabulary.any]
        case let .only(ids): ids.sorted()
        }
    }
}

/// One question from a bank file.
public struct Question: Sendable, Hashable, Identifiable {
    public let id: String
    public let text: String
    public let topic: String
    public let stages: TagSet
    public let industries: TagSet
    /// Estimated minutes to ask it and hear the answer.
    public let minutes: Int
    /// A "who else should I talk to?" question: every plan ends with one.
    public let isReferral: Bool
    public let followups: [String]
    /// What it takes for granted about the person answering.
    public let assumes: Assumptions
    public let location: SourceLocation

    public init(id: String, text: String, topic: String, stages: TagSet, industries: TagSet, minutes: Int,
                isReferral: Bool = false, followups: [String] = [], assumes: Assumptions = .none,
                location: SourceLocation) {
        self.id = id
        self.text = text
        self.topic = topic
        self.stages = stages
        self.industries = industries
        self.minutes = minutes
        self.isReferral = isReferral
        self.followups = followups
        self.assumes = assumes
        self.location = location
    }

    public func suits(stage: String?, industry: String?) -> Bool {
        (stage.map(stages.contains) ?? true) && (industry.map(industries.contains) ?? true)
    }
}
