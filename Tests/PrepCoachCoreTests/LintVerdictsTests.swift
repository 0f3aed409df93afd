import Foundation
import Testing
@testable import PrepCoachCore

/// The lint verdicts `pick` keeps between runs: read back only for the engine
/// they were made under, and only from a whole file.
@Suite struct LintVerdictsTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdicts-\(UUID().uuidString)")
    private var file: URL { folder.appendingPathComponent("banks.verdicts") }
    private let engine = ["compiled 42", "rule closed-question"]

    private func saved(_ verdicts: [(String, Bool)], engine: [String]? = nil) -> LintVerdicts {
        var memo = LintVerdicts(file: file, engine: engine ?? self.engine)
        for (question, clean) in verdicts { memo.record(clean: clean, for: question) }
        memo.saveIfChanged()
        return memo
    }

    @Test func verdictsComeBackForTheSameEngine() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = saved([("How did you start?", true), ("Can you get me a job?", false)])
        let read = LintVerdicts(file: file, engine: engine)
        #expect(read.verdict(for: "How did you start?") == true)
        #expect(read.verdict(for: "Can you get me a job?") == false)
        #expect(read.verdict(for: "How did you start") == nil, "another text is not known")
    }

    @Test func anotherEngineStartsAfresh() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = saved([("How did you start?", true)])
        #expect(LintVerdicts(file: file, engine: engine + ["rule job-ask"]).verdict(for: "How did you start?") == nil)
        #expect(LintVerdicts(file: file, engine: ["compiled 43", "rule closed-question"]).verdict(for: "How did you start?") == nil)
    }

    @Test func aDamagedOrCutFileIsIgnored() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = saved([("How did you start?", true), ("What surprised you?", true)])
        let whole = try Data(contentsOf: file)
        for damage in [{ (data: inout Data) in data[data.count - 12] ^= 0x01 },  // a verdict flipped
                       { (data: inout Data) in data.removeLast(9) },               // cut short
                       { (data: inout Data) in data.append(0) }] {                 // a byte too many
            var data = whole
            damage(&data)
            try data.write(to: file)
            #expect(LintVerdicts(file: file, engine: engine).verdict(for: "How did you start?") == nil)
        }
    }

    @Test func nothingIsWrittenWhenNothingWasAdded() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        LintVerdicts(file: file, engine: engine).saveIfChanged()
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test func aFifoInThePlaceOfTheFileIsNotRead() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(mkfifo(file.path, 0o600) == 0)
        // Reading a FIFO with no writer would block here for ever.
        #expect(LintVerdicts(file: file, engine: engine).verdict(for: "How did you start?") == nil)
    }

    @Test func withoutAFileVerdictsLastTheRunOnly() {
        var memo = LintVerdicts(file: nil, engine: engine)
        memo.record(clean: false, for: "Can you get me a job?")
        memo.saveIfChanged()
        #expect(memo.verdict(for: "Can you get me a job?") == false)
    }
}
