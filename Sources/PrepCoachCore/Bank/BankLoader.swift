import Foundation

/// Loads bank folders (and single files) into `Banks`.
///
/// All files are parsed first so the vocabulary from every `tags.yaml` is known
/// before any question is checked against it. A file that does not parse is
/// reported and skipped; everything else still loads.
public enum BankLoader {
    /// With a `cache`, question files unchanged since the last run are not parsed again.
    public static func load(_ paths: [String], cache: BankCache? = nil) -> Banks {
        var banks = Banks()
        var documents: [(kind: BankFileKind, document: YAMLDocument)] = []
        var cached: [(file: String, entry: BankCache.Entry)] = []
        func parse(_ file: String) {
            guard let contents = read(file, diagnostics: &banks.diagnostics) else { return }
            switch YAMLDocument.parse(path: file, contents: contents) {
            case let .failure(diagnostic):
                banks.diagnostics.append(diagnostic)
            case .success(nil):
                banks.diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: file, line: 1, column: 1),
                                                    "file is empty"))
            case let .success(document?):
                switch BankFileKind.of(document) {
                case let .success(kind): documents.append((kind, document))
                case let .failure(diagnostic): banks.diagnostics.append(diagnostic)
                }
            }
        }
        for folder in paths {
            let model = (folder as NSString).appendingPathComponent(LintModel.folder)
            banks.trainingFiles += modelFolderFiles(in: model)
            let file = (model as NSString).appendingPathComponent(LintModel.fileName)
            if FileManager.default.fileExists(atPath: file) { banks.modelFile = file }
        }
        for file in dataFiles(in: paths, diagnostics: &banks.diagnostics) {
            banks.files.append(file)
            if let entry = cache?.entry(for: file) { cached.append((file, entry)) } else { parse(file) }
        }
        // Kinds are read in dependency order: tags before the questions that
        // use them, macros before the rules that expand them.
        func each(_ kind: BankFileKind, _ read: (YAMLDocument, inout NodeReader) -> Void) {
            for (fileKind, document) in documents where fileKind == kind {
                var reader = NodeReader(file: document.path)
                read(document, &reader)
                banks.diagnostics += reader.diagnostics
            }
        }
        each(.tags) { TagVocabularyReader.read($0, into: &banks.vocabulary, reader: &$1) }
        each(.macros) { RuleReader.readMacros($0, into: &banks.macros, reader: &$1) }
        banks.diagnostics += banks.macros.resolveReferences()
        let ruleReader = RuleReader(macros: banks.macros)
        var rules: [Rule] = []
        each(.rule) { document, reader in ruleReader.read(document, reader: &reader).map { rules.append($0) } }
        // Answers are stored by check id: a second check with an id would share the first one's answer.
        each(.readiness) { document, reader in
            for check in ReadinessReader.read(document, reader: &reader) {
                if let first = banks.readinessChecks.first(where: { $0.id == check.id }) {
                    reader.report(Diagnostic(.error, at: check.location,
                                             "duplicate readiness check id '\(check.id)'; first defined at \(first.location)"))
                } else {
                    banks.readinessChecks.append(check)
                }
            }
        }
        // Cached question files count only if checked against this same vocabulary.
        let vocabulary = banks.vocabulary.fingerprint
        var questionsByFile: [String: [Question]] = [:]
        for (file, entry) in cached {
            if entry.vocabulary == vocabulary {
                questionsByFile[file] = entry.questions
                banks.diagnostics += entry.diagnostics
            } else {
                parse(file)
            }
        }
        let questionReader = QuestionBankReader(vocabulary: banks.vocabulary)
        each(.questions) { document, reader in
            let read = questionReader.read(document, reader: &reader)
            questionsByFile[document.path] = read
            cache?.store(BankCache.Entry(vocabulary: vocabulary, questions: read, diagnostics: reader.diagnostics),
                         for: document.path)
        }
        for rule in rules {
            if let first = banks.rule(id: rule.id) {
                banks.diagnostics.append(Diagnostic(.error, at: rule.location,
                                                    "duplicate rule id '\(rule.id)'; first defined at \(first.location)"))
            } else {
                banks.rules.append(rule)
            }
        }
        // In file order whether cached or not, so the same duplicate always wins.
        for question in banks.files.flatMap({ questionsByFile[$0] ?? [] }) {
            if let first = banks.add(question) {
                banks.diagnostics.append(Diagnostic(.error, at: question.location,
                                                    "duplicate question id '\(question.id)'; first defined at \(first.location)"))
            }
        }
        return banks
    }

    /// The files with these extensions under each path (a file named directly
    /// is always included), sorted so load order (and which of two duplicates
    /// wins) does not depend on the file system.
    public static func dataFiles(in paths: [String], extensions: Set<String> = ["yaml", "yml"],
                                 diagnostics: inout [Diagnostic]) -> [String] {
        let fileManager = FileManager.default
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1),
                                              "no such file or folder"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            // The lint model's training files are labelled questions, not bank files.
            let found = (fileManager.enumerator(atPath: path)?.compactMap { $0 as? String } ?? [])
                .filter { extensions.contains(($0 as NSString).pathExtension) && !$0.hasPrefix(LintModel.folder + "/") }
                .sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            files += found
        }
        // The same file named twice (a folder and a file in it) is read once.
        var seen: Set<String> = []
        return files.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
    }

    /// The labelled `.yaml` files in a bank folder's `model/` folder, sorted.
    private static func modelFolderFiles(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { ["yaml", "yml"].contains(($0 as NSString).pathExtension) }
            .sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
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

/// What a data file holds, told by its top-level keys.
enum BankFileKind: Equatable {
    case tags, questions, rule, macros, readiness

    init?(keys: Set<String>) {
        if keys.contains("questions") {
            self = .questions
        } else if keys.contains("checks") {
            self = .readiness
        } else if keys.contains("macros") {
            self = .macros
        } else if keys.contains("patterns") || keys.contains("id") && !keys.isDisjoint(with: ["category", "severity"]) {
            self = .rule
        } else if !keys.isDisjoint(with: TagVocabularyReader.topLevelKinds.map(\.listKey)) {
            self = .tags
        } else {
            return nil
        }
    }

    static func of(_ document: YAMLDocument) -> Result<BankFileKind, Diagnostic> {
        if let kind = BankFileKind(keys: document.root.topLevelKeys) { return .success(kind) }
        return .failure(Diagnostic(
            .error, at: SourceLocation(file: document.path, line: 1, column: 1),
            "not a prepcoach data file: expected a top-level 'questions:' list, 'stages:'/'industries:'/'topics:', "
                + "a rule ('id:' and 'patterns:'), 'macros:' or 'checks:'"))
    }
}
