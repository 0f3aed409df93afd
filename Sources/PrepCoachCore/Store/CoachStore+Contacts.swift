import Foundation
import GRDB

extension CoachStore {
    @discardableResult
    public func add(_ contact: Contact) throws -> Contact {
        try SingleLineFields.check(contact)
        return try database.write { db in
            if try Contact.filter(Column("name").collating(.nocase) == contact.name).fetchOne(db) != nil {
                throw StoreError("a contact named '\(contact.name)' already exists; use `contact edit`")
            }
            var saved = contact
            try saved.insert(db)
            return saved
        }
    }

    public func update(_ contact: Contact) throws {
        try SingleLineFields.check(contact)
        try database.write { try contact.update($0) }
    }

    /// The contact with this name, ignoring case.
    public func contact(named name: String) throws -> Contact? {
        try database.read { try Contact.filter(Column("name").collating(.nocase) == name).fetchOne($0) }
    }

    public func contact(id: Int64) throws -> Contact? {
        try database.read { try Contact.fetchOne($0, key: id) }
    }

    public func contacts() throws -> [Contact] {
        try database.read { try Contact.order(Column("name").collating(.nocase)).fetchAll($0) }
    }

    /// A person the contact suggested you talk to, linked back to them.
    @discardableResult
    public func addReferral(named name: String, company: String?, from referrer: Contact, mayUseName: Bool,
                            at date: Date) throws -> Contact {
        try add(Contact(name: name, company: company, industry: referrer.industry,
                        howKnown: Self.referredBy(referrer.name), stage: referrer.stage,
                        referredByID: referrer.id, mayUseReferrerName: mayUseName, createdAt: date))
    }

    // MARK: Research notes

    @discardableResult
    public func addResearch(company: String, text: String, at date: Date) throws -> ResearchNote {
        try SingleLineFields.check([("company", company)])
        return try insert(ResearchNote(company: company, text: text, createdAt: date))
    }

    public func research(company: String? = nil) throws -> [ResearchNote] {
        try database.read { db in
            var request = ResearchNote.order(Column("company").collating(.nocase), Column("id"))
            if let company { request = request.filter(Column("company").collating(.nocase) == company) }
            return try request.fetchAll(db)
        }
    }

    /// Notes on this company however its name was written ("Brightwave" for "Brightwave Software, Inc.").
    public func research(matching company: String) throws -> [ResearchNote] {
        let name = CompanyName(company)
        return try research().filter { name.matches($0.company) }
    }

    // MARK: Interactions

    @discardableResult
    public func log(_ interaction: Interaction) throws -> Interaction {
        try insert(interaction)
    }

    public func interactions(contactID: Int64) throws -> [Interaction] {
        try database.read { try Interaction.filter(Column("contactID") == contactID).order(Column("at")).fetchAll($0) }
    }
}
