import Foundation
import Testing
@testable import PrepCoachCore

/// Seeded mutations of the bundled data files (whatever `QuestionBanks/` holds),
/// each loaded in-process with the rule engine, a lint and the picker on top:
/// no mutant may crash (a trap kills the test run) or hang the program, every
/// diagnostic points at a file, line and column, and a broken file never stops
/// the other files loading.
///
/// `PREPCOACH_FUZZ_COUNT` runs more mutants (e.g. 20000 before a release),
/// `PREPCOACH_FUZZ_SEED` another sequence of them.
@Suite struct LoaderFuzzTests {
    /// A hang guard, not a benchmark: one case takes milliseconds alone, but the suite
    /// runs beside other tests (and other builds) on two cores.
    static let caseBudget = Duration.seconds(10)

    @Test func mutatedDataFilesNeverCrashHangOrLoseTheOtherFiles() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = max(0, environment["PREPCOACH_FUZZ_COUNT"].flatMap { Int($0) } ?? 1000)
        let seed = environment["PREPCOACH_FUZZ_SEED"].flatMap { UInt64($0) } ?? 7
        let corpus = try FuzzCorpus(bundled: Fixtures.bundledBanks)
        let bank = try TemporaryBank(corpus.base)
        let unmutated = BankLoader.load([bank.path])
        let baseline = LoadedItems(unmutated)
        let commands = try CommandRun(unmutated)
        #expect(baseline.questions.count > 0 && baseline.rules.count > 0 && baseline.checks.count > 0)

        var random = SeededGenerator(seed: seed)
        var slowest = Duration.zero
        for index in 0..<count {
            let target = corpus.files[Int.random(in: corpus.files.indices, using: &random)]
            let mutant = Mutator.mutate(Array(corpus.contents[target]!.utf8), using: &random)
            let file = bank.file(target)
            try Data(mutant).write(to: URL(fileURLWithPath: file))
            defer { corpus.restore(target, in: bank) }
            let label = "mutant \(index) (seed \(seed)) of \(target)"

            let started = ContinuousClock.now
            let banks = BankLoader.load([bank.path])
            commands.run(banks)
            let elapsed = ContinuousClock.now - started
            slowest = max(slowest, elapsed)

            #expect(elapsed < Self.caseBudget, "\(label) took \(elapsed)\(Self.keep(mutant, index))")
            for diagnostic in banks.diagnostics {
                let location = diagnostic.location
                #expect(banks.files.contains(location.file) && location.line >= 1 && location.column >= 1,
                        "\(label): diagnostic without a place: \(diagnostic)")
            }
            let missing = baseline.missing(from: LoadedItems(banks), mutated: file, kind: corpus.kinds[target])
            #expect(missing.isEmpty, "\(label) stopped other files loading: \(missing)\(Self.keep(mutant, index))")
        }
        print("loader fuzz: \(count) mutants, slowest \(slowest)")
    }

    @Test func aBrokenFileOfEachKindLeavesTheOtherFilesLoaded() throws {
        let corpus = try FuzzCorpus(bundled: Fixtures.bundledBanks)
        let bank = try TemporaryBank(corpus.base)
        let baseline = LoadedItems(BankLoader.load([bank.path]))
        for target in corpus.base.keys.sorted() {
            try "questions: [unclosed\n".write(toFile: bank.file(target), atomically: false, encoding: .utf8)
            defer { corpus.restore(target, in: bank) }
            let banks = BankLoader.load([bank.path])
            #expect(banks.diagnostics.contains { $0.location.file == bank.file(target) && $0.message.hasPrefix("YAML syntax") },
                    "\(target)")
            #expect(baseline.missing(from: LoadedItems(banks), mutated: bank.file(target), kind: corpus.kinds[target]).isEmpty,
                    "\(target)")
        }
    }

    /// Saves a failing mutant where it can be opened, and says where.
    private static func keep(_ mutant: [UInt8], _ index: Int) -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("prepcoach-fuzz-mutant-\(index).yaml")
        return (try? Data(mutant).write(to: file)).map { "; saved as \(file.path)" } ?? ""
    }
}

/// What a command does with loaded banks: build the rule engine, lint, pick a plan.
/// The engine for the unmutated rules is built once: building it is most of a case's time.
struct CommandRun {
    let unmutated: Banks
    let engine: RuleEngine

    init(_ unmutated: Banks) throws {
        self.unmutated = unmutated
        engine = try RuleEngine(rules: unmutated.rules, macros: unmutated.macros)
    }

