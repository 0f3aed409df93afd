/// Works out who a contact is from their role and company, reading the title
/// as a person would: "Director of Finance" at a hospital is the hospital's
/// non-clinical staff, an executive and an employee; "School Business
/// Manager" runs a school's business side, not a class; "chef-patron" owns
/// the restaurant; "Former Head of HR" has left; "Riverside Hospitals" is large.
///
/// The occupation comes from the title's head: the longest known occupation
/// its last words name (`occupations.yaml`, from ESCO); when the head is a
/// rank ("Manager", "Director", "Head of"), from the words it governs. The
/// industry then says which role family that occupation is. Where the words
/// disagree or say nothing, the fact stays unknown, to be asked.
public struct PersonInference: Sendable {
    public let vocabulary: TagVocabulary
    public let titles: TitleVocabulary

    public init(vocabulary: TagVocabulary, titles: TitleVocabulary = TitleVocabulary()) {
        self.vocabulary = vocabulary
        self.titles = titles
    }

    public init(banks: Banks) { self.init(vocabulary: banks.vocabulary, titles: banks.titles) }

    public func infer(role: String?, company: String?, industry: String?) -> PersonFacts {
        read(role: role, company: company, industry: industry).facts
    }

    public func read(role: String?, company: String?, industry: String?) -> PersonReading {
        let title = RoleText(role ?? "", former: titles.words.plain(.former))
        let companyWords = Array((TitleText.words(company ?? "") + title.companyWords).prefix(RoleText.wordLimit))
        var reading = PersonReading()
        reading.status = title.isEmpty ? nil : title.isFormer ? .former : .current
        let words = title.words
        // The whole title first ("Research and Development Manager"), then each of its coordinated parts.
        let whole = occupation(in: words)
        let functions = whole.isEmpty ? title.parts.map { occupation(in: $0) } : [whole]
        reading.facts.roleFamily = roleFamily(functions: functions, industry: industry, words: words)
        reading.facts.seniority = seniority(in: words)
        reading.facts.size = size(role: words, company: companyWords)
        reading.facts.employment = employment(in: words, namesOccupation: functions.contains { !$0.isEmpty },
                                              size: reading.facts.size)
        return reading
    }

    // MARK: Role family

    /// The functions a part of a title names: its head's occupation, else what its rank governs.
    private func occupation(in part: [String]) -> Set<Int> {
        let governing = titles.words.plain(.governing)
        // "Director of Finance": the head is what comes before "of"; "In-House Counsel" has no head before "in".
        let split = part.indices.first { $0 > 0 && governing.contains(part[$0]) }
        let head = split.map { Array(part[..<$0]) } ?? part
        let governed = split.map { Array(part[($0 + 1)...]) } ?? []
        if let found = longestSuffix(of: head, in: titles.functions(titled:)) { return found }
        // The head is a rank ("Nurse Manager", "Marketing Director"): the words before it say what.
        let ranks = titles.words.plain(.ranks)
        var rest = head
        while let last = rest.last, ranks.contains(last) { rest.removeLast() }
        if rest.count < head.count, let found = longestSuffix(of: rest, in: lookUp) { return found }
        if let found = longestSpan(in: governed, lookUp) { return found }
        return longestSpan(in: head, lookUp) ?? []
    }

    private func lookUp(_ phrase: String) -> [Int]? {
        titles.functions(titled: phrase) ?? titles.functions(subject: phrase)
    }

    private func longestSuffix(of words: [String], in find: (String) -> [Int]?) -> Set<Int>? {
        for start in words.indices {
            if let found = find(words[start...].joined(separator: " ")) { return Set(found) }
        }
        return nil
    }

    private func longestSpan(in words: [String], _ find: (String) -> [Int]?) -> Set<Int>? {
        for length in stride(from: min(words.count, titles.longestPhrase), through: 1, by: -1) {
            for start in 0...(words.count - length) {
                if let found = find(words[start..<(start + length)].joined(separator: " ")) { return Set(found) }
            }
        }
        return nil
    }

    /// The one family the title's parts agree on; without an occupation, the role-family aliases of `tags.yaml`.
    private func roleFamily(functions: [Set<Int>], industry: String?, words: [String]) -> String? {
        if let industry {
            let families = Set(functions.flatMap { $0.compactMap { titles.family(of: $0, industry: industry) } })
            if !families.isEmpty { return families.count == 1 ? families.first : nil }
            // Only a family of the contact's own industry: one from another industry would rule out
            // every question written for theirs ("CEO" names a charity's leadership, not a startup's).
            return clearest(vocabulary.roleFamilies(of: industry).flatMap(Self.aliasPhrases), in: words)
        }
        return clearest(vocabulary.tags(.roleFamily).flatMap(Self.aliasPhrases), in: words)
    }

    // MARK: Seniority, size, employment

    private func seniority(in words: [String]) -> String? {
        let levels = vocabulary.ids(.seniority)
        let phrases = vocabulary.tags(.seniority).flatMap(Self.aliasPhrases) + titles.words[.seniority]
        let found = PhraseMatches(phrases, in: words).longest
        // Of two as long, the higher level: a "Senior Director" is a director.
        return found.max { (levels.firstIndex(of: $0) ?? 0) < (levels.firstIndex(of: $1) ?? 0) }
    }

