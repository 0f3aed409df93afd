import Foundation
import Testing
@testable import PrepCoachCore

/// The fast path for big question files in the plain shape must read exactly
/// what libyaml reads, and hand everything else to libyaml.
@Suite struct PlainQuestionListTests {
    /// A question in the plain shape.
    private static func plain(_ index: Int) -> String {
        """
          - id: q-\(index)
            text: "How did you come to \\"q-\(index)\\"?"
            topic: career-path
            stages: [any]
            industries: [any]
            minutes: 3

        """
    }

    /// What parsing the file whole with libyaml gives.
    private func whole(_ yaml: String, file: String, vocabulary: TagVocabulary) throws -> ([Question], [Diagnostic]) {
        let parsed = YAMLDocument.parse(path: file, contents: yaml)
        if case let .failure(diagnostic) = parsed { return ([], [diagnostic]) }
        let document = try #require(try parsed.get())
        var reader = NodeReader(file: file)
        return (QuestionBankReader(vocabulary: vocabulary).read(document, reader: &reader), reader.diagnostics)
    }

    /// The fast path's tree of the items in `range` (byte offsets), nil when it hands them to libyaml.
    private func plainRoot(_ yaml: String, _ range: Range<Int>, firstLine: Int, indent: Int = 2) -> PlainNode? {
        yaml.utf8.withContiguousStorageIfAvailable {
            PlainQuestionList.root(of: $0, range: range, firstLine: firstLine, indent: indent)
        } ?? nil
    }

