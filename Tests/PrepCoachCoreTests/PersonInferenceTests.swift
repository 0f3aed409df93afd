import Testing
@testable import PrepCoachCore

@Suite struct PersonInferenceTests {
    static let vocabulary = BankLoader.load([Fixtures.bundledBanks + "/tags.yaml"]).vocabulary
    private let inference = PersonInference(vocabulary: Self.vocabulary)

    @Test(arguments: [
        ("Founder", nil, "technology", PersonFacts(employment: "owner")),
        ("Co-Founder & CEO", "Tiny Startup", "technology",
         PersonFacts(employment: "owner", size: "small", seniority: "executive")),
        ("Nurse Manager", "Mercy Hospital", "healthcare", PersonFacts(roleFamily: "clinical", size: "large", seniority: "senior")),
        // A designer at a bank works in the bank's technology and operations family.
        ("Senior Product Designer", "Acme Bank", "finance",
         PersonFacts(roleFamily: "finance-technology-and-operations", size: "large", seniority: "senior")),
        ("Partner", nil, "law", PersonFacts(roleFamily: "private-practice", seniority: "executive")),
        ("Head of Engineering", nil, "technology", PersonFacts(roleFamily: "engineering", seniority: "executive")),
        ("Freelance Software Engineer", nil, "technology",
         PersonFacts(roleFamily: "engineering", employment: "owner", size: "solo")),
    ] as [(String, String?, String, PersonFacts)])
    func clearRolesAreWorkedOut(role: String, company: String?, industry: String, expected: PersonFacts) {
        #expect(inference.infer(role: role, company: company, industry: industry) == expected)
    }

    @Test func unclearRolesStayUnknown() {
        // "Sales" and "Engineer" name two families equally: ask rather than guess.
        #expect(inference.infer(role: "Sales Engineer", company: nil, industry: "technology").roleFamily == nil)
        // Only the contact's own industry's families: "CEO" names a charity's leadership, not a startup's.
        #expect(inference.infer(role: "CEO", company: nil, industry: "technology").roleFamily == nil)
        // Whole words only: "court" is not in "Courtney's assistant".
        #expect(inference.infer(role: "Courtney's assistant", company: nil, industry: "law").roleFamily == nil)
        #expect(inference.infer(role: nil, company: nil, industry: nil) == PersonFacts())
    }
}
