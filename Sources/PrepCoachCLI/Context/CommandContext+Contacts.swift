import PrepCoachCore

extension CommandContext {
    /// The contact with this name (any case), or a clear error with a did-you-mean.
    func contact(named name: String) throws -> Contact {
        try ContactLookup(store: store()).contact(named: name)
    }
}
