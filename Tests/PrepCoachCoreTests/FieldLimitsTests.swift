import Foundation
import Testing
@testable import PrepCoachCore

/// Names too long to be names are refused when typed and when imported; numbers get the article they are read with.
@Suite struct FieldLimitsTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID().uuidString)")
    private let now = Date(timeIntervalSince1970: 1_740_000_000)

    @Test func aNameRoleOrCompanyOver200CharactersIsRefusedNamingTheField() throws {
        let store = try CoachStore(path: folder.appendingPathComponent("a.sqlite").path)
        let long = String(repeating: "x", count: 201)
        #expect(throws: StoreError.self) { try store.add(Contact(name: long, createdAt: now)) }
        do {
            try store.add(Contact(name: "Ann", company: long, createdAt: now))
            Issue.record("a 201-character company was stored")
        } catch let error as StoreError {
            #expect(error.description == "the company is 201 characters long; at most 200 are accepted")
        }
        #expect(throws: StoreError.self) { try store.addResearch(company: long, text: "note", at: now) }
        try store.add(Contact(name: String(repeating: "y", count: 200), createdAt: now))
        #expect(try store.contacts().count == 1)
    }

    @Test func anImportedTenMegabyteNameIsRefusedAndNothingIsImported() throws {
        var export = StoreExport()
        var contact = Contact(name: "Ann", createdAt: now)
        contact.id = 1
        export.contacts = [contact, contact]
        export.contacts[1].id = 2
        export.contacts[1].name = String(repeating: "z", count: 10_000_000)
        let store = try CoachStore(path: folder.appendingPathComponent("b.sqlite").path)
        do {
            try store.importAll(export)
            Issue.record("the import was accepted")
        } catch let error as StoreError {
            #expect(error.description == "contacts[1]: the name is 10000000 characters long; at most 200 are accepted; "
                    + "nothing was imported")
        }
        #expect(try store.contacts().isEmpty)
    }

    @Test func numbersTakeTheArticleTheyAreReadWith() {
        let an = [8, 11, 18, 80, 83, 800, 8_000, 11_000, 18_500, 80_000]
        let a = [1, 5, 10, 12, 19, 30, 110, 180, 1_100, 1_800, 111_000]
        #expect(an.allSatisfy { $0.indefiniteArticle == "an" })
        #expect(a.allSatisfy { $0.indefiniteArticle == "a" }, "\(a.filter { $0.indefiniteArticle != "a" })")
    }
}
