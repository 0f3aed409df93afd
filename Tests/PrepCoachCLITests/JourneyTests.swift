import Foundation
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

/// The journey as people live it: a surprise call, picking again, wrapping the real call,
/// research filed under another spelling of the company, following up on a request.
@Suite struct JourneyTests {
    /// "I have 10 minutes right now": one command adds the person, picks a plan for 10 minutes and
    /// starts a 10-minute call on it.
    @Test func aSurpriseCallAddsThePersonAndPicksAPlanForItsMinutes() throws {
        let coach = ScriptedCoach()
        #expect(try coach.run(#"call "Pat Baker" --minutes 10 --stage student --industry food --role "Bakery owner""#,
                              answers: ["next", "end"]) == 0, "\(coach.err)")
        let pat = try coach.contact("Pat Baker")
        #expect(pat.stage == "student" && pat.industry == "agriculture-and-food" && pat.role == "Bakery owner")
        let plan = try coach.store.plan(contactID: pat.id!)
        #expect(!plan.isEmpty && plan.reduce(0) { $0 + $1.minutes } <= 10)
        #expect(try coach.store.planMeetingMinutes(contactID: pat.id!) == 10)
        let call = try #require(try coach.store.calls(contactID: pat.id!).first)
        #expect(call.promisedMinutes == 10)
        #expect(coach.out.contains("Added Pat Baker"))
        #expect(coach.out.contains("Picked \(plan.count) questions for 10 minutes"))
        #expect(coach.prompts.first?.contains("10:00 left") == true)
    }

    /// Too short for a plan: they are on the line, so the call starts anyway, for notes.
    @Test func aCallTooShortForAPlanStillStarts() throws {
        let coach = ScriptedCoach()
        #expect(try coach.run(#"call "Pat Baker" --minutes 2 --stage student --industry food"#, answers: ["she opens at 5", "end"]) == 0)
        #expect(coach.err.contains("no plan picked: a 2-minute meeting leaves no time for questions"))
        let pat = try coach.contact("Pat Baker")
        let call = try #require(try coach.store.calls(contactID: pat.id!).first)
        #expect(try coach.store.events(callID: call.id!).map(\.text) == ["she opens at 5"])
    }

    @Test func anUnknownNameWithoutStageAndIndustrySaysHowToCallSomeoneNew() throws {
        let coach = ScriptedCoach()
        #expect(try coach.run(#"call "Pat Baker" --minutes 10"#) == 1)
        #expect(coach.err.contains("no contact named 'Pat Baker'"))
        #expect(coach.err.contains("or call someone new with --stage S --industry I"))
        #expect(try coach.store.contacts().isEmpty)
    }

    /// `pick --minutes 20` then a plain `call`: the call is 20 minutes, not 30.
    @Test func theCallsLengthComesFromThePlan() throws {
        let coach = try ScriptedCoach.withDanasPlan()
        #expect(try coach.run(#"pick --contact "Dana Lee" --minutes 20 --seed 3"#) == 0)
        #expect(try coach.run(#"call "Dana Lee""#, answers: ["end"]) == 0)
        let dana = try coach.contact("Dana Lee")
        #expect(try coach.store.calls(contactID: dana.id!).last?.promisedMinutes == 20)
        #expect(try coach.run(#"call "Dana Lee" --minutes 12"#, answers: ["end"]) == 0)
        #expect(try coach.store.calls(contactID: dana.id!).last?.promisedMinutes == 12)
    }

    /// `pick` in a call keeps what was asked (with its notes) and picks the rest for the minutes left.
    @Test func pickInACallKeepsWhatWasAskedAndFitsTheMinutesLeft() throws {
        let coach = try ScriptedCoach.withDanasPlan()
        let dana = try coach.contact("Dana Lee")
        let before = try coach.store.plan(contactID: dana.id!)
        #expect(try coach.run(#"call "Dana Lee" --minutes 12"#, answers: ["next", "she started in the ER", "next", "pick", "end"]) == 0,
                "\(coach.err)")
        let after = try coach.store.plan(contactID: dana.id!)
        #expect(Array(after.prefix(2)) == Array(before.prefix(2)), "the two asked questions stay first, with their ids")
        #expect(after.dropFirst(2).reduce(0) { $0 + $1.minutes } <= 12 - CallSession.thanksMinutes)
        #expect(Set(after.dropFirst(2).compactMap(\.questionID)).isDisjoint(with: before.prefix(2).compactMap(\.questionID)))
        let openingTopic = try #require(coach.context.banks().vocabulary.ids(.topic).first)
        #expect(!after.dropFirst(2).contains { $0.topic == openingTopic }, "no second opening mid-call")
        let call = try #require(try coach.store.calls(contactID: dana.id!).first)
        let note = try #require(try coach.store.events(callID: call.id!).first { $0.kind == .note })
        #expect(note.planItemID == before[0].id)
        #expect(coach.out.contains("for the 12 minutes left, after the 2 asked"))
        #expect(try coach.run(#"plan "Dana Lee" undo"#) == 0)
        #expect(try coach.store.plan(contactID: dana.id!).map(\.text) == before.map(\.text))
    }

    /// The header counts the plan as saved, your own question included; one already asked is not carried again.
    @Test func rePickingCountsYourOwnQuestionsAndLeavesOutOnesAsked() throws {
        let coach = try ScriptedCoach.withDanasPlan()
        #expect(try coach.run(#"add "Dana Lee" "What do you wish you had known in your first year?" --anyway"#) == 0)
        #expect(try coach.run(#"add "Dana Lee" "Which night-shift habits helped you most?" --anyway"#) == 0)
        let dana = try coach.contact("Dana Lee")
        let asked = try #require(try coach.store.plan(contactID: dana.id!).firstIndex { $0.text.hasPrefix("What do you wish") })
        #expect(try coach.run(#"call "Dana Lee""#, answers: ["ask \(asked + 1)", "end"]) == 0)
        #expect(try coach.run(#"pick --contact "Dana Lee" --minutes 20 --seed 5"#) == 0)
        let saved = try coach.store.plan(contactID: dana.id!)
        #expect(!saved.contains { $0.text.hasPrefix("What do you wish") }, "asked in the call: not carried again")
        #expect(saved.contains { $0.text == "Which night-shift habits helped you most?" })
        let header = "\(saved.count) questions · \(saved.reduce(0) { $0 + $1.minutes }) min of questions in a 20-min meeting"
        #expect(coach.out.contains(header), "\(coach.out)")
    }

    /// A call opened to look at the plan and ended at once does not take over from the real call.
    @Test func wrapPassesOverALaterCallWithNothingInIt() throws {
        let coach = try ScriptedCoach.withDanasPlan()
        #expect(try coach.run(#"call "Dana Lee""#, answers: ["next", "she started in the ER",
                                                             "todo send her my portfolio by Friday", "end"]) == 0)
        #expect(try coach.run(#"call "Dana Lee""#, answers: ["plan", "end"]) == 0)
        #expect(try coach.run(#"wrap "Dana Lee" --point 1"#) == 0, "\(coach.err)")
        #expect(coach.out.contains("has no notes: wrapping the call of"))
        #expect(coach.out.contains("   - she started in the ER"))
        let dana = try coach.contact("Dana Lee")
        let calls = try coach.store.calls(contactID: dana.id!)
        let tasks = try coach.store.tasks(contactID: dana.id!)
        let thankYou = try #require(tasks.first { $0.kind == .thankYou })
        #expect(thankYou.callID == calls[0].id)
        // The referral question was not asked: the thank-you asks, as `end` advised; the promise is in it.
        #expect(thankYou.text.contains(ThankYouDraft.referralAsk))
        #expect(thankYou.text.contains("As promised, I will send you my portfolio by Friday."))
        // The call was on Monday 10 March 2025: "by Friday" is due that Friday, not a week after the call.
        let todo = try #require(tasks.first { $0.kind == .todo })
        #expect(todo.dueAt.map { DateText.format($0, "EEE yyyy-MM-dd HH:mm") } == "Fri 2025-03-14 17:00")
    }
}

