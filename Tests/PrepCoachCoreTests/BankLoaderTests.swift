import Foundation
import Testing
@testable import PrepCoachCore

@Suite struct BankLoaderTests {
    private func load(_ questions: String, extra: [String: String] = [:]) throws -> (Banks, TemporaryBank) {
        let bank = try TemporaryBank(["tags.yaml": Fixtures.tags, "questions/q.yaml": "questions:\n" + questions]
            .merging(extra) { $1 })
        return (BankLoader.load([bank.path]), bank)
    }

    @Test func loadsValidQuestionsWithCanonicalTags() throws {
        let (banks, _) = try load(Fixtures.question(id: "path-one", stages: "[undergrad]", industries: "[health]"))
        #expect(banks.diagnostics.isEmpty)
        let question = try #require(banks.question(id: "path-one"))
        #expect(question.stages == .only(["student"]))
        #expect(question.industries == .only(["healthcare"]))
        #expect(question.minutes == 3)
        #expect(question.location.line == 2)
    }

    @Test func unknownTagIsReportedAtItsValueWithDidYouMean() throws {
        let (banks, bank) = try load(Fixtures.question(id: "path-one", stages: "[studnet]"))
        let diagnostic = try #require(banks.diagnostics.first)
        #expect(diagnostic.description
            == "\(bank.file("questions/q.yaml")):5:14: error: unknown stage 'studnet' (did you mean 'student'?); see `tags stages`")
        #expect(banks.questions.isEmpty)
    }

    @Test(arguments: [
        ("0", "'minutes' is 0; it must be from 1 to 15"),
        ("99", "'minutes' is 99; it must be from 1 to 15"),
        ("soon", "'minutes' must be a whole number from 1 to 15"),
    ])
    func badMinutes(value: String, message: String) throws {
        let (banks, _) = try load(Fixtures.question(id: "path-one", minutes: value))
        #expect(banks.diagnostics.map(\.message) == [message])
        #expect(banks.diagnostics.first?.location.line == 7)
    }

    @Test func emptyTextAndMissingFieldsAreEachReported() throws {
        let yaml = """
              - id: path-one
                text: ""
                topic: career-path
                stages: [any]
                industries: [any]
              - id: path-two
                text: What changed?
                topic: advice
                stages: [any]
                industries: [any]
                minutes: 2
            """
        let (banks, _) = try load(yaml)
        #expect(banks.diagnostics.map(\.message) == ["'text' is empty", "a question is missing the required field 'minutes'"])
        #expect(banks.questionIDs == ["path-two"])
    }

    @Test func unknownFieldGetsDidYouMean() throws {
        let (banks, _) = try load(Fixtures.question(id: "path-one") + "    folowups: [Why?]\n")
        #expect(banks.diagnostics.map(\.message) == ["unknown field 'folowups' in a question (did you mean 'followups'?)"])
    }

    @Test func duplicateIdsAcrossBanksNameTheFirst() throws {
        let (banks, bank) = try load(Fixtures.question(id: "path-one"),
                                     extra: ["questions/r.yaml": "questions:\n" + Fixtures.question(id: "path-one")])
        let diagnostic = try #require(banks.diagnostics.first)
        #expect(diagnostic.location.file == bank.file("questions/r.yaml"))
        #expect(diagnostic.message == "duplicate question id 'path-one'; first defined at \(bank.file("questions/q.yaml")):2:5")
        #expect(banks.questions.count == 1)
    }

    @Test func syntaxErrorSkipsOnlyThatFile() throws {
        let (banks, bank) = try load(Fixtures.question(id: "path-one"),
                                     extra: ["questions/broken.yaml": "questions:\n  - id: [unclosed\n    text: x\n"])
        #expect(banks.questionIDs == ["path-one"])
        let diagnostic = try #require(banks.diagnostics.first)
        #expect(diagnostic.location.file == bank.file("questions/broken.yaml"))
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.message.hasPrefix("YAML syntax:"))
    }

    @Test func badIdAndBadShapesAreReported() throws {
        let yaml = """
              - id: Path One
                text: What changed?
                topic: advice
                stages: any
                industries: {a: b}
                minutes: 2
              - just a string
            """
        let (banks, _) = try load(yaml)
        #expect(banks.diagnostics.map(\.message) == [
            "id 'Path One' must be lowercase letters, digits and dashes, like 'path-first-role'",
            "'industries' must be a list, like [a, b]",
            "expected a question as a mapping of `key: value` lines",
        ])
        #expect(banks.questions.isEmpty)
    }

    @Test func unknownFileKindAndMissingPathAreReported() throws {
        let bank = try TemporaryBank(["tags.yaml": Fixtures.tags, "notes.yaml": "hello: world\n"])
        let banks = BankLoader.load([bank.path, bank.path + "/nope"])
        #expect(banks.diagnostics.map(\.message) == [
            "no such file or folder",
            "not a prepcoach data file: expected a top-level 'questions:' list, 'stages:'/'industries:'/'topics:', "
                + "a rule ('id:' and 'patterns:'), 'macros:', 'attributes:'/'reopenings:', 'checks:', 'asked-back:' or job-title words ('functions:', 'ranks:')",
        ])
    }

    @Test func userVocabularyExtendsAndMayNotRedefine() throws {
        let bank = try TemporaryBank([
            "tags.yaml": Fixtures.tags,
            "user/tags.yaml": "industries:\n  - id: aviation\n    description: Flying.\n  - id: law\n    description: Again.\n",
            "user/q.yaml": "questions:\n" + Fixtures.question(id: "air-one", industries: "[aviation]"),
        ])
        let banks = BankLoader.load([bank.path])
        #expect(banks.vocabulary.resolve(.industry, "aviation") == "aviation")
        #expect(banks.question(id: "air-one") != nil)
        #expect(banks.diagnostics.map(\.message) == ["industry name 'law' is already defined"])
    }

    @Test func folderAndFileInItAreReadOnce() throws {
        let bank = try TemporaryBank(["tags.yaml": Fixtures.tags])
        let banks = BankLoader.load([bank.path, bank.file("tags.yaml")])
        #expect(banks.diagnostics.isEmpty)
        #expect(banks.files.count == 1)
    }

    /// Aliases of aliases ("billion laughs") used as a key hung Yams' duplicate-key check.
    @Test func anAliasBombIsRefusedAtItsAliasAndTheRestLoads() throws {
        let levels = (1...8).map { level in
            "l\(level): &l\(level) [" + Array(repeating: level == 1 ? "lol" : "*l\(level - 1)", count: 9)
                .joined(separator: ", ") + "]"
        }
        let bomb = levels.joined(separator: "\n") + "\n? *l8\n: x\n? *l7\n: y\n"
        let (banks, bank) = try load(Fixtures.question(id: "path-one"), extra: ["bomb.yaml": bomb])
        #expect(banks.diagnostics.map(\.description)
            == ["\(bank.file("bomb.yaml")):5:10: error: aliases expand to more than 10000 values; write the values out"])
        #expect(banks.questionIDs == ["path-one"])
    }

    @Test func aListSharedThroughAnAliasStillLoads() throws {
        let (banks, _) = try load(Fixtures.question(id: "path-one", stages: "&early [student, career-changer]")
            + Fixtures.question(id: "path-two", stages: "*early"))
        #expect(banks.diagnostics.isEmpty)
        #expect(banks.question(id: "path-two")?.stages == .only(["student", "career-changer"]))
    }
}

