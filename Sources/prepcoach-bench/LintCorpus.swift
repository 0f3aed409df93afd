import Foundation
import PrepCoachCore

/// The inputs of the lint benchmark: questions a line, as `prepcoach lint FILE`
/// reads them, and the rules' patterns a line, as `grep -E -f` reads them.
struct LintCorpus {
    /// Company names in the labelled set, swapped for others so the text varies.
    private static let labelledCompanies = ["Stark Industries", "Acme", "Globex", "Initech"]
    private static let companies = [
        "Acme", "Globex", "Initech", "Northwind", "Contoso", "Umbrella Health", "Wayne Enterprises", "Hooli",
        "Vandelay Industries", "Soylent", "Tyrell Labs", "Cyberdyne Systems", "Massive Dynamic", "Blue Harbor Bank",
        "St. Mary's Hospital", "Riverside Council", "Oakridge School District", "Bright Futures Foundation",
    ]
    private static let openings = ["So, ", "Quick question: ", "Out of curiosity, ", "I was wondering, ", "Honestly, "]

    /// The bundled questions and follow-ups, and the labelled set's texts.
    let sources: [String]

    init(bundled: Banks, labelled: [LintEvaluation.Item]) {
        sources = bundled.questions.flatMap { [$0.text] + $0.followups } + labelled.map(\.text)
    }

    func writeQuestions(count: Int, to file: String) throws {
        var random = SeededGenerator(seed: 7)
        var lines: [String] = []
        lines.reserveCapacity(count)
        for _ in 0..<count {
            var text = random.pick(sources)
            for company in Self.labelledCompanies where text.contains(company) {
                text = text.replacingOccurrences(of: company, with: random.pick(Self.companies))
            }
            lines.append(Self.variant(of: text, random: &random))
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
    }

    /// Half the questions as written; the rest cased, punctuated or typed the way people do.
    private static func variant(of text: String, random: inout SeededGenerator) -> String {
        switch random.below(12) {
        case 0: text.lowercased()
        case 1: text.uppercased()
        case 2: text.hasSuffix("?") ? String(text.dropLast()) : text
        case 3: text + "??"
        case 4: random.pick(openings) + text.prefix(1).lowercased() + text.dropFirst()
        case 5: text.replacingOccurrences(of: "'", with: "\u{2019}")  // a word processor's apostrophes
        default: text
        }
    }

    /// Every pattern and exception of the rules, macros expanded.
    static func writePatterns(of rules: [Rule], macros: PatternMacros, to file: String) throws -> Int {
        var lines: [String] = []
        for rule in rules {
            for pattern in rule.patterns + rule.exceptions { lines.append(try macros.expand(pattern).text) }
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        return lines.count
    }
}