/// Research notes count for the company however its name is written, and say where they were filed.
@Suite struct CompanySpellingTests {
    @Test func notesUnderAShortFormCountForTheContactsCompany() throws {
        let coach = ScriptedCoach()
        #expect(try coach.run(#"contact add "Ana Ruiz" --company "Brightwave Software, Inc." --industry technology --stage career-changer"#) == 0)
        #expect(try coach.run(#"research add Brightwave "founded in 2009; 200 staff; HQ Leeds""#) == 0)
        #expect(coach.out.contains("They count for Ana Ruiz (Brightwave Software, Inc.)"))
        #expect(try coach.run(#"prep "Ana Ruiz" --report"#) == 0)
        #expect(coach.out.contains("1 note (filed under Brightwave)"), "\(coach.out)")
        #expect(try coach.run(#"add "Ana Ruiz" "When was Brightwave Software founded?""#) == 1)
        #expect(coach.out.contains("your research notes already answer this") || coach.err.contains("your research notes already answer this"))
    }
}

/// Following up as the advice says: a week after an unanswered request, a nudge.
@Suite struct FollowUpNudgeTests {
    @Test func aWeekWithoutAReplyToARequestIsDueAFollowUp() throws {
        let coach = ScriptedCoach(now: "2025-03-10T09:00:00Z")
        #expect(try coach.run(#"contact add "Cy Park" --industry retail --stage student"#) == 0)
        #expect(try coach.run(#"request "Cy Park" --sent"#) == 0)
        #expect(try coach.run("next") == 0)
        #expect(coach.out.contains("no reply a week on? send one short, friendly follow-up — due 2025-03-17 09:00 UTC"), "\(coach.out)")

        let later = ScriptedCoach(now: "2025-03-18T09:00:00Z", folder: coach.folder)
        #expect(try later.run("next") == 0)
        #expect(later.out.contains("overdue since 2025-03-17 09:00 UTC"))
        #expect(try later.run(#"contact log "Cy Park" replied, happy to talk on Friday"#) == 0)
        #expect(try later.run("next") == 0)
        let afterReply = try #require(later.out.components(separatedBy: "Next steps").last)
        #expect(!afterReply.contains("no reply"))
        #expect(!afterReply.contains("overdue"))
    }
}

