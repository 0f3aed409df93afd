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
        // A designer at a bank is still a designer: a family from another industry when the bank's own do not fit.
        ("Senior Product Designer", "Acme Bank", "finance",
         PersonFacts(roleFamily: "product-design", size: "large", seniority: "senior")),
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
        #expect(inference.infer(role: "Partner", company: nil, industry: "law") == PersonFacts(seniority: "executive"))
        #expect(inference.infer(role: nil, company: nil, industry: nil) == PersonFacts())
    }
}
