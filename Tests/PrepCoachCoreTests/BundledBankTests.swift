import Testing
@testable import PrepCoachCore

/// The bundled banks are part of the product: they must load cleanly and
/// cover what the README promises.
@Suite struct BundledBankTests {
    let banks = BankLoader.load([Fixtures.bundledBanks])

    @Test func loadWithoutProblems() {
        #expect(banks.diagnostics.map(\.description) == [])
        #expect(banks.questions.count >= 250)
    }

    @Test func vocabularyHasTheStagesAndIndustriesPromised() {
        for stage in ["student", "new-grad", "career-changer", "early-career", "mid-career", "returning-to-work",
                      "aspiring-entrepreneur"] {
            #expect(banks.vocabulary.resolve(.stage, stage) == stage)
        }
        #expect(banks.vocabulary.ids(.industry).count >= 12)
        #expect(banks.vocabulary.ids(.topic).first == "opening")
        #expect(banks.vocabulary.ids(.topic).last == "closing")
    }

    @Test func everyTopicHasQuestionsForEveryStage() {
        #expect(banks.vocabulary.ids(.topic).count >= 9)
        for topic in banks.vocabulary.ids(.topic) {
            for stage in banks.vocabulary.ids(.stage) {
                let count = banks.questions(matching: QuestionFilter(stage: stage, topics: [topic])).count
                #expect(count >= 3, "topic \(topic) × stage \(stage) has \(count) questions")
            }
        }
    }

    @Test func everyIndustryHasItsOwnQuestionsAndAReferral() {
        #expect(banks.vocabulary.ids(.industry).count >= 12)
        for industry in banks.vocabulary.ids(.industry) {
            let own = banks.questions.filter { $0.industries.isSpecific && $0.industries.contains(industry) }
            #expect(own.count >= 10, "\(industry) has \(own.count) specific questions")
            #expect(banks.questions(matching: QuestionFilter(industry: industry, referralOnly: true)).count >= 1)
        }
    }
}