    /// Every bundled question file's items (comments, followups, assumptions,
    /// referrals, escaped quotes), their ids made unique, four times over: big
    /// enough to be read in pieces.
    private func bundledQuestionsFourTimes() throws -> String {
        let folder = Fixtures.bundledBanks + "/questions"
        let items = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { file -> String in
                let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
                return String(text[try #require(text.range(of: "questions:\n")).upperBound...])
            }.joined()
        return "# The bundled questions, four times\nquestions:\n" + (0..<4).map { copy in
            items.replacingOccurrences(of: "- id: ", with: "- id: copy\(copy)-")
        }.joined()
    }

    @Test func theBundledQuestionsReadInPlaceAreWhatLibyamlReads() throws {
        let yaml = try bundledQuestionsFourTimes()
        let tags = try String(contentsOfFile: Fixtures.bundledBanks + "/tags.yaml", encoding: .utf8)
        let bank = try TemporaryBank(["tags.yaml": tags, "q.yaml": yaml])
        let banks = BankLoader.load([bank.path])
        let file = bank.file("q.yaml")
        // Every piece is read by the fast path, without a problem.
        let pieces = try #require(QuestionFileSplitter.pieces(of: yaml, count: 4))
        for piece in pieces {
            let root = try #require(plainRoot(yaml, piece.bytes, firstLine: piece.firstLine, indent: piece.indent))
            var reader = NodeReader(file: file)
            #expect(!QuestionBankReader(vocabulary: banks.vocabulary).read(root: root, reader: &reader).isEmpty)
            #expect(reader.diagnostics.isEmpty)
        }
        let (questions, diagnostics) = try whole(yaml, file: file, vocabulary: banks.vocabulary)
        #expect(diagnostics.isEmpty)
        #expect(banks.diagnostics == diagnostics)
        // Equal questions have equal text, tags, followups, assumptions and file:line:col.
        #expect(banks.questions == questions)
        #expect(banks.questions.count == BankLoader.load([Fixtures.bundledBanks]).questions.count * 4)
    }

    /// What falls outside the plain shape, as one question's lines.
    static let unusual: [(shape: String, from: String, to: String)] = [
        ("a tab", #"text: "How"#, "text: \"How\t"),
        ("another escape", #"text: "How"#, #"text: "How\n"#),
        ("a comment after a value", "minutes: 3", "minutes: 3 # short"),
        ("an anchor", "topic: career-path", "topic: &t career-path"),
        ("a plain text", #"text: "How did you come to \"q-700\"?""#, "text: How did you come to it?"),
        ("single quotes", #"text: "How did you come to \"q-700\"?""#, "text: 'How did you come to it?'"),
        ("a key twice", "minutes: 3", "minutes: 3\n    minutes: 4"),
        ("a key without a value", "minutes: 3", "minutes:"),
        ("a trailing comma", "stages: [any]", "stages: [student, ]"),
        ("an empty list", "stages: [any]", "stages: []"),
        ("a line separator", #"text: "How"#, "text: \"How\u{2028}"),
        ("a carriage return", "minutes: 3", "minutes: 3\r"),
        ("a list at its key's indentation", "stages: [any]", "stages:\n    - student"),
        ("a string over two lines", #"text: "How"#, "text: \"How\n      now"),
        ("an unknown field", "minutes: 3", "minutes: 3\n    minute: 3"),
    ]

    @Test(arguments: unusual)
    func anythingElseIsLeftToLibyamlAndLoadsAsAWholeParseDoes(_ shape: String, from: String, to: String) throws {
        let question = Self.plain(700)
        let changed = question.replacingOccurrences(of: from, with: to)
        #expect(changed != question, "\(shape): nothing replaced")
        // In a big file, the piece holding it goes through libyaml: the load is what a whole parse gives.
        let yaml = "questions:\n" + (0..<2000).map { $0 == 700 ? changed : Self.plain($0) }.joined()
        let bank = try TemporaryBank(["tags.yaml": Fixtures.tags, "q.yaml": yaml])
        let banks = BankLoader.load([bank.path])
        let (questions, diagnostics) = try whole(yaml, file: bank.file("q.yaml"), vocabulary: banks.vocabulary)
        #expect(banks.questions.map(\.location) == questions.map(\.location), "\(shape)")
        #expect(banks.questions == questions, "\(shape)")
        #expect(banks.diagnostics == diagnostics, "\(shape)")
        // On its own: either not the plain shape, or a problem for the reader, which sends it to libyaml.
        let alone = "questions:\n" + changed
        if let root = plainRoot(alone, "questions:\n".utf8.count..<alone.utf8.count, firstLine: 2) {
            var reader = NodeReader(file: "q.yaml")
            _ = QuestionBankReader(vocabulary: banks.vocabulary).read(root: root, reader: &reader)
            #expect(!reader.diagnostics.isEmpty, "\(shape)")
        }
    }

    /// Seeded mutants of the bundled question files (the loader fuzz test's
    /// mutations), read by the fast path: it never traps, and whatever it takes
    /// without a problem is exactly what libyaml reads from the same file.
    /// (40,000 mutants found one difference, now fixed: a list with no item left.)
    @Test func mutantsTheFastPathTakesReadAsLibyamlReadsThem() throws {
        let folder = Fixtures.bundledBanks + "/questions"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
        let vocabulary = BankLoader.load([Fixtures.bundledBanks]).vocabulary
        var random = SeededGenerator(seed: 11)
        var taken = 0
        for index in 0..<3_000 {
            let original = random.pick(files)
            let header = String(original[..<(try #require(original.range(of: "questions:\n"))).upperBound])
            let yaml = String(decoding: Mutator.mutate(Array(original.utf8), using: &random), as: UTF8.self)
            // The fast path reads the items after the header; a mutant header is libyaml's alone.
            guard yaml.hasPrefix(header) else { continue }
            let firstLine = header.utf8.filter { $0 == UInt8(ascii: "\n") }.count + 1
            guard let root = plainRoot(yaml, header.utf8.count..<yaml.utf8.count, firstLine: firstLine) else { continue }
            var reader = NodeReader(file: "q.yaml")
            let fast = QuestionBankReader(vocabulary: vocabulary).read(root: root, reader: &reader)
            guard reader.diagnostics.isEmpty else { continue }
            taken += 1
            let (questions, diagnostics) = try whole(yaml, file: "q.yaml", vocabulary: vocabulary)
            #expect(diagnostics.isEmpty && fast == questions && fast.map(\.location) == questions.map(\.location),
                    "mutant \(index): the fast path read what libyaml reads otherwise")
        }
        // Most mutants break the shape; enough must pass for the comparison to mean something.
        #expect(taken > 100, "only \(taken) mutants taken by the fast path")
    }

    @Test func aListWithNoItemIsLeftToLibyaml() {
        let yaml = "questions:\n\n# nothing yet\n"
        #expect(plainRoot(yaml, "questions:\n".utf8.count..<yaml.utf8.count, firstLine: 2) == nil)
    }

    @Test func theShapeItselfIsReadWithItsPlaces() throws {
        let yaml = "questions:\n" + Self.plain(1) + "    followups:\n      - \"Why?\"\n      - \"How \\\\ so?\"\n"
        let root = try #require(plainRoot(yaml, "questions:\n".utf8.count..<yaml.utf8.count, firstLine: 2))
        let question = try #require(root.pairs?.first?.value.items?.first)
        func place(_ node: PlainNode?) -> [Int]? { node?.position.map { [$0.line, $0.column] } }
        #expect(place(question) == [2, 5])
        let fields = Dictionary(uniqueKeysWithValues: try #require(question.pairs).map { ($0.key.text!, $0.value) })
        #expect(fields["text"]?.text == #"How did you come to "q-1"?"#)
        #expect(place(fields["text"]) == [3, 11])
        #expect(fields["stages"]?.items?.map(\.text) == ["any"])
        #expect(fields["followups"]?.items?.map(\.text) == ["Why?", #"How \ so?"#])
        #expect(place(fields["followups"]) == [9, 7])
    }
}
