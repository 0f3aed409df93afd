/// What kind of weakness a rule finds.
public enum RuleCategory: String, Sendable, CaseIterable, Codable {
    case researchAnswerable = "research-answerable"
    case jobAsk = "job-ask"
    case closedQuestion = "closed-question"
    case selfFocused = "self-focused"
    case compoundOrTooLong = "compound-or-too-long"
    case other
}

/// How much a finding matters; `error` fails `lint` and keeps a question out of plans.
public enum RuleSeverity: String, Sendable, CaseIterable, Codable, Comparable {
    case error, warning, suggestion

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .suggestion: 2
        }
    }

    public static func < (lhs: RuleSeverity, rhs: RuleSeverity) -> Bool { lhs.rank < rhs.rank }
}

import Foundation

/// One lint rule, read from its own YAML file. Patterns are kept as written
/// (with `{macros}`); the engine expands and compiles them.
public struct Rule: Sendable, Hashable, Identifiable {
    /// The most `flag:` (and, apart, `pass:`) examples a rule may carry: each is linted on every check.
    public static let maxExamples = 200

    /// An example question and where it is written, so a failing one can be pointed at.
    public struct Example: Sendable, Hashable {
        public let text: String
        public let location: SourceLocation
    }

    public struct Examples: Sendable, Hashable {
        public var flag: [Example]
        public var pass: [Example]
    }

    public let id: String
    /// What the rule flags, in a few words a person reads (`prepcoach rules`).
    public let name: String
    public let category: RuleCategory
    public var severity: RuleSeverity
    /// Why the question is weak; `{match}` is replaced by the matched words.
    public let message: String
    /// A better question to ask instead.
    public let suggestion: String
    public let rationale: String
    public let link: String
    public let patterns: [String]
    public let exceptions: [String]
    /// Where each pattern and exception is written, to point at one no example hits.
    public let patternLocations: [SourceLocation]
    public let exceptionLocations: [SourceLocation]
    public let examples: Examples
    public let location: SourceLocation

    /// Without a `name`, the id read as words ("job-ask-hiring": "Job ask hiring").
    public init(id: String, name: String? = nil, category: RuleCategory, severity: RuleSeverity, message: String,
                suggestion: String, rationale: String, link: String, patterns: [String], exceptions: [String] = [],
                patternLocations: [SourceLocation] = [], exceptionLocations: [SourceLocation] = [],
                examples: Examples, location: SourceLocation) {
        self.id = id
        self.name = name ?? (id.prefix(1).uppercased() + id.dropFirst().replacingOccurrences(of: "-", with: " "))
        self.category = category
        self.severity = severity
        self.message = message
        self.suggestion = suggestion
        self.rationale = rationale
        self.link = link
        self.patterns = patterns
        self.exceptions = exceptions
        self.patternLocations = patternLocations
        self.exceptionLocations = exceptionLocations
        self.examples = examples
        self.location = location
    }
}
