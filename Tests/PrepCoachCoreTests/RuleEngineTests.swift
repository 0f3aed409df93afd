import Foundation
import Testing
@testable import PrepCoachCore

/// The bundled rules, loaded once for all tests in this file.
private let bundled = BankLoader.load([Fixtures.bundledBanks])

@Suite struct BundledRuleTests {
    /// Every rule carries its own examples; this runs them all, as SwiftLint does.
    @Test(arguments: bundled.rules.map(\.id))
    func ruleExamplesHold(id: String) throws {
        let rule = try #require(bundled.rule(id: id))
        let engine = try RuleEngine(rules: [rule], macros: bundled.macros)
        #expect(rule.examples.flag.count >= 3 && rule.examples.pass.count >= 3)
        for failure in engine.exampleFailures() {
            Issue.record("\(failure.diagnostic)")
        }
    }

    /// Issue 23: every pattern is shown to work by a flag: example of its own rule, and every
    /// exception by a pass: example it clears, so a rule file says what each part is for.
    @Test(arguments: bundled.rules.map(\.id))
    func everyPatternAndExceptionIsHitByAnExample(id: String) throws {
        let rule = try #require(bundled.rule(id: id))
        for part in try RuleEngine(rules: [rule], macros: bundled.macros).uncoveredParts() {
            Issue.record("\(part.diagnostic)")
        }
    }