/// A returner extending the bank: the bank tools agree with each other and explain what went wrong.
@Suite struct ReturnerBankTests {
    private let questions = """
        questions:
          - id: return-gap-story
            text: "How do hiring managers here read a career break on a CV?"
            topic: career-path
            stages: [returning-to-work]
            industries: [any]
            minutes: 3
          - id: advice-wish-told
            text: "What do you wish you had known when you came back after a break?"
            topic: advice
            stages: [returning-to-work]
            industries: [any]
            minutes: 3
          - id: return-refresh
            text: What helped you most: a course, or a returnship?
            topic: skills-and-training
            stages: [returning-to-work]
            industries: [any]
            minutes: 3
          - id: return-flex
            text: "How common is part-time or flexible work in your team?"
            topic: culture
            stages: [returning-to-work]
            industries: [any]
            minutes: 2
        """

    private func bank(_ coach: ScriptedCoach) throws -> String {
        let folder = coach.folder.appendingPathComponent("mybank")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try questions.write(to: folder.appendingPathComponent("returner.yaml"), atomically: true, encoding: .utf8)
        try """
            id: ask-salary
            category: other
            severity: warning
            message: "'{match}' asks about pay"
            suggestion: Ask how pay progresses in general.
            rationale: Pay is personal.
            link: https://example.com
            patterns: ["how much do you (earn|make)"]
            examples:
              flag: ["How much do you earn?"]
              pass: ["How does pay progress?"]
            """.write(to: folder.appendingPathComponent("rules/no-salary.yaml"), atomically: true, encoding: .utf8)
        return folder.path
    }

    @Test func testRulesKnowsTheTagsCheckBanksAccepts() throws {
        let coach = ScriptedCoach()
        let folder = try bank(coach)
        _ = try coach.run("test-rules \(folder)")
        #expect(coach.out.contains("1 rule, 2 examples: 0 failed"))
        #expect(!coach.err.contains("unknown topic"), "\(coach.err)")
        #expect(!coach.err.contains("unknown stage"))
    }

