import Testing
@testable import PrepCoachCore

@Suite struct CompanyNameTests {
    @Test(arguments: [
        ("Brightwave", "Brightwave Software"), ("brightwave software", "Brightwave Software, Inc."),
        ("The Mercy Hospital", "Mercy Hospital"), ("Smith & Jones", "Smith and Jones LLP"),
        ("Acme Corp.", "ACME"), ("IBM", "International Business Machines Corporation"),
        ("Café Rouge", "Cafe Rouge Ltd"), ("Procter & Gamble", "P&G"),
    ])
    func spellingsOfOneCompanyMatch(_ first: String, _ second: String) {
        #expect(CompanyName(first).matches(second))
        #expect(CompanyName(second).matches(first))
    }

    @Test(arguments: [
        ("Acme Health", "Acme Software"), ("Brightwave", "Brightway"),
        ("Ford", "Ford Foundation"), ("", "Inc"), ("A", "Apple Banana"),
    ])
    func differentCompaniesDoNot(_ first: String, _ second: String) {
        #expect(!CompanyName(first).matches(second))
        #expect(!CompanyName(second).matches(first))
    }

    @Test func theKeyDropsWhatSaysNothingAboutWhichCompany() {
        #expect(CompanyName("The Brightwave Software Co., Inc.").key == "brightwave software")
        #expect(CompanyName("Smith + Jones").key == "smith and jones")
    }
}
