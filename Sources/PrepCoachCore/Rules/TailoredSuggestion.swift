import SafeRegex

/// Writes a finding's `try:` line for the question asked rather than one fixed
/// line per rule: a compound question keeps its good part, a research question
/// gets the insider's question about the attribute it asked for (a competitors
/// question, a competitors suggestion), and a closed question is reopened from
/// its own words. Falls back to the rule's own suggestion.
///
/// Not thread-safe (its automata cache states as they go), like `RuleEngine`.
final class TailoredSuggestion {
    private let rules: SuggestionRules
    private let macros: PatternMacros

    /// One automaton finds which of many patterns match in one pass (as the
    /// rules do); the Pike VM then runs only on those, to find where. Built on
    /// first use: most runs print no suggestion.
    private struct Patterns {
        let all: [Pattern]
        let set: PatternSet?

        init(_ sources: [String]) {
            all = sources.compactMap { try? Pattern($0) }
            set = all.count == sources.count ? try? PatternSet(sources) : nil
        }

        /// The indices of the patterns that match, in order, and where each match starts.
        func matches(in text: [UInt8]) -> [(index: Int, range: Range<Int>)] {
            (set?.matchingIndices(in: text) ?? []).sorted().compactMap { index in
                all[index].firstMatch(in: text).map { (index, $0) }
            }
        }
    }

    private lazy var attributes = Patterns(rules.attributes.map { attribute in
        (try? macros.expand("\\b(" + attribute.terms.joined(separator: "|") + ")\\b").text) ?? "$^"
    })
    private lazy var openers = Patterns(rules.reopenings.map { reopening in
        (try? macros.expand("^ (" + reopening.opener + ")(\\b|$)").text) ?? "$^"
    })

    init(_ rules: SuggestionRules, macros: PatternMacros) {
        self.rules = rules
        self.macros = macros
    }

    /// Words that open a question without being part of it.
    private static let fillers: Set<String> = ["so", "and", "but", "also", "ok", "okay", "well", "now"]
    /// Words a second question in the same sentence starts with.
    private static let questionWords: Set<String> = [
        "what", "how", "why", "where", "who", "when", "which", "do", "does", "did", "is", "are", "can", "could",
        "would", "should", "have", "has",
    ]
    private static let joiners: Set<String> = ["and", "also", "plus", "but", "then", "or"]
    /// Words a sentence cannot end on.
    private static let dangling: Set<String> = [
        "about", "to", "whether", "be", "suit", "for", "of", "on", "in", "at", "are", "have", "a", "the", "you",
    ]

    /// The suggestion for one finding on `question`; `lint` judges the parts of a compound question.
    func suggestion(for finding: Finding, in question: String, lint: (String) -> [Finding]) -> String? {
        let category = finding.rule.category
        if [.researchAnswerable, .jobAsk, .compoundOrTooLong].contains(category),
           let kept = keptParts(of: question, lint: lint) {
            return kept
        }
        switch category {
        case .researchAnswerable:
            // A rule's own words say what it matched; the model's finding quotes no words of the question.
            let fromRule = finding.rule.patterns.isEmpty ? nil : attribute(in: " " + finding.matched + " ")
            return fromRule ?? attribute(in: QuestionText.normalizedString(question)) ?? reopened(question)
        case .closedQuestion, .selfFocused:
            return reopened(question)
        default:
            return nil
        }
    }

    /// The suggestion of the attribute named first in a normalised text.
    private func attribute(in text: String) -> String? {
        attributes.matches(in: Array(text.utf8)).min { $0.range.lowerBound < $1.range.lowerBound }
            .map { rules.attributes[$0.index].suggestion }
    }

    /// A compound question's parts that no rule or model finds fault with: the
    /// one good part alone, or both in turn when both are good.
    private func keptParts(of question: String, lint: (String) -> [Finding]) -> String? {
        let parts = Self.parts(of: question)
        guard parts.count > 1 else { return nil }
        let good = parts.filter { part in
            !lint(part).contains { [.researchAnswerable, .jobAsk, .compoundOrTooLong].contains($0.rule.category) }
        }
        guard let first = good.first else { return nil }
        return good.count == 1 ? first : first + " (Once they have answered: \"" + good.dropFirst().joined(separator: " ") + "\")"
    }

