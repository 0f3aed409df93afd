import Testing
@testable import PrepCoachCore

@Suite struct PersonInferenceTests {
    static let banks = BankLoader.load([Fixtures.bundledBanks])
    private let inference = PersonInference(banks: Self.banks)

    @Test(arguments: [
        ("Founder", nil, "technology", PersonFacts(employment: "owner", seniority: "executive")),
        ("Co-Founder & CEO", "Tiny Startup", "technology",
         PersonFacts(roleFamily: "operations", employment: "owner", size: "small", seniority: "executive")),
        ("Nurse Manager", "Mercy Hospital", "healthcare",
         PersonFacts(roleFamily: "clinical", employment: "employee", size: "large", seniority: "senior")),
        // A designer at a bank works in the bank's technology and operations family.
        ("Senior Product Designer", "Acme Bank", "finance",
         PersonFacts(roleFamily: "finance-technology-and-operations", employment: "employee", size: "large",
                     seniority: "senior")),
        // "Partner" is not seniority alone: a law firm's partner practises law and owns the firm.
        ("Partner", nil, "law", PersonFacts(roleFamily: "private-practice", employment: "owner", seniority: "executive")),
        ("Head of Engineering", nil, "technology",
         PersonFacts(roleFamily: "engineering", employment: "employee", seniority: "executive")),
        ("Freelance Software Engineer", nil, "technology",
         PersonFacts(roleFamily: "engineering", employment: "owner", size: "solo")),
        // The examples: the head noun says what, the rank how senior, the company how big.
        ("Director of Finance", "St Luke's Hospital", "healthcare",
         PersonFacts(roleFamily: "non-clinical", employment: "employee", size: "large", seniority: "executive")),
        ("School Business Manager", "Oakfield Primary School", "education",
         PersonFacts(roleFamily: "education-business-support", employment: "employee", seniority: "senior")),
        ("Sole Practitioner", nil, "law", PersonFacts(employment: "owner", size: "solo")),
        // ESCO settles what the aliases could not: a sales engineer sells.
        ("Sales Engineer", nil, "technology", PersonFacts(roleFamily: "sales-and-marketing", employment: "employee")),
        ("IT Manager", "Hale & Pratt LLP", "law",
         PersonFacts(roleFamily: "law-business-support", employment: "employee", seniority: "senior")),
        ("Finance Officer", "Brook Primary School", "education",
         PersonFacts(roleFamily: "education-business-support", employment: "employee")),
        ("CFO", "Brightwave Software", "technology",
         PersonFacts(roleFamily: "operations", employment: "employee", seniority: "executive")),
        ("Social Worker", "Kent County Council", "social-care",
         PersonFacts(roleFamily: "social-work", employment: "employee", size: "large")),
        ("Staff Nurse", "Riverside Hospitals", "healthcare",
         PersonFacts(roleFamily: "clinical", employment: "employee", size: "large", seniority: "mid")),
        ("Lab Technician", "Francis Crick Institute", "science-and-research",
         PersonFacts(roleFamily: "lab-technical", employment: "employee", size: "large")),
        // Nor is a product owner: the title names a post, not a stake.
        ("Product Owner", "Spotify", "technology",
         PersonFacts(roleFamily: "product-and-design", employment: "employee", seniority: "mid")),
        ("HR Business Partner", "Sage Group plc", "technology",
         PersonFacts(roleFamily: "operations", employment: "employee", size: "large", seniority: "senior")),
    ] as [(String, String?, String?, PersonFacts)])
    func clearRolesAreWorkedOut(role: String, company: String?, industry: String?, expected: PersonFacts) {
        #expect(inference.infer(role: role, company: company, industry: industry) == expected)
    }

    /// "Head" alone is executive, but a head chef runs a kitchen; a chef-patron owns the restaurant.
    @Test func kitchenTitlesSayWhoRunsWhat() {
        let headChef = inference.infer(role: "Head Chef", company: "The Old Bell Pub", industry: nil)
        #expect(headChef.seniority == "senior" && headChef.size == "small")
        let patron = inference.infer(role: "Chef-Patron", company: "The Old Bell", industry: nil)
        #expect(patron.employment == "owner" && patron.seniority == "executive")
    }

