/// Names, roles and companies are shown on one line in tables, prompts, file
/// names and calendar entries: a line break or control character in one is
/// refused when it is stored, with the field named, and so is one too long to
/// be a name (a pasted document, a hostile import) that would swamp every screen.
/// A name is checked the same way whichever way it comes in (`contact add`,
/// `rename`, `edit`, `ref` in a call, `import`).
enum SingleLineFields {
    /// The most characters a name, role or company may have.
    static let maxLength = 200
    /// How you know someone is a phrase, and holds a referrer's full name ("referred by …").
    static let maxHowKnownLength = 500

    static func check(_ fields: [(name: String, value: String?)], maxLength: Int = maxLength) throws {
        for field in fields {
            guard let value = field.value else { continue }
            if let problem = ControlCharacters.problem(inField: field.name, value) {
                throw StoreError(problem)
            }
            if value.count > maxLength {
                throw StoreError("the \(field.name) is \(value.count) characters long; at most \(maxLength) are accepted")
            }
        }
    }

    static func check(_ contact: Contact) throws {
        try checkName(contact.name)
        try check([("role", contact.role), ("company", contact.company)])
        try check([("how-you-know-them", contact.howKnown)], maxLength: maxHowKnownLength)
    }

    /// A contact's name: also not empty and without spaces around it (the commands trim what
    /// you type; an import must already be trimmed), since lookups match it exactly.
    static func checkName(_ name: String) throws {
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw StoreError("the name is empty") }
        try check([("name", name)])
        if name.trimmingCharacters(in: .whitespaces) != name {
            throw StoreError("the name '\(name)' has spaces before or after it")
        }
    }
}
