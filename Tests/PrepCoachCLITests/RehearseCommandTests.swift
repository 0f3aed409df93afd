import Foundation
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

@Suite struct RehearseCommandTests {
    /// A career changer's contact with three questions: the introduction, 7 questions asked back
    /// (5 for any stage, "Why change careers now…?" and "How can I help?"), then the 3.
    private func coachWithPlan(environment: [String: String] = [:]) throws -> (ScriptedCoach, Int64) {
        let coach = ScriptedCoach(environment: environment)
        try coach.run(#"contact add "Ann Lee" --role "Nurse Manager" --company "Mercy Hospital" --industry healthcare --stage career-changer"#)
        let id = try #require(try coach.contact("Ann Lee").id)
        try coach.store.setPlan(contactID: id, questions: [
            (questionID: nil, text: "How did you get into nursing management?", topic: nil, minutes: 4),
            (questionID: nil, text: "What does a typical week look like for you?", topic: nil, minutes: 3),
            (questionID: nil, text: "Who else would you suggest I talk to?", topic: nil, minutes: 2),
        ])
        return (coach, id)
    }

    private static let askedBack = 7
    /// Their answers' times in file order (about-you, why-this-field, why-me, looking-for, done-so-far, why-change, help).
    private static let answerBudgets = [60, 45, 30, 45, 45, 60, 30]
    private static let steps = 1 + askedBack + 3

    /// Every step said aloud in exactly its time at a normal pace.
    private static let onPace = [ScriptedCoach.said(after: 30)] + answerBudgets.map(ScriptedCoach.said(after:))
        + [5, 6, 5].map(ScriptedCoach.said(after:))

    @Test func aFullRunTimesEachPartAtANormalPaceAndIsSaved() throws {
        let (coach, id) = try coachWithPlan()
        #expect(try coach.run(#"rehearse "Ann Lee""#, answers: Self.onPace) == 0)
        #expect(coach.prompts.count == Self.steps)
        let out = coach.out
        #expect(out.contains("1. Your introduction"))
        #expect(out.contains("Hi Ann, thank you for making the time."))
        #expect(out.contains("A6/7 They ask: “Why change careers now, and why this field?” (answer in ~1:00)"))
        #expect(out.contains("coach: What you are moving towards"))
        #expect(!out.contains("during your break"))  // a returner's question, not a career changer's
        // 7 words at 150 a minute, plus a breath: 5 seconds, not the 15 of a "calm" pace.
        #expect(out.contains("Q1/3 (ask in ~0:05) How did you get into nursing management?"))
        #expect(out.contains("Rehearsal for Ann Lee: said aloud in 6:01 of about 6:01 — on pace"))
        #expect(out.contains("Introduction: 0:30 of 0:30 — on pace"))
        #expect(out.contains("Your answers: 5:15 of 5:15 — on pace"))
        #expect(out.contains("Your questions: 0:16 of 0:16 — on pace"))
        #expect(out.contains("Saved (1 full run)"))
        #expect(out.contains("No answer yet"))
        let runs = try coach.store.rehearsals(contactID: id)
        #expect(runs.count == 1)
        #expect(runs.first.map { [$0.seconds, $0.introSeconds, $0.answersSeconds, $0.questionsSeconds] }
            == [361, 30, 315, 16])
        // The draft said aloud is now this contact's introduction.
        #expect(try coach.store.introduction(contactID: id)?.text.hasPrefix("Hi Ann") == true)

        // The second run is compared with the first, part by part.
        var slower = Self.onPace
        slower[0] = ScriptedCoach.said(after: 50)
        try coach.run(#"rehearse "Ann Lee""#, answers: slower)
        #expect(coach.out.contains("Introduction: 0:50 of 0:30 — 0:20 over; last run 0:30"))
        #expect(coach.out.contains("Saved (2 full runs)"))
    }

    @Test func aRunClickedThroughIsNotSavedAndSaysWhy() throws {
        let (coach, id) = try coachWithPlan()
        try coach.run(#"rehearse "Ann Lee""#, answers: Array(repeating: "", count: Self.steps))
        #expect(coach.out.contains("Not saved as a rehearsal: it took 0:00, under half of the 6:01"))
        #expect(try coach.store.rehearsals(contactID: id).isEmpty)
        try coach.run("next")
        #expect(coach.out.contains("Get ready: `prep \"Ann Lee\"`, `rehearse \"Ann Lee\"`"))

        try coach.run(#"rehearse "Ann Lee""#, answers: Self.onPace)
        try coach.run("next")
        #expect(coach.out.contains("Rehearsed; `call \"Ann Lee\"` when you talk"))
        try coach.run("next --json")
        #expect(coach.out.contains(#""rehearsed" : true"#))
    }

    @Test func stoppingEarlyReportsWhatWasDoneAndSavesNothing() throws {
        let (coach, id) = try coachWithPlan()
        try coach.run(#"rehearse "Ann Lee""#, answers: [ScriptedCoach.said(after: 30), "", "s"])
        #expect(coach.prompts.count == 3)
        #expect(coach.out.contains("stopped after 2 of \(Self.steps) steps"))
        #expect(try coach.store.rehearsals(contactID: id).isEmpty)

        try coach.run(#"rehearse "Ann Lee""#, answers: [ScriptedCoach.interrupt])
        #expect(coach.out.contains("stopped after 0 of \(Self.steps) steps"))
        #expect(try coach.store.rehearsals(contactID: id).isEmpty)
    }

    @Test func theIntroductionIsDraftedFromPrepAndTheConfigThenEditedAndChecked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prepcoach-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("config.yaml").path
        let (coach, id) = try coachWithPlan(environment: ["PREPCOACH_CONFIG": config])
        try coach.run("config set name Alex Kim")
        try coach.run("config set background ten years teaching secondary science, now retraining as a nurse")
        #expect(coach.out.contains("`rehearse` opens your introduction with it"))
        try coach.run("config")
        #expect(coach.out.contains("background: ten years teaching secondary science"))
        try coach.store.save(ReadinessAnswer(contactID: id, checkID: "why-interested", ready: true,
                                             note: "caring for my father showed me what good nursing does", answeredAt: Date()))
        try coach.store.save(ReadinessAnswer(contactID: id, checkID: "goal", ready: true, note: "how night shifts work",
                                             answeredAt: Date()))

        try coach.run(#"rehearse "Ann Lee""#, answers: ["s"])
        #expect(coach.out.contains("Hi Ann, thank you for making the time. I'm Alex Kim, ten years teaching secondary "
                                   + "science, now retraining as a nurse. Caring for my father showed me what good nursing does."))
        #expect(coach.out.contains("as a Nurse Manager at Mercy Hospital"))
        #expect(coach.out.contains("In particular, I hope to learn how night shifts work."))
        #expect(coach.out.contains("at a normal pace"))
        #expect(try coach.store.introduction(contactID: id) == nil)  // nothing said or edited yet

        try coach.run(#"rehearse "Ann Lee""#, answers: ["e", "I'm Alex and I want a job. Could you hire me?", "s"])
        #expect(coach.out.contains("✓ kept as your introduction to Ann Lee"))
        #expect(coach.out.contains("error [job-ask-hire-me]"))
        #expect(coach.out.contains("(in “Could you hire me?”)"))
        #expect(try coach.store.introduction(contactID: id)?.text == "I'm Alex and I want a job. Could you hire me?")
        // Kept for this contact: the next run starts from it, not from the draft.
        try coach.run(#"rehearse "Ann Lee""#, answers: ["x", "s"])
        #expect(coach.out.contains("I'm Alex and I want a job.") && !coach.out.contains("Hi Ann"))
        #expect(coach.out.contains("Say it aloud and press Enter; `e` edits it"))
        #expect(try coach.store.introduction(contactID: id)?.text == "I'm Alex and I want a job. Could you hire me?")
    }

    @Test func cribAnswersAreKeptAndHowCanIHelpMustEndInAConcreteAsk() throws {
        let (coach, id) = try coachWithPlan()
        let toHelp = [ScriptedCoach.said(after: 30)] + Array(repeating: "", count: Self.askedBack - 1)
        try coach.run(#"rehearse "Ann Lee""#, answers: toHelp + [
            "Anything you can do would be great, thanks.",
            "Could you keep me in mind for any openings on your team?",
            "Thank you! Is there one person you think I should talk to next?",
            "s",
        ])
        let out = coach.out
        #expect(out.contains("A7/7 They ask: “How can I help?”"))
        #expect(out.contains("needs work: it does not end in a concrete ask"))
        #expect(out.contains("needs work: [job-ask-hire-me]"))
        #expect(out.contains("Kept, but it still counts as unanswered"))
        #expect(out.contains("✓ kept as your crib for this question"))
        #expect(out.contains("stopped after 8 of \(Self.steps) steps"))
        #expect(out.contains("crib typed, not timed"))
        #expect(try coach.store.cribAnswers(contactID: id)["how-can-i-help"]?.text
            == "Thank you! Is there one person you think I should talk to next?")
        // "What still has no answer" no longer lists it; it lists the ones never typed.
        let unanswered = out.components(separatedBy: "No answer yet").last ?? ""
        #expect(!unanswered.contains("How can I help?") && unanswered.contains("So, tell me a bit about yourself."))

        // The crib shows next time, and a new contact starts from it.
        try coach.run(#"rehearse "Ann Lee""#, answers: toHelp + ["s"])
        #expect(coach.out.contains("your crib: Thank you! Is there one person you think I should talk to next?"))
        try coach.run(#"contact add "Bo Chen" --stage career-changer"#)
        let bo = try #require(try coach.contact("Bo Chen").id)
        try coach.store.setPlan(contactID: bo, questions: [(questionID: nil, text: "How did you start?", topic: nil, minutes: 3)])
        try coach.run(#"rehearse "Bo Chen""#, answers: toHelp + ["s"])
        #expect(coach.out.contains("your crib for another call: Thank you! Is there one person"))
    }

    @Test func theCribTopsTheExportedPlanAndTheCallScreensPlan() throws {
        let (coach, id) = try coachWithPlan()
        try coach.store.save(IntroductionText(contactID: id, text: "Hi Ann, I'm Alex <b>and</b> I teach.", updatedAt: Date()))
        try coach.store.save(CribAnswer(contactID: id, questionID: "how-can-i-help",
                                        text: "Is there one person I should talk to next?", answeredAt: Date()))
        try coach.run(#"export-plan "Ann Lee""#)
        let markdown = coach.out
        let crib = try #require(markdown.range(of: "## What you will say"))
        #expect(crib.lowerBound < (markdown.range(of: "## Questions")?.lowerBound ?? markdown.startIndex))
        #expect(markdown.contains(#"**Your introduction:** Hi Ann, I'm Alex \<b\>and\</b\> I teach."#))
        #expect(markdown.contains("**If they ask “How can I help?”:** Is there one person I should talk to next?"))
        try coach.run(#"export-plan "Ann Lee" --html"#)
        #expect(coach.out.contains("<p class=\"crib\"><b>Your introduction:</b> Hi Ann, I&#39;m Alex &lt;b&gt;and&lt;/b&gt; I teach.</p>"))

        try coach.run(#"call "Ann Lee""#, answers: ["plan", "end"])
        let lines = coach.out.components(separatedBy: "\n")
        let intro = try #require(lines.firstIndex { $0.contains("Your introduction: Hi Ann") })
        #expect(lines.filter { $0.contains("If they ask “How can I help?”: Is there one person") }.count == 2)  // start and `plan`
        #expect(intro < (lines.firstIndex { $0.contains("1. How did you get into nursing management?") } ?? 0))
    }

    @Test func introductionsAndCribsGoWithExportImportAndContactRemoval() throws {
        let (coach, id) = try coachWithPlan()
        try coach.store.save(IntroductionText(contactID: id, text: "Hi Ann.", updatedAt: Date()))
        try coach.store.save(CribAnswer(contactID: id, questionID: "about-you", text: "I teach.", answeredAt: Date()))
        try coach.store.add(Rehearsal(contactID: id, at: Date(), seconds: 300, budgetSeconds: 360, introSeconds: 30,
                                      answersSeconds: 250, questionsSeconds: 20))
        let export = try coach.store.exportAll()
        #expect(export.version == 3 && export.introductions?.count == 1 && export.cribAnswers?.count == 1)
        let other = ScriptedCoach()
        try other.store.importAll(try StoreExport.read(try StoreExport.json(export), source: "export.json"))
        #expect(try other.store.introduction(contactID: id)?.text == "Hi Ann.")
        #expect(try other.store.cribAnswers(contactID: id)["about-you"]?.text == "I teach.")
        #expect(try other.store.rehearsals(contactID: id).first?.answersSeconds == 250)
        #expect(try other.store.exportAll() == export)
        let backup = coach.folder.appendingPathComponent("backup.sqlite").path
        #expect(try coach.run("backup \(backup)") == 0)
        let copy = try CoachStore(path: backup)
        #expect(try copy.introduction(contactID: id)?.text == "Hi Ann.")
        #expect(try copy.cribAnswers(contactID: id)["about-you"]?.text == "I teach.")
        copy.close()

        try coach.run(#"contact remove "Ann Lee" --yes"#)
        #expect(try coach.store.introduction(contactID: id) == nil)
        #expect(try coach.store.cribAnswers(contactID: id).isEmpty)
    }

    @Test func speakWithoutEspeakSaysHowToInstallItAndGoesOnSilently() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("prepcoach-nopath-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let (coach, _) = try coachWithPlan(environment: ["PATH": empty.path])
        #expect(try coach.run(#"rehearse "Ann Lee" --speak"#, answers: ["", "s"]) == 0)
        #expect(coach.err.contains("espeak-ng, which is not installed: sudo apt-get install espeak-ng. Going on without a voice."))
        #expect(coach.prompts.count == 2)
    }

    /// Checked by the sound file espeak-ng writes, not by listening (`scripts/install-deps.sh --test` installs it).
    @Test func theSpeakerWritesTheQuestionAsAWAV() throws {
        let speaker = try #require(Speaker.find(environment: ProcessInfo.processInfo.environment),
                                   "espeak-ng is not installed: scripts/install-deps.sh --test")
        let wav = FileManager.default.temporaryDirectory.appendingPathComponent("prepcoach-\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: wav) }
        #expect(speaker.say("--help: what have you been doing during your break?", writingTo: wav.path))
        let data = try Data(contentsOf: wav)
        #expect(data.count > 10_000)
        #expect(String(decoding: data.prefix(4), as: UTF8.self) == "RIFF")
        #expect(String(decoding: data[8..<12], as: UTF8.self) == "WAVE")
    }

    @Test func withoutAPlanSuggestsPickingOne() throws {
        let coach = ScriptedCoach()
        try coach.run("contact add Bob")
        #expect(try coach.run("rehearse Bob") == 1)
        #expect(coach.err.contains("Bob has no question plan yet"))
        #expect(coach.err.contains("pick --contact Bob"))
    }

    @Test func formatsOverUnderAndOnPace() {
        let step = RehearsalStep(part: .questions, label: "Q1", text: "How did you start?", budgetSeconds: 20)
        let formatter = RehearsalFormatter(style: Style(enabled: false))
        let ann = Contact(name: "Ann", createdAt: Date())
        func result(_ seconds: Int) -> RehearsalResult {
            RehearsalResult(timings: [.init(step: step, seconds: seconds)], stepCount: 1)
        }
        let over = formatter.format(result(35), contact: ann, previous: [], unanswered: [], planMinutes: 3)
        #expect(over.contains("Rehearsal for Ann: said aloud in 0:35 of about 0:20 — 0:15 over"))
        #expect(over.contains("Q1     0:35 of 0:20  0:15 over"))
        #expect(over.contains("leaves about 2:25 for their answers"))
        let onPace = formatter.format(result(23), contact: ann, previous: [], unanswered: [], planMinutes: 3)
        #expect(onPace.contains("Q1     0:23 of 0:20  on pace"))
        #expect(RehearsalFormatter.clock(605) == "10:05")
        let crib = RehearsalStep(part: .answers, label: "A1", text: "How can I help?", budgetSeconds: 30)
        let typed = formatter.format(RehearsalResult(timings: [.init(step: crib, seconds: nil)], stepCount: 2), contact: ann,
                                     previous: [], unanswered: [], planMinutes: 3)
        #expect(typed.contains("Your answers: 1 crib typed, none said aloud"))
        #expect(typed.contains("A1     crib typed, not timed"))
    }
}
