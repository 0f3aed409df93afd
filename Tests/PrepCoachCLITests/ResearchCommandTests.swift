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

    @Test func notesFileAddsEachLineAndLintSeesThem() throws {
        let coach = ScriptedCoach()
        let file = coach.folder.appendingPathComponent("globex.txt")
        try FileManager.default.createDirectory(at: coach.folder, withIntermediateDirectories: true)
        try "# from their annual report\nfounded 1989\n\nHQ in Springfield; 1,200 employees\n"
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(try coach.run("research add Globex --file \(file.path)") == 0)
        #expect(try coach.store.research(company: "Globex").map(\.text) == ["founded 1989", "HQ in Springfield; 1,200 employees"])
        try coach.run(#"lint "How many employees work at Globex these days?""#)
        #expect(coach.out.contains("[answered-by-your-research]"))
        #expect(coach.out.contains("HQ in Springfield; 1,200 employees"))
        try coach.run(#"lint "What has surprised you about working at Globex?""#)
        #expect(coach.out.contains("No problems found."))
    }

    @Test func tabCompletesCompaniesFromContactsAndNotes() throws {
        let coach = ScriptedCoach()
        try coach.run(#"contact add "Ann Lee" --company "Acme Health""#)
        try coach.run("research add Initech makes software")
        #expect(coach.completions("research ") == ["add", "list", "remove"])
        #expect(coach.completions("research add ") == [#"Acme\ Health"#, "Initech"])
        #expect(coach.completions("research list In") == ["Initech"])
    }
}
