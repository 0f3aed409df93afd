import PrepCoachCore

/// Finds the contact a command names, or explains clearly that there is none,
/// with a did-you-mean for a typo: every contact command goes through here.
struct ContactLookup {
    let store: CoachStore

    func contact(named name: String) throws -> Contact {
        if let contact = try store.contact(named: name) { return contact }
        let names = try store.contacts().map(\.name)
        let next = names.isEmpty ? "add one with `contact add NAME`" : "see `contact list`"
        throw CommandFailure("no contact named '\(name)'\(Suggestion.hint(for: name, among: names)); \(next)")
    }

    /// The person who referred this contact, if any.
    func referrer(of contact: Contact) throws -> Contact? {
        try contact.referredByID.flatMap { try store.contact(id: $0) }
    }
}

extension Contact {
    /// The name as typed in a command, quoted when it has spaces: `prep "Ann Lee"`.
    var commandArgument: String { CommandWords.quoted(name) }
}