    /// Every bundled rule has a name a person wrote, not the one made from its id.
    @Test func everyRuleHasAWrittenName() {
        for rule in bundled.rules {
            #expect(rule.name != Rule(id: rule.id, category: rule.category, severity: rule.severity, message: "",
                                      suggestion: "", rationale: "", link: "", patterns: [],
                                      examples: rule.examples, location: rule.location).name, "\(rule.id)")
        }
    }

    @Test func bundledRulesCoverEveryCategoryTheIssueNames() {
        let categories = Set(bundled.rules.map(\.category))
        #expect(categories.isSuperset(of: [.researchAnswerable, .jobAsk, .closedQuestion, .selfFocused, .compoundOrTooLong]))
        #expect(bundled.rules.allSatisfy { $0.link.hasPrefix("https://") && !$0.rationale.isEmpty })
    }

    @Test func bundledQuestionsAreClean() throws {
        let engine = try RuleEngine(rules: bundled.rules, macros: bundled.macros)
        for question in bundled.questions {
            let findings = engine.lint(question.text)
            #expect(findings.isEmpty, "\(question.id): \(findings.map(\.rule.id))")
        }
    }

    /// Every labelled set (`lint-eval.yaml`, tuned on, and every `lint-holdout*.yaml`, never tuned on),
    /// judged by the rules alone, the lint model alone and both; held to the figures in the README.
    @Test func accuracyOnEveryLabelledSet() throws {
        let model = try LintModel(contentsOf: Fixtures.bundledModel)
        let sets = LintEvaluation.sets(in: Fixtures.folder)
        #expect(Set(sets.map { ($0 as NSString).lastPathComponent })
            .isSuperset(of: ["lint-eval.yaml", "lint-holdout.yaml", "lint-holdout-2.yaml"]))
        var rows: [(set: String, judge: LintEvaluation.Judge, evaluation: LintEvaluation)] = []
        for file in sets {
            let (items, problems) = LabelledQuestions.read(path: file)
            #expect(problems.isEmpty && items.count >= 150)
            let name = (file as NSString).lastPathComponent
            for judge in LintEvaluation.Judge.allCases {
                let evaluation = LintEvaluation(items: items, engine: try LintEvaluation.engine(judge, banks: bundled, model: model))
                rows.append((name, judge, evaluation))
                // The real published set (word for word from career pages) is held to its own,
                // stricter false-alarm targets by the lint model's tests, not to these figures.
                guard judge != .model, name != "lint-holdout-real.yaml" else { continue }
                #expect(evaluation.okFlaggedAsError.map { "\(name): \($0.rule): \($0.item.text)" } == [])
                for score in evaluation.scores {
                    #expect(score.precision >= 0.9, "\(name) \(judge) \(score.category) precision \(score.precision)")
                    if name == "lint-eval.yaml" {
                        #expect(score.recall >= 0.9, "\(name) \(judge) \(score.category) recall \(score.recall)")
                    }
                }
            }
        }
        print(LintEvaluation.table(rows))
    }

    /// Each rule's suggestion is a question the rules pass: advice must not be flagged by other advice.
    @Test func everySuggestionLintsClean() throws {
        let engine = try RuleEngine(rules: bundled.rules, macros: bundled.macros,
                                    opinion: ModelOpinion(model: try LintModel(contentsOf: Fixtures.bundledModel),
                                                          rules: ModelOpinion.rules))
        for rule in bundled.rules + ModelOpinion.rules + [ResearchAnswerCheck.rule] {
            for question in Suggestions.questions(in: rule.suggestion) {
                #expect(engine.lint(question).map(\.rule.id) == [], "\(rule.id): \(question)")
            }
        }
        for question in bundled.suggestionRules.attributes.map(\.suggestion) {
            #expect(engine.lint(question).map(\.rule.id) == [], "\(question)")
        }
        // A reopened question is the user's own words turned round: the rules must pass it (the
        // model's view of those words is the model's, and it is not what the reopening wrote).
        let rulesOnly = try RuleEngine(rules: bundled.rules, macros: bundled.macros)
        for question in bundled.suggestionRules.reopenings.map(\.expected) {
            #expect(rulesOnly.lint(question).map(\.rule.id) == [], "\(question)")
        }
    }

    /// Issue 23: each attribute's example is a research question whose `try:` line is that attribute's.
    @Test(arguments: bundled.suggestionRules.attributes.map(\.name))
    func researchSuggestionsFollowTheAttributeAsked(name: String) throws {
        let attribute = try #require(bundled.suggestionRules.attributes.first { $0.name == name })
        let engine = try RuleEngine(rules: bundled.rules, macros: bundled.macros, suggestions: bundled.suggestionRules)
        let findings = engine.tailored(engine.lint(attribute.example), for: attribute.example)
        let research = try #require(findings.first { $0.rule.category == .researchAnswerable }, "\(attribute.example)")
        #expect(research.suggestion == attribute.suggestion, "\(attribute.example)")
    }

    /// Each reopening's example is a closed question reopened from its own words as written.
    @Test(arguments: bundled.suggestionRules.reopenings.map(\.example))
    func closedQuestionsAreReopenedFromTheirOwnWords(example: String) throws {
        let reopening = try #require(bundled.suggestionRules.reopenings.first { $0.example == example })
        let engine = try RuleEngine(rules: bundled.rules, macros: bundled.macros, suggestions: bundled.suggestionRules)
        let closed = try #require(engine.tailored(engine.lint(example), for: example).first { $0.rule.id == "closed-question" })
        #expect(closed.suggestion == reopening.expected)
    }

    /// A filler before the question is skipped, names keep their capitals, and a question with
    /// nothing after the opener gets no half sentence ("What do you enjoy most about?").
    @Test func reopeningsHandleFillersNamesAndShortQuestions() throws {
        let engine = try RuleEngine(rules: bundled.rules, macros: bundled.macros, suggestions: bundled.suggestionRules)
        let closed = { (question: String) in
            engine.tailored(engine.lint(question), for: question).first { $0.rule.id == "closed-question" }?.suggestion
        }
        #expect(closed("So, do you travel often?") == "How much does travel shape your week?")
        #expect(closed("Are you happy at Acme Health?") == "What makes you happy at Acme Health?")
        #expect(closed("Is it hard?") == "What makes it hard?")
        #expect(closed("Do you enjoy?")?.hasSuffix("about?") == false)
    }

    /// A compound question keeps its good half; two good halves are asked in turn; the rule's line otherwise.
    @Test func compoundQuestionsKeepTheirGoodPart() throws {
        let engine = try RuleEngine(rules: bundled.rules, macros: bundled.macros, suggestions: bundled.suggestionRules)
        let suggestions = { (question: String) in
            Dictionary(engine.tailored(engine.lint(question), for: question).map { ($0.rule.id, $0.suggestion) }) { a, _ in a }
        }
        let mixed = suggestions("What does the company sell, and what do you enjoy about working there?")
        #expect(mixed["research-what-company-does"] == "What do you enjoy about working there?")
        #expect(mixed["compound-or-too-long"] == "What do you enjoy about working there?")
        #expect(suggestions("How did you get started and what advice would you give someone new?")["compound-or-too-long"]
            == "How did you get started? (Once they have answered: \"What advice would you give someone new?\")")
        let plain = try #require(bundled.rule(id: "research-founding-history"))
        #expect(suggestions("When was Acme founded?")["research-founding-history"] != plain.suggestion
            || plain.suggestion == "What has changed most about the company since you joined?")
    }
}

