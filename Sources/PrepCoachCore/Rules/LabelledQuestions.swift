import Foundation

/// A file of labelled questions — the evaluation sets and the lint model's
/// training data share one format, a YAML list of
/// `- {label: research-answerable, text: "When was Acme founded?"}`, where the
/// label is a category id or `ok`.
public enum LabelledQuestions {
    public static let labels = RuleCategory.allCases.map(\.rawValue) + ["ok"]

    /// The questions of one file, and a diagnostic at its line and column for each bad entry.
    public static func read(path: String) -> (items: [LintEvaluation.Item], problems: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return ([], [Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), "cannot read file")])
        }
        switch YAMLDocument.parse(path: path, contents: String(decoding: data, as: UTF8.self)) {
        case let .failure(diagnostic): return ([], [diagnostic])
        case .success(nil): return ([], [])
        case let .success(document?):
            var reader = NodeReader(file: path)
            guard let entries = reader.sequence(document.root, field: "labelled questions") else {
                return ([], reader.diagnostics)
            }
            let items = entries.compactMap { entry -> LintEvaluation.Item? in
                guard let fields = reader.fields(of: entry, describing: "a labelled question", known: ["label", "text"]),
                      let labelNode = fields.required("label", reader: &reader),
                      let label = reader.string(labelNode, field: "label"),
                      let text = fields.required("text", reader: &reader).flatMap({ reader.string($0, field: "text") })
                else { return nil }
                guard labels.contains(label) else {
                    reader.error(at: labelNode, "unknown label '\(label)'\(Suggestion.hint(for: label, among: labels)); "
                                 + "use one of: \(labels.joined(separator: ", "))")
                    return nil
                }
                return LintEvaluation.Item(label: label, text: text)
            }
            return (items, reader.diagnostics)
        }
    }

    /// What the lint model learns from: every labelled file in the banks'
    /// `model/` folders, then every rule's own examples — a `flag:` example
    /// of a research-answerable or job-ask rule is that category; any other
    /// example is `ok` unless a rule of those categories flags it — then the
    /// banks' own questions, as `ok`: they are the questions worth asking.
    public static func trainingSet(banks: Banks) throws -> (items: [LintEvaluation.Item], problems: [Diagnostic]) {
        var items: [LintEvaluation.Item] = []
        var problems: [Diagnostic] = []
        for file in banks.trainingFiles {
            let read = read(path: file)
            items += read.items
            problems += read.problems
        }
        let learned: Set<RuleCategory> = Set(LintModelTrainer.categories)
        let engine = try RuleEngine(rules: banks.rules.filter { learned.contains($0.category) }, macros: banks.macros)
        for rule in banks.rules {
            for example in rule.examples.flag + rule.examples.pass {
                let isFlag = learned.contains(rule.category) && rule.examples.flag.contains(example)
                let label = isFlag ? rule.category.rawValue
                    : engine.lint(example.text).first.map(\.rule.category.rawValue) ?? "ok"
                items.append(LintEvaluation.Item(label: label, text: example.text))
            }
        }
        items += banks.questions.map { LintEvaluation.Item(label: "ok", text: $0.text) }
        return (items, problems)
    }
}
