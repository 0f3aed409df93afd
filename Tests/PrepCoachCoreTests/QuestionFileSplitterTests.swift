import Foundation
import Testing
@testable import PrepCoachCore

@Suite struct QuestionFileSplitterTests {
    /// A question file over the size that is read in pieces, with two bad questions.
    private func bigFile(anchor: Bool = false) -> String {
        var yaml = "# generated\nquestions:\n"
        for index in 0..<2000 {
            var entry = Fixtures.question(id: "q-\(index)", minutes: index == 1500 ? "99" : "3",
                                          text: index == 700 ? "\"Two\\n lines\"" : nil)
            if anchor && index == 10 { entry = entry.replacingOccurrences(of: "topic: career-path", with: "topic: &t career-path") }
            if anchor && index == 1900 { entry = entry.replacingOccurrences(of: "topic: career-path", with: "topic: *t") }
            yaml += entry
        }
        return yaml
    }

    /// What parsing the file whole gives.
    private func whole(_ yaml: String, file: String, vocabulary: TagVocabulary) throws -> ([Question], [Diagnostic]) {
        let document = try #require(try YAMLDocument.parse(path: file, contents: yaml).get())
        var reader = NodeReader(file: file)
        return (QuestionBankReader(vocabulary: vocabulary).read(document, reader: &reader), reader.diagnostics)
    }

    @Test(arguments: [false, true])
    func aBigFileReadInPiecesGivesWhatAWholeParseGives(anchor: Bool) throws {
        let yaml = bigFile(anchor: anchor)
        #expect(QuestionFileSplitter.pieces(of: yaml, count: 4)?.count == 4)
        let bank = try TemporaryBank(["tags.yaml": Fixtures.tags, "q.yaml": yaml])
        let banks = BankLoader.load([bank.path])
        let (questions, diagnostics) = try whole(yaml, file: bank.file("q.yaml"), vocabulary: banks.vocabulary)
        #expect(banks.questions == questions)
        #expect(banks.diagnostics == diagnostics)
        // Two bad questions: a text with a line break (a control character) and 99 minutes.
        #expect(banks.questions.count == 1998)
        #expect(banks.diagnostics.map(\.location.line) == [3 + 700 * 7 + 1, 3 + 1500 * 7 + 5])
    }

    /// Each quarter of this file stays under the alias limit, the whole file
    /// does not: it is refused as a whole parse refuses it, not read in pieces.
    @Test func aliasesAreCountedOverTheWholeFile() throws {
        let list = "[" + (1...10).map { "f\($0)" }.joined(separator: ", ") + "]"
        let yaml = "questions:\n" + (0..<2000).map { index in
            Fixtures.question(id: "q-\(index)").replacingOccurrences(
                of: "topic: career-path", with: "topic: career-path\n    followups: &f\(index) \(list)\n    assumes: *f\(index)")
        }.joined()
        #expect(QuestionFileSplitter.pieces(of: yaml, count: 4) == nil)
        let bank = try TemporaryBank(["tags.yaml": Fixtures.tags, "q.yaml": yaml])
        let banks = BankLoader.load([bank.path])
        #expect(banks.questions.isEmpty)
        #expect(banks.diagnostics.map(\.message) == ["aliases expand to more than \(AliasExpansion.limit) values; write the values out"])
    }

    @Test func onlyThePlainShapeIsCut() {
        let padding = String(repeating: "# padding\n", count: 30_000)
        #expect(QuestionFileSplitter.pieces(of: padding + bigFile(), count: 4) != nil)
        #expect(QuestionFileSplitter.pieces(of: bigFile() + "other: 1\n", count: 4) == nil)
        #expect(QuestionFileSplitter.pieces(of: "---\n" + bigFile(), count: 4) == nil)
        #expect(QuestionFileSplitter.pieces(of: bigFile(), count: 1) == nil)
        #expect(QuestionFileSplitter.pieces(of: "questions:\n" + Fixtures.question(id: "small"), count: 4) == nil)
    }
}
