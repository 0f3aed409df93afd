import ArgumentParser
import PrepCoachCore

struct ListCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List questions, optionally filtered by stage, industry and topic.")

    static let completion = CompletionSpec(options: [
        "--stage": .tags(.stage), "--industry": .tags(.industry), "--topic": .tags(.topic),
        "--referral": nil, "--json": nil,
    ])

    @Option(help: "Only questions that suit this career stage.") var stage: String?
    @Option(help: "Only questions that suit this industry.") var industry: String?
    @Option(name: .customLong("topic"), help: "Only these topics (repeatable).") var topics: [String] = []
    @Flag(help: "Only referral (\"who else should I talk to?\") questions.") var referral = false
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let banks = context.banks(adding: global.banks)
        let vocabulary = banks.vocabulary
        let filter = QuestionFilter(
            stage: try vocabulary.require(.stage, optional: stage),
            industry: try vocabulary.require(.industry, optional: industry),
            topics: try topics.map { try vocabulary.require(.topic, $0) },
            referralOnly: referral)
        try QuestionListPrinter(context: context, json: json).print(banks.questions(matching: filter))
    }
}

struct SearchCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find questions containing all the given words.")

    static let completion = CompletionSpec(options: ["--json": nil])

    @Argument(help: "Words to look for in question text, ids and follow-ups.") var words: [String]
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if words.isEmpty { throw ValidationError("give at least one word to search for") }
    }

    func execute(in context: CommandContext) throws {
        try QuestionListPrinter(context: context, json: json)
            .print(context.banks(adding: global.banks).search(words))
    }
}

struct ShowCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one question in full: tags, minutes, follow-ups, source file.")

    static let completion = CompletionSpec(options: ["--json": nil], positional: .questionIDs)

    @Argument(help: "The question id (Tab completes ids).") var id: String
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let banks = context.banks(adding: global.banks)
        guard let question = banks.question(id: id) else {
            throw CommandFailure("no question with id '\(id)'\(Suggestion.hint(for: id, among: banks.questionIDs))")
        }
        context.console.line(json ? try JSONOutput.encode(QuestionJSON(question))
                                  : QuestionFormatter(style: context.console.style).details(question))
    }
}

/// Prints a list of questions as rows, or as JSON, with a count.
struct QuestionListPrinter {
    let context: CommandContext
    let json: Bool

    func print(_ questions: [Question]) throws {
        if json {
            context.console.line(try JSONOutput.encode(questions.map(QuestionJSON.init)))
            return
        }
        let formatter = QuestionFormatter(style: context.console.style)
        let width = context.console.columns()
        var text = questions.map { TextWrap.wrapped(formatter.row($0), width: width, indent: "    ", firstIndent: "") }.joined(separator: "\n")
        if !questions.isEmpty { text += "\n" }
        context.console.write(text + context.console.style.dim(questions.count.counted("question")) + "\n")
    }
}

struct TagsCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags", abstract: "List the career stages, industries and topics questions are tagged with.")

    static let completion = CompletionSpec(options: ["--json": nil], positional: .tagKinds)

    @Argument(help: "stages, industries, topics, role-families, employment, sizes or seniority (default: all).")
    var kind: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let banks = context.banks(adding: global.banks)
        let kinds = try selectedKinds()
        let counts = QuestionCounts(banks.questions)
        if json {
            let value = Dictionary(uniqueKeysWithValues: kinds.map { kind in
                (kind.listKey, banks.vocabulary.tags(kind).map {
                    TagJSON(id: $0.id, aliases: $0.aliases, description: $0.description, industry: $0.industry,
                            questions: counts[kind, $0.id])
                })
            })
            context.console.line(try JSONOutput.encode(value))
            return
        }
        let style = context.console.style
        var lines: [String] = []
        for kind in kinds {
            if !lines.isEmpty { lines.append("") }
            lines.append(style.bold(kind.listKey.prefix(1).uppercased() + kind.listKey.dropFirst()))
            for tag in banks.vocabulary.tags(kind) {
                let aliases = tag.aliases.isEmpty ? "" : style.dim(" (also: \(tag.aliases.joined(separator: ", ")))")
                let industry = tag.industry.map { style.dim("[\($0)] ") } ?? ""
                let text = industry + tag.description
                    + style.dim(" [\(counts[kind, tag.id].counted("question"))]") + aliases
                lines.append(TextWrap.wrapped(text, width: context.console.columns(), indent: String(repeating: " ", count: 25),
                                              firstIndent: "  \(style.accent(tag.id.rightPadded(to: 22))) "))
            }
        }
        context.console.line(lines.joined(separator: "\n"))
    }

    private func selectedKinds() throws -> [TagKind] {
        guard let kind else { return TagKind.allCases }
        if let match = TagKind.allCases.first(where: { $0.listKey == kind || $0.rawValue == kind }) { return [match] }
        throw CommandFailure("unknown tag kind '\(kind)'; use "
                             + TagKind.allCases.map(\.listKey).joined(separator: ", "))
    }
}

/// How many questions carry each tag itself (a generic `any` question is not
/// counted), counted in one pass over the questions rather than one per tag.
private struct QuestionCounts {
    private var counts: [TagKind: [String: Int]] = [:]

    init(_ questions: [Question]) {
        for question in questions {
            counts[.topic, default: [:]][question.topic, default: 0] += 1
            add(.stage, question.stages)
            add(.industry, question.industries)
            for kind in TagKind.assumable {
                for id in question.assumes[kind] ?? [] { counts[kind, default: [:]][id, default: 0] += 1 }
            }
        }
    }

    private mutating func add(_ kind: TagKind, _ tags: TagSet) {
        guard case let .only(ids) = tags else { return }
        for id in ids { counts[kind, default: [:]][id, default: 0] += 1 }
    }

    subscript(kind: TagKind, id: String) -> Int { counts[kind]?[id] ?? 0 }
}

private struct TagJSON: Encodable {
    let id: String
    let aliases: [String]
    let description: String
    /// For role families.
    let industry: String?
    let questions: Int
}
