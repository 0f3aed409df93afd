import ArgumentParser
import Foundation
import PrepCoachCore

struct LintCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check questions against the rules: research-answerable, job asks, weak phrasing.",
        discussion: """
            Give a question (`lint "When was Acme founded?"`), several quoted questions (each checked on its \
            own and numbered `1:`, `2:` …) or files: bank files (.yaml) or text files with one question a \
            line. Each finding prints as `file:line: severity [rule-id] message`, then a better question to \
            ask. Unquoted words are one question (`lint are you hiring`). Exits with status 1 when any finding is an error. Switch a rule off or \
            change its severity in ~/.config/prepcoach/config.yaml (`rules: {closed-question: off}`).
            """)

    static let completion = CompletionSpec(options: ["--json": nil], positional: .files)

    @Argument(help: "Questions to check (quote each), or files of questions.") var input: [String] = []
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if input.isEmpty { throw ValidationError("give a question in quotes, or files of questions") }
    }

    func execute(in context: CommandContext) throws {
        let banks = context.banks(adding: global.banks)
        let (lines, unreadable) = try QuestionSource.lines(from: input, context: context)
        let lint = try context.linter(banks: banks)
        let findings = lines.map { LintedLine(line: $0, findings: lint($0.text)) }
            .filter { !$0.findings.isEmpty }
        if json {
            context.console.line(try JSONOutput.encode(findings.flatMap { item in item.findings.map { FindingJSON(item.line, $0) } }))
        } else {
            FindingPrinter(console: context.console).print(findings, checked: lines.count)
        }
        if unreadable > 0 || findings.contains(where: { $0.findings.contains { $0.rule.severity == .error } }) {
            throw ExitCode.failure
        }
    }
}

/// A question to lint and where it came from: a file's line, or the
/// argument's number when several questions were given (nil for just one).
struct QuestionLine {
    let text: String
    let location: SourceLocation?
    var argument: Int? = nil

    /// `file:line: ` or `N: `, put before each finding; empty for a lone question.
    var place: String? {
        location.map { "\($0.file):\($0.line): " } ?? argument.map { "\($0): " }
    }
}

struct LintedLine {
    let line: QuestionLine
    let findings: [Finding]
}

/// Turns `lint`'s arguments into questions: existing files are read (bank
/// files by their questions, other files a question per line); otherwise each
/// quoted argument is a question of its own, and words typed without quotes
/// (none holding a space) are one question. A word that looks like a path (`notes.txt`,
/// `banks/x.yaml`) but names no file is an error, never a question. A question
/// that cannot be one (over 500 characters, say) is reported at its place and counted.
enum QuestionSource {
    static func lines(from input: [String], context: CommandContext) throws
        -> (questions: [QuestionLine], unreadable: Int) {
        let existing = input.filter { FileManager.default.fileExists(atPath: $0) }
        let missing = input.filter { !existing.contains($0) }
        if existing.isEmpty && !missing.contains(where: looksLikePath) {
            let questions = input.contains { $0.contains(where: \.isWhitespace) } ? input : [input.joined(separator: " ")]
            guard questions.count > 1 else {
                if let problem = Question.problem(with: questions[0]) { throw CommandFailure(problem) }
                return ([QuestionLine(text: questions[0], location: nil)], 0)
            }
            // As in a file: a question that cannot be one is reported by its number, the others still checked.
            var lines: [QuestionLine] = []
            for (index, question) in questions.enumerated() {
                if let problem = Question.problem(with: question) {
                    context.console.error("\(index + 1): \(problem)")
                } else {
                    lines.append(QuestionLine(text: question, location: nil, argument: index + 1))
                }
            }
            return (lines, questions.count - lines.count)
        }
        guard missing.isEmpty else {
            throw CommandFailure("no such file: \(missing.joined(separator: ", ")) (to lint a question, quote it)")
        }
        // A folder with nothing to read is a wrong folder, not a clean bill.
        if let empty = existing.first(where: { BankLoaderPaths.files(in: [$0]).isEmpty }) {
            throw CommandFailure("no question files (.txt, .yaml, .yml) in \(empty)")
        }
        var lines: [QuestionLine] = []
        var unreadable = 0
        for path in BankLoaderPaths.files(in: existing) {
            if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
                let banks = BankLoader.load([context.bundledBanks.map { $0 + "/tags.yaml" }, path].compactMap { $0 })
                banks.diagnostics.forEach(context.console.report)
                unreadable += banks.diagnostics.count { $0.severity == .error }
                lines += banks.questions.filter { $0.location.file == path }
                    .map { QuestionLine(text: $0.text, location: $0.location) }
            } else {
                // A file that is not text (a stray binary in a folder) is reported; the others are still checked.
                let read: [(number: Int, text: String)]
                do {
                    read = try TextFileLines.read(path)
                } catch let failure as CommandFailure {
                    context.console.error(failure.description)
                    unreadable += 1
                    continue
                }
                for (number, text) in read {
                    let location = SourceLocation(file: path, line: number, column: 1)
                    if let problem = Question.problem(with: text) {
                        context.console.report(Diagnostic(.error, at: location, problem))
                        unreadable += 1
                    } else {
                        lines.append(QuestionLine(text: text, location: location))
                    }
                }
            }
        }
        return (lines, unreadable)
    }
}