    func run(_ banks: Banks) {
        let sameRules = banks.rules == unmutated.rules && banks.macros.values == unmutated.macros.values
        let engine = sameRules ? engine : try? RuleEngine(rules: banks.rules, macros: banks.macros)
        if let engine {
            for question in banks.questions.prefix(5) { _ = engine.lint(question.text) }
            _ = engine.exampleFailures()
        }
        let request = PlanRequest(stage: banks.vocabulary.ids(.stage).first ?? "student",
                                  industry: banks.vocabulary.ids(.industry).first ?? "law")
        _ = try? QuestionPicker(banks: banks).pick(request) { question in
            engine.map { !$0.lint(question.text).contains { $0.rule.severity == .error } } ?? true
        }
    }
}

/// The bundled files to mutate, and the small bank each mutant is loaded in
/// (so thousands run in seconds): the top-level files, the macros, and one
/// file of each folder, with referral questions where there are any (so the
/// picker can build a plan).
struct FuzzCorpus {
    /// Relative paths of every bundled data file.
    let files: [String]
    let contents: [String: String]
    let kinds: [String: BankFileKind]
    let base: [String: String]

    init(bundled root: String) throws {
        var diagnostics: [Diagnostic] = []
        let paths = BankLoader.dataFiles(in: [root], diagnostics: &diagnostics)
        var contents: [String: String] = [:]
        var kinds: [String: BankFileKind] = [:]
        for path in paths {
            let file = String(path.dropFirst(root.count + 1)), text = try String(contentsOfFile: path, encoding: .utf8)
            contents[file] = text
            if case let .success(document?) = YAMLDocument.parse(path: file, contents: text) {
                kinds[file] = try? BankFileKind.of(document).get()
            }
        }
        let files = contents.keys.sorted()
        let folders = Dictionary(grouping: files) { ($0 as NSString).deletingLastPathComponent }
        let chosen = folders.flatMap { folder, inFolder -> [String] in
            if folder.isEmpty { return inFolder }
            let macros = inFolder.filter { kinds[$0] == .macros }
            let others = inFolder.filter { kinds[$0] != .macros }
            let representative = others.first { contents[$0]!.contains("referral: true") } ?? others.first
            return macros + (representative.map { [$0] } ?? [])
        }
        self.files = files
        self.contents = contents
        self.kinds = kinds
        base = contents.filter { chosen.contains($0.key) }
    }

    /// Puts the unmutated file back (or removes it when it is not part of the base bank).
    func restore(_ file: String, in bank: TemporaryBank) {
        if let original = base[file] {
            try? original.write(toFile: bank.file(file), atomically: false, encoding: .utf8)
        } else {
            try? FileManager.default.removeItem(atPath: bank.file(file))
        }
    }
}

/// The ids loaded from each file, to check that a broken file takes nothing else with it.
struct LoadedItems {
    var questions: [String: Set<String>] = [:]
    var rules: [String: Set<String>] = [:]
    let checks: Set<String>

    init(_ banks: Banks) {
        for question in banks.questions { questions[question.location.file, default: []].insert(question.id) }
        for rule in banks.rules { rules[rule.location.file, default: []].insert(rule.id) }
        checks = Set(banks.readinessChecks.map(\.id))
    }

    /// Items of unmutated files missing from `loaded`. Questions depend on the
    /// tags, rules on the macros, so they count only while those are intact.
    func missing(from loaded: LoadedItems, mutated file: String, kind: BankFileKind?) -> [String] {
        func lost(_ items: [String: Set<String>], _ now: [String: Set<String>]) -> [String] {
            items.filter { $0.key != file }.flatMap { path, ids in ids.subtracting(now[path] ?? []).sorted().map { "\(path): \($0)" } }
        }
        return (kind == .tags ? [] : lost(questions, loaded.questions))
            + (kind == .macros ? [] : lost(rules, loaded.rules))
            + (kind == .readiness ? [] : checks.subtracting(loaded.checks).sorted())
    }
}

