import ArgumentParser
import PrepCoachCore

/// `rules`: what each lint rule flags and why, so a finding can be understood,
/// trusted or switched off without opening the rule's file.
struct RulesCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the lint rules, or show one: what it flags, why, its examples, how to switch it off.",
        discussion: """
            Without an ID, lists every rule (bundled, your banks', the research-notes check and the lint \
            model's) with its severity and name; a rule your config switches off or re-levels says so. \
            With an ID (as `lint` prints it), shows the rule in full.
            """)

    static let completion = CompletionSpec(positional: .ruleIDs)

    @Argument(help: "A rule id, as `lint` prints it (Tab completes ids).") var id: String?
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let rules = context.banks(adding: global.banks).lintRules
        guard let id else { return list(rules, context: context) }
        guard let rule = rules.first(where: { $0.id == id }) else {
            throw CommandFailure("no rule has the id '\(id)'\(Suggestion.hint(for: id, among: rules.map(\.id))); "
                                 + "`rules` lists them")
        }
        show(rule, context: context)
    }

    private func list(_ rules: [Rule], context: CommandContext) {
        let style = context.console.style
        let width = rules.map(\.id.count).max() ?? 0
        let columns = context.console.columns()
        // A name's later lines go under the name, or under the id on a narrow terminal.
        let nameColumn = 2 + width + 2 + 10 + 2
        let indent = String(repeating: " ", count: nameColumn * 2 <= (columns ?? .max) ? nameColumn : 4)
        var lines: [String] = []
        for category in RuleCategory.allCases {
            let members = rules.filter { $0.category == category }
            guard !members.isEmpty else { continue }
            lines.append(style.accent(category.rawValue))
            for rule in members {
                let padded = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let severity = Self.severity(of: rule, context: context).padding(toLength: 10, withPad: " ", startingAt: 0)
                lines.append(TextWrap.wrapped("  \(padded)  \(severity)  \(rule.name)", width: columns, indent: indent))
            }
        }
        lines.append(TextWrap.wrapped("`rules ID` shows one rule: why, its examples, how to switch it off.", width: columns))
        context.console.line(lines.joined(separator: "\n"))
    }

    private func show(_ rule: Rule, context: CommandContext) {
        let style = context.console.style
        let width = context.console.columns()
        var lines = [TextWrap.wrapped("\(style.accent(rule.id)) — \(rule.name)", width: width, indent: "  "),
                     "  category  \(rule.category.rawValue)",
                     "  severity  \(Self.severity(of: rule, context: context))"]
        let field = { (label: String, text: String) in
            lines.append(TextWrap.wrapped("\(label): \(text)",
                                          width: width, indent: "      ", firstIndent: "  "))
        }
        field("says", rule.message)
        field("why", rule.rationale)
        field("source", rule.link)
        field("try", rule.suggestion)
        if !rule.patterns.isEmpty {
            field("matches", "\(rule.patterns.count.counted("pattern")), \(rule.exceptions.count.counted("exception"))"
                  + " (\(rule.location.file))")
        }
        for (label, examples) in [("flags", rule.examples.flag), ("passes", rule.examples.pass)] where !examples.isEmpty {
            lines.append("  \(label)")
            lines += examples.map { TextWrap.wrapped("· \($0.text)", width: width, indent: "      ", firstIndent: "    ") }
        }
        lines.append(TextWrap.wrapped("To switch it off, add `\(rule.id): off` under `rules:` in your config file "
            + "(\(context.ruleConfigPath ?? "~/.config/prepcoach/config.yaml")); `error`, `warning` or "
            + "`suggestion` there changes its severity.", width: width, indent: ""))
        context.console.line(lines.joined(separator: "\n"))
    }

    /// The rule's severity, and what your config makes of it.
    private static func severity(of rule: Rule, context: CommandContext) -> String {
        switch context.ruleChoice(for: rule.id) {
        case .off?: "off (\(rule.severity.rawValue) by default)"
        case let .severity(chosen)? where chosen != rule.severity: "\(chosen.rawValue) (\(rule.severity.rawValue) by default)"
        default: rule.severity.rawValue
        }
    }
}
