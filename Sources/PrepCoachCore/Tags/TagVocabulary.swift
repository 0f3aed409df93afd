/// The three kinds of tag a question carries.
public enum TagKind: String, Sendable, CaseIterable, Hashable {
    case stage, industry, topic

    /// The key that lists this kind in `tags.yaml`.
    public var listKey: String {
        switch self {
        case .stage: "stages"
        case .industry: "industries"
        case .topic: "topics"
        }
    }
}

/// One stage, industry or topic, with the other names users may type for it.
public struct Tag: Sendable, Hashable {
    public let id: String
    public let aliases: [String]
    public let description: String
    /// For topics: how many questions of it a plan holds at most (nil: no limit).
    public let planLimit: Int?

    public init(id: String, aliases: [String] = [], description: String, planLimit: Int? = nil) {
        self.id = id
        self.aliases = aliases
        self.description = description
        self.planLimit = planLimit
    }
}

/// Every tag known, from the bundled `tags.yaml` and any user bank folders.
/// Topics keep file order, which is the order of a conversation.
public struct TagVocabulary: Sendable {
    /// The wildcard for stages and industries: the question suits all of them.
    public static let any = "any"

    public private(set) var tags: [TagKind: [Tag]] = [:]
    private var canonical: [TagKind: [String: String]] = [:]

    public init() {}

    public func tags(_ kind: TagKind) -> [Tag] { tags[kind] ?? [] }

    public func ids(_ kind: TagKind) -> [String] { tags(kind).map(\.id) }

    public func tag(_ kind: TagKind, id: String) -> Tag? { tags(kind).first { $0.id == id } }

    /// The canonical id for an id or alias, case-insensitively.
    public func resolve(_ kind: TagKind, _ name: String) -> String? {
        canonical[kind]?[name.lowercased()]
    }

    /// Every id and alias of a kind: what a user may type, and what completion offers.
    public func names(_ kind: TagKind) -> [String] {
        tags(kind).flatMap { [$0.id] + $0.aliases }
    }

    /// Position of a topic in conversation order.
    public func order(ofTopic id: String) -> Int {
        tags(.topic).firstIndex { $0.id == id } ?? Int.max
    }

    /// Adds a tag; returns the name that clashes with an existing id or alias, if any.
    mutating func add(_ tag: Tag, kind: TagKind) -> String? {
        let names = [tag.id] + tag.aliases
        if let clash = names.first(where: { canonical[kind]?[$0.lowercased()] != nil || $0 == Self.any }) {
            return clash
        }
        tags[kind, default: []].append(tag)
        for name in names { canonical[kind, default: [:]][name.lowercased()] = tag.id }
        return nil
    }

    /// Resolves a user-typed name or explains what is wrong, with a did-you-mean.
    public func require(_ kind: TagKind, _ name: String) throws(UnknownTag) -> String {
        if let id = resolve(kind, name) { return id }
        throw UnknownTag(kind: kind, name: name, suggestion: Suggestion.closest(to: name, among: names(kind)))
    }
}

/// A stage, industry or topic name that is not in the vocabulary.
public struct UnknownTag: Error, Sendable, CustomStringConvertible {
    public let kind: TagKind
    public let name: String
    public let suggestion: String?

    public var description: String {
        "unknown \(kind.rawValue) '\(name)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
            + "; see `tags \(kind.listKey)`"
    }
}