    /// An unquoted colon is explained at its place, and the file's other questions still load.
    @Test func anUnquotedColonIsExplainedAndTheRestOfTheFileLoads() throws {
        let coach = ScriptedCoach()
        let folder = try bank(coach)
        #expect(try coach.run("check-banks \(folder)") == 1)
        #expect(coach.err.contains("returner.yaml:15:31: error: YAML syntax: mapping values are not allowed in this context; "
                                   + "quote text that contains ': '"), "\(coach.err)")
        #expect(coach.out.contains("3 questions"))
        #expect(try coach.run("show return-flex --bank \(folder)") == 0, "\(coach.err)")
    }

    @Test func checkBanksWarnsOfAnIdTheBundledBankHolds() throws {
        let coach = ScriptedCoach()
        let folder = try bank(coach)
        _ = try coach.run("check-banks \(folder)")
        #expect(coach.err.contains("returner.yaml:8:5: warning: question id 'advice-wish-told' is taken by "), "\(coach.err)")
        #expect(coach.err.contains("QuestionBanks/questions/advice.yaml:"))
        #expect(!coach.err.contains("'return-gap-story' is taken"))
    }
}

/// The letters a teacher moving to UX design and a student calling a bakery owner would send.
@Suite struct LetterTests {
    private func coach() throws -> ScriptedCoach {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString).yaml")
        try "me:\n  name: Alex Kim\n".write(to: config, atomically: true, encoding: .utf8)
        let coach = ScriptedCoach(environment: ["PREPCOACH_CONFIG": config.path])
        #expect(try coach.run("config set background I taught secondary-school science for eight years") == 0)
        return coach
    }

    @Test func theEmailSaysWhereYouComeFromAndTheSubjectNamesTheReferrer() throws {
        let coach = try coach()
        #expect(try coach.run(#"contact add "Ann Lee" --role "ux researcher" --company Brightwave --industry technology --stage career-changer"#) == 0)
        let ann = try coach.contact("Ann Lee")
        try coach.store.addReferral(named: "Carla Diaz", company: "Mercy", from: ann, mayUseName: true, at: Date())
        #expect(try coach.run(#"request "Ann Lee" --learn "how research findings reach the designers""#) == 0)
        #expect(coach.out.contains("My name is Alex Kim, and I am changing careers into technology. "
                                   + "I taught secondary-school science for eight years."), "\(coach.out)")
        #expect(coach.out.contains("your work as a ux researcher at Brightwave"))
        #expect(!coach.out.contains("an ux"))
        #expect(try coach.run(#"request "Carla Diaz""#) == 0)
        #expect(coach.out.contains("Subject: Ann Lee suggested I contact you"))
        #expect(try coach.run("config") == 0)
        #expect(coach.out.contains("background: I taught secondary-school science for eight years"))
    }

    @Test func theLinkedInNoteKeepsTheMutualContactAndTheLearningGoal() throws {
        let coach = try coach()
        #expect(try coach.run(#"contact add "Ann Lee" --role "senior ux researcher" --company "Brightwave Software" --industry technology --stage career-changer --how "Jo Park, my former colleague""#) == 0)
        #expect(try coach.run(#"request "Ann Lee" --channel linkedin --learn "how you moved from teaching into research""#) == 0)
        #expect(coach.out.contains("We are connected through Jo Park, my former colleague."))
        #expect(coach.out.contains("I hope to learn how you moved from teaching into research."))
    }

    @Test func anOwnerIsAskedAboutRunningTheBusiness() throws {
        let coach = try coach()
        #expect(try coach.run(#"contact add "Pat Baker" --role "Owner" --company "Rise & Shine Bakery" --owner --industry food --stage student --how "I buy bread there""#) == 0)
        #expect(try coach.run(#"request "Pat Baker" --channel phone"#) == 0)
        #expect(coach.out.contains("your experience running Rise & Shine Bakery"))
        #expect(!coach.out.contains("as an owner at"))
        #expect(coach.out.contains("I buy bread at Rise & Shine Bakery."))
    }

    /// `next` ticks prep only for someone you prepared for.
    @Test func nextTicksPrepOnlyWhenPrepped() throws {
        let coach = try ScriptedCoach.withDanasPlan()
        #expect(try coach.run(#"call "Dana Lee""#, answers: ["next", "end"]) == 0)
        #expect(try coach.run("next") == 0)
        #expect(coach.out.contains("[request → prep → ✓call → ▸wrap"), "\(coach.out)")
    }
}