extension QuestionSource {
    /// One word with a folder separator or a question-file extension.
    static func looksLikePath(_ word: String) -> Bool {
        guard !word.contains(where: \.isWhitespace) else { return false }
        return word.contains("/") || [".txt", ".yaml", ".yml"].contains { word.lowercased().hasSuffix($0) }
    }
}

/// Files under folders, for commands that take both.
enum BankLoaderPaths {
    static func files(in paths: [String]) -> [String] {
        var ignored: [Diagnostic] = []
        return BankLoader.dataFiles(in: paths, extensions: ["yaml", "yml", "txt"], diagnostics: &ignored)
    }
}

/// `file:line: severity [rule-id] message`, then the suggestion, then a summary,
/// wrapped to the terminal with later lines indented.
/// Lines are gathered and written in large pieces: a file of many questions
/// must not cost a system call per printed line.
struct FindingPrinter {
    let console: Console
    private static let flushSize = 1 << 16

    func print(_ items: [LintedLine], checked: Int) {
        let style = console.style
        let width = console.columns()
        var buffer = ""
        func emit(_ line: String) {
            buffer += line
            buffer += "\n"
            if buffer.utf8.count >= Self.flushSize {
                console.write(buffer)
                buffer = ""
            }
        }
        // Counts what is printed: rules of one kind on a question are one finding.
        var count = 0
        for item in items {
            let groups = Self.grouped(item.findings)
            count += groups.count
            for (finding, alsoFlagging) in groups {
                let place = item.line.place ?? ""
                let severity = finding.rule.severity
                let label = severity == .error ? style.error("error") : severity == .warning
                    ? style.warning("warning") : style.accent("suggestion")
                emit(TextWrap.wrapped("\(place)\(label) [\(finding.rule.id)] \(finding.message)", width: width, indent: "    "))
                if item.line.place != nil { emit(TextWrap.wrapped(style.dim(item.line.text), width: width, indent: "    ")) }
                if !alsoFlagging.isEmpty {
                    let ids = alsoFlagging.map { "[\($0.rule.id)]" }.joined(separator: ", ")
                    emit(TextWrap.wrapped(style.dim("also flagged for the same reason by \(ids)"), width: width, indent: "    "))
                }
                emit(TextWrap.wrapped("\(style.good("try:")) \(finding.suggestion)", width: width,
                                      indent: "         ", firstIndent: "    "))
            }
        }
        emit(checked == 0 ? "No questions to check."  // not "No problems" after a file that could not be read
            : count == 0 ? style.good(checked == 1 ? "No problems found." : "No problems in \(checked) questions.")
            : "\(count.counted("finding")) in \(items.count) of \(checked.counted("question")).")
        console.write(buffer)
    }

    /// One finding a kind of problem, the most severe (findings come sorted), with
    /// the other rules that flagged the question for the same kind named after it:
    /// three job-ask rules on "Would you put my name forward for the opening?"
    /// are one problem to fix, not three messages to read. Rules of kind `other`
    /// have nothing in common, and the research check quotes your own notes:
    /// those are each shown.
    static func grouped(_ findings: [Finding]) -> [(lead: Finding, alsoFlagging: [Finding])] {
        var groups: [(lead: Finding, alsoFlagging: [Finding])] = []
        var groupOfCategory: [RuleCategory: Int] = [:]
        for finding in findings {
            let category = finding.rule.category
            let standsAlone = category == .other || finding.rule.id == ResearchAnswerCheck.rule.id
            if !standsAlone, let index = groupOfCategory[category] {
                groups[index].alsoFlagging.append(finding)
            } else {
                if !standsAlone { groupOfCategory[category] = groups.count }
                groups.append((finding, []))
            }
        }
        return groups
    }
}

struct FindingJSON: Encodable {
    let file: String?
    let line: Int?
    /// The question's number among several given as arguments.
    let argument: Int?
    let question, rule, category, severity, message, suggestion, link: String

    init(_ line: QuestionLine, _ finding: Finding) {
        file = line.location?.file
        self.line = line.location?.line
        argument = line.argument
        question = line.text
        rule = finding.rule.id
        category = finding.rule.category.rawValue
        severity = finding.rule.severity.rawValue
        message = finding.message
        suggestion = finding.suggestion
        link = finding.rule.link
    }
}
