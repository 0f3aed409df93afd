import Foundation

/// One data file, read and (unless it holds questions) parsed.
struct FirstPass {
    var diagnostics: [Diagnostic] = []
    var parsed: (kind: BankFileKind, document: YAMLDocument)?
    /// A question file's text, parsed once the vocabulary is known.
    var questionText: (file: String, text: String)?

    init(file: String) {
        guard let text = Self.read(file, diagnostics: &diagnostics) else { return }
        if QuestionFiles.looksLikeQuestions(text) {
            questionText = (file, text)
        } else {
            parsed = Self.parse(file, text, diagnostics: &diagnostics)
        }
    }

    static func parse(_ file: String, _ text: String,
                      diagnostics: inout [Diagnostic]) -> (kind: BankFileKind, document: YAMLDocument)? {
        switch YAMLDocument.parse(path: file, contents: text) {
        case let .failure(diagnostic):
            diagnostics.append(diagnostic)
        case .success(nil):
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: file, line: 1, column: 1), "file is empty"))
        case let .success(document?):
            switch BankFileKind.of(document) {
            case let .success(kind): return (kind, document)
            case let .failure(diagnostic): diagnostics.append(diagnostic)
            }
        }
        return nil
    }

    private static func read(_ file: String, diagnostics: inout [Diagnostic]) -> String? {
        guard let data = FileManager.default.contents(atPath: file) else {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "cannot read file"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1),
                                          "file is not UTF-8 text"))
            return nil
        }
        return text
    }
}

/// Reads the question files on all cores, a big file in pieces
/// (`QuestionFileSplitter`), keeping no node tree longer than one piece.
struct QuestionFiles {
    enum Source {
        /// A file still to parse.
        case text(file: String, text: String)
        /// A question file not recognisable from its first line, parsed with the others.
        case document(YAMLDocument)
    }

    typealias Outcome = (questions: [Question], diagnostics: [Diagnostic])

    let reader: QuestionBankReader

    /// A file whose first line of content is the `questions:` key: it can only be a question file.
    static func looksLikeQuestions(_ text: String) -> Bool {
        var rest = Substring(text)
        while let line = rest.split(separator: "\n", maxSplits: 1).first {
            if line.first(where: { $0 != " " }) != "#" { return line.hasPrefix("questions:") }
            rest = rest[line.endIndex...].dropFirst()
        }
        return false
    }

    /// The questions and problems of every source, in their order.
    func read(_ sources: [Source]) -> Outcome {
        // More pieces than cores: the cores stay busy, and each piece's node tree is small.
        let pieceCount = ProcessInfo.processInfo.activeProcessorCount * 8
        var units: [(source: Int, piece: QuestionFileSplitter.Piece?)] = []
        for (index, source) in sources.enumerated() {
            if case let .text(_, text) = source, let pieces = QuestionFileSplitter.pieces(of: text, count: pieceCount) {
                units += pieces.map { (index, $0) }
            } else {
                units.append((index, nil))
            }
        }
        let results = Parallel.map(units.count) { read(sources[units[$0].source], piece: units[$0].piece) }
        // Appended in place: joining each piece's questions to the file's so far copied them over and over.
        var all: Outcome = ([], [])
        all.questions.reserveCapacity(results.reduce(0) { $0 + ($1?.questions.count ?? 0) })
        var unit = 0
        for (index, source) in sources.enumerated() {
            let pieces = results[unit..<(units[unit...].firstIndex { $0.source != index } ?? units.count)]
            unit = pieces.endIndex
            // A piece that does not parse on its own: the file is read whole, for its real problems.
            for outcome in pieces.contains(where: { $0 == nil }) ? [read(source, piece: nil)] : Array(pieces) {
                all.questions += outcome?.questions ?? []
                all.diagnostics += outcome?.diagnostics ?? []
            }
        }
        return all
    }

    /// The questions of a source, or of one piece of it (nil if the piece does not parse).
    private func read(_ source: Source, piece: QuestionFileSplitter.Piece?) -> Outcome? {
        var diagnostics: [Diagnostic] = []
        let document: YAMLDocument
        switch (source, piece) {
        case let (.text(file, text), piece?):
            if let questions = plainQuestions(file, text, piece) { return (questions, []) }
            guard case let .success(parsed?) = YAMLDocument.parse(path: file, contents: piece.text(in: text)) else {
                return nil
            }
            document = parsed
        case let (.text(file, text), nil):
            guard case let (kind, parsed)? = FirstPass.parse(file, text, diagnostics: &diagnostics), kind == .questions else {
                // A syntax error (a colon in unquoted text) costs only its item; other problems stand as a whole parse gives them.
                let syntax = diagnostics.contains { $0.message.hasPrefix(YAMLDocument.syntaxErrorPrefix) }
                return (syntax ? itemByItem(file, text) : nil) ?? ([], diagnostics)
            }
            document = parsed
        case let (.document(parsed), _):
            document = parsed
        }
        var nodeReader = NodeReader(file: document.path, lineOffset: piece?.lineOffset ?? 0)
        return (reader.read(document, reader: &nodeReader), diagnostics + nodeReader.diagnostics)
    }

    /// A question file that does not parse whole, read item by item: the items that parse are kept,
    /// each one that does not is reported at its own place. Nil when the file is not a plain list
    /// of items, or every item parses alone (the problem lies between them: the whole file's report stands).
    private func itemByItem(_ file: String, _ text: String) -> Outcome? {
        guard let items = QuestionFileSplitter.items(of: text) else { return nil }
        var outcome: Outcome = ([], [])
        var failed = false
        for item in items {
            switch YAMLDocument.parse(path: file, contents: item.text(in: text)) {
            case let .success(document?):
                var nodeReader = NodeReader(file: file, lineOffset: item.lineOffset)
                outcome.questions += reader.read(document, reader: &nodeReader)
                outcome.diagnostics += nodeReader.diagnostics
            case let .failure(problem):
                failed = true
                let place = SourceLocation(file: file, line: problem.location.line + item.lineOffset,
                                           column: problem.location.column)
                outcome.diagnostics.append(Diagnostic(problem.severity, at: place, problem.message))
            case .success(nil):
                break
            }
        }
        return failed ? outcome : nil
    }

    /// The questions of a piece in the plain shape, when every one of them is
    /// valid; nil sends the piece through libyaml, which reports any problem
    /// exactly as it always has.
    private func plainQuestions(_ file: String, _ text: String, _ piece: QuestionFileSplitter.Piece) -> [Question]? {
        text.utf8.withContiguousStorageIfAvailable { utf8 -> [Question]? in
            guard let root = PlainQuestionList.root(of: utf8, range: piece.bytes, firstLine: piece.firstLine,
                                                    indent: piece.indent) else { return nil }
            var nodeReader = NodeReader(file: file)
            let questions = reader.read(root: root, reader: &nodeReader)
            return nodeReader.diagnostics.isEmpty ? questions : nil
        } ?? nil
    }
}