@Suite struct QuestionTextTests {
    @Test(arguments: [
        ("So... what do you guys ACTUALLY sell?!", " so what do you guys actually sell "),
        ("What's the headcount at Acme's HQ?", " what is the headcount at acme hq "),
        ("You're hiring? I can't tell; won't you say?", " you are hiring i can not tell will not you say "),
        ("Isn't it y'all's call? I'd say I'm sure we've", " is not it y all call i would say i am sure we have "),
        ("Could you look at my résumé — naïvely?", " could you look at my resume naively "),
        ("Let’s talk about the company’s mission", " let us talk about the company mission "),
        ("", " "),
    ])
    func normalisation(input: String, expected: String) {
        #expect(QuestionText.normalizedString(input) == expected)
    }
}

@Suite struct RuleEngineTests {
    private static let rule = """
        id: research-founding
        category: research-answerable
        severity: error
        message: "'{match}' is on the About page."
        suggestion: What has changed since you joined?
        rationale: A web search answers it.
        link: https://example.org/advice
        patterns:
          - '\\bwhen (was|did) {company} (founded|start)\\b'
        exceptions:
          - '\\bwhen did you start\\b'
        examples:
          flag: [When was Acme founded?, When was the company founded?]
          pass: [When did you start in this field?]
        """

    private func load(_ files: [String: String]) throws -> (Banks, TemporaryBank) {
        let bank = try TemporaryBank(files.merging(["macros.yaml": "macros:\n  company: 'the company|you|acme'\n"]) { a, _ in a })
        return (BankLoader.load([bank.path]), bank)
    }

    @Test func flagsWithQuotedMatchAndHonoursExceptions() throws {
        let (banks, _) = try load(["rule.yaml": Self.rule])
        #expect(banks.diagnostics.isEmpty)
        let engine = try RuleEngine(rules: banks.rules, macros: banks.macros)
        let finding = try #require(engine.lint("So, when was ACME founded?").first)
        #expect(finding.message == "'when was acme founded' is on the About page.")
        #expect(engine.lint("When did you start at Acme?").isEmpty)
        #expect(engine.lint("When was Globex founded?").isEmpty)
        #expect(engine.exampleFailures().isEmpty)
    }

    @Test func researchedCompaniesAreSeenAsTheCompany() throws {
        let (banks, _) = try load(["rule.yaml": Self.rule])
        let engine = try RuleEngine(rules: banks.rules, macros: banks.macros, companies: CompanyNames(["Globex"]))
        #expect(engine.lint("When was Globex founded?").count == 1)
    }