    @Test func aRoleTheyLeftIsFormer() {
        for role in ["Former Head of HR", "Ex-Partner", "Retired Midwife", "Deputy Head (until recently)"] {
            #expect(inference.read(role: role, company: nil, industry: nil).status == .former, "\(role)")
        }
        let former = inference.read(role: "Retired Midwife", company: nil, industry: "healthcare")
        #expect(former.facts.roleFamily == "clinical")
        #expect(inference.read(role: "Executive Assistant", company: nil, industry: nil).status == .current)
        #expect(inference.read(role: nil, company: "Acme", industry: nil).status == nil)
    }

    @Test func unclearRolesStayUnknown() {
        // A consultant at a software company could do anything there: ask rather than guess.
        #expect(inference.infer(role: "Consultant", company: nil, industry: "technology").roleFamily == nil)
        // A Managing Director may own the firm: employment is asked, unless the organisation is large.
        #expect(inference.infer(role: "Managing Director", company: "Smith Joinery", industry: nil).employment == nil)
        #expect(inference.infer(role: "Managing Director", company: "Barclays plc", industry: nil).employment == "employee")
        // Whole words only: "court" is not in "Courtney's assistant".
        #expect(inference.infer(role: "Courtney's assistant", company: nil, industry: "law").roleFamily == nil)
        #expect(inference.infer(role: nil, company: nil, industry: nil) == PersonFacts())
        // Hostile text is only words to look up.
        let noise = String(repeating: "\u{1B}[31m manager of ", count: 2_000)
        #expect(inference.infer(role: noise, company: noise, industry: "law").roleFamily == nil)
    }
}

/// `occupations.yaml` and `title-words.yaml` are checked against the tag vocabulary like any data file.
@Suite struct TitleVocabularyLoadingTests {
    /// The test vocabulary's banks with these job-title files beside it.
    private func load(_ files: [String: String]) throws -> Banks {
        let bank = try TemporaryBank(files.merging(["tags.yaml": Fixtures.tags]) { own, _ in own })
        return BankLoader.load([bank.path])
    }

    @Test func unknownIndustriesAndFamiliesAreErrorsAtTheirPlace() throws {
        let banks = try load([
            "occupations.yaml": """
                functions:
                  - id: finance
                    families: {helth: clinical, any: support}
                    titles: [accountant]
                  - id: care
                    families: {healthcare: clinicl, any: clinical}
                    titles: |
                      carer
                      care worker
                """,
            "title-words.yaml": """
                support-families: {healthcare: nursing}
                employment-words:
                  boss: [owner]
                """,
        ])
        let messages = banks.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("3:16: unknown industry 'helth'") })
        #expect(messages.contains { $0.hasPrefix("6:28: 'clinicl' is not a role family of healthcare (did you mean 'clinical'?)") })
        #expect(messages.contains { $0.hasPrefix("6:42: 'any' can only be 'support'") })
        #expect(messages.contains { $0.hasPrefix("1:32: 'nursing' is not a role family of healthcare") })
        #expect(messages.contains { $0.hasPrefix("3:3: unknown employment 'boss'") })
        // The bad functions are left out; the files' other entries still load.
        #expect(banks.titles.functions.isEmpty)
    }

    @Test func blockTitlesAndListTitlesBothLoad() throws {
        let banks = try load(["occupations.yaml": """
            functions:
              - {id: care, families: {healthcare: clinical}, subjects: [nursing], titles: "carer\\ncare worker"}
            """])
        #expect(banks.diagnostics.isEmpty)
        let inference = PersonInference(banks: banks)
        #expect(inference.infer(role: "Senior Care Worker", company: nil, industry: "healthcare").roleFamily == "clinical")
        #expect(inference.infer(role: "Head of Nursing", company: nil, industry: "healthcare").roleFamily == "clinical")
    }
}