/// Deterministic damage to a data file: the byte-, line- and value-level
/// mistakes careless editing makes, and the inputs a hostile one would try.
enum Mutator {
    static func mutate(_ bytes: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            bytes = mutateOnce(bytes, using: &random)
        }
        return bytes
    }

    private static func mutateOnce(_ bytes: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
        var bytes = bytes
        let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<10, using: &random) {
        case 0:
            if !bytes.isEmpty { bytes[position] = UInt8.random(in: 0...255, using: &random) }
        case 1:
            bytes.removeSubrange(position...)
        case 2:
            bytes.insert(contentsOf: Array(random.pick(fragments).utf8), at: position)
        case 3:
            bytes.insert(contentsOf: random.pick(invalidUTF8), at: position)
        case 4:
            var lines = splitLines(bytes)
            let line = Int.random(in: lines.indices, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: lines.insert(lines[line], at: Int.random(in: lines.indices, using: &random))
            case 1: lines.remove(at: line)
            case 2: lines.swapAt(line, Int.random(in: lines.indices, using: &random))
            default: lines[line] = Array(lines[line].drop(while: { $0 == 0x20 }))
            }
            bytes = joinLines(lines)
        case 5, 6, 7:
            // The value after `key:` or `- ` replaced: wrong types, hostile patterns, huge numbers.
            var lines = splitLines(bytes)
            let line = Int.random(in: lines.indices, using: &random)
            let text = lines[line]
            let cut = text.firstRange(of: Array(": ".utf8))?.upperBound ?? text.firstRange(of: Array("- ".utf8))?.upperBound
            let value = random.pick(values)
            lines[line] = Array(text[..<(cut ?? text.endIndex)]) + Array((cut == nil ? " " + value : value).utf8)
            bytes = joinLines(lines)
        case 8:
            bytes += Array(("\n" + random.pick(appended) + "\n").utf8)
        default:
            bytes = Array(random.pick(wholeFiles).utf8)
        }
        return bytes
    }

    private static func splitLines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    }

    private static func joinLines(_ lines: [[UInt8]]) -> [UInt8] {
        Array(lines.joined(separator: [0x0A]))
    }

    static let fragments = [
        ": ", "- ", "[", "]", "{", "}", "&a ", "*a", "!", "|", ">", "'", "\"", "%", "@", "`", "\t", "\0", "#",
        "? ", "---\n", "...\n", "!!binary ", "!<tag:x> ", "&a [1, *a]", "\r", "\u{FEFF}", "\u{202E}", "\u{1F600}",
        "\\", "\n  ", "\n- ", ": |\n", ": >-\n", "<<: *a\n",
    ]

    static let invalidUTF8: [[UInt8]] = [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF]]

    static let longLine = String(repeating: "what is your company ", count: 5_000)

    static let values = [
        "9223372036854775807", "-9223372036854775808", "99999999999999999999999", "-1", "0", "1e400", ".nan",
        "0x10", "~", "null", "", "''", "\"\"", "{a: 1}", "[x, y]", "[[[[[[]]]]]]", "|", ">",
        "\"\\u0000\"", "\"\\uD800\"", "'(a+)+b'", "'(x*)*y{1000}'", "'a{100}{100}{100}'", "'a{99999999999999999999}'",
        "'((((((((((a'", "'a))))'", "'[a-'", "'\\\\'", "'{nosuchmacro}'", "'{company}{company}{company}{company}'",
        "'(.*.*.*.*.*.*.*.*)*z'", "'(a|aa|aaa)*b{100}'", "'\\b\\B\\<\\>'", "'(|a)*'", "'x**'", "'[^]'",
        "'" + String(repeating: "(", count: 500) + "a" + String(repeating: ")", count: 500) + "'",
        "'" + String(repeating: "(a|b)*", count: 300) + "'",
        "'" + String(repeating: "a?", count: 2_000) + String(repeating: "a", count: 2_000) + "'",
        longLine, "\"" + longLine + "\"", String(repeating: "[", count: 10_000), "*undefined", "&anchor value",
        "!!int 12", "!!map {}", "yes", "No", "true", "{company", "}",
    ]

    /// Lines appended at the end: duplicate keys, self-referencing macros, wrong types at top level.
    static let appended = [
        "  loop: 'a|{loop}'", "  company: '{company}'", "  self: '{self}'", "macros: {x: '{x}'}",
        "questions: {not: a list}", "questions: []", "checks: 5", "topics: [a, b]", "id: dup", "patterns: '(a+)+'",
        "examples: {flag: [], pass: []}", "stages:\n  - id: Bad Id\n    description: x", String(repeating: "- ", count: 5_000),
        "  - " + longLine,
    ]

    static let billionLaughs = (1...8).map { level in
        let item = level == 1 ? "\"lol\"" : "*l\(level - 1)"
        return "l\(level): &l\(level) [" + Array(repeating: item, count: 9).joined(separator: ",") + "]"
    }.joined(separator: "\n")

    static let wholeFiles = [
        "", "\0", "---\n---\n", "- a\n- b", "[", String(repeating: "[", count: 100_000), String(repeating: "{a: ", count: 20_000),
        String(repeating: "- ", count: 50_000) + "x", billionLaughs + "\nquestions: *l8\ntopics: *l8\nchecks: *l8\nmacros: *l8",
        billionLaughs + "\n? *l8\n: x\n? *l7\n: y", "questions:\n" + String(repeating: "  - *a\n", count: 1_000),
        "a: &a\n  b: *a",
    ]
}