    /// Issue 7: past ~390 names, an alternation in every pattern stopped compiling.
    @Test func fiveThousandCompaniesAndAVeryLongNameStillWork() throws {
        let (banks, _) = try load(["rule.yaml": Self.rule])
        let names = (0..<5_000).map { "Company Number \($0) Holdings" } + [String(repeating: "verylongname ", count: 788)]
        let clock = ContinuousClock()
        let start = clock.now
        let engine = try RuleEngine(rules: banks.rules, macros: banks.macros, companies: CompanyNames(names))
        #expect(engine.lint("When was Company Number 4321 Holdings founded?").count == 1)
        #expect(engine.lint("When was Company Number 4321 founded?").isEmpty)
        #expect(engine.lint("When was \(names.last!) founded?").count == 1)
        #expect(ResearchAnswerCheck(notes: names.map { .init(company: $0, text: "founded in 1999") })
            .finding(for: "When was Company Number 17 Holdings founded?") != nil)
        #expect(start.duration(to: clock.now) < .seconds(10))
    }

    @Test func failingExamplesAreReportedAtTheExample() throws {
        let broken = Self.rule.replacingOccurrences(of: "pass: [When did you start in this field?]",
                                                    with: "pass: [When was the company founded?]")
        let (banks, bank) = try load(["rule.yaml": broken])
        let failures = try RuleEngine(rules: banks.rules, macros: banks.macros).exampleFailures()
        #expect(failures.map(\.diagnostic.description)
            == ["\(bank.file("rule.yaml")):14:10: error: rule 'research-founding' flags its own pass example \"When was the company founded?\""])
    }

    @Test func badPatternsAndFieldsAreReportedWithLineAndColumn() throws {
        let bad = Self.rule
            .replacingOccurrences(of: "severity: error", with: "severity: eror")
            .replacingOccurrences(of: "'\\bwhen did you start\\b'", with: "'(?=when)'")
            .replacingOccurrences(of: "'\\bwhen (was|did) {company} (founded|start)\\b'", with: "'when (was|did) {company} (founded'")
        let (banks, bank) = try load(["rule.yaml": bad])
        #expect(banks.rules.isEmpty)
        #expect(banks.diagnostics.map(\.description) == [
            "\(bank.file("rule.yaml")):3:11: error: unknown severity 'eror' (did you mean 'error'?); use one of: error, warning, suggestion",
            "\(bank.file("rule.yaml")):9:31: error: bad pattern: unmatched `(`",
            "\(bank.file("rule.yaml")):11:6: error: bad pattern: look-ahead `(?=` is not supported: the engine never backtracks",
        ])
    }

    /// Issue 23: a macro is a YAML list, one term a line; each term is checked where it is written.
    @Test func macrosAreListsOfTermsCheckedAtTheirLine() throws {
        let bank = try TemporaryBank([
            "macros.yaml": "macros:\n  company:\n    - the company\n    - '(your|this) firm'\n    - acme\n",
            "rule.yaml": Self.rule,
        ])
        let banks = BankLoader.load([bank.path])
        #expect(banks.diagnostics.isEmpty)
        #expect(banks.macros.values["company"] == "the company|(your|this) firm|acme")
        #expect(try RuleEngine(rules: banks.rules, macros: banks.macros).lint("When was this firm founded?").count == 1)
        let bad = try TemporaryBank([
            "macros.yaml": "macros:\n  company:\n    - the company\n    - 'your (firm'\n    - 'acme|globex'\n",
        ])
        #expect(BankLoader.load([bad.path]).diagnostics.map(\.description) == [
            "\(bad.file("macros.yaml")):4:13: error: bad term: unmatched `(`",
            "\(bad.file("macros.yaml")):5:12: error: one term a line: put what follows '|' in an item of its own",
        ])
    }

    /// YAML values are read trimmed, so a pattern's closing space would vanish and `'^ is i '` match "is it".
    @Test func aPatternEndingInASpaceIsAnError() throws {
        let (banks, bank) = try load(["rule.yaml": Self.rule.replacingOccurrences(of: "'\\bwhen did you start\\b'", with: "'\\bwhen did you '")])
        #expect(banks.diagnostics.map(\.description) == [
            "\(bank.file("rule.yaml")):11:20: error: a space at the end of a pattern is dropped when it is read; end the pattern with \\b instead",
        ])
    }

    /// A pattern no flag: example matches, and an exception that clears no pass: example, are named at their line.
    @Test func partsNoExampleHitsAreReportedWhereTheyAreWritten() throws {
        let extra = Self.rule
            .replacingOccurrences(of: "patterns:\n", with: "patterns:\n  - '\\bwho founded\\b'\n")
            .replacingOccurrences(of: "exceptions:\n", with: "exceptions:\n  - '\\bin 1999\\b'\n")
        let (banks, bank) = try load(["rule.yaml": extra])
        #expect(banks.diagnostics.isEmpty)
        let uncovered = try RuleEngine(rules: banks.rules, macros: banks.macros).uncoveredParts()
        #expect(uncovered.map(\.diagnostic.description) == [
            "\(bank.file("rule.yaml")):9:5: error: rule 'research-founding': no flag: example matches this pattern; add one it flags, or remove the pattern",
            "\(bank.file("rule.yaml")):12:5: error: rule 'research-founding': this exception clears no pass: example (one a pattern matches); add one it clears, or remove the exception",
        ])
        #expect(try RuleEngine(rules: BankLoader.load([bank.path]).rules.map { rule in
            Rule(id: rule.id, category: rule.category, severity: rule.severity, message: rule.message,
                 suggestion: rule.suggestion, rationale: rule.rationale, link: rule.link,
                 patterns: Array(rule.patterns.dropFirst()), exceptions: Array(rule.exceptions.dropFirst()),
                 examples: rule.examples, location: rule.location)
        }, macros: banks.macros).uncoveredParts().isEmpty, "the rule as it was is covered")
    }

    @Test func unknownMacroGetsDidYouMean() throws {
        let bad = Self.rule.replacingOccurrences(of: "{company}", with: "{compny}")
        let (banks, _) = try load(["rule.yaml": bad])
        #expect(banks.diagnostics.map(\.message) == ["unknown macro '{compny}' (did you mean '{company}'?)"])
        #expect(banks.diagnostics.first?.location.column == 23)
    }

    @Test func settingsSwitchOffAndReLevelRules() throws {
        let (banks, bank) = try load(["rule.yaml": Self.rule])
        let config = bank.file("config.yaml")
        try "rules:\n  research-founding: warning\n  research-fundng: off\n".write(toFile: config, atomically: true, encoding: .utf8)
        let (settings, problems) = RuleSettings.load(path: config)
        #expect(problems.isEmpty)
        let (rules, unknown) = settings.apply(to: banks.rules)
        #expect(rules.map(\.severity) == [.warning])
        #expect(unknown.map(\.message) == ["no rule has the id 'research-fundng' (did you mean 'research-founding'?)"])
        #expect(unknown.first?.location.line == 3)
        let (off, _) = RuleSettings(["research-founding": .off]).apply(to: banks.rules)
        #expect(off.isEmpty)
    }

    /// A pattern that would take exponential time in a backtracking engine
    /// finishes here: the automaton never backtracks.
    @Test func hostilePatternCannotHang() throws {
        let hostile = Self.rule.replacingOccurrences(of: "'\\bwhen (was|did) {company} (founded|start)\\b'",
                                                     with: "'(a+)+b'")
            .replacingOccurrences(of: "flag: [When was Acme founded?, When was the company founded?]", with: "flag: [aab]")
        let (banks, _) = try load(["rule.yaml": hostile])
        let engine = try RuleEngine(rules: banks.rules, macros: banks.macros)
        let attack = String(repeating: "a", count: 50_000)
        #expect(engine.lint(attack).isEmpty)
        #expect(engine.lint(attack + "b").count == 1)
    }
}

