import Foundation
import Testing
@testable import PrepCoachCore

@Suite struct BankSnapshotTests {
    private let questions = "questions:\n" + Fixtures.question(id: "path-one", text: #""How did you start?\tReally?""#)
        + Fixtures.question(id: "path-two", industries: "[health]", minutes: "99")

    private func setUp() throws -> (TemporaryBank, BankSnapshot, String) {
        let bank = try TemporaryBank(["tags.yaml": Fixtures.tags, "q.yaml": questions])
        return (bank, BankSnapshot(folder: bank.url.appendingPathComponent(".snapshots")), bank.file("q.yaml"))
    }

    /// Rewrites a file with other bytes of the same size and the same modification time (to the nanosecond).
    private func tamper(_ file: String, with text: String) throws {
        var status = stat()
        #expect(stat(file, &status) == 0)
        let size = Int(status.st_size)
        try String(text.prefix(size)).padding(toLength: size, withPad: " ", startingAt: 0)
            .write(toFile: file, atomically: false, encoding: .utf8)
        #if os(Linux)
        let times = [status.st_atim, status.st_mtim]
        #else
        let times = [status.st_atimespec, status.st_mtimespec]
        #endif
        #expect(utimensat(AT_FDCWD, file, times, 0) == 0)
    }

    /// Everything a load yields is the same: every stored property of the
    /// banks, compared with `==` where it is Equatable and field by field
    /// where not, so a field the snapshot forgets fails here. (Not the indexes,
    /// built on use, nor the compiled rules, which only a snapshot carries.)
    private func expectSame(_ banks: Banks, _ other: Banks) {
        expectSameFields(banks, other, path: "banks", skipping: ["indexes", "precompiledRules"])
    }

    private func expectSameFields(_ value: Any, _ other: Any, path: String, skipping: Set<String> = []) {
        if let value = value as? any Equatable {
            #expect(value.isEqual(to: other), "\(path) differs")
            return
        }
        let fields = Mirror(reflecting: value).children, otherFields = Mirror(reflecting: other).children
        #expect(!fields.isEmpty && fields.count == otherFields.count, "\(path): not Equatable and no fields to compare")
        for (field, otherField) in zip(fields, otherFields) where !skipping.contains(field.label ?? "") {
            expectSameFields(field.value, otherField.value, path: path + "." + (field.label ?? "?"))
        }
    }

    @Test func bundledBanksFromTheSnapshotEqualAFreshParse() throws {
        let folder = try TemporaryBank([:])
        let snapshot = BankSnapshot(folder: folder.url)
        let fresh = BankLoader.load([Fixtures.bundledBanks])
        // The bundled banks use every field, so a field left out of the snapshot shows.
        #expect(fresh.questions.contains { !$0.assumes.isEmpty })
        #expect(fresh.vocabulary.tags(.roleFamily).contains { $0.industry != nil })
        #expect(fresh.vocabulary.tags(.stage).contains { !$0.wording.isEmpty })
        #expect(fresh.readinessChecks.contains { $0.kind == .sentence } && fresh.readinessChecks.contains { $0.action != $0.why })
        #expect(!fresh.trainingFiles.isEmpty && fresh.modelFile != nil && !fresh.macros.locations.isEmpty)
        expectSame(snapshot.load([Fixtures.bundledBanks]), fresh)
        let stored = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(stored.count == 1)
        let decoded = try BankSnapshot.decode(
            try Data(contentsOf: folder.url.appendingPathComponent(stored[0])),
            expecting: BankSnapshot.Sources(paths: [Fixtures.bundledBanks], program: nil))
        expectSame(decoded, fresh)
        #expect(decoded.question(id: fresh.questions[0].id) == fresh.questions[0])
    }

    @Test func secondLoadComesFromTheSnapshotWithTheSameQuestionsAndProblems() throws {
        let (bank, snapshot, file) = try setUp()
        let first = snapshot.load([bank.path])
        #expect(first.questions.map(\.id) == ["path-one"])
        #expect(first.diagnostics.map(\.description) == ["\(file):14:14: error: 'minutes' is 99; it must be from 1 to 15"])
        // Same size and time, different bytes: only the snapshot still sees the questions.
        try tamper(file, with: "# nothing here\n")
        let second = snapshot.load([bank.path])
        expectSame(second, first)
        #expect(second.question(id: "path-one")?.text == "How did you start?\tReally?")
    }

    @Test func aChangedAddedOrRemovedFileMakesItStale() throws {
        let (bank, snapshot, file) = try setUp()
        _ = snapshot.load([bank.path])
        try (questions + Fixtures.question(id: "path-three")).write(toFile: file, atomically: true, encoding: .utf8)
        #expect(snapshot.load([bank.path]).questionIDs == ["path-one", "path-three"])

        try FileManager.default.createDirectory(atPath: bank.file("more"), withIntermediateDirectories: true)
        try ("questions:\n" + Fixtures.question(id: "extra-one")).write(toFile: bank.file("more/extra.yaml"),
                                                                          atomically: true, encoding: .utf8)
        #expect(snapshot.load([bank.path]).questionIDs == ["extra-one", "path-one", "path-three"])

        try FileManager.default.removeItem(atPath: bank.file("more/extra.yaml"))
        #expect(snapshot.load([bank.path]).questionIDs == ["path-one", "path-three"])
    }

    /// The lint model's files are not bank data files, but the banks name them.
    @Test func aTrainingFileOrLintModelThatAppearsMakesItStale() throws {
        let (bank, snapshot, _) = try setUp()
        #expect(snapshot.load([bank.path]).trainingFiles.isEmpty)
        let folder = bank.file(LintModel.folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let training = folder + "/labelled.yaml", model = folder + "/" + LintModel.fileName
        try "questions: []\n".write(toFile: training, atomically: true, encoding: .utf8)
        #expect(snapshot.load([bank.path]).trainingFiles == [training])
        #expect(snapshot.load([bank.path]).modelFile == nil)
        try Data([1]).write(to: URL(fileURLWithPath: model))
        #expect(snapshot.load([bank.path]).modelFile == model)
    }

    /// The lint model's file is kept in the snapshot, and a changed file replaces it there.
    @Test func aChangedLintModelIsStoredAgain() throws {
        let (bank, snapshot, _) = try setUp()
        let folder = bank.file(LintModel.folder), model = bank.file(LintModel.folder + "/" + LintModel.fileName)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: model))
        #expect(snapshot.load([bank.path]).precompiledRules.decoded().model == Data([1, 2, 3]))
        #expect(snapshot.load([bank.path]).precompiledRules.decoded().model == Data([1, 2, 3]))  // from the snapshot
        try Data([4, 5]).write(to: URL(fileURLWithPath: model))
        #expect(snapshot.load([bank.path]).precompiledRules.decoded().model == Data([4, 5]))
        try FileManager.default.removeItem(atPath: model)
        #expect(snapshot.load([bank.path]).precompiledRules.decoded().model == nil)
    }

