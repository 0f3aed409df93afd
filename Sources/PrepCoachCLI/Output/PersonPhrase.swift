import PrepCoachCore

/// Who a plan is for, in words: "a senior product designer at a large organisation".
enum PersonPhrase {
    /// The known facts, most telling first: "senior, clinical, employee, large".
    static func facts(_ person: PersonFacts) -> String {
        TagKind.personal.compactMap { person[$0] }.joined(separator: ", ")
    }

    /// nil when nothing is known beyond stage and industry.
    static func describe(_ person: PersonFacts, role: String?, company: String?, vocabulary: TagVocabulary) -> String? {
        var noun = role?.lowercased()
            ?? person.roleFamily.flatMap { vocabulary.tag(.roleFamily, id: $0) }.map { "\($0.phrase) professional" }
            ?? (person.employment == "owner" ? "business owner" : nil)
        if noun == nil, person.seniority != nil || person.size != nil || company != nil { noun = "professional" }
        guard var noun else { return nil }
        let owner = person.employment == "owner" ? vocabulary.tag(.employment, id: "owner") : nil
        let roleSaysOwner = owner.map { mentions(noun, anyOf: $0.aliases) } ?? false
        // The seniority's first alias is its adjective; left out when the role already says it,
        // or names the owner ("an executive founder" says nothing "a founder" does not).
        if let tag = person.seniority.flatMap({ vocabulary.tag(.seniority, id: $0) }),
           !mentions(noun, anyOf: [tag.id] + tag.aliases), !roleSaysOwner {
            noun = (tag.aliases.first ?? tag.id) + " " + noun
        }
        if owner != nil, !roleSaysOwner {
            noun += " who runs the business"
        }
        var phrase = LetterPhrases.withArticle(noun)
        if let company {
            phrase += " at \(company)" + (person.size.map { " (\($0))" } ?? "")
        } else if let size = person.size {
            phrase += size == "solo" ? " working solo" : " at \(LetterPhrases.withArticle(size)) organisation"
        }
        return phrase
    }

    private static func mentions(_ text: String, anyOf names: [String]) -> Bool {
        let words = QuestionText.normalizedString(text)
        return names.contains { words.contains(QuestionText.normalizedString($0)) }
    }
}
