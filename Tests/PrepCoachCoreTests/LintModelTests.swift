import Foundation
import Testing
@testable import PrepCoachCore

private let bundled = BankLoader.load([Fixtures.bundledBanks])

@Suite struct LintModelTests {
    /// The shipped model must be what `prepcoach train` makes of the shipped data today.
    @Test func shippedModelIsWhatTrainingGivesToday() throws {
        let (items, problems) = try LabelledQuestions.trainingSet(banks: bundled)
        #expect(problems.isEmpty)
        #expect(bundled.trainingFiles.map { ($0 as NSString).lastPathComponent } == ["dev-phrasings-2.yaml", "dev-phrasings-3.yaml", "dev-phrasings.yaml", "training.yaml"])
        let shipped = try #require(FileManager.default.contents(atPath: Fixtures.bundledModel))
        #expect(LintModelTrainer.train(on: items).data == shipped,
                "the shipped lint model is stale: run `prepcoach train` and commit QuestionBanks/model/lint-model.bin")
    }

    /// Generalization, not fit: the model trained without a fixed fifth of the
    /// development set (picked by FNV-1a of the text, so the split never moves)
    /// judges that fifth. The rules were tuned on the whole set, so their row
    /// is fit; the model's and both rows are the held-out figures.
    @Test func heldOutFifthOfTheDevelopmentSetIsJudgedWell() throws {
        let dev = ["dev-phrasings.yaml", "dev-phrasings-2.yaml", "dev-phrasings-3.yaml"].map { LabelledQuestions.read(path: Fixtures.bundledBanks + "/model/" + $0) }
        #expect(dev.allSatisfy(\.problems.isEmpty) && dev.map(\.items.count).reduce(0, +) >= 1_500)
        let heldOut = dev.flatMap(\.items).filter { fnv1a($0.text) % 5 == 0 }
        let heldOutSet = Set(heldOut)
        let model = LintModelTrainer.train(on: try LabelledQuestions.trainingSet(banks: bundled).items.filter { !heldOutSet.contains($0) })
        let rows = try LintEvaluation.Judge.allCases.map { judge in
            (set: "dev fifth (\(heldOut.count))", judge: judge,
             evaluation: LintEvaluation(items: heldOut, engine: try LintEvaluation.engine(judge, banks: bundled, model: model)))
        }
        print(LintEvaluation.table(rows))
        let both = try #require(rows.last?.evaluation)
        for score in both.scores {
            #expect(score.precision >= 0.92 && score.recall >= 0.92, "\(score)")
        }
        #expect(both.okFlaggedAsError.isEmpty, "\(both.okFlaggedAsError.map { "\($0.rule): \($0.item.text)" })")
    }

    private func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    @Test func fileRoundTripsAndRejectsDamage() throws {
        let model = try LintModel(contentsOf: Fixtures.bundledModel)
        #expect(try LintModel(data: model.data) == model)
        #expect(model.data.count < 300_000)
        #expect(throws: LintModelError.self) { try LintModel(data: model.data.dropLast(3)) }
        #expect(throws: LintModelError.self) { try LintModel(data: Data("PCLM".utf8)) }
    }

    @Test func findingsCarryProbabilityWordsAndAreOneWhenTheRuleAgrees() throws {
        let model = try LintModel(contentsOf: Fixtures.bundledModel)
        let opinion = ModelOpinion(model: model, rules: ModelOpinion.rules)
        let modelOnly = try RuleEngine(rules: [], macros: bundled.macros, opinion: opinion)
        let finding = try #require(modelOnly.lint("What prizes has your firm picked up lately?").first)
        #expect(finding.rule.id == "research-answerable-model" && finding.rule.severity == .warning)
        #expect(finding.message.contains("research-answerable at ") && finding.message.contains("weighed most: '"))
        let both = try RuleEngine(rules: bundled.rules, macros: bundled.macros, opinion: opinion)
        #expect(both.lint("When was Acme founded?").map(\.rule.id) == ["research-founding-history"])
        let strict = try RuleEngine(rules: [], macros: bundled.macros,
                                    opinion: ModelOpinion(model: model, rules: ModelOpinion.rules, threshold: 1))
        #expect(strict.lint("What prizes has your firm picked up lately?").isEmpty)
        let jobAskOff = try RuleEngine(rules: [], macros: bundled.macros,
                                       opinion: ModelOpinion(model: model, rules: [ModelOpinion.rules[0]]))
        #expect(jobAskOff.lint("Could you let the hiring manager know I'd be perfect for the designer role?").isEmpty)
    }

    @Test func configSetsTheThresholdAndReportsABadOne() throws {
        let bank = try TemporaryBank(["good.yaml": "rules:\n  job-ask-model: off\nmodel-threshold: 0.75\n",
                                      "bad.yaml": "model-threshold: high\n"])
        let (settings, problems) = RuleSettings.load(path: bank.file("good.yaml"))
        #expect(problems.isEmpty && settings.modelThreshold == 0.75 && settings.choices["job-ask-model"] == .off)
        let (_, bad) = RuleSettings.load(path: bank.file("bad.yaml"))
        #expect(bad.map(\.description) == ["\(bank.file("bad.yaml")):1:18: error: 'model-threshold' must be a probability from 0 to 1, like 0.6"])
    }

    /// A user's labelled file in their bank's model/ folder is training data, not a bank file.
    @Test func userLabelledFilesTrainAndBadLabelsAreReported() throws {
        let bank = try TemporaryBank(["model/mine.yaml": "- {label: job-ask, text: Could you vouch for me with HR?}\n- {label: jobask, text: x}\n"])
        let banks = BankLoader.load([Fixtures.bundledBanks, bank.path])
        #expect(banks.diagnostics.isEmpty)
        #expect(banks.trainingFiles.last == bank.file("model/mine.yaml"))
        let (items, problems) = try LabelledQuestions.trainingSet(banks: banks)
        #expect(items.contains(LintEvaluation.Item(label: "job-ask", text: "Could you vouch for me with HR?")))
        #expect(problems.map(\.description) == [
            "\(bank.file("model/mine.yaml")):2:11: error: unknown label 'jobask' (did you mean 'job-ask'?); "
                + "use one of: research-answerable, job-ask, closed-question, self-focused, compound-or-too-long, other, ok",
        ])
    }
}