    @Test func aFolderThatAppearsMakesItStale() throws {
        let (bank, snapshot, _) = try setUp()
        let later = bank.file("later")
        #expect(snapshot.load([bank.path, later]).diagnostics.map(\.message).contains("no such file or folder"))
        try FileManager.default.createDirectory(atPath: later, withIntermediateDirectories: true)
        #expect(!snapshot.load([bank.path, later]).diagnostics.map(\.message).contains("no such file or folder"))
    }

    @Test func aNewProgramBuildMakesItStale() throws {
        let (bank, _, file) = try setUp()
        let program = bank.file("prepcoach")
        try "build 1".write(toFile: program, atomically: true, encoding: .utf8)
        let snapshot = BankSnapshot(folder: bank.url.appendingPathComponent(".snapshots"), program: program)
        _ = snapshot.load([bank.path])
        try tamper(file, with: "questions: []\n")
        #expect(snapshot.load([bank.path]).questionIDs == ["path-one"])
        try "build 22".write(toFile: program, atomically: true, encoding: .utf8)
        #expect(snapshot.load([bank.path]).questionIDs.isEmpty)
    }

    /// Issue 7: a truncated or damaged snapshot must be noticed, not used.
    @Test(arguments: ["truncated", "byte flipped", "garbage", "empty", "length too large", "length too small"])
    func damagedSnapshotIsRebuilt(damage: String) throws {
        let (bank, snapshot, file) = try setUp()
        let first = snapshot.load([bank.path])
        let stored = snapshot.file(for: [bank.path])
        let original = try Data(contentsOf: stored)
        var damaged = original
        switch damage {
        case "truncated": damaged = original.prefix(original.count * 2 / 3)
        case "byte flipped": damaged[BankSnapshot.headerSize + 5] ^= 0x20
        case "garbage": damaged = Data("prepcoach-banks\ngarbage".utf8)
        case "length too large": damaged[BankSnapshot.magic.count + 7] = 0xFF
        case "length too small": damaged.replaceSubrange(BankSnapshot.magic.count..<(BankSnapshot.magic.count + 8),
                                                         with: Data(count: 8))
        default: damaged = Data()
        }
        try damaged.write(to: stored)
        // The files changed in a way only a re-read sees: a damaged snapshot must not be trusted.
        try tamper(file, with: "questions: []\n")
        let second = snapshot.load([bank.path])
        #expect(second.questions.isEmpty)
        #expect(first.questions.count == 1)
        #expect(throws: SnapshotError.self) {
            try BankSnapshot.decode(damaged, expecting: BankSnapshot.Sources(paths: [bank.path], program: nil))
        }
        // Rewritten whole.
        #expect(try BankSnapshot.decode(try Data(contentsOf: stored),
                                        expecting: BankSnapshot.Sources(paths: [bank.path], program: nil))
            .questions.isEmpty)
    }

    @Test func everyTruncationIsDetected() throws {
        let (bank, snapshot, _) = try setUp()
        _ = snapshot.load([bank.path])
        let original = try Data(contentsOf: snapshot.file(for: [bank.path]))
        let sources = BankSnapshot.Sources(paths: [bank.path], program: nil)
        for length in 0..<original.count {
            #expect(throws: SnapshotError.self) { try BankSnapshot.decode(original.prefix(length), expecting: sources) }
        }
    }
}

