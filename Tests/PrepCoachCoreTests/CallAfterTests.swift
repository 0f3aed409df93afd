import Foundation
import Testing
@testable import PrepCoachCore

@Suite struct PlanEditorTests {
    private func editor() -> PlanEditor {
        let items = [("open", "How did you start?", "opening", 2), ("day", "What is a typical day?", "day-to-day", 3),
                     ("skill", "Which skills matter?", "skills-and-training", 4), ("close", "Anything I missed?", "closing", 2),
                     ("ref", "Who else should I talk to?", "network-and-referrals", 2)]
            .map { PlanItem(contactID: 1, position: 0, questionID: $0.0, text: $0.1, topic: $0.2, minutes: $0.3) }
        return PlanEditor(items: items) { $0.topic == "closing" || $0.questionID == "ref" }
    }

    private func own(_ text: String, minutes: Int = 3) -> PlanItem {
        PlanItem(contactID: 1, position: 0, questionID: nil, text: text, topic: nil, minutes: minutes)
    }

    @Test func insertGoesBeforeTheClosingAndReferralQuestions() {
        var plan = editor()
        #expect(plan.insert(own("What surprised you?")) == 4)
        #expect(plan.items.suffix(3).map(\.questionID) == [nil, "close", "ref"])
    }

    @Test func duplicatesAreFoundByBankIdOrNormalisedWords() {
        let plan = editor()
        #expect(plan.duplicate(questionID: "day", text: "anything") == 2)
        #expect(plan.duplicate(questionID: nil, text: "  what is a TYPICAL day ") == 2)
        #expect(plan.duplicate(questionID: nil, text: "What is a typical day?", ignoring: 1) == nil)
        #expect(plan.duplicate(questionID: nil, text: "What is a typical week?") == nil)
    }

    @Test func dropMoveSwapAndReplaceWorkOnNumbersAsShown() {
        var plan = editor()
        #expect(plan.index(of: 0) == nil && plan.index(of: 6) == nil && plan.index(of: 5) == 4)
        plan.move(from: 2, to: 0)
        #expect(plan.items.map(\.questionID) == ["skill", "open", "day", "close", "ref"])
        plan.swapAt(0, 1)
        plan.drop(at: 2)
        #expect(plan.items.map(\.questionID) == ["open", "skill", "close", "ref"])
        plan.replace(at: 1, with: own("Mine"))
        #expect(plan.items.map(\.text)[1] == "Mine" && plan.totalMinutes == 9)
    }

    @Test func dropCandidatesAreLongEnoughOnesNeverTheEnding() {
        let plan = editor()
        #expect(plan.dropCandidates(overflow: 3, keeping: nil).map(\.number) == [2, 3])
        #expect(plan.dropCandidates(overflow: 4, keeping: nil).map(\.number) == [3])
        #expect(plan.dropCandidates(overflow: 4, keeping: 2).map(\.number) == [1, 2])  // none alone: the longest few
    }
}

@Suite struct LetterPhrasesTests {
    @Test func articleFollowsTheSound() {
        for (phrase, article) in [("Senior Product Designer", "a"), ("engineer", "an"), ("RN", "an"), ("UX lead", "a"), ("SEO analyst", "an"),
                                  ("MBA admissions officer", "an"), ("hourly lead", "an"), ("user researcher", "a"),
                                  ("university lecturer", "a"), ("one-person shop", "a"), ("nurse manager", "a")] {
            #expect(LetterPhrases.article(for: phrase) == article, "\(phrase)")
        }
        #expect(LetterPhrases.withArticle("the Head of Design") == "the Head of Design")
    }

