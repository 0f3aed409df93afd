import Foundation

/// Loads bank folders (and single files) into `Banks`.
///
/// All files are parsed first so the vocabulary from every `tags.yaml` is known
/// before any question is checked against it. A file that does not parse is
/// reported and skipped; everything else still loads.
public enum BankLoader {
    public static func load(_ paths: [String]) -> Banks {
        var banks = Banks()
        banks.files = dataFiles(in: paths, diagnostics: &banks.diagnostics)
        for folder in paths {
            let model = modelFiles(in: folder)
            banks.trainingFiles += model.training
            if FileManager.default.fileExists(atPath: model.model) { banks.modelFile = model.model }
        }
        // Every file is read (and all but question files parsed) on all cores;
        // question files wait for the vocabulary they are checked against.
        let files = Parallel.map(banks.files.count) { index in FirstPass(file: banks.files[index]) }
        var documents: [(kind: BankFileKind, document: YAMLDocument)] = []
        for pass in files {
            banks.diagnostics += pass.diagnostics
            if let parsed = pass.parsed { documents.append(parsed) }
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
        let titleReader = TitleVocabularyReader(vocabulary: banks.vocabulary)
        each(.titles) { titleReader.read($0, into: &banks.titles, reader: &$1) }
        each(.macros) { RuleReader.readMacros($0, into: &banks.macros, reader: &$1) }
        banks.diagnostics += banks.macros.resolveReferences()
        each(.suggestions) { SuggestionRulesReader.read($0, macros: banks.macros, into: &banks.suggestionRules, reader: &$1) }
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
        let askedBack = AskedBackReader(questionReader: QuestionBankReader(vocabulary: banks.vocabulary),
                                        ruleReader: ruleReader)
        each(.askedBack) { askedBack.read($0, into: &banks, reader: &$1) }
        let sources = files.compactMap { pass -> QuestionFiles.Source? in
            if case let (file, text)? = pass.questionText { return .text(file: file, text: text) }
            return pass.parsed.flatMap { $0.kind == .questions ? .document($0.document) : nil }
        }
        let (questions, diagnostics) = QuestionFiles(reader: QuestionBankReader(vocabulary: banks.vocabulary)).read(sources)
        banks.diagnostics += diagnostics
        for rule in rules {
            if let first = banks.rule(id: rule.id) {
                banks.diagnostics.append(Diagnostic(.error, at: rule.location,
                                                    "duplicate rule id '\(rule.id)'; first defined at \(first.location)"))
            } else {
                banks.rules.append(rule)
            }
        }
        banks.reserveCapacity(forQuestions: questions.count)
        for question in questions {
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
            let found = FolderListing.everything(under: path)
                .filter { extensions.contains(($0 as NSString).pathExtension) && !$0.hasPrefix(LintModel.folder + "/") }
                .sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            files += found
        }
        // The same file named twice (a folder and a file in it) is read once.
        var seen: Set<String> = []
        return files.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
    }

    /// A bank folder's `model/` folder: its labelled `.yaml` files, sorted, and
    /// where the lint model would be (it may not exist).
    static func modelFiles(in folder: String) -> (training: [String], model: String) {
        let model = (folder as NSString).appendingPathComponent(LintModel.folder)
        let training = (FolderListing.entries(of: model)?.map(\.name) ?? [])
            .filter { ["yaml", "yml"].contains(($0 as NSString).pathExtension) }
            .sorted()
            .map { (model as NSString).appendingPathComponent($0) }
        return (training, (model as NSString).appendingPathComponent(LintModel.fileName))
    }
}

/// What a data file holds, told by its top-level keys.
enum BankFileKind: Equatable {
    case tags, questions, rule, macros, suggestions, readiness, titles, askedBack

    init?(keys: Set<String>) {
        if keys.contains("questions") {
            self = .questions
        } else if !keys.isDisjoint(with: ["asked-back", "concrete-ask"]) {
            self = .askedBack
        } else if keys.contains("checks") {
            self = .readiness
        } else if !keys.isDisjoint(with: TitleVocabularyReader.topLevelKeys) {
            // Before tags: `employment-words` and the like are not `employment`.
            self = .titles
        } else if keys.contains("macros") {
            self = .macros
        } else if !keys.isDisjoint(with: SuggestionRulesReader.topLevelKeys) {
            self = .suggestions
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
                + "a rule ('id:' and 'patterns:'), 'macros:', 'attributes:'/'reopenings:', 'checks:', 'asked-back:' or job-title words ('functions:', 'ranks:')"))
    }
}
