import Yams

/// Reads a `tags.yaml`-shaped file into the vocabulary.
struct TagVocabularyReader {
    /// Kinds listed at the top level of a tag file; role families sit under their industry.
    static let topLevelKinds = TagKind.allCases.filter { $0 != .roleFamily }

    static func fields(for kind: TagKind) -> [String] {
        let common = ["id", "aliases", "description"]
        switch kind {
        case .topic: return common + ["max-per-plan"]
        case .industry: return common + ["role-families"]
        case .stage: return common + ["wording"]
        default: return common
        }
    }

    static func read(_ document: YAMLDocument, into vocabulary: inout TagVocabulary, reader: inout NodeReader) {
        guard let top = reader.fields(of: document.root, describing: "the tag file",
                                      known: topLevelKinds.map(\.listKey)) else { return }
        for kind in topLevelKinds {
            guard let list = top[kind.listKey] else { continue }
            read(list, kind: kind, industry: nil, into: &vocabulary, reader: &reader)
        }
    }

    private static func read(_ list: Node, kind: TagKind, industry: String?, into vocabulary: inout TagVocabulary,
                             reader: inout NodeReader) {
        guard let entries = reader.sequence(list, field: kind.listKey) else { return }
        for entry in entries {
            guard let (tag, families) = readTag(entry, kind: kind, industry: industry, reader: &reader) else { continue }
            if let clash = vocabulary.add(tag, kind: kind) {
                reader.error(at: entry, "\(kind.rawValue) name '\(clash)' is already defined"
                             + (TagKind.assumable.contains(kind) ? " (as a role family, employment, size or seniority)" : ""))
                continue
            }
            if let families {
                read(families, kind: .roleFamily, industry: tag.id, into: &vocabulary, reader: &reader)
            }
        }
    }

    /// The tag, and for an industry the node listing its role families.
    private static func readTag(_ node: Node, kind: TagKind, industry: String?,
                                reader: inout NodeReader) -> (Tag, Node?)? {
        guard let fields = reader.fields(of: node, describing: "a \(kind.rawValue)", known: fields(for: kind))
        else { return nil }
        let id = fields.required("id", reader: &reader).flatMap { reader.string($0, field: "id") }
        let description = fields.required("description", reader: &reader).flatMap { reader.string($0, field: "description") }
        let aliases = fields["aliases"].flatMap { reader.strings($0, field: "aliases") }?.map(\.value) ?? []
        let wording = fields["wording"].flatMap { reader.strings($0, field: "wording") }?.map(\.value) ?? []
        let limit = fields["max-per-plan"].flatMap { reader.integer($0, field: "max-per-plan", in: 1...50) }
        if let idNode = fields["id"], let id, !TagID.isValid(id) {
            reader.error(at: idNode, "id '\(id)' must be lowercase letters, digits and dashes")
            return nil
        }
        guard let id, let description else { return nil }
        return (Tag(id: id, aliases: aliases, description: description, planLimit: limit, industry: industry,
                    wording: wording), fields["role-families"])
    }
}

/// The shape of ids: `lowercase-with-dashes`, so they are easy to type and complete.
enum TagID {
    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
            && id.first != "-" && id.last != "-"
    }
}