@Suite struct BankLimitTests {
    @Test func overlongQuestionsAreReportedWithTheirPlace() throws {
        let long = String(repeating: "why ", count: 200)
        let bank = try TemporaryBank([
            "tags.yaml": Fixtures.tags,
            "questions.yaml": """
                questions:
                  - id: too-long
                    text: \(long)
                    topic: opening
                    stages: [any]
                    industries: [any]
                    minutes: 2
                """,
        ])
        let banks = BankLoader.load([bank.path])
        #expect(banks.questions.isEmpty)
        #expect(banks.diagnostics.map(\.description) == [
            "\(bank.file("questions.yaml")):3:11: error: the question is 799 characters long; at most 500 are accepted",
        ])
    }

    @Test func duplicateReadinessCheckIdsAreErrorsAndNotLoaded() throws {
        let check = { (id: String, prompt: String) in
            "  - id: \(id)\n    kind: ask\n    prompt: \(prompt)\n    why: Because.\n"
        }
        let bank = try TemporaryBank([
            "tags.yaml": Fixtures.tags,
            "readiness.yaml": "checks:\n" + check("know-company", "Mine?") + check("own", "One") + check("own", "Two"),
        ])
        let banks = BankLoader.load([Fixtures.bundledBanks + "/readiness.yaml", bank.path])
        let file = bank.file("readiness.yaml")
        #expect(banks.diagnostics.map(\.description).filter { $0.contains("duplicate") }.count == 2)
        #expect(banks.diagnostics.contains { $0.description.hasPrefix("\(file):2:5: error: duplicate readiness check id 'know-company'; first defined at ") })
        #expect(banks.diagnostics.contains { $0.description.hasPrefix("\(file):10:5: error: duplicate readiness check id 'own'; first defined at \(file):6:5") })
        #expect(banks.readinessChecks.filter { $0.id == "own" }.map(\.prompt) == ["One"])
    }
}
