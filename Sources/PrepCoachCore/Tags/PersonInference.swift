/// Works out who a contact is from their role and company, through the
/// aliases in `tags.yaml`: "Founder" → owner, "Nurse Manager" → clinical and
/// senior, "Senior Product Designer" at a bank → the bank's
/// technology-and-operations family and senior.
///
/// A kind is inferred only when it is clear: when the words match values of
/// one kind that disagree ("Sales Engineer"), the longest match (in words)
/// wins, and a tie leaves the kind unknown, to be asked.
public struct PersonInference: Sendable {
    public let vocabulary: TagVocabulary

    public init(vocabulary: TagVocabulary) { self.vocabulary = vocabulary }

    public func infer(role: String?, company: String?, industry: String?) -> PersonFacts {
        let roleText = QuestionText.normalizedString(role ?? "")
        let bothText = QuestionText.normalizedString([role, company].compactMap(\.self).joined(separator: " . "))
        var facts = PersonFacts()
        facts.employment = clearest(vocabulary.tags(.employment), in: roleText)
        facts.seniority = clearest(vocabulary.tags(.seniority), in: roleText)
        facts.size = clearest(vocabulary.tags(.size), in: bothText)
        // Only a family of the contact's own industry: one from another industry would rule out
        // every question written for theirs ("CEO" names a charity's leadership, not a startup's).
        facts.roleFamily = clearest(industry.map(vocabulary.roleFamilies(of:)) ?? vocabulary.tags(.roleFamily), in: roleText)
        return facts
    }

    /// The one tag whose id or alias appears in the text (whole words: normalised text
    /// is padded with a space at each end) with the most words.
    private func clearest(_ tags: [Tag], in text: String) -> String? {
        var best: (words: Int, ids: Set<String>) = (0, [])
        for tag in tags {
            for name in [tag.phrase] + tag.aliases {
                let phrase = QuestionText.normalizedString(name)
                guard phrase.count > 2, text.contains(phrase) else { continue }
                let words = phrase.split(separator: " ").count
                if words > best.words {
                    best = (words, [tag.id])
                } else if words == best.words {
                    best.ids.insert(tag.id)
                }
            }
        }
        return best.ids.count == 1 ? best.ids.first : nil
    }
}
