/// What a question takes for granted about the person answering it: their
/// role family, whether they own the business or work in one, the size of
/// their organisation, their seniority (`assumes:` in a bank file).
///
/// Within a kind any listed value will do; across kinds all must hold. A kind
/// not listed assumes nothing.
public struct Assumptions: Sendable, Hashable {
    public private(set) var values: [TagKind: Set<String>]

    public static let none = Assumptions(values: [:])

    public init(values: [TagKind: Set<String>]) {
        self.values = values.filter { !$0.value.isEmpty }
    }

    public var isEmpty: Bool { values.isEmpty }

    public subscript(kind: TagKind) -> Set<String>? { values[kind] }

    /// Every id named, sorted: how `show` and the cache spell them.
    public var ids: [String] { values.values.flatMap { $0 }.sorted() }

    /// True when some person could satisfy both.
    public func isCompatible(with other: Assumptions) -> Bool {
        intersection(with: other) != nil
    }

    /// What a person satisfying both must be; nil when nobody can.
    public func intersection(with other: Assumptions) -> Assumptions? {
        var merged = values
        for (kind, ids) in other.values {
            let both = merged[kind].map { $0.intersection(ids) } ?? ids
            if both.isEmpty { return nil }
            merged[kind] = both
        }
        return Assumptions(values: merged)
    }

    /// How many kinds the person is known to match: a question written for
    /// this person fits better than one that assumes nothing.
    public func matches(_ person: PersonFacts) -> Int {
        values.count { kind, ids in person[kind].map(ids.contains) ?? false }
    }
}

/// What is known of the person a plan is for, beyond stage and industry;
/// nil where unknown.
public struct PersonFacts: Sendable, Hashable {
    public var roleFamily: String?
    public var employment: String?
    public var size: String?
    public var seniority: String?

    public init(roleFamily: String? = nil, employment: String? = nil, size: String? = nil, seniority: String? = nil) {
        self.roleFamily = roleFamily
        self.employment = employment
        self.size = size
        self.seniority = seniority
    }

    public subscript(kind: TagKind) -> String? {
        get {
            switch kind {
            case .roleFamily: roleFamily
            case .employment: employment
            case .size: size
            case .seniority: seniority
            case .stage, .industry, .topic: nil
            }
        }
        set {
            switch kind {
            case .roleFamily: roleFamily = newValue
            case .employment: employment = newValue
            case .size: size = newValue
            case .seniority: seniority = newValue
            case .stage, .industry, .topic: break
            }
        }
    }

    /// The facts `other` knows, over these.
    public func replacing(with other: PersonFacts) -> PersonFacts {
        var result = self
        for kind in TagKind.personal where other[kind] != nil { result[kind] = other[kind] }
        return result
    }
}
