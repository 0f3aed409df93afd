import Foundation
import Testing
@testable import PrepCoachCore

@Suite struct BankCacheTests {
    private let questions = "questions:\n" + Fixtures.question(id: "path-one", text: #""How did you start?\tReally?""#,
                                                                   assumes: "[clinical, non-clinical, owner]")
        + Fixtures.question(id: "path-two", industries: "[health]", minutes: "99")

    private func setUp() throws -> (TemporaryBank, BankCache, String) {
        let bank = try TemporaryBank(["tags.yaml": Fixtures.tags, "q.yaml": questions])
        return (bank, BankCache(folder: bank.url.appendingPathComponent(".cache")), bank.file("q.yaml"))
    }

    /// Rewrites a file with other bytes of the same size and the same modification time.
    private func tamper(_ file: String, with text: String) throws {
        let modified = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as! Date
        let size = try Data(contentsOf: URL(fileURLWithPath: file)).count
        try String(text.prefix(size)).padding(toLength: size, withPad: " ", startingAt: 0)
            .write(toFile: file, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: file)
    }

    @Test func secondLoadComesFromTheCacheWithTheSameQuestionsAndProblems() throws {
        let (bank, cache, file) = try setUp()
        let first = BankLoader.load([bank.path], cache: cache)
        #expect(first.questions.map(\.id) == ["path-one"])
        #expect(first.diagnostics.map(\.description) == ["\(file):15:14: error: 'minutes' is 99; it must be from 1 to 15"])
        // Same size and time, different bytes: only a cache hit still sees the questions.
        try tamper(file, with: "# nothing here\n")
        let second = BankLoader.load([bank.path], cache: cache)
        #expect(second.questions == first.questions)
        #expect(second.diagnostics == first.diagnostics)
        #expect(second.question(id: "path-one")?.text == "How did you start?\tReally?")
        #expect(second.question(id: "path-one")?.assumes[.roleFamily] == ["clinical", "non-clinical"])
    }

    @Test func aChangedFileOrVocabularyIsReadAgain() throws {
        let (bank, cache, file) = try setUp()
        _ = BankLoader.load([bank.path], cache: cache)
        try (questions + Fixtures.question(id: "path-three")).write(toFile: file, atomically: true, encoding: .utf8)
        #expect(BankLoader.load([bank.path], cache: cache).questionIDs == ["path-one", "path-three"])

        // A new alias changes what the questions are checked against.
        try Fixtures.tags.replacingOccurrences(of: "aliases: [health]", with: "aliases: [health, medicine]")
            .write(toFile: bank.file("tags.yaml"), atomically: true, encoding: .utf8)
        try tamper(file, with: "questions: []\n")
        #expect(BankLoader.load([bank.path], cache: cache).questions.isEmpty)
    }

    @Test func damagedCacheIsIgnored() throws {
        let (bank, cache, _) = try setUp()
        _ = BankLoader.load([bank.path], cache: cache)
        for entry in try FileManager.default.contentsOfDirectory(at: cache.folder, includingPropertiesForKeys: nil) {
            try "prepcoach-bank-cache 1\tgarbage".write(to: entry, atomically: true, encoding: .utf8)
        }
        #expect(BankLoader.load([bank.path], cache: cache).questionIDs == ["path-one"])
    }
}
