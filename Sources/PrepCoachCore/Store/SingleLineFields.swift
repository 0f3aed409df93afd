/// Names, roles and companies are shown on one line in tables, prompts, file
/// names and calendar entries: a line break or control character in one is
/// refused when it is stored, with the field named.
enum SingleLineFields {
    static func check(_ fields: [(name: String, value: String?)]) throws {
        for field in fields {
            if let value = field.value, let problem = ControlCharacters.problem(inField: field.name, value) {
                throw StoreError(problem)
            }
        }
    }

    static func check(_ contact: Contact) throws {
        try check([("name", contact.name), ("role", contact.role), ("company", contact.company),
                   ("how-you-know-them", contact.howKnown)])
    }
}
