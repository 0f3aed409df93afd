import Yams

/// Reads a `tags.yaml`-shaped file into the vocabulary.
struct TagVocabularyReader {
    static let fields = ["id", "aliases", "description", "max-per-plan"]

    static func read(_ document: YAMLDocument, into vocabulary: inout TagVocabulary, reader: inout NodeReader) {
        guard let top = reader.fields(of: document.root, describing: "the tag file",
                                      known: TagKind.allCases.map(\.listKey)) else { return }
        for kind in TagKind.allCases {
            guard let list = top[kind.listKey], let entries = reader.sequence(list, field: kind.listKey) else { continue }
            for entry in entries {
                guard let tag = readTag(entry, kind: kind, reader: &reader) else { continue }
                if let clash = vocabulary.add(tag, kind: kind) {
                    reader.error(at: entry, "\(kind.rawValue) name '\(clash)' is already defined")
                }
            }
        }
    }

    private static func readTag(_ node: Node, kind: TagKind, reader: inout NodeReader) -> Tag? {
        guard let fields = reader.fields(of: node, describing: "a \(kind.rawValue)", known: Self.fields) else { return nil }
        let id = fields.required("id", reader: &reader).flatMap { reader.string($0, field: "id") }
        let description = fields.required("description", reader: &reader).flatMap { reader.string($0, field: "description") }
        let aliases = fields["aliases"].flatMap { reader.strings($0, field: "aliases") }?.map(\.value) ?? []
        let limit = fields["max-per-plan"].flatMap { reader.integer($0, field: "max-per-plan", in: 1...50) }
        if let idNode = fields["id"], let id, !TagID.isValid(id) {
            reader.error(at: idNode, "id '\(id)' must be lowercase letters, digits and dashes")
            return nil
        }
        guard let id, let description else { return nil }
        return Tag(id: id, aliases: aliases, description: description, planLimit: kind == .topic ? limit : nil)
    }
}

/// The shape of ids: `lowercase-with-dashes`, so they are easy to type and complete.
enum TagID {
    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
            && id.first != "-" && id.last != "-"
    }
}
