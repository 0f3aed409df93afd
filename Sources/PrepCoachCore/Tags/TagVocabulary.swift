/// The kinds of tag a question carries or a contact is described by.
public enum TagKind: String, Sendable, CaseIterable, Hashable {
    case stage, industry, topic
    /// What the contact does within their industry; defined under each industry.
    case roleFamily = "role-family"
    /// Whether the contact owns or runs the business, or works for an employer.
    case employment
    /// The size of the contact's organisation.
    case size
    case seniority

    /// The key that lists this kind in `tags.yaml`.
    public var listKey: String {
        switch self {
        case .stage: "stages"
        case .industry: "industries"
        case .topic: "topics"
        case .roleFamily: "role-families"
        case .employment: "employment"
        case .size: "sizes"
        case .seniority: "seniority"
        }
    }

    /// The kinds a question may name in `assumes:`; their ids must not clash.
    public static let assumable: [TagKind] = [.roleFamily, .employment, .size, .seniority]

    /// The kinds that describe the person, in the order a plan header names them.
    public static let personal: [TagKind] = [.seniority, .roleFamily, .employment, .size]
}

/// One stage, industry, topic, role family, employment, size or seniority,
/// with the other names users may type (or a contact's role may contain) for it.
public struct Tag: Sendable, Hashable {
    public let id: String
    public let aliases: [String]
    public let description: String
    /// For topics: how many questions of it a plan holds at most (nil: no limit).
    public let planLimit: Int?
    /// For role families: the industry the family belongs to.
    public let industry: String?
    /// For stages: words and phrases in a question that name the stage (the id
    /// with spaces for dashes when none are listed), for `check-banks`.
    public let wording: [String]

    public init(id: String, aliases: [String] = [], description: String, planLimit: Int? = nil,
                industry: String? = nil, wording: [String] = []) {
        self.id = id
        self.aliases = aliases
        self.description = description
        self.planLimit = planLimit
        self.industry = industry
        self.wording = wording
    }

    /// The words a human reads for the id: `product-design` → `product design`.
    public var phrase: String { id.replacingEvery("-", with: " ") }
}

/// Every tag known, from the bundled `tags.yaml` and any user bank folders.
/// Topics keep file order, which is the order of a conversation.
public struct TagVocabulary: Sendable {
    /// The wildcard for stages and industries: the question suits all of them.
    public static let any = "any"

    public private(set) var tags: [TagKind: [Tag]] = [:]
    private var canonical: [TagKind: [String: String]] = [:]
    /// Where each id is in `tags`, and each industry's role families: looked
    /// up for every tag added, so loading stays linear in the number of tags.
    private var positions: [TagKind: [String: Int]] = [:]
    private var familiesByIndustry: [String: [Int]] = [:]

    public init() {}

    public func tags(_ kind: TagKind) -> [Tag] { tags[kind] ?? [] }

    public func ids(_ kind: TagKind) -> [String] { tags(kind).map(\.id) }

    public func tag(_ kind: TagKind, id: String) -> Tag? { positions[kind]?[id].map { tags(kind)[$0] } }

    /// The role families defined under an industry.
    public func roleFamilies(of industry: String) -> [Tag] {
        (familiesByIndustry[industry] ?? []).map { tags(.roleFamily)[$0] }
    }

    private mutating func append(_ tag: Tag, kind: TagKind) {
        let position = tags(kind).count
        tags[kind, default: []].append(tag)
        positions[kind, default: [:]][tag.id] = positions[kind]?[tag.id] ?? position
        if kind == .roleFamily, let industry = tag.industry { familiesByIndustry[industry, default: []].append(position) }
    }

    /// The canonical id for an id or alias, case-insensitively. A role family
    /// alias counts only where one family has it (the same word may name a
    /// family in several industries); `resolveRoleFamily` narrows by industry.
    public func resolve(_ kind: TagKind, _ name: String) -> String? {
        canonical[kind]?[name.lowercased()]
    }

    /// A role family by id, or by an alias within the industry when it is known.
    public func resolveRoleFamily(_ name: String, industry: String?) -> String? {
        let lowered = name.lowercased()
        let candidates = industry.map(roleFamilies(of:)) ?? tags(.roleFamily)
        return candidates.first { $0.id == lowered }?.id
            ?? candidates.first { $0.aliases.contains { $0.lowercased() == lowered } }?.id
            ?? resolve(.roleFamily, name)
    }

    /// `resolveRoleFamily`, or what is wrong with a did-you-mean.
    public func requireRoleFamily(_ name: String, industry: String?) throws(UnknownTag) -> String {
        if let id = resolveRoleFamily(name, industry: industry) { return id }
        throw UnknownTag(kind: .roleFamily, name: name, suggestion: Suggestion.closest(to: name, among: names(.roleFamily)))
    }

    /// Every id and alias of a kind: what a user may type, and what completion offers.
    public func names(_ kind: TagKind) -> [String] {
        tags(kind).flatMap { [$0.id] + $0.aliases }
    }

    /// Position of a topic in conversation order.
    public func order(ofTopic id: String) -> Int {
        tags(.topic).firstIndex { $0.id == id } ?? Int.max
    }

    /// The assumable kind an `assumes:` token's id belongs to.
    public func assumableKind(of id: String) -> TagKind? {
        TagKind.assumable.first { tag($0, id: id) != nil }
    }

    /// Adds a tag; returns the name that clashes with an existing id or alias, if any.
    mutating func add(_ tag: Tag, kind: TagKind) -> String? {
        if kind == .roleFamily { return addRoleFamily(tag) }
        let names = [tag.id] + tag.aliases
        if let clash = names.first(where: { canonical[kind]?[$0.lowercased()] != nil || $0 == Self.any }) {
            return clash
        }
        if TagKind.assumable.contains(kind), assumableKind(of: tag.id) != nil { return tag.id }
        append(tag, kind: kind)
        for name in names { canonical[kind, default: [:]][name.lowercased()] = tag.id }
        return nil
    }

    /// Role family ids are unique everywhere; an alias only within its industry.
    private mutating func addRoleFamily(_ tag: Tag) -> String? {
        if assumableKind(of: tag.id) != nil || tag.id == Self.any { return tag.id }
        let siblings = roleFamilies(of: tag.industry ?? "").flatMap { [$0.id] + $0.aliases }.map { $0.lowercased() }
        if let clash = tag.aliases.first(where: { siblings.contains($0.lowercased()) }) { return clash }
        append(tag, kind: .roleFamily)
        canonical[.roleFamily, default: [:]][tag.id] = tag.id
        for alias in tag.aliases.map({ $0.lowercased() }) where self.tag(.roleFamily, id: alias) == nil {
            // The same alias on families of two industries names neither on its own.
            if let holder = canonical[.roleFamily]?[alias], holder != tag.id {
                canonical[.roleFamily]?[alias] = nil
                ambiguousRoleAliases.insert(alias)
            } else if !ambiguousRoleAliases.contains(alias) {
                canonical[.roleFamily]?[alias] = tag.id
            }
        }
        return nil
    }

    private var ambiguousRoleAliases: Set<String> = []

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
