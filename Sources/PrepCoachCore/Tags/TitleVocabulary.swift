/// What prepcoach knows about job titles: the occupations (`occupations.yaml`,
/// from ESCO) grouped by what the person does, the role family each such
/// function is in each industry, and the words that structure a title
/// (`title-words.yaml`: ranks, "former", owner words, size words).
public struct TitleVocabulary: Sendable, Equatable {
    /// What a person does whatever the industry ("finance"), and the role family that is in each industry.
    public struct Function: Sendable, Hashable {
        public let id: String
        /// Industry id (or `any`) → role family id (or `support`), in file order.
        let families: [FamilyRule]
        let titles: [String]
        let subjects: [String]
    }

    struct FamilyRule: Sendable, Hashable {
        let industry: String
        let family: String
    }

    /// `families:` says `any` for every other industry and `support` for its business-and-support family.
    static let anyIndustry = "any"
    static let supportFamily = "support"
    /// The values of `employment-words` that settle nothing alone.
    static let eitherEmployment = "either"
    /// The key of `size-words` whose plurals name a group.
    static let groupNouns = "group-nouns"

    public private(set) var functions: [Function] = []
    /// Industry → its business-and-support family.
    public private(set) var supportFamilies: [String: String] = [:]
    /// Phrases (normalised words joined by one space) by what they say.
    private(set) var words = TitleWords()
    /// Normalised title or department word → indexes into `functions`.
    private(set) var titleIndex: [String: [Int]] = [:]
    private(set) var subjectIndex: [String: [Int]] = [:]
    /// The most words in a title or department word: no longer run of a role's words can match.
    private(set) var longestPhrase = 0

    public init() {}

    public var isEmpty: Bool { functions.isEmpty && words.isEmpty }

    /// Adds a function unless its id is taken; returns whether it was added.
    mutating func add(_ function: Function) -> Bool {
        guard !functions.contains(where: { $0.id == function.id }) else { return false }
        let index = functions.count
        functions.append(function)
        let titles = function.titles.map(TitleText.words), subjects = function.subjects.map(TitleText.words)
        longestPhrase = max(longestPhrase, (titles + subjects).map(\.count).max() ?? 0)
        for words in titles { titleIndex[words.joined(separator: " "), default: []].append(index) }
        for words in subjects { subjectIndex[words.joined(separator: " "), default: []].append(index) }
        return true
    }

    mutating func setSupportFamily(_ family: String, for industry: String) { supportFamilies[industry] = family }

    mutating func add(_ phrases: [String], to list: TitleWords.List, value: String = "") {
        words.add(phrases.map(TitleText.phrase), to: list, value: value)
    }

    /// The functions a title (or a department word) names.
    func functions(titled phrase: String) -> [Int]? { titleIndex[phrase] }
    func functions(subject phrase: String) -> [Int]? { subjectIndex[phrase] }

    /// The role family a function is in this industry; nil when the data does not say.
    func family(of function: Int, industry: String) -> String? {
        let families = functions[function].families
        guard let family = families.first(where: { $0.industry == industry })?.family
                ?? families.first(where: { $0.industry == Self.anyIndustry })?.family else { return nil }
        return family == Self.supportFamily ? supportFamilies[industry] : family
    }
}

/// The phrase lists of `title-words.yaml`, each phrase with the value it says
/// (`owner`, `large`, `senior`; empty for plain lists such as ranks).
struct TitleWords: Sendable, Equatable {
    enum List: String, Sendable, CaseIterable {
        case ranks, governing, former
        case employment = "employment-words", size = "size-words", seniority = "seniority-words"
    }

    struct Phrase: Sendable, Hashable {
        let phrase: String
        let value: String
    }

    private(set) var phrases: [List: [Phrase]] = [:]

    var isEmpty: Bool { phrases.isEmpty }

    mutating func add(_ new: [String], to list: List, value: String) {
        phrases[list, default: []] += new.map { Phrase(phrase: $0, value: value) }
    }

    subscript(list: List) -> [(phrase: String, value: String)] { (phrases[list] ?? []).map { ($0.phrase, $0.value) } }

    /// The plain phrases of a list (ranks, governing words, former).
    func plain(_ list: List) -> Set<String> { Set(self[list].map(\.phrase)) }
}

/// How a title's words are compared: `QuestionText`'s normalisation with "&" read as "and".
enum TitleText {
    static func phrase(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    static func words(_ text: String) -> [String] {
        QuestionText.normalizedString(text.replacingEvery("&", with: " and ")).split(separator: " ").map(String.init)
    }
}
