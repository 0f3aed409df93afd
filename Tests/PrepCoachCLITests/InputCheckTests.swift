import Foundation
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

/// Bad input gets one clear line and a non-zero exit, never a silent success.
@Suite struct InputCheckTests {
    @Test(arguments: [
        ("pick --stage student --industry law --minutes -5", "--minutes must be from 1 to 240"),
        ("pick --stage student --industry law --count -1", "--count must be at least 1"),
        ("pick --stage student --industry law --seed -1", "--seed must be at least 0"),
        ("followups --stale -1", "--stale must be from 1 to 36500"),
        ("followups --days -2", "--days must be from 0 to 3650"),
        ("call Ann --minutes -3", "--minutes must be from 1 to 240"),
        ("add Ann \"why?\" --minutes -1", "--minutes must be from 1 to 15"),
        ("plan Ann replace 1 \"why?\" --minutes -2", "--minutes must be from 1 to 15"),
    ])
    func negativeNumbersGetARangeError(line: String, message: String) throws {
        let coach = ScriptedCoach()
        #expect(try coach.run(line) != 0)
        #expect(coach.err.hasPrefix("error: \(message)\n"), "\(coach.err)")
    }

    @Test func lintOfAMissingFileFailsButAQuestionStillWorks() throws {
        let coach = ScriptedCoach()
        #expect(try coach.run("lint no-such-file.txt") == 1)
        #expect(coach.err == "error: no such file: no-such-file.txt (to lint a question, quote it)\n")
        #expect(try coach.run("lint banks/extra.yaml") == 1)
        #expect(try coach.run("lint \"How did you choose law?\"") == 0)
        #expect(try coach.run("lint what") == 0)
        #expect(try coach.run("lint \"\(String(repeating: "why ", count: 130))\"") == 1)
        #expect(coach.err.contains("at most 500 are accepted"))

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("questions-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("How did you choose law?\n\(String(repeating: "why ", count: 130))\n".utf8).write(to: file)
        #expect(try coach.run("lint \(file.path)") == 1)
        #expect(coach.err == "\(file.path):2:1: error: the question is 519 characters long; at most 500 are accepted\n")
        #expect(coach.out == "No problems found.\n")  // the other line is checked
    }

    /// `lint DIR` of a folder holding no question file (a wrong folder) must not
    /// say "No problems in 0 questions." and succeed.
    @Test func lintOfAFolderWithNoQuestionFilesFails() throws {
        let coach = ScriptedCoach()
        let folder = coach.folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: folder.appendingPathComponent("readme.md"))
        #expect(try coach.run("lint \(folder.path)") == 1)
        #expect(coach.err == "error: no question files (.txt, .yaml, .yml) in \(folder.path)\n")
        #expect(coach.out.isEmpty)
        try Data("When was the company founded?\n".utf8).write(to: folder.appendingPathComponent("q.txt"))
        #expect(try coach.run("lint \(folder.path)") == 1)
        #expect(coach.out.contains("q.txt:1:"))
    }

    /// One binary file among question files made `lint` print nothing of the others.
    @Test func lintOfAFileThatIsNotTextStillChecksTheOthers() throws {
        let coach = ScriptedCoach()
        let binary = coach.folder.appendingPathComponent("a.txt")
        let questions = coach.folder.appendingPathComponent("b.txt")
        try Data("What is \u{0} this?\n".utf8).write(to: binary)
        try Data("How did you choose law?\nWhen was the company founded?\n".utf8).write(to: questions)
        #expect(try coach.run("lint \(binary.path) \(questions.path)") == 1)
        #expect(coach.err == "error: \(binary.path):1:9: a control character (\\u{00}); is this a text file?\n")
        #expect(coach.out.contains("\(questions.path):2:"))
        #expect(coach.out.contains("in 1 of 2 questions."))
        #expect(try coach.run("lint \(binary.path)") == 1, "nothing readable is still a failure")
        #expect(coach.out == "No questions to check.\n")
    }

    @Test func emptyOrHugeQuestionsAreNotAdded() throws {
        let coach = ScriptedCoach()
        try coach.run("contact add Ann")
        for question in ["\"\"", "\"   \"", "\"\(String(repeating: "a", count: 501))\""] {
            #expect(try coach.run("add Ann \(question)") != 0)
        }
        #expect(coach.err.hasPrefix("error: the question is 501 characters long; at most 500 are accepted"))
        #expect(try coach.store.plan(contactID: try coach.contact("Ann").id!).isEmpty)
    }

    @Test func binaryNotesFilesAreRefused() throws {
        let coach = ScriptedCoach()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("notes-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xFF, 0xFE, 0x00]).write(to: file)
        #expect(try coach.run("research add Acme --file \(file.path)") == 1)
        #expect(coach.err == "error: \(file.path) is not a UTF-8 text file\n")
        try Data("founded 1990\n\u{0}\u{1}\u{2}binary\n".utf8).write(to: file)
        #expect(try coach.run("research add Acme --file \(file.path)") == 1)
        #expect(coach.err == "error: \(file.path):2:1: a control character (\\u{00}); is this a text file?\n")
        #expect(try coach.store.research().isEmpty)
    }

    @Test func aFileWithWindowsLineEndsIsReadLineByLine() throws {
        let coach = ScriptedCoach()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("questions-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("What surprised you most in your first year?\r\n\r\nWhen was the company founded?\r\n".utf8).write(to: file)
        #expect(try coach.run("lint \(file.path)") == 1)
        #expect(coach.err.isEmpty)
        #expect(coach.out.contains("\(file.path):3:"))
        #expect(!coach.out.contains("\(file.path):1:"))
        #expect(!coach.out.contains("\r"))
    }

    @Test func countsAreWordedInTheSingular() throws {
        let coach = ScriptedCoach()
        try coach.run("research add Acme founded in 1990")
        #expect(coach.out == "Noted for Acme (1 note now).\n")
        try coach.run("pick --stage student --industry law --count 1 --seed 3")
        #expect(coach.out.contains(" · 1 question · "))
    }
}
