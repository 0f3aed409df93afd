import Foundation
import Testing
@testable import PrepCoachCore

@Suite struct AssumptionsLoadingTests {
    private func load(_ questions: String, tags: String = Fixtures.tags) throws -> (Banks, TemporaryBank) {
        let bank = try TemporaryBank(["tags.yaml": tags, "questions/q.yaml": "questions:\n" + questions])
        return (BankLoader.load([bank.path]), bank)
    }

    @Test func assumesGroupsTokensByKind() throws {
        let (banks, _) = try load(Fixtures.question(id: "path-one", industries: "[healthcare]",
                                                    assumes: "[clinical, owner, employee, large]"))
        #expect(banks.diagnostics.isEmpty)
        let assumes = try #require(banks.question(id: "path-one")).assumes
        #expect(assumes[.roleFamily] == ["clinical"])
        #expect(assumes[.employment] == ["owner", "employee"])
        #expect(assumes[.size] == ["large"])
        #expect(assumes[.seniority] == nil)
    }

    @Test func unknownAssumptionIsAnErrorAtItsTokenWithDidYouMean() throws {
        let (banks, bank) = try load(Fixtures.question(id: "path-one", assumes: "[owner, clinicl]"))
        #expect(banks.diagnostics.map(\.description) == [
            "\(bank.file("questions/q.yaml")):9:22: error: unknown assumption 'clinicl' (did you mean 'clinical'?); "
                + "use a role family, employment, size or seniority id from `tags`",
        ])
        #expect(banks.questions.isEmpty)
    }

    @Test func roleFamilyOfAnotherIndustryIsAWarningAndTheQuestionLoads() throws {
        let (banks, bank) = try load(Fixtures.question(id: "path-one", industries: "[law]", assumes: "[clinical]")
            + Fixtures.question(id: "path-two", assumes: "[clinical]"))
        #expect(banks.diagnostics.map(\.description) == [
            "\(bank.file("questions/q.yaml")):9:15: warning: role family 'clinical' belongs to industry 'healthcare', "
                + "which this question is not tagged with",
        ])
        #expect(banks.questionIDs == ["path-one", "path-two"])
    }

    @Test func roleFamiliesBelongToTheirIndustry() throws {
        let (banks, _) = try load("")
        let vocabulary = banks.vocabulary
        #expect(vocabulary.roleFamilies(of: "healthcare").map(\.id) == ["clinical", "non-clinical"])
        #expect(vocabulary.tag(.roleFamily, id: "legal-practice")?.industry == "law")
        #expect(vocabulary.resolve(.roleFamily, "nurse") == "clinical")
        // The same alias in two industries resolves only when the industry is known.
        #expect(vocabulary.resolve(.roleFamily, "administrator") == nil)
        #expect(vocabulary.resolveRoleFamily("Administrator", industry: "law") == "legal-practice")
        #expect(vocabulary.resolveRoleFamily("administrator", industry: "healthcare") == "non-clinical")
        #expect(vocabulary.resolve(.employment, "Sole Trader") == "owner")
        #expect(vocabulary.resolve(.seniority, "lead") == "senior")
    }

    @Test func clashingAndMisplacedEntriesAreReported() throws {
        let tags = Fixtures.tags.replacingOccurrences(of: "      - id: non-clinical\n", with: """
                  - id: owner
                    description: Clashes with employment.
                  - id: ward
                    aliases: [nurse]
                    description: Same alias twice in one industry.
                  - id: non-clinical

            """).replacingOccurrences(of: "seniority:\n  - id: junior", with: "seniority:\n  - id: junior\n    role-families: []")
        let bank = try TemporaryBank(["tags.yaml": tags])
        #expect(BankLoader.load([bank.path]).diagnostics.map(\.message) == [
            "role-family name 'nurse' is already defined (as a role family, employment, size or seniority)",
            // Industries (and their families) are read before employment.
            "employment name 'owner' is already defined (as a role family, employment, size or seniority)",
            "unknown field 'role-families' in a seniority",
        ])
    }
}