    /// The questions a compound question is made of: split after a `?` inside
    /// it, and at "and"/"but"/… or a comma followed by a question word.
    static func parts(of question: String) -> [String] {
        let words = question.split(whereSeparator: \.isWhitespace).map(String.init)
        var parts: [[String]] = [[]]
        for (index, word) in words.enumerated() {
            let bare = Self.bare(word)
            let next = index + 1 < words.count ? Self.bare(words[index + 1]) : ""
            let previous = parts[parts.count - 1].last ?? ""
            let startsQuestion = Self.questionWords.contains(next)
            if !parts[parts.count - 1].isEmpty, joiners.contains(bare), startsQuestion,
               parts[parts.count - 1].count >= 3 {
                parts.append([])
                continue
            }
            if !parts[parts.count - 1].isEmpty, previous.hasSuffix("?") || previous.hasSuffix(",")
                && Self.questionWords.contains(bare) && parts[parts.count - 1].count >= 3 {
                parts.append([])
            }
            parts[parts.count - 1].append(word)
        }
        return parts.filter { $0.count >= 3 }.map(Self.sentence)
    }

    /// A closed question reopened from its own words by the first reopening whose opener it starts with.
    private func reopened(_ question: String) -> String? {
        var normalized = QuestionText.normalizedString(question).split(separator: " ").map(String.init)
        var original = question.split(whereSeparator: \.isWhitespace).map { Self.bare(String($0), keepingCase: true) }
            .filter { !$0.isEmpty }
        // The question's own spelling (names keep their capitals) where the words line up one to one.
        if original.count != normalized.count { original = normalized }
        while let first = normalized.first, Self.fillers.contains(first), normalized.count > 2 {
            normalized.removeFirst()
            original.removeFirst()
        }
        let text = Array((" " + normalized.joined(separator: " ") + " ").utf8)
        for (index, range) in openers.matches(in: text) {
            let reopening = rules.reopenings[index]
            let used = text[..<range.upperBound].split(separator: 0x20).count
            var result = reopening.template
            let opener = normalized.prefix(used)
            for (index, word) in opener.enumerated() {
                result = result.replacingEvery("{\(index + 1)}", with: word)
            }
            // "Was the switch from teaching difficult?": {last} is "difficult", {between} "the switch from teaching".
            result = result.replacingEvery("{last}", with: opener.last ?? "")
                .replacingEvery("{between}", with: original.prefix(used).dropFirst().dropLast().joined(separator: " "))
            let rest = original.dropFirst(used).joined(separator: " ")
            result = rest.isEmpty ? result.replacingEvery(" {rest}", with: "") : result.replacingEvery("{rest}", with: rest)
            let words = result.split(separator: " ").map(String.init)
            // "Do you enjoy?" has nothing to put after "about": a half question is no suggestion.
            if rest.isEmpty, let last = words.last.map({ Self.bare($0) }), Self.dangling.contains(last) { continue }
            return Self.sentence(words)
        }
        return nil
    }

    /// A word without the punctuation around it, lowercased unless asked not to.
    private static func bare(_ word: String, keepingCase: Bool = false) -> String {
        let trimmed = word.trimmingCharacters(in: { !$0.isLetter && !$0.isNumber })
        return keepingCase ? trimmed : trimmed.lowercased()
    }

    /// Words as one question: a capital first, no trailing comma, a `?` at the end.
    private static func sentence(_ words: [String]) -> String {
        var text = words.joined(separator: " ")
        while let last = text.last, ",;:-—".contains(last) || last.isWhitespace { text.removeLast() }
        if let first = text.first { text = first.uppercased() + text.dropFirst() }
        return text.hasSuffix("?") || text.hasSuffix(".") ? text : text + "?"
    }
}

extension String {
    /// Without the leading and trailing characters that match.
    fileprivate func trimmingCharacters(in isTrimmed: (Character) -> Bool) -> String {
        guard let start = firstIndex(where: { !isTrimmed($0) }), let end = lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        return String(self[start...end])
    }
}
