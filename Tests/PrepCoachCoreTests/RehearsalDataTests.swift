import Foundation
import Testing
@testable import PrepCoachCore

/// The questions contacts ask back (`asked-back.yaml`), the concrete-ask check, the introduction's
/// draft and review, and the speaking pace.
@Suite struct RehearsalDataTests {
    private static let bundled = BankLoader.load([Fixtures.bundledBanks])

    @Test func bundledAskedBackQuestionsLoadWithoutProblemsAndFollowTheStage() {
        let banks = Self.bundled
        #expect(!banks.diagnostics.contains { $0.location.file.hasSuffix("asked-back.yaml") })
        let returner = banks.askedBack(stage: "returning-to-work").map(\.text)
        let veteran = banks.askedBack(stage: "veteran").map(\.text)
        #expect(returner.contains("What have you been doing during your break?"))
        #expect(!returner.contains("How does your service translate to this kind of work?"))
        #expect(veteran.contains("How does your service translate to this kind of work?"))
        #expect(!veteran.contains("What have you been doing during your break?"))
        // Every stage is asked "How can I help?", and its answer must end in an ask.
        for stage in banks.vocabulary.ids(.stage) {
            #expect(banks.askedBack(stage: stage).contains { $0.endsWithAsk && $0.text == "How can I help?" }, "\(stage)")
        }
        #expect(banks.askedBackQuestions.allSatisfy { !$0.note.isEmpty })
    }

    @Test func theBundledConcreteAskExamplesPass() {
        let banks = Self.bundled
        #expect(!banks.concreteAsk.concrete.isEmpty && !banks.concreteAsk.vague.isEmpty)
        #expect(banks.concreteAsk.exampleFailures(macros: banks.macros).isEmpty)
    }

