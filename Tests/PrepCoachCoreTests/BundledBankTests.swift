import Testing
@testable import PrepCoachCore

/// The bundled banks are part of the product: they must load cleanly and
/// cover what the README promises.
@Suite struct BundledBankTests {
    let banks = BankLoader.load([Fixtures.bundledBanks])

    @Test func loadWithoutProblems() {
        #expect(banks.diagnostics.map(\.description) == [])
        #expect(banks.questions.count >= 600)
    }

    @Test func vocabularyHasTheStagesAndIndustriesPromised() {
        for stage in ["student", "new-grad", "career-changer", "early-career", "mid-career", "returning-to-work",
                      "aspiring-entrepreneur", "veteran", "international-student"] {
            #expect(banks.vocabulary.resolve(.stage, stage) == stage)
        }
        #expect(banks.vocabulary.ids(.industry).count >= 18)
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

    /// The new stages get questions written for them in every topic, not only the generic ones.
    @Test func newStagesHaveTheirOwnQuestionsInEveryTopic() {
        for stage in ["veteran", "international-student"] {
            for topic in banks.vocabulary.ids(.topic) {
                let own = banks.questions.filter { $0.topic == topic && $0.stages.isSpecific && $0.stages.contains(stage) }
                #expect(!own.isEmpty, "\(stage) has no question of its own in \(topic)")
            }
        }
    }

    @Test func everyIndustryHasItsOwnOpeningClosingAndAReferralForEveryStage() {
        for industry in banks.vocabulary.ids(.industry) {
            let own = banks.questions.filter { $0.industries.isSpecific && $0.industries.contains(industry) }
            #expect(own.count >= 12, "\(industry) has \(own.count) specific questions")
            #expect(own.contains { $0.topic == "opening" }, "\(industry) has no opening of its own")
            #expect(own.contains { $0.topic == "closing" }, "\(industry) has no closing of its own")
            for stage in banks.vocabulary.ids(.stage) {
                let referrals = own.filter { $0.isReferral && $0.suits(stage: stage, industry: industry) }
                #expect(!referrals.isEmpty, "\(industry) × \(stage) has no referral question of its own")
            }
        }
    }

    @Test func lawCoversEveryStageTheIssueFoundThin() {
        for stage in ["mid-career", "career-changer", "returning-to-work", "aspiring-entrepreneur"] {
            let count = banks.questions.filter {
                $0.industries.isSpecific && $0.industries.contains("law") && $0.suits(stage: stage, industry: "law")
            }.count
            #expect(count >= 10, "law × \(stage) has \(count) questions")
        }
    }

    /// Questions the issue named as near-duplicates were merged into one.
    @Test func mergedNearDuplicatesStayMerged() {
        let ids = Set(banks.questions.map(\.id))
        for (kept, merged) in [("close-return-favour", "network-give-back"), ("advice-stand-out", "skills-newcomer-standout"),
                               ("path-returners-way-back", "path-returner-what-helped"),
                               ("close-keep-updated", "close-check-back-when"),
                               ("skills-stale-fastest", "advice-returner-start-where")] {
            #expect(ids.contains(kept))
            #expect(!ids.contains(merged))
        }
    }

    /// Asking whether you may use their name only makes sense after names were given,
    /// so it can never be the question that ends a plan.
    @Test func followUpsOnNamesAreNotReferralQuestions() throws {
        for id in ["network-use-your-name", "network-best-way-to-reach"] {
            let question = try #require(banks.questions.first { $0.id == id })
            #expect(!question.isReferral)
            #expect(question.topic == "network-and-referrals")
        }
    }
}