    @Test func connectionReadsAsASentenceWhateverWasTyped() {
        #expect(LetterPhrases.connection("met at the 🍜 festival") == "We met at the 🍜 festival.")
        #expect(LetterPhrases.connection("Met at the job fair.") == "We met at the job fair.")
        #expect(LetterPhrases.connection("the alumni network") == "We are connected through the alumni network.")
        #expect(LetterPhrases.connection("alumni network") == "We are connected through the alumni network.")
        #expect(LetterPhrases.connection("my sister's colleague") == "We are connected through my sister's colleague.")
        #expect(LetterPhrases.connection("LinkedIn") == "We are connected through LinkedIn.")
        #expect(LetterPhrases.connection("through the hiking club") == "We are connected through the hiking club.")
        #expect(LetterPhrases.connection("we both volunteer at the food bank") == "We both volunteer at the food bank.")
        #expect(LetterPhrases.connection("worked together at Acme") == "We worked together at Acme.")
        #expect(LetterPhrases.connection("I buy bread at your Alberta Street shop every Saturday")
                == "I buy bread at your Alberta Street shop every Saturday.")
        #expect(LetterPhrases.connection("you spoke at our design meetup") == "You spoke at our design meetup.")
        #expect(LetterPhrases.connection("  ...  ") == nil)
    }

    /// A note is your shorthand: the letter puts it in its own words and never quotes it as theirs.
    @Test func aPointIsParaphrasedNeverQuoted() {
        #expect(LetterPhrases.paraphrased("Volunteer for a nonprofit redesign via Catchafire; do a usability test")
                == "your suggestion to volunteer for a nonprofit redesign via Catchafire")
        #expect(LetterPhrases.paraphrased("she says most people think baking is the job")
                == "your point that most people think baking is the job")
        #expect(LetterPhrases.paraphrased("He said that shadowing beats courses.") == "your point that shadowing beats courses")
        #expect(LetterPhrases.paraphrased("suggested shadowing a baker") == "your suggestion of shadowing a baker")
        #expect(LetterPhrases.paraphrased("Your advice to talk to a charge nurse") == "your advice to talk to a charge nurse")
        #expect(LetterPhrases.paraphrased("early mornings, 4am starts") == nil)
        #expect(LetterPhrases.paraphrased("they") == nil)
    }

    @Test func aPromiseToSendIsAddressedToThem() {
        #expect(LetterPhrases.promise("send her my portfolio link") == "send you my portfolio link")
        #expect(LetterPhrases.promise("Email the article on sourdough") == "email you the article on sourdough")
        #expect(LetterPhrases.promise("share my case study") == "share my case study with you")
        #expect(LetterPhrases.promise("read Being Mortal") == nil)
    }

    @Test func aToDoIsDueWhenItSays() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let stated = StatedDueDate(calendar: calendar)
        let tuesday = try #require(ISO8601DateFormatter().date(from: "2026-01-06T10:00:00Z"))
        func due(_ text: String) -> String? {
            stated.date(in: text, after: tuesday).map { DateText.format($0, "EEE yyyy-MM-dd HH:mm", in: calendar.timeZone) }
        }
        #expect(due("send the deck by Friday") == "Fri 2026-01-09 17:00")
        #expect(due("call back by tue") == "Tue 2026-01-13 17:00")
        #expect(due("email Sam tomorrow") == nil)  // no "by": it says when to act, not a deadline stated
        #expect(due("thank-you note by tomorrow") == "Wed 2026-01-07 17:00")
        #expect(due("apply within 3 days") == "Fri 2026-01-09 17:00")
        #expect(due("finish the course by 2026-02-01") == "Sun 2026-02-01 17:00")
        #expect(due("read Being Mortal") == nil)
    }

    @Test func hopeToLearnIsAClauseOrAQuotedQuestion() {
        #expect(LetterPhrases.hopeToLearn("how you moved into management")
                == "In particular, I hope to learn how you moved into management.")
        #expect(LetterPhrases.hopeToLearn("night shifts") == "In particular, I hope to learn about night shifts.")
        #expect(LetterPhrases.hopeToLearn("what does a day look like?")
                == "In particular, I would love to ask you: “What does a day look like?”")
    }
}

@Suite struct UserProfileTests {
    @Test func readsNameAndSignatureFromTheConfigAndReportsUnknownFields() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("profile-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try "rules:\n  closed-question: off\nme:\n  name: Alex Kim\n  signature: \"Alex Kim\\nalex@example.com\"\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let (profile, problems) = UserProfile.load(path: file.path)
        #expect(profile == UserProfile(name: "Alex Kim", signature: "Alex Kim\nalex@example.com"))
        #expect(problems.isEmpty)
        #expect(RuleSettings.load(path: file.path).1.isEmpty)
        try "me:\n  nmae: Alex\n".write(to: file, atomically: true, encoding: .utf8)
        let (empty, typo) = UserProfile.load(path: file.path)
        #expect(empty.signOff == nil)
        #expect(typo.map(\.description).first?.contains(":2:3") == true)
        #expect(UserProfile.load(path: "/nonexistent/config.yaml").0 == UserProfile())
    }
}

@Suite struct UserProfileWritingTests {
    @Test func replacesOnlyTheMeSectionKeepingRulesAndComments() {
        let config = "# mine\nrules:\n  closed-question: off\nme:\n  name: Old\n  # old comment\nother: 1\n"
        let written = UserProfile(name: "Alex \"AK\" Kim", signature: "Alex Kim\nalex@example.com").written(into: config)
        #expect(written == """
            # mine
            rules:
              closed-question: off
            me:
              name: "Alex \\"AK\\" Kim"
              signature: "Alex Kim\\nalex@example.com"
            other: 1

            """)
        #expect(UserProfile(name: "Alex").written(into: "") == "me:\n  name: \"Alex\"\n")
        #expect(UserProfile(name: "Alex").written(into: "me: {name: Old}\nrules: {}") == "me:\n  name: \"Alex\"\nrules: {}\n")
    }
}

@Suite struct PlanLengthExportTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-length-\(UUID().uuidString)")

    @Test func theMeetingLengthTravelsWithAnExportAndAVersionOneExportStillImports() throws {
        let store = try CoachStore(path: folder.appendingPathComponent("a.sqlite").path)
        let dana = try store.add(Contact(name: "Dana", createdAt: Date(timeIntervalSince1970: 0)))
        try store.setPlanMeetingMinutes(20, contactID: dana.id!)
        let data = try StoreExport.json(try store.exportAll())
        let copy = try CoachStore(path: folder.appendingPathComponent("b.sqlite").path)
        try copy.importAll(try StoreExport.read(data, source: "export.json"))
        #expect(try copy.planMeetingMinutes(contactID: dana.id!) == 20)
        // An export from before plan lengths were kept.
        var old = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        old["version"] = 1
        old.removeValue(forKey: "planLengths")
        let older = try CoachStore(path: folder.appendingPathComponent("c.sqlite").path)
        try older.importAll(try StoreExport.read(try JSONSerialization.data(withJSONObject: old), source: "old.json"))
        #expect(try older.contact(named: "Dana") != nil)
        #expect(try older.planMeetingMinutes(contactID: dana.id!) == nil)
    }
}
