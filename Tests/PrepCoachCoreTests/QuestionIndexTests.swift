import Foundation
import Testing
@testable import PrepCoachCore

@Suite struct QuestionIndexTests {
    private func banks() throws -> (Banks, TemporaryBank) {
        let questions = "questions:\n"
            + Fixtures.question(id: "path-nurses", text: "\"How did the nurses on your ward get started? Nurses often ask.\"")
            + Fixtures.question(id: "path-resume", text: "\"Which résumé line made you call someone back?\"")
            + Fixtures.question(id: "path-dont", text: "\"What don't outsiders see about the work?\"")
            + "    followups: [\"Which nurse taught you most?\"]\n"
            + Fixtures.question(id: "advice-first", text: "\"What would you tell a new nurse?\"")
        let bank = try TemporaryBank(["tags.yaml": Fixtures.tags, "q.yaml": questions])
        let banks = BankLoader.load([bank.path])
        #expect(banks.diagnostics.isEmpty)
        return (banks, bank)
    }

    @Test func searchFindsPartsOfWordsInTextIdsAndFollowUpsMostHitsFirst() throws {
        let (banks, _) = try banks()
        #expect(banks.search(["nurs"]).map(\.id) == ["path-nurses", "path-dont", "advice-first"])
        #expect(banks.search(["NURSE", "ward"]).map(\.id) == ["path-nurses"])
        #expect(banks.search(["advice"]).map(\.id) == ["advice-first"])
        #expect(banks.search(["zebra"]).isEmpty)
        #expect(banks.search([""]).isEmpty)
    }

    @Test func searchIgnoresCaseAndAccentsAndKeepsPunctuation() throws {
        let (banks, _) = try banks()
        #expect(banks.search(["RESUME"]).map(\.id) == ["path-resume"])
        #expect(banks.search(["Résumé"]).map(\.id) == ["path-resume"])
        #expect(banks.search(["don't"]).map(\.id) == ["path-dont"])
        #expect(banks.search(["?"]).count == 4)
    }

    @Test func idsWithAPrefixComeSorted() throws {
        let (banks, _) = try banks()
        #expect(Array(banks.idIndex.ids(withPrefix: "path-")) == ["path-dont", "path-nurses", "path-resume"])
        #expect(Array(banks.idIndex.ids(withPrefix: "path-n")) == ["path-nurses"])
        #expect(Array(banks.idIndex.ids(withPrefix: "")) == banks.questionIDs.sorted())
        #expect(banks.idIndex.ids(withPrefix: "zz").isEmpty)
        #expect(banks.idIndex.ids(withPrefix: "a").count == 1)
    }
}
