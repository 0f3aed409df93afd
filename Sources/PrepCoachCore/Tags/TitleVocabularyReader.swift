import Yams

/// Reads `occupations.yaml` and `title-words.yaml` (either key set may be in
/// any file of this kind), checking every industry and role family against
/// the tag vocabulary so a typo is an error at its line and column.
struct TitleVocabularyReader {
    static let topLevelKeys = ["functions", "support-families"] + TitleWords.List.allCases.map(\.rawValue)

    let vocabulary: TagVocabulary

    func read(_ document: YAMLDocument, into titles: inout TitleVocabulary, reader: inout NodeReader) {
        guard let top = reader.fields(of: document.root, describing: "the job-title file", known: Self.topLevelKeys)
        else { return }
        if let list = top["functions"], let entries = reader.sequence(list, field: "functions") {
            for entry in entries {
                guard let function = function(entry, reader: &reader) else { continue }
                if !titles.add(function) { reader.error(at: entry, "function '\(function.id)' is already defined") }
            }
        }
        if let node = top["support-families"] {
            for (industry, family) in pairs(node, field: "support-families", reader: &reader) {
                if let id = industryID(industry, reader: &reader),
                   let familyID = familyID(family, industry: id, allowSupport: false, reader: &reader) {
                    titles.setSupportFamily(familyID, for: id)
                }
            }
        }
        for list in [TitleWords.List.ranks, .governing, .former] {
            if let node = top[list.rawValue], let phrases = reader.strings(node, field: list.rawValue) {
                titles.add(phrases.map(\.value), to: list)
            }
        }
        readValued(top[TitleWords.List.employment.rawValue], list: .employment, kind: .employment,
                   extra: TitleVocabulary.eitherEmployment, into: &titles, reader: &reader)
        readValued(top[TitleWords.List.size.rawValue], list: .size, kind: .size,
                   extra: TitleVocabulary.groupNouns, into: &titles, reader: &reader)
        readValued(top[TitleWords.List.seniority.rawValue], list: .seniority, kind: .seniority, extra: nil,
                   into: &titles, reader: &reader)
    }

    private func function(_ node: Node, reader: inout NodeReader) -> TitleVocabulary.Function? {
        guard let fields = reader.fields(of: node, describing: "a function",
                                         known: ["id", "families", "titles", "subjects"]) else { return nil }
        let before = reader.errorCount
        let id = fields.required("id", reader: &reader).flatMap { reader.string($0, field: "id") }
        if let idNode = fields["id"], let id, !TagID.isValid(id) {
            reader.error(at: idNode, "id '\(id)' must be lowercase letters, digits and dashes")
        }
        var families: [TitleVocabulary.FamilyRule] = []
        if let node = fields.required("families", reader: &reader) {
            for (industry, family) in pairs(node, field: "families", reader: &reader) {
                guard let text = industry.text?.trimmingWhitespace else { continue }
                let industryID = text == TitleVocabulary.anyIndustry ? text : self.industryID(industry, reader: &reader)
                guard let industryID else { continue }
                let anyIndustry = industryID == TitleVocabulary.anyIndustry
                if anyIndustry, family.text?.trimmingWhitespace != TitleVocabulary.supportFamily {
                    reader.error(at: family, "'any' can only be '\(TitleVocabulary.supportFamily)': "
                                 + "a role family belongs to one industry")
                    continue
                }
                if let familyID = anyIndustry ? TitleVocabulary.supportFamily
                    : familyID(family, industry: industryID, allowSupport: true, reader: &reader) {
                    families.append(TitleVocabulary.FamilyRule(industry: industryID, family: familyID))
                }
            }
        }
        let titles = fields["titles"].flatMap { phrases($0, field: "titles", reader: &reader) } ?? []
        let subjects = fields["subjects"].flatMap { phrases($0, field: "subjects", reader: &reader) } ?? []
        guard reader.errorCount == before, let id else { return nil }
        return TitleVocabulary.Function(id: id, families: families, titles: titles, subjects: subjects)
    }

    /// A list of phrases, or a block of text with one phrase a line (how the generated file lists thousands).
    private func phrases(_ node: Node, field: String, reader: inout NodeReader) -> [String]? {
        if let text = node.text, text.contains("\n") {
            return text.split(separator: "\n").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        }
        return reader.strings(node, field: field)?.map(\.value)
    }

    /// A mapping's `key: value` pairs whose values are text (a list of phrases is read by the caller).
    private func pairs(_ node: Node, field: String, reader: inout NodeReader) -> [(key: Node, value: Node)] {
        guard let pairs = node.pairs else {
            reader.error(at: node, "'\(field)' must be a mapping of `key: value` lines")
            return []
        }
        return pairs
    }

    private func industryID(_ node: Node, reader: inout NodeReader) -> String? {
        guard let name = reader.string(node, field: "industry") else { return nil }
        if let id = vocabulary.resolve(.industry, name), id == name { return id }
        let ids = vocabulary.ids(.industry)
        reader.error(at: node, "unknown industry '\(name)'\(Suggestion.hint(for: name, among: ids))")
        return nil
    }

    private func familyID(_ node: Node, industry: String, allowSupport: Bool, reader: inout NodeReader) -> String? {
        guard let name = reader.string(node, field: "role family") else { return nil }
        if allowSupport && name == TitleVocabulary.supportFamily { return name }
        let ids = vocabulary.roleFamilies(of: industry).map(\.id)
        if ids.contains(name) { return name }
        reader.error(at: node, "'\(name)' is not a role family of \(industry)"
                     + "\(Suggestion.hint(for: name, among: ids)); use one of: \(ids.joined(separator: ", "))")
        return nil
    }

    /// A mapping of tag id (or `extra`) → phrases, such as `owner: [sole practitioner, …]`.
    private func readValued(_ node: Node?, list: TitleWords.List, kind: TagKind, extra: String?,
                            into titles: inout TitleVocabulary, reader: inout NodeReader) {
        guard let node else { return }
        for (key, value) in pairs(node, field: list.rawValue, reader: &reader) {
            guard let name = reader.string(key, field: list.rawValue) else { continue }
            let known = vocabulary.ids(kind) + (extra.map { [$0] } ?? [])
            guard known.contains(name) else {
                reader.error(at: key, "unknown \(kind.rawValue) '\(name)' in \(list.rawValue)"
                             + "\(Suggestion.hint(for: name, among: known)); use one of: \(known.joined(separator: ", "))")
                continue
            }
            if let phrases = reader.strings(value, field: name) { titles.add(phrases.map(\.value), to: list, value: name) }
        }
    }
}
