import Foundation
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

@Suite struct ResearchCommandTests {
    @Test func addsAndListsNotesByCompany() throws {
        let coach = ScriptedCoach()
        #expect(try coach.run(#"research add "Acme Health" three hospitals, opening a fourth in 2026"#) == 0)
        #expect(coach.out.contains("Noted for Acme Health (1 note now)."))
        try coach.run(#"research add "acme health" founded 1990 as a nursing cooperative"#)
        #expect(coach.out.contains("(2 notes now)"))
        try coach.run("research add Initech makes TPS report software")

        #expect(try coach.run(#"research list "Acme Health""#) == 0)
        #expect(coach.out.contains("three hospitals, opening a fourth in 2026 (2025-03-10)"))
        #expect(coach.out.contains("founded 1990 as a nursing cooperative"))
        #expect(!coach.out.contains("Initech"))

        try coach.run("research")  // no subcommand: everything, grouped by company
        let out = coach.out
        let acme = try #require(out.range(of: "Acme Health\n"))
        let initech = try #require(out.range(of: "Initech\n"))
        #expect(acme.lowerBound < initech.lowerBound)
        #expect(out.contains("  - makes TPS report software"))
    }

    @Test func listingAnUnknownCompanyPointsAtTheRightOne() throws {
        let coach = ScriptedCoach()
        try coach.run(#"research add "Acme Health" three hospitals"#)
        #expect(try coach.run("research list acme") == 0)
        #expect(coach.out.contains("No research notes for acme yet (notes exist for: Acme Health)"))
        #expect(try coach.run("research add Acme") != 0)
        #expect(coach.err.contains("give the note"))
    }

    @Test func tabCompletesCompaniesFromContactsAndNotes() throws {
        let coach = ScriptedCoach()
        try coach.run(#"contact add "Ann Lee" --company "Acme Health""#)
        try coach.run("research add Initech makes software")
        #expect(coach.completions("research ") == ["add", "list"])
        #expect(coach.completions("research add ") == [#"Acme\ Health"#, "Initech"])
        #expect(coach.completions("research list In") == ["Initech"])
    }
}