/// Anyone who could write the cache folder could plant a snapshot with a question in no bank
/// (the checksum is not keyed): the victim's `pick` then offered it.
@Suite struct PoisonedCacheTests {
    private let planted = "Could you refer me to your hiring manager for the opening?"

    /// A snapshot of the bank plus one planted question, as an attacker would write it.
    private func plant(in snapshot: BankSnapshot, bank: TemporaryBank) throws -> URL {
        let attackers = try TemporaryBank(["tags.yaml": Fixtures.tags, "q.yaml": "questions:\n"
                                           + Fixtures.question(id: "one") + Fixtures.question(id: "two", text: planted)])
        let banks = BankLoader.load([attackers.path])
        let file = snapshot.file(for: [bank.path])
        try FileManager.default.createDirectory(at: snapshot.folder, withIntermediateDirectories: true)
        try BankSnapshot.encode(banks, sources: BankSnapshot.Sources(paths: [bank.path], program: nil)).write(to: file)
        chmod(file.path, 0o600)
        return file
    }

    private func loads(_ snapshot: BankSnapshot, _ bank: TemporaryBank) -> Bool {
        snapshot.load([bank.path]).questions.contains { $0.text == planted }
    }

    private func mode(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1 }

    @Test func aCacheFileOrFolderWritableByOthersIsNeverRead() throws {
        let bank = try TemporaryBank(["tags.yaml": Fixtures.tags, "q.yaml": "questions:\n" + Fixtures.question(id: "one")])
        let snapshot = BankSnapshot(folder: bank.url.appendingPathComponent("cache/prepcoach/snapshots"))
        var file = try plant(in: snapshot, bank: bank)
        #expect(loads(snapshot, bank))  // yours and private: a snapshot is trusted, so the plant must be kept out otherwise
        file = try plant(in: snapshot, bank: bank)
        chmod(file.path, 0o666)
        #expect(!loads(snapshot, bank))
        #expect(mode(file.path) == 0o600)  // rebuilt from the files, private
        #expect(!loads(snapshot, bank))
        file = try plant(in: snapshot, bank: bank)
        chmod(snapshot.folder.path, 0o777)
        #expect(!loads(snapshot, bank))
        chmod(snapshot.folder.path, 0o700)
        if geteuid() == 0 {  // as root, a file of another user's can be made
            file = try plant(in: snapshot, bank: bank)
            chown(file.path, 4242, 4242)
            #expect(!loads(snapshot, bank))
        }
    }

