/// Checks across questions that loading one file cannot make: wording that
/// names a stage or role the tags do not cover, referral questions that ask
/// for no names, and near-duplicates that could land in one plan.
public struct BankAudit: Sendable {
    public let banks: Banks
    private let stagePhrases: [(stage: String, phrases: [String])]
    private let rolePhrases: [(kind: TagKind, id: String, phrase: String)]

    public init(banks: Banks) {
        self.banks = banks
        stagePhrases = banks.vocabulary.tags(.stage).map { tag in
            (tag.id, (tag.wording.isEmpty ? [tag.phrase] : tag.wording).map(Self.padded))
        }
        rolePhrases = TagKind.assumable.flatMap { kind in
            banks.vocabulary.tags(kind).flatMap { tag in
                ([tag.id] + tag.aliases).flatMap { name in
                    ["a", "an", "the"].map { (kind, tag.id, Self.padded("as \($0) \(name)")) }
                }
            }
        }
    }

    public func diagnostics() -> [Diagnostic] {
        banks.questions.flatMap { wordingSlips(in: $0) + (referralAsksForNoNames($0) ? [
            Diagnostic(.warning, at: $0.location, "referral question '\($0.id)' asks for no names; a referral "
                       + "question asks who else to talk to (who, which people, names, an introduction)"),
        ] : []) } + nearDuplicates()
    }

    /// The stages the question's text names ("a student", "career changers").
    public func namedStages(in question: Question) -> Set<String> {
        let text = QuestionText.normalizedString(question.text)
        return Set(stagePhrases.filter { _, phrases in
            phrases.contains { phrase in
                // "your students" are the contact's, not the asker's stage.
                text.contains(phrase)
                    && Self.possessives.reduce(text) { $0.replacingOccurrences(of: $1 + phrase, with: " ") }.contains(phrase)
            }
        }.map(\.stage))
    }

    /// A question that names stages speaks to those stages only: the stages
    /// it is tagged with but does not name would hear the wrong words.
    /// `["any"]` when it names a stage yet suits every stage.
    public func stageSlips(in question: Question) -> [String] {
        let named = namedStages(in: question)
        guard !named.isEmpty else { return [] }
        switch question.stages {
        case .any: return [TagVocabulary.any]
        case let .only(ids): return ids.subtracting(named).sorted()
        }
    }

    private static let possessives = [" your", " their", " our", " his", " her"]

    /// "as an owner", "as a nurse": the question takes the role for granted,
    /// so its `assumes:` must say so.
    public func roleSlips(in question: Question) -> [String] {
        let text = QuestionText.normalizedString(question.text)
        return rolePhrases.filter { kind, id, phrase in
            question.assumes[kind]?.contains(id) != true && text.contains(phrase)
        }.map(\.id)
    }

    private func wordingSlips(in question: Question) -> [Diagnostic] {
        let slips = stageSlips(in: question)
        let named = namedStages(in: question).sorted().map { "'\($0)'" }.joined(separator: ", ")
        let stageDiagnostic = slips.isEmpty ? [] : [Diagnostic(
            .warning, at: question.location, "question '\(question.id)' names stage \(named) in its wording but "
                + (slips == [TagVocabulary.any] ? "suits every stage" : "is tagged for "
                    + slips.map { "'\($0)'" }.joined(separator: ", "))
                + "; tag it only with the stages it names, or reword")]
        return stageDiagnostic + Set(roleSlips(in: question)).sorted().map {
            Diagnostic(.warning, at: question.location, "question '\(question.id)' speaks to the person as "
                       + "'\($0)' but does not assume it; add `assumes: [\($0)]` or reword")
        }
    }

    /// Words that show a referral question asks for people by name.
    static let nameAsks = [" who ", " whom ", " whose ", " which ", " names ", " introduc", " anyone ", " someone "]

    public func referralAsksForNoNames(_ question: Question) -> Bool {
        guard question.isReferral else { return false }
        let text = QuestionText.normalizedString(question.text)
        return !Self.nameAsks.contains { text.contains($0) }
    }

    /// Pairs saying nearly the same thing that some plan could hold together
    /// (their stages, industries and assumptions overlap).
    public func nearDuplicates() -> [Diagnostic] {
        let words = banks.questions.map { ContentWords($0.text) }
        var found: [Diagnostic] = []
        for i in banks.questions.indices {
            for j in banks.questions.indices where j > i && words[i].isNearDuplicate(of: words[j]) {
                let (first, second) = (banks.questions[i], banks.questions[j])
                guard Self.canMeet(first, second) else { continue }
                found.append(Diagnostic(.warning, at: second.location, "question '\(second.id)' nearly repeats "
                                        + "'\(first.id)' at \(first.location); merge them or make them differ"))
            }
        }
        return found
    }

    static func canMeet(_ first: Question, _ second: Question) -> Bool {
        overlaps(first.stages, second.stages) && overlaps(first.industries, second.industries)
            && first.assumes.isCompatible(with: second.assumes)
    }

    private static func overlaps(_ first: TagSet, _ second: TagSet) -> Bool {
        guard case let .only(a) = first, case let .only(b) = second else { return true }
        return !a.isDisjoint(with: b)
    }

    private static func padded(_ phrase: String) -> String {
        QuestionText.normalizedString(phrase)
    }
}
