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

    /// Stages the question's text names that its `stages:` leave out: shown to
    /// those other stages, it would speak to someone they are not.
    public func stageSlips(in question: Question) -> [String] {
        let text = QuestionText.normalizedString(question.text)
        return stagePhrases.filter { stage, phrases in
            !(question.stages.isSpecific && question.stages.contains(stage)) && phrases.contains { phrase in
                // "your students" are the contact's, not the asker's stage.
                Self.possessives.reduce(text) { $0.replacingOccurrences(of: $1 + phrase, with: " ") }.contains(phrase)
            }
        }.map(\.stage)
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
        stageSlips(in: question).map {
            Diagnostic(.warning, at: question.location, "question '\(question.id)' names stage '\($0)' in its "
                       + "wording but is not tagged with it; add the stage or reword")
        } + Set(roleSlips(in: question)).sorted().map {
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