    @Test func theCacheFoldersAndFilesAreCreatedPrivate() throws {
        let bank = try TemporaryBank(["tags.yaml": Fixtures.tags, "q.yaml": "questions:\n" + Fixtures.question(id: "one")])
        let snapshot = BankSnapshot(folder: bank.url.appendingPathComponent("cache/prepcoach/snapshots"))
        _ = snapshot.load([bank.path])
        #expect(mode(snapshot.folder.path) == 0o700)
        #expect(mode(snapshot.folder.deletingLastPathComponent().path) == 0o700)
        #expect(mode(snapshot.file(for: [bank.path]).path) == 0o600)
        var verdicts = LintVerdicts(file: snapshot.verdictsFile(forBankFiles: ["q.yaml"]), engine: ["e"])
        verdicts.record(clean: true, for: planted)
        verdicts.saveIfChanged()
        let file = snapshot.verdictsFile(forBankFiles: ["q.yaml"])
        #expect(mode(file.path) == 0o600)
        #expect(LintVerdicts(file: file, engine: ["e"]).verdict(for: planted) == true)
        // A planted "clean" for a flagged question: never believed from a file others can write.
        chmod(file.path, 0o646)
        #expect(LintVerdicts(file: file, engine: ["e"]).verdict(for: planted) == nil)
    }
}

@Suite struct PrecompiledRulesTests {
    /// The rules' part is checked when the engine is built: damaged, the rules are compiled afresh.
    @Test func damagedCompiledRulesAreNotUsed() throws {
        let folder = try TemporaryBank([:])
        let snapshot = BankSnapshot(folder: folder.url)
        #expect(!snapshot.load([Fixtures.bundledBanks]).precompiledRules.decoded().rules.isEmpty)
        let stored = snapshot.file(for: [Fixtures.bundledBanks])
        var data = try Data(contentsOf: stored)
        data[data.count - 100] ^= 0x01
        try data.write(to: stored)
        let banks = snapshot.load([Fixtures.bundledBanks])
        #expect(!banks.rules.isEmpty)
        #expect(banks.precompiledRules.decoded().rules.isEmpty)
        #expect(banks.precompiledRules.decoded().model == nil)  // so the model is read from its file
    }

    @Test func bundledRulesDecodeAndLintLikeFreshlyCompiledOnes() throws {
        let banks = BankLoader.load([Fixtures.bundledBanks]).compilingRules()
        let decoded = banks.precompiledRules.decoded().rules
        #expect(Set(decoded.keys) == Set(banks.rules.map(\.id)))
        #expect(banks.rules.allSatisfy { decoded[$0.id]?.matches($0, macros: banks.macros) == true })
        let fresh = try RuleEngine(rules: banks.rules, macros: banks.macros)
        let stored = try RuleEngine(rules: banks.rules, macros: banks.macros, precompiled: decoded)
        for example in banks.rules.flatMap({ $0.examples.flag + $0.examples.pass }) {
            #expect(stored.lint(example.text).map(\.rule.id) == fresh.lint(example.text).map(\.rule.id))
        }
    }

    @Test func theBundledLintModelFromTheSnapshotIsTheOneInItsFile() throws {
        let folder = try TemporaryBank([:])
        let snapshot = BankSnapshot(folder: folder.url)
        _ = snapshot.load([Fixtures.bundledBanks])
        let banks = snapshot.load([Fixtures.bundledBanks])
        let file = try #require(banks.modelFile)
        let stored = try #require(banks.precompiledRules.decoded().model)
        #expect(try LintModel(data: stored, file: file) == LintModel(contentsOf: file))
    }

    @Test func aRuleWhoseMacroChangedIsCompiledAgain() throws {
        let banks = BankLoader.load([Fixtures.bundledBanks]).compilingRules()
        let decoded = banks.precompiledRules.decoded().rules
        let usesCompany = try #require(banks.rules.first { $0.patterns.contains { $0.contains("{company}") } })
        var values = banks.macros.values
        values["company"] = "zyx corp"
        let changed = PatternMacros(values)
        #expect(decoded[usesCompany.id]?.matches(usesCompany, macros: banks.macros) == true)
        #expect(decoded[usesCompany.id]?.matches(usesCompany, macros: changed) == false)
        let stored = try RuleEngine(rules: banks.rules, macros: changed, precompiled: decoded)
        let fresh = try RuleEngine(rules: banks.rules, macros: changed)
        let texts = usesCompany.examples.flag.map(\.text)
        for text in texts + texts.map({ $0.lowercased().replacingOccurrences(of: "the company", with: "zyx corp") }) {
            #expect(stored.lint(text).map(\.rule.id) == fresh.lint(text).map(\.rule.id))
        }
    }
}

private extension Equatable {
    func isEqual(to other: Any) -> Bool { (other as? Self) == self }
}
