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

extension LintVerdictsTests {
    /// Many verdicts, over several runs: each run's are merged into the file, and every one is found.
    @Test func verdictsOfManyRunsAreAllFound() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let questions = (0..<3_000).map { "Question number \($0)?" }
        for run in 0..<3 {
            var memo = LintVerdicts(file: file, engine: engine)
            for (index, question) in questions.enumerated() where index % 3 == run {
                memo.record(clean: index % 2 == 0, for: question)
            }
            memo.saveIfChanged()
        }
        let read = LintVerdicts(file: file, engine: engine)
        for (index, question) in questions.enumerated() { #expect(read.verdict(for: question) == (index % 2 == 0)) }
        #expect(read.verdict(for: "Question number 3000?") == nil)
    }

    /// A file with a hash twice and a valid checksum (not one prepcoach writes) neither traps nor stops the save.
    @Test func aHashTwiceIsNotACrash() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = saved([("How did you start?", true), ("What surprised you?", false)])
        var bytes = [UInt8](try Data(contentsOf: file)).dropLast(8)
        let entries = Array(bytes.suffix(2 * LintVerdicts.entrySize))
        bytes.replaceSubrange((bytes.endIndex - entries.count)..., with: entries.prefix(9) + entries.prefix(9))
        var whole = Array(bytes)
        withUnsafeBytes(of: whole.withUnsafeBytes(Checksum.of).littleEndian) { whole += $0 }
        try Data(whole).write(to: file)
        var memo = LintVerdicts(file: file, engine: engine)
        memo.record(clean: true, for: "Another one?")
        memo.saveIfChanged()
        #expect(LintVerdicts(file: file, engine: engine).verdict(for: "Another one?") == true)
    }
}
