/// Flags a question whose answer is already in your research notes: asking
/// what you already know spends the person's time on nothing new.
///
/// Built in rather than a pattern rule, because it compares the question with
/// notes that change as you research; its id can still be switched off or
/// re-levelled in the config like any rule.
public struct ResearchAnswerCheck: Sendable {
    public static let rule = Rule(
        id: "answered-by-your-research", name: "Already answered by your research notes", category: .researchAnswerable, severity: .warning,
        message: "your research notes already answer this: {match}",
        suggestion: "Ask what the notes cannot tell you, e.g. \"What has surprised you about working there?\"",
        rationale: "Do research before the interview, then use the time for insights, not for what you already know.",
        link: "https://www.themuse.com/advice/informational-interview-questions",
        patterns: [], examples: Rule.Examples(flag: [], pass: []),
        location: SourceLocation(file: "built-in", line: 1, column: 1))

    /// Words that name the same fact, so "How many staff…?" meets a note "4,000 employees".
    /// A short list of the facts research answers; everything else compares word by word.
    static let concepts: [String: String] = {
        let groups: [String: [String]] = [
            "founding": ["founded", "founding", "founder", "founders", "established", "started", "start", "history", "old"],
            "size": ["staff", "employees", "employee", "people", "headcount", "employ", "employs", "workforce", "size",
                     "big", "large"],
            "place": ["hq", "headquarters", "headquartered", "based", "located", "location", "locations", "offices",
                      "office", "where"],
            "money": ["revenue", "revenues", "sales", "turnover", "profit", "profits", "earnings", "funding", "funded",
                      "raised", "valuation", "investors"],
            "leaders": ["ceo", "president", "leader", "leaders", "leadership", "runs", "chief"],
            "mission": ["mission", "values", "vision", "stands"],
            "clients": ["clients", "client", "customers", "customer"],
            "offer": ["sell", "sells", "products", "product", "services", "service", "make", "makes", "offer", "offers"],
        ]
        return Dictionary(groups.flatMap { concept, words in words.map { ($0, concept) } }) { first, _ in first }
    }()

    /// Words too common to say two texts are about the same thing.
    static let common: Set<String> = [
        "what", "when", "where", "which", "who", "whom", "why", "how", "does", "do", "did", "is", "are", "was", "were",
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "your", "you", "guys", "company",
        "firm", "organization", "organisation", "business", "about", "there", "this", "that", "have", "has", "many",
        "much", "work", "working", "like", "tell", "me", "i", "my", "it", "its", "be", "can", "could", "would", "will",
    ]

    public struct Note: Sendable, Hashable {
        public let company: String
        public let text: String
        public init(company: String, text: String) {
            self.company = company
            self.text = text
        }
    }

    let notes: [(note: Note, terms: Set<String>)]
    let companyNames: CompanyNames

    public init(notes: [Note]) {
        self.notes = notes.map { ($0, Self.terms(QuestionText.normalizedString($0.text), excluding: [])) }
        companyNames = CompanyNames(notes.map(\.company))
    }

    /// A finding when the question is about a researched company and shares a fact with one of its notes.
    public func finding(for question: String, rule: Rule = ResearchAnswerCheck.rule) -> Finding? {
        guard !notes.isEmpty else { return nil }
        let text = QuestionText.normalizedString(question)
        let named = companyNames.occurrences(in: text)
        let aboutCompany = !named.isEmpty
            || [" the company ", " your company ", " your firm ", " your organization ", " your organisation ",
                " you guys ", " your business "].contains { text.contains($0) }
        guard aboutCompany else { return nil }
        let questionTerms = Self.terms(text, excluding: named)
        for (note, terms) in notes where named.isEmpty || named.contains(QuestionText.normalizedString(note.company).trimmingWhitespace) {
            if !questionTerms.isDisjoint(with: terms) {
                return Finding(rule: rule, matched: "'\(note.text)' (notes on \(note.company))")
            }
        }
        return nil
    }

    /// Concepts and distinctive words of a normalised text.
    static func terms(_ text: String, excluding names: [String]) -> Set<String> {
        let nameWords = Set(names.flatMap { $0.split(separator: " ").map(String.init) })
        var terms: Set<String> = []
        for word in text.split(separator: " ").map(String.init) where !common.contains(word) && !nameWords.contains(word) {
            if let concept = concepts[word] {
                terms.insert(concept)
            } else if word.count >= 5 {
                terms.insert(word.hasSuffix("s") ? String(word.dropLast()) : word)
            }
        }
        return terms
    }
}
