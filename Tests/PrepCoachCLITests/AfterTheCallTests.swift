import Foundation
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

/// Letters signed from the config, the thank-you's chosen point, one summary per call,
/// wrap's all-or-nothing, history, follow-ups, `next` and `export-plan`.
@Suite struct AfterTheCallTests {
    /// A session whose config file signs letters as Alex Kim.
    private func signedCoach() throws -> ScriptedCoach {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString).yaml")
        try "me:\n  name: Alex Kim\n  signature: \"Alex Kim\\nalex@example.com\"\n".write(to: config, atomically: true, encoding: .utf8)
        return ScriptedCoach(environment: ["PREPCOACH_CONFIG": config.path])
    }

    private func heldCall(_ coach: ScriptedCoach, _ name: String = "Dana Lee") throws {
        try coach.run(#"contact add "\#(name)" --company "Mercy Hospital" --industry healthcare --stage career-changer"#)
        try coach.run(#"pick --contact "\#(name)" --seed 4"#)
        try coach.run(#"call "\#(name)""#, answers: ["next", "she started in the parks dept", "todo shadow a charge nurse", "end"])
    }

    // MARK: Letters

    @Test func requestIsSignedFromTheConfigAndReadsGrammatically() throws {
        let coach = try signedCoach()
        try coach.run(#"contact add "Priya Shah" --role "Senior Product Designer" --company "Northwind Bank" --industry finance"#)
        #expect(try coach.run(#"request "Priya Shah" --how "met at the 🍜 festival" --learn "how you moved from print into product design""#) == 0)
        let email = coach.out
        #expect(email.contains("We met at the 🍜 festival. My name is Alex Kim,"))
        #expect(email.contains("your work as a Senior Product Designer at Northwind Bank"))
        #expect(email.contains("In particular, I hope to learn how you moved from print into product design."))
        #expect(email.contains("Kind regards,\nAlex Kim\nalex@example.com"))
        #expect(!email.contains("[your name]"))
        // --how is kept with the contact.
        #expect(try coach.contact("Priya Shah").howKnown == "met at the 🍜 festival")
    }

    @Test func configSetSignsTheLettersFromThenOn() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString)/config.yaml")
        let coach = ScriptedCoach(environment: ["PREPCOACH_CONFIG": config.path])
        #expect(try coach.run("config set name Alex Kim") == 0)
        #expect(try coach.run(#"config set signature "Alex Kim" "alex@example.com""#) == 0)
        try coach.run("config")
        #expect(coach.out.contains("name:      Alex Kim") && coach.out.contains("signature: Alex Kim / alex@example.com"))
        try coach.run(#"contact add "Ann Lee""#)
        try coach.run(#"request "Ann Lee""#)
        #expect(coach.out.contains("My name is Alex Kim,") && coach.out.contains("Kind regards,\nAlex Kim\nalex@example.com"))
        #expect(coach.completions("config set ") == ["background", "name", "signature"])
    }

    @Test func requestWithoutANameSaysHowToSetIt() throws {

        let coach = ScriptedCoach()
        try coach.run(#"contact add "Ann Lee" --role "engineer""#)
        try coach.run(#"request "Ann Lee""#)
        #expect(coach.out.contains("your work as an engineer"))
        #expect(coach.out.contains("[your name]"))
        #expect(coach.out.contains("`config set name Alex Kim`"), "the command, not YAML to write by hand")
    }

    @Test func requestSentIsRecordedAndShownInHistoryAndNext() throws {
        let coach = ScriptedCoach()
        try coach.run(#"contact add "Ann Lee""#)
        #expect(try coach.run(#"request "Ann Lee" --sent --channel linkedin"#) == 0)
        #expect(coach.out.contains(#"`pick --contact "Ann Lee"` starts your questions"#))
        // With a plan picked already, the next step is getting ready, not picking again.
        try coach.run(#"contact add "Bo Chen" --industry retail --stage changer"#)
        try coach.run(#"pick --contact "Bo Chen" --seed 1"#)
        try coach.run(#"request "Bo Chen" --sent"#)
        #expect(coach.out.contains(#"`prep "Bo Chen"` gets you ready"#) && !coach.out.contains("pick"))
        try coach.run(#"history "Ann Lee""#)
        #expect(coach.out.contains("Request sent (linkedin)"))
        try coach.run("next")
        #expect(coach.out.contains("✓request → ▸prep → call"))
        // A plan picked before asking: getting ready, but the request is not shown as done.
        try coach.run(#"contact add "Cy Park" --industry retail --stage changer"#)
        try coach.run(#"pick --contact "Cy Park" --seed 1"#)
        try coach.run("next")
        #expect(coach.out.contains("Cy Park [request → ▸prep → call"))
        #expect(coach.out.contains(#"the request is not sent yet: `request "Cy Park"`"#))
    }

    @Test func thankYouNamesTheChosenNoteQuotedAndIsSignedFromTheConfig() throws {
        let coach = try signedCoach()
        try heldCall(coach)
        #expect(try coach.run(#"wrap "Dana Lee" --point 2"#) == 0)
        let task = try #require(try coach.store.openTasks().first { $0.kind == .thankYou })
        #expect(task.text.contains("— “Shadow a charge nurse” —"))
        #expect(task.text.hasSuffix("With thanks,\nAlex Kim\nalex@example.com\n"))
        #expect(!task.text.contains("parks dept"))
        // Your own words, on a second wrap, rewrite the unsent draft.
        #expect(try coach.run(#"wrap "Dana Lee" --point "your advice to talk to a charge nurse""#) == 0)
        #expect(try coach.store.openTasks().first { $0.kind == .thankYou }?.text.contains("“Your advice to talk to a charge nurse”") == true)
        #expect(try coach.run(#"wrap "Dana Lee" --point 9"#) == 1)
        #expect(coach.err.contains("--point takes a note number from 1 to 2"))
    }

    @Test func thankYouWithoutAPointKeepsAPlaceholderAndPastesNoCallText() throws {
        let coach = ScriptedCoach()
        try heldCall(coach)
        #expect(try coach.run(#"wrap "Dana Lee""#) == 0)
        let task = try #require(try coach.store.openTasks().first { $0.kind == .thankYou })
        #expect(task.text.contains(ThankYouDraft.pointPlaceholder))
        #expect(!task.text.contains("parks dept") && !task.text.contains("charge nurse"))
        #expect(coach.out.contains(#"wrap "Dana Lee" --point N"#))
        #expect(coach.out.contains("`config set name Alex Kim`"), "an unsigned thank-you says how to sign it")
        try coach.run(#"thanks "Dana Lee""#)
        #expect(coach.out.contains(#"wrap "Dana Lee" --point N"#))
    }

    @Test func phoneScriptSaysWhatYouHopeToLearn() throws {
        let coach = ScriptedCoach()
        try coach.run(#"contact add "Ann Lee" --role "RN""#)
        try coach.run(#"request "Ann Lee" --channel phone --learn "what night shifts are like""#)
        #expect(coach.out.contains("to tell me about your work as an RN? In particular, I hope to learn what night shifts are like."))
    }


    // MARK: Summary files

    @Test func namesThatSlugAlikeOrToNothingStillGetTheirOwnFiles() throws {
        let coach = ScriptedCoach()
        let names = ["Dana Lee", "dana-lee!", "דנה לוי", "🍜", "..", String(repeating: "Bartholomew ", count: 16) + "Smith"]
        for name in names {
            try heldCall(coach, name)
            #expect(try coach.run("wrap \(CommandWords.quoted(name))") == 0, "\(name)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: coach.folder.appendingPathComponent("summaries").path)
        let summaries = files.filter { $0.hasSuffix(".md") }
        #expect(summaries.count == names.count)
        #expect(summaries.contains { $0.contains("-דנה-לוי-call") })
        #expect(summaries.filter { $0.contains("-contact-call") }.count == 2)
        #expect(summaries.allSatisfy { $0.utf8.count < 120 })
        #expect(SummaryFileWriter.slug("Dana Lee") == SummaryFileWriter.slug("dana-lee!"))
    }

    @Test func wrapStoresNothingWhenTheSummaryCannotBeWritten() throws {
        let coach = ScriptedCoach()
        try heldCall(coach)
        let summaries = coach.folder.appendingPathComponent("summaries")
        try FileManager.default.createDirectory(at: summaries, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: summaries.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: summaries.path) }
        guard access(summaries.path, W_OK) != 0 else { return }  // running as root: the folder stays writable
        #expect(try coach.run(#"wrap "Dana Lee""#) == 1)
        #expect(coach.err.hasPrefix("error: cannot write "))
        #expect(coach.err.split(separator: "\n").count == 1)
        #expect(try coach.store.openTasks().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: summaries.path).isEmpty)
    }

    @Test func wrapStoresNothingWhenNoFileCanBeCreatedThere() throws {
        let coach = ScriptedCoach()
        try heldCall(coach)
        // Not even root can create files in /proc: the same path as a read-only folder, whoever runs the tests.
        #expect(try coach.run(#"wrap "Dana Lee" --out /proc"#) == 1)
        #expect(coach.err.hasPrefix("error: cannot write /proc/2025-03-10-0900-dana-lee-call"))
        #expect(coach.err.split(separator: "\n").count == 1)
        #expect(try coach.store.openTasks().isEmpty)
    }

    @Test func wrapStoresNothingWhenTheFolderIsAFile() throws {

        let coach = ScriptedCoach()
        try heldCall(coach)
        let blocker = coach.folder.appendingPathComponent("not-a-folder")
        try "x".write(to: blocker, atomically: true, encoding: .utf8)
        #expect(try coach.run(#"wrap "Dana Lee" --out \#(blocker.path)"#) == 1)
        #expect(coach.err.contains("cannot make the folder"))
        #expect(try coach.store.openTasks().isEmpty)
    }

    // MARK: History, follow-ups, next

    @Test func historyShowsEachCallWithWhatWasAskedAndNotedInTimeOrder() throws {
        let coach = ScriptedCoach()
        try heldCall(coach)
        try coach.run(#"wrap "Dana Lee""#)
        try coach.run(#"thanks "Dana Lee" --sent"#)
        try coach.run(#"call "Dana Lee""#, answers: ["next", "second call note", "end"])
        #expect(try coach.run(#"history "Dana Lee""#) == 0)
        let out = coach.out
        let order = ["Call (", "she started in the parks dept", "to do: shadow a charge nurse", "Thank-you sent",
                     "second call note"].map { out.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(!out.contains("thank-you-sent:"))
        #expect(try coach.run(#"history "Dana Lee" --json"#) == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(coach.out.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["kind"] as? String } == ["call", "thank-you-sent", "call"])
    }

    @Test func followUpsNameTheirContactAndDoneCanBeUndone() throws {
        let coach = ScriptedCoach()
        try heldCall(coach)
        try coach.run("followups")
        #expect(coach.out.contains("Wrap the call with Dana Lee"))
        try coach.run(#"wrap "Dana Lee""#)
        try coach.run("followups")
        #expect(coach.out.contains("Dana Lee: shadow a charge nurse"))
        #expect(!coach.out.contains("Wrap the call"))
        let todo = try #require(try coach.store.openTasks().first { $0.kind == .todo })
        #expect(try coach.run("followups --done \(todo.id!)") == 0)
        #expect(coach.out.contains("followups --undo \(todo.id!)"))
        #expect(try coach.run("followups --undo \(todo.id!)") == 0)
        #expect(try coach.store.openTasks().contains { $0.id == todo.id })
        #expect(try coach.run("followups --undo \(todo.id!)") == 1)
        #expect(try coach.run("followups --json --days 30") == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(coach.out.utf8)) as? [String: Any])
        let tasks = try #require(json["tasks"] as? [[String: Any]])
        #expect(tasks.contains { $0["contact"] as? String == "Dana Lee" && $0["kind"] as? String == "todo" })
    }

    @Test func nextShowsWhereEachContactStandsMostPressingFirst() throws {
        let coach = ScriptedCoach()
        try heldCall(coach)  // ended, not wrapped
        try coach.run(#"call "Dana Lee""#, answers: [#"ref "Sam Ortiz""#, "y", "end"])
        try coach.run(#"contact add "Ann Lee""#)
        #expect(try coach.run("next") == 0)
        let out = coach.out
        let dana = try #require(out.range(of: "Dana Lee"))
        let sam = try #require(out.range(of: "Sam Ortiz"))
        let ann = try #require(out.range(of: "Ann Lee"))
        #expect(dana.lowerBound < sam.lowerBound && sam.lowerBound < ann.lowerBound)
        #expect(out.contains(#"The call ended: `wrap "Dana Lee"` drafts the thank-you"#))
        #expect(out.contains("due 2025-03-11"))
        #expect(out.contains(#"Referred by Dana Lee, not contacted yet: `request "Sam Ortiz"` (you may use their name)"#))
        #expect(try coach.run("next --json") == 0)
        let steps = try #require(try JSONSerialization.jsonObject(with: Data(coach.out.utf8)) as? [[String: Any]])
        #expect(steps.map { $0["stage"] as? String } == ["to-wrap", "referral-to-contact", "to-request"])
        try coach.run(#"wrap "Dana Lee""#)
        try coach.run(#"thanks "Dana Lee" --sent"#)
        try coach.run("next --json")
        let after = try #require(try JSONSerialization.jsonObject(with: Data(coach.out.utf8)) as? [[String: Any]])
        #expect(after.first { $0["name"] as? String == "Dana Lee" }?["stage"] as? String == "thanked")
    }

    @Test func staleFollowUpsHaveJSON() throws {
        let coach = ScriptedCoach()
        try coach.run(#"contact add "Ann Lee""#)
        try coach.run(#"contact log "Ann Lee" had coffee"#)
        let later = ScriptedCoach(now: "2025-09-10T09:00:00Z")
        let context = CommandContext(console: later.context.console, environment: ["PREPCOACH_NOW": "2025-09-10T09:00:00Z"],
                                     bundledBanks: ScriptedCoach.bundledBanks,
                                     storePath: coach.folder.appendingPathComponent("coach.sqlite").path)
        #expect(CommandDispatcher(context: context).run(["followups", "--stale", "90", "--json"]) == 0)
        let stale = try #require(try JSONSerialization.jsonObject(with: Data(later.out.utf8)) as? [[String: Any]])
        #expect(stale.map { $0["name"] as? String } == ["Ann Lee"])
        #expect((stale.first?["lastContact"] as? String)?.hasPrefix("2025-03-10T09:0") == true)  // the clock runs on from PREPCOACH_NOW
    }

    @Test func researchListHasJSON() throws {

        let coach = ScriptedCoach()
        try coach.run(#"research add "Mercy Hospital" opened a new cancer centre in 2024"#)
        #expect(try coach.run("research list --json") == 0)
        let notes = try #require(try JSONSerialization.jsonObject(with: Data(coach.out.utf8)) as? [[String: Any]])
        #expect(notes.first?["company"] as? String == "Mercy Hospital")
        #expect(notes.first?["text"] as? String == "opened a new cancer centre in 2024")
    }

    // MARK: Export

    @Test func exportedPageIsSelfContainedEscapedAndCarriesFollowUpsAndResearch() throws {
        let coach = ScriptedCoach()
        try coach.run(#"contact add "Eve <script>alert(1)</script>" --company "Mercy & Sons" --industry healthcare --stage career-changer"#)
        try coach.run(#"pick --contact "Eve <script>alert(1)</script>" --seed 4"#)
        try coach.run(#"research add "Mercy & Sons" "runs <b>three</b> clinics""#)
        let file = coach.folder.appendingPathComponent("plan.html").path
        #expect(try coach.run(#"export-plan "Eve <script>alert(1)</script>" -o \#(file)"#) == 0)
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains(#"<meta name="viewport" content="width=device-width, initial-scale=1">"#))
        #expect(html.contains("Eve &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("runs &lt;b&gt;three&lt;/b&gt; clinics"))
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("http") && !html.contains("<img"))
        let first = try #require(try coach.store.plan(contactID: coach.contact("Eve <script>alert(1)</script>").id!).first)
        for followup in coach.context.banks().question(id: first.questionID!)!.followups {
            #expect(html.contains(PlanExport.htmlEscaped(followup)))
        }
        #expect(try coach.run(#"export-plan "Eve <script>alert(1)</script>" --md"#) == 0)
        #expect(coach.out.hasPrefix("# Questions for Eve \\<script\\>alert(1)\\</script\\>\n"))
        #expect(coach.out.contains("## What you already know"))
    }
}
