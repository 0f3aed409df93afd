/// Reads the `questions:` list of a bank file, validating every field against
/// the vocabulary. An invalid question is reported and left out; the valid
/// ones in the same file still load.
struct QuestionBankReader {
    static let fields = ["id", "text", "topic", "stages", "industries", "minutes", "referral", "followups", "assumes"]
    static let minutes = 1...15

    let vocabulary: TagVocabulary

    func read(_ document: YAMLDocument, reader: inout NodeReader) -> [Question] {
        read(root: document.root, reader: &reader)
    }

    /// From Yams' node tree, or from the fast path's (`PlainQuestionList`).
    func read(root: some YAMLNode, reader: inout NodeReader) -> [Question] {
        guard let top = reader.fields(of: root, describing: "the bank file", known: ["questions"]),
              let list = top.required("questions", reader: &reader),
              let entries = reader.sequence(list, field: "questions") else { return [] }
        return entries.compactMap { question($0, reader: &reader) }
    }

    private func question(_ node: some YAMLNode, reader: inout NodeReader) -> Question? {
        guard let fields = reader.fields(of: node, describing: "a question", known: Self.fields) else { return nil }
        let before = reader.errorCount
        let id = fields.required("id", reader: &reader).flatMap { idValue($0, reader: &reader) }
        let text = fields.required("text", reader: &reader).flatMap { questionText($0, reader: &reader) }
        let topic = fields.required("topic", reader: &reader).flatMap { tag($0, kind: .topic, reader: &reader) }
        let stages = fields.required("stages", reader: &reader).flatMap { tagSet($0, kind: .stage, reader: &reader) }
        let industries = fields.required("industries", reader: &reader)
            .flatMap { tagSet($0, kind: .industry, reader: &reader) }
        let minutes = fields.required("minutes", reader: &reader)
            .flatMap { reader.integer($0, field: "minutes", in: Self.minutes) }
        let referral = fields["referral"].map { reader.bool($0, field: "referral") } ?? false
        let followups = fields["followups"].flatMap {
            reader.strings($0, field: "followups", maxItems: Question.maxFollowups, maxLength: Question.maxLength)
        }?.map(\.value) ?? []
        let assumes = fields["assumes"].flatMap { assumptions($0, industries: industries, reader: &reader) } ?? .none
        guard reader.errorCount == before, let id, let text, let topic, let stages, let industries,
              let minutes, let referral else { return nil }
        return Question(id: id, text: text, topic: topic, stages: stages, industries: industries, minutes: minutes,
                        isReferral: referral, followups: followups, assumes: assumes, location: reader.location(of: node))
    }

    /// `assumes: [engineering, employee]`: ids of role families, employment,
    /// sizes and seniority. A role family from an industry the question is
    /// not tagged with is a warning: the question would never meet that person.
    private func assumptions(_ node: some YAMLNode, industries: TagSet?, reader: inout NodeReader) -> Assumptions? {
        guard let tokens = reader.strings(node, field: "assumes") else { return nil }
        var values: [TagKind: Set<String>] = [:]
        for (token, item) in tokens {
            guard let kind = vocabulary.assumableKind(of: token) else {
                let known = TagKind.assumable.flatMap(vocabulary.ids)
                reader.error(at: item, "unknown assumption '\(token)'\(Suggestion.hint(for: token, among: known)); "
                             + "use a role family, employment, size or seniority id from `tags`")
                continue
            }
            values[kind, default: []].insert(token)
            if kind == .roleFamily, let industries, case let .only(ids) = industries,
               let family = vocabulary.tag(.roleFamily, id: token), let home = family.industry, !ids.contains(home) {
                reader.warn(at: item, "role family '\(token)' belongs to industry '\(home)', which this question "
                            + "is not tagged with")
            }
        }
        return Assumptions(values: values)
    }

    private func questionText(_ node: some YAMLNode, reader: inout NodeReader) -> String? {
        guard let text = reader.string(node, field: "text") else { return nil }
        if let problem = Question.problem(with: text) {
            reader.error(at: node, problem)
            return nil
        }
        return text
    }

    private func idValue(_ node: some YAMLNode, reader: inout NodeReader) -> String? {
        guard let id = reader.string(node, field: "id") else { return nil }
        guard TagID.isValid(id) else {
            reader.error(at: node, "id '\(id)' must be lowercase letters, digits and dashes, like 'path-first-role'")
            return nil
        }
        return id
    }

    private func tag(_ node: some YAMLNode, kind: TagKind, reader: inout NodeReader) -> String? {
        guard let name = reader.string(node, field: kind.rawValue) else { return nil }
        do {
            return try vocabulary.require(kind, name)
        } catch {
            reader.error(at: node, error.description)
            return nil
        }
    }

    private func tagSet(_ node: some YAMLNode, kind: TagKind, reader: inout NodeReader) -> TagSet? {
        guard let names = reader.strings(node, field: kind.listKey) else { return nil }
        if names.isEmpty {
            reader.error(at: node, "'\(kind.listKey)' is empty; use [any] for a question that suits every \(kind.rawValue)")
            return nil
        }
        if names.contains(where: { $0.value.lowercased() == TagVocabulary.any }) { return .any }
        var ids: Set<String> = []
        for (_, item) in names {
            if let id = tag(item, kind: kind, reader: &reader) { ids.insert(id) }
        }
        return .only(ids)
    }
}