@Suite struct MacroReferenceTests {
    @Test func macrosUseMacrosAndCyclesAreReportedWhereDefined() throws {
        let bank = try TemporaryBank(["macros.yaml": """
            macros:
              fruit: 'apple|{berry}'
              berry: 'straw|blue'
              loop: 'a|{loop}'
              ping: '{pong}'
              pong: '{ping}'
              lost: '{nowhere}'
            """])
        let banks = BankLoader.load([bank.path])
        #expect(try banks.macros.expand("{fruit}").text == "(apple|(straw|blue))")
        #expect(banks.diagnostics.map(\.description).sorted() == [
            "\(bank.file("macros.yaml")):4:9: error: macro 'loop' refers to itself (loop → loop)",
            "\(bank.file("macros.yaml")):5:9: error: macro 'ping' refers to itself (ping → pong → ping)",
            "\(bank.file("macros.yaml")):7:9: error: macro 'lost' uses an unknown macro '{nowhere}'",
        ])
        #expect(banks.macros.values["pong"] == nil && banks.macros.values["loop"] == nil)
    }

    /// A 789-byte macros file of 40 doubling levels made every command abort after taking 5 GB.
    @Test func doublingMacrosAreStoppedAtTheirLineAndColumn() throws {
        let levels = (1...40).map { "  m\($0): '{m\($0 - 1)}{m\($0 - 1)}'" }.joined(separator: "\n")
        let bank = try TemporaryBank(["macros.yaml": "macros:\n  m0: 'abcdefgh'\n" + levels + "\n"])
        let banks = BankLoader.load([bank.path])
        let errors = banks.diagnostics.map(\.description)
        #expect(errors.contains("\(bank.file("macros.yaml")):17:8: error: macro 'm15' expands to more than 256 KB; "
                                + "use fewer or smaller macros"), "\(errors)")
        #expect(banks.macros.values.values.allSatisfy { $0.utf8.count <= PatternMacros.maxExpandedLength })
        #expect(banks.macros.values["m40"] == nil)

        // Many references to one big macro in a pattern are stopped the same way.
        // A macro is a list of terms, each compiled on its own: 1,000 of 56 bytes make one big macro.
        let big = (0..<1_000).map { "    - 'w\($0)" + String(repeating: "x", count: 50) + "'" }.joined(separator: "\n")
        let patterned = try TemporaryBank(["macros.yaml": "macros:\n  big:\n\(big)\n",
                                           "rules/r.yaml": "id: r\ncategory: c\nseverity: warning\nmessage: m\nsuggestion: s\n"
                                               + "rationale: r\nlink: l\npatterns: ['{big}{big}{big}{big}{big}']\n"
                                               + "examples:\n  flag: [b]\n  pass: [c]\n"])
        let diagnostics = BankLoader.load([patterned.path]).diagnostics.map(\.description)
        #expect(diagnostics.contains { $0.contains("r.yaml:8:") && $0.hasSuffix("error: expands to more than 256 KB; use fewer or smaller macros") },
                "\(diagnostics)")
    }

    /// Deep chains of macros are stopped too, at the first too deep.
    @Test func macrosNestedTooDeepAreReported() throws {
        let levels = (1...30).map { "  n\($0): 'x{n\($0 - 1)}'" }.joined(separator: "\n")
        let bank = try TemporaryBank(["macros.yaml": "macros:\n  n0: 'x'\n" + levels + "\n"])
        let errors = BankLoader.load([bank.path]).diagnostics.map(\.message)
        #expect(errors.contains { $0.hasPrefix("macro 'n16' is built from macros more than 16 deep") }, "\(errors)")
    }
}