    private func size(role: [String], company: [String]) -> String? {
        let groupNouns = Set(titles.words[.size].filter { $0.value == TitleVocabulary.groupNouns }.map(\.phrase))
        let phrases = vocabulary.tags(.size).flatMap(Self.aliasPhrases)
            + titles.words[.size].filter { $0.value != TitleVocabulary.groupNouns }
        // A plural organisation noun ("Riverside Hospitals", "Acme Stores") names a group.
        let plurals = company.filter { word in Self.singulars(of: word).contains(where: groupNouns.contains) }
        // "." never survives normalising, so no phrase runs from the role into the company.
        let found = PhraseMatches(phrases, in: role + ["."] + company).longest
        if !plurals.isEmpty, found.isEmpty || found == ["large"] { return "large" }
        return found.count == 1 ? found.first : nil
    }

    /// Owner words win (a founder is an owner whatever else they are), then employee words; a post held
    /// as often by owners ("Managing Director") settles nothing, unless the organisation is large.
    private func employment(in words: [String], namesOccupation: Bool, size: String?) -> String? {
        let phrases = vocabulary.tags(.employment).flatMap(Self.aliasPhrases) + titles.words[.employment]
        let found = PhraseMatches(phrases, in: words).outermost
        if found.contains("owner") { return "owner" }
        if found.contains("employee") { return "employee" }
        if size == "large" { return "employee" }
        if found.contains(TitleVocabulary.eitherEmployment) || size == "solo" { return nil }
        return namesOccupation ? "employee" : nil
    }

    // MARK: Phrases

    private static func aliasPhrases(_ tag: Tag) -> [(phrase: String, value: String)] {
        ([tag.phrase] + tag.aliases).map { (TitleText.phrase($0), tag.id) }
    }

    /// The one value whose phrase found has the most words; nil on a tie.
    private func clearest(_ phrases: [(phrase: String, value: String)], in words: [String]) -> String? {
        let found = PhraseMatches(phrases.filter { $0.phrase.count > 2 }, in: words).longest
        return found.count == 1 ? found.first : nil
    }

    private static func singulars(of word: String) -> [String] {
        guard word.count > 3, word.hasSuffix("s") else { return [] }
        var forms = [String(word.dropLast())]
        if word.hasSuffix("ies") { forms.append(String(word.dropLast(3)) + "y") }
        if word.hasSuffix("es") { forms.append(String(word.dropLast(2))) }
        return forms
    }
}

/// What a role and company say of a person: the facts a plan uses, and
/// whether they still hold the role.
public struct PersonReading: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable { case current, former }

    public var facts = PersonFacts()
    public var status: Status?

    public init(facts: PersonFacts = PersonFacts(), status: Status? = nil) {
        self.facts = facts
        self.status = status
    }
}

/// A role split as a reader splits it: "Former Head of HR & Facilities at Acme
/// Hospitals" is a former role, "head of hr and facilities" (in parts: "head
/// of hr", "facilities"), at "acme hospitals".
struct RoleText {
    /// A title is a few words: a pasted paragraph is read no further than this.
    static let wordLimit = 32

    /// The title's words, "former" words left out; separators read as "and".
    let words: [String]
    /// Words after "at" or "@": the organisation.
    let companyWords: [String]
    let isFormer: Bool

    init(_ role: String, former: Set<String>) {
        var title = role.replacingEvery("@", with: " at ")
        for separator in [",", "/", "|", ";", "+"] { title = title.replacingEvery(separator, with: " and ") }
        var words = Array(TitleText.words(title).prefix(Self.wordLimit))
        if let at = words.firstIndex(of: "at"), at > 0 {
            companyWords = Array(words[(at + 1)...])
            words.removeSubrange(at...)
        } else {
            companyWords = []
        }
        var isFormer = false
        // Longest first, so "until recently" goes whole.
        for phrase in former.sorted(by: { $0.count > $1.count }) {
            let target = phrase.split(separator: " ").map(String.init)
            while let range = words.firstRange(of: target) {
                words.removeSubrange(range)
                isFormer = true
            }
        }
        while words.first == "and" { words.removeFirst() }
        self.words = words
        self.isFormer = isFormer
    }

    var isEmpty: Bool { words.isEmpty && !isFormer }

    /// Coordinated titles ("Owner and Head Chef", "Founder/CEO"), each a list of words.
    var parts: [[String]] { words.split(separator: "and").map(Array.init) }
}

/// The phrases found in a run of words, whole words only.
struct PhraseMatches {
    private let matches: [(range: Range<Int>, value: String)]

    init(_ phrases: [(phrase: String, value: String)], in words: [String]) {
        var matches: [(Range<Int>, String)] = []
        for (phrase, value) in phrases where !phrase.isEmpty {
            let target = phrase.split(separator: " ").map(String.init)
            guard target.count <= words.count else { continue }
            for start in 0...(words.count - target.count) where words[start..<(start + target.count)].elementsEqual(target) {
                matches.append((start..<(start + target.count), value))
            }
        }
        self.matches = matches
    }

    /// The values of the matches with the most words.
    var longest: Set<String> {
        let most = matches.map(\.range.count).max() ?? 0
        return Set(matches.filter { $0.range.count == most }.map(\.value))
    }

    /// The values of the matches no longer match contains ("salaried partner" hides "partner").
    var outermost: Set<String> {
        Set(matches.filter { match in
            !matches.contains { other in
                other.range.count > match.range.count && other.range.lowerBound <= match.range.lowerBound
                    && other.range.upperBound >= match.range.upperBound
            }
        }.map(\.value))
    }
}
