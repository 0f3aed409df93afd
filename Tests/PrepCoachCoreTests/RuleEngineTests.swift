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

    /// Precision and recall on a labelled set of realistic questions (the rules were tuned on it).
    @Test func accuracyOnTheLabelledSet() throws {
        let items = try LintEvaluation.items(path: Fixtures.file("lint-eval.yaml"))
        #expect(items.count >= 250)
        let evaluation = LintEvaluation(items: items, engine: try RuleEngine(rules: bundled.rules, macros: bundled.macros))
        print(evaluation.report)
        for score in evaluation.scores {
            #expect(score.precision >= 0.9, "\(score.category) precision \(score.precision)")
            #expect(score.recall >= 0.9, "\(score.category) recall \(score.recall)")
        }
        #expect(evaluation.okFlaggedAsError.map { "\($0.rule): \($0.item.text)" } == [])
    }

    /// A held-out set written without seeing the rules: reported, and held to
    /// the figures recorded in the README so a change that loses accuracy fails.
    @Test func accuracyOnTheHeldOutSet() throws {
        let items = try LintEvaluation.items(path: Fixtures.file("lint-holdout.yaml"))
        #expect(items.count >= 150)
        let evaluation = LintEvaluation(items: items, engine: try RuleEngine(rules: bundled.rules, macros: bundled.macros))
        print("held-out set:\n" + evaluation.report)
        #expect(evaluation.scores.allSatisfy { $0.precision >= 0.9 })
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

    @Test func researchedCompaniesJoinTheCompanyMacro() throws {
        let (banks, _) = try load(["rule.yaml": Self.rule])
        let engine = try RuleEngine(rules: banks.rules, macros: banks.macros.adding(["globex"], to: "company"))
        #expect(engine.lint("When was Globex founded?").count == 1)
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