    @Test func badAskedBackEntriesAreReportedAtTheirLineAndColumn() throws {
        let bank = try TemporaryBank([
            "tags.yaml": Fixtures.tags,
            "asked-back.yaml": """
                asked-back:
                  - id: gap
                    text: What did you do in your gap year?
                    stages: [studnet]
                    seconds: 45
                    note: Briefly.
                  - id: long-one
                    text: Why?
                    stages: [any]
                    seconds: 900
                    note: Short.
                  - id: no-note
                    text: Why this?
                    stages: [any]
                    seconds: 30
                  - id: fine
                    text: What are you hoping to learn?
                    stages: [any]
                    seconds: 30
                    note: One thing.
                  - id: fine
                    text: Again?
                    stages: [any]
                    seconds: 30
                    note: Twice.
                concrete-ask:
                  patterns:
                    - '\\b(book|podcast)\\b'
                    - '(unclosed'
                  examples:
                    concrete:
                      - Which book should I read?
                      - Who else should I talk to?
                    vague:
                      - Thanks for the podcast tip, bye.
                      - Anything helps.
                """,
        ])
        let banks = BankLoader.load([bank.path])
        let file = bank.file("asked-back.yaml")
        let messages = banks.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("\(file):4:14: error: ") && $0.contains("studnet") && $0.contains("student") })
        #expect(messages.contains { $0.hasPrefix("\(file):10:14: error: ") && $0.contains("seconds") })
        #expect(messages.contains { $0.hasPrefix("\(file):12:5: error: ") && $0.contains("'note'") })
        #expect(messages.contains { $0.hasPrefix("\(file):21:5: error: duplicate asked-back question id 'fine'") })
        #expect(messages.contains { $0.hasPrefix("\(file):29:") && $0.contains("error: bad pattern") })
        #expect(messages.contains { $0.hasPrefix("\(file):33:9: error: no concrete-ask pattern matches its own example") })
        #expect(messages.contains { $0.hasPrefix("\(file):35:9: error: a concrete-ask pattern matches its vague example") })
        #expect(banks.askedBackQuestions.map(\.id) == ["fine"])
    }

    @Test func howCanIHelpMustEndInAConcreteAskThatIsNotAJobAsk() throws {
        let banks = Self.bundled
        let help = try #require(banks.askedBackQuestions.first { $0.id == "how-can-i-help" })
        let engine = try RuleEngine(rules: banks.rules, macros: banks.macros)
        let matcher = banks.concreteAsk.matcher(macros: banks.macros)
        func review(_ answer: String) -> AskedBackAnswerReview {
            AskedBackAnswerReview(answer, to: help, concreteAsk: matcher, lint: { engine.lint($0) })
        }
        #expect(review("Thank you! Is there one person you think I should talk to next?").isAccepted)
        #expect(review("That is kind. Which newsletter would you read if you were starting out?").isAccepted)
        let vague = review("Honestly, anything you can do would be great. Thank you!")
        #expect(vague.problems.count == 1 && vague.problems[0].contains("does not end in a concrete ask"))
        // A concrete ask, then small talk: the ask is not what they are left with.
        #expect(!review("Could you suggest a book? Thanks so much for your time!").isAccepted)
        let jobAsk = review("Could you keep me in mind for any openings on your team?")
        #expect(jobAsk.problems.contains { $0.contains("[job-ask-") })
        // Other questions need no ask at the end, but never a job ask.
        let other = try #require(banks.askedBackQuestions.first { $0.id == "looking-for" })
        #expect(AskedBackAnswerReview("Nursing, and how people move into it.", to: other, concreteAsk: matcher,
                                      lint: { engine.lint($0) }).isAccepted)
        #expect(!AskedBackAnswerReview("A job at your hospital. Will you hire me?", to: other, concreteAsk: matcher,
                                       lint: { engine.lint($0) }).isAccepted)
    }

    @Test func theDraftIntroductionUsesYourAnswersTheContactAndYourBackground() {
        var dana = Contact(name: "Dana Lee", role: "Nurse Manager", company: "Mercy Hospital", createdAt: Date())
        dana.howKnown = "met at the spring job fair"
        let text = Introduction.draft(for: dana, from: .init(
            yourName: "Alex Kim", background: "Ten years teaching secondary science, now retraining as a nurse",
            why: "caring for my father showed me what good nursing does", hopeToLearn: "how night shifts work"))
        #expect(text.hasPrefix("Hi Dana, thank you for making the time. I'm Alex Kim, ten years teaching secondary science, "
                               + "now retraining as a nurse. Caring for my father showed me what good nursing does."))
        #expect(text.contains("You know this work from the inside as a Nurse Manager at Mercy Hospital"))
        #expect(text.contains("We met at the spring job fair."))
        #expect(text.contains("I'm not asking for a job"))
        #expect(text.hasSuffix("In particular, I hope to learn how night shifts work."))
        // Without a name in the config, a placeholder says what to fill in.
        let bare = Introduction.draft(for: Contact(name: "Sam", createdAt: Date()), from: .init())
        #expect(bare.contains("I'm [your name]."))
        #expect(bare.contains("You know this work from the inside."))
    }

    @Test func theDraftPassesItsOwnReview() throws {
        let banks = Self.bundled
        let engine = try RuleEngine(rules: banks.rules, macros: banks.macros)
        let dana = Contact(name: "Dana Lee", role: "Nurse Manager", company: "Mercy Hospital", createdAt: Date())
        let text = Introduction.draft(for: dana, from: .init(yourName: "Alex Kim", background: "a final-year biology student",
                                                             why: "I want work where science meets people",
                                                             hopeToLearn: "what your first year was like"))
        let review = IntroductionReview(text, lint: { engine.lint($0) })
        #expect(review.findings.isEmpty && !review.isMostlyAboutYou && !review.isTooLong, "\(text)")
    }

    @Test func theReviewTimesTheIntroductionAndFlagsAJobAskAndTalkAboutYou() throws {
        let banks = Self.bundled
        let engine = try RuleEngine(rules: banks.rules, macros: banks.macros)
        let selfish = "I am Alex. I have ten years in my school and my skills are strong. Let me tell you about myself. "
            + "Could you hire me?"
        let review = IntroductionReview(selfish, lint: { engine.lint($0) })
        #expect(review.isMostlyAboutYou && review.hasJobAsk)
        #expect(review.findings.contains { $0.finding.rule.category == .selfFocused })
        let long = Array(repeating: "You know your work well.", count: 20).joined(separator: " ")  // 100 words
        let timed = IntroductionReview(long, lint: { _ in [] })
        #expect(timed.words == 100 && timed.seconds == 40 && timed.isTooLong && !timed.isMostlyAboutYou)
    }

    @Test func theSpeakingPaceIsANormalOne() {
        #expect(SpeakingPace.words(inSeconds: Introduction.seconds) == 75)
        #expect(SpeakingPace.seconds(for: "How did you get into nursing management?") == 3)
        #expect(SpeakingPace.askingSeconds("How did you get into nursing management?") == 5)
        // 26 words: about 10 seconds at 150 a minute, not the 22 the old "calm" pace gave.
        #expect(SpeakingPace.askingSeconds(Array(repeating: "word", count: 26).joined(separator: " ")) == 12)
        #expect(Sentences.split("Thanks! Could you suggest a book? Great.") == ["Thanks!", "Could you suggest a book?", "Great."])
        #expect(Sentences.split("He said “Go.” Then left") == ["He said “Go.”", "Then left"])
    }

    @Test func aRunClickedThroughIsNotAFullRun() {
        #expect(Rehearsal(contactID: 1, at: Date(), seconds: 100, budgetSeconds: 200).isFullRun)
        #expect(!Rehearsal(contactID: 1, at: Date(), seconds: 5, budgetSeconds: 200).isFullRun)
    }
}
