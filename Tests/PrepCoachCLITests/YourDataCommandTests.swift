import Foundation
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

/// Backing up, exporting and importing, and forgetting a person.
@Suite struct YourDataCommandTests {
    /// Dana with a plan, readiness answers, a wrapped call (notes, a to-do, a referral to Sam), and research notes.
    private func coachWithHistory() throws -> ScriptedCoach {
        let coach = ScriptedCoach()
        try coach.run(#"contact add "Dana Lee" --company "Mercy Hospital" --industry healthcare --stage career-changer"#)
        try coach.run(#"contact add "Ann Other""#)
        #expect(try coach.run(#"pick --contact "Dana Lee" --seed 4"#) == 0)
        try coach.run(#"prep "Dana Lee""#, answers: ["y", "n"])
        #expect(try coach.run(#"call "Dana Lee""#, answers: [
            "next", "she started as an ER nurse", "todo shadow a charge nurse", #"ref "Sam Ortiz" Denver Health"#, "y", "end",
        ]) == 0)
        #expect(try coach.run(#"wrap "Dana Lee" --from Alex"#) == 0)
        try coach.run(#"research add "Mercy Hospital" founded 1921"#)
        try coach.run(#"research add "Mercy Hospital" 4,000 staff"#)
        return coach
    }

    private func summaryFiles(_ coach: ScriptedCoach) throws -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: try coach.store.summariesFolder.path)) ?? []
    }

    @Test func contactRemoveForgetsEverythingAboutThemAfterConfirmation() throws {
        let coach = try coachWithHistory()
        let dana = try coach.contact("Dana Lee")
        #expect(try summaryFiles(coach).count == 2)
        #expect(try coach.run(#"contact remove "Dana Lee""#, answers: ["n"], interactive: true) == 0)
        #expect(coach.prompts.first?.contains("Remove Dana Lee, everything about them and 2 summary files?") == true)
        #expect(try coach.store.contact(named: "Dana Lee") != nil)

        #expect(try coach.run(#"contact remove "Dana Lee""#, answers: ["y"], interactive: true) == 0)
        #expect(coach.out.contains("Removed Dana Lee with 10 plan questions, 1 call"))
        let store = try coach.store
        #expect(try store.contact(named: "Dana Lee") == nil)
        #expect(try store.plan(contactID: dana.id!).isEmpty)
        #expect(try store.calls(contactID: dana.id!).isEmpty)
        #expect(try store.tasks(contactID: dana.id!).isEmpty)
        #expect(try store.readiness(contactID: dana.id!).isEmpty)
        #expect(try store.interactions(contactID: dana.id!).isEmpty)
        #expect(try summaryFiles(coach).isEmpty)
        let sam = try coach.contact("Sam Ortiz")
        #expect(sam.referredByID == nil && sam.howKnown == nil && sam.mayUseReferrerName == nil)
        #expect(try store.exportAll().callEvents.isEmpty)
        #expect(try coach.contact("Ann Other").name == "Ann Other")
        #expect(try coach.run(#"contact remove "Ann Other" --yes"#) == 0)
        #expect(coach.out == "Removed Ann Other; nothing else was stored about them.\n")
    }

    @Test func contactRemoveInAScriptNeedsYes() throws {
        let coach = try coachWithHistory()
        coach.context.answers = ScriptAnswers(AnyIterator(["y"].makeIterator()))
        #expect(CommandDispatcher(context: coach.context).run(["contact", "remove", "Dana Lee"]) == 1)
        #expect(try coach.store.contact(named: "Dana Lee") != nil)
        #expect(try coach.run(#"contact remove "Dana Lee" --yes"#) == 0)
        #expect(try coach.store.contact(named: "Dana Lee") == nil)
    }

    @Test func contactRemoveOneShotWithoutYesRefusesClearly() throws {
        let coach = try coachWithHistory()
        coach.context.answers = nil
        #expect(CommandDispatcher(context: coach.context).run(["contact", "remove", "Dana Lee"]) == 1)
        #expect(coach.err.contains("error: `contact remove` deletes Dana Lee and everything about them for good: add --yes"))
    }

    @Test func contactRenameKeepsTheirHistoryAndRefusesATakenName() throws {
        let coach = try coachWithHistory()
        let dana = try coach.contact("Dana Lee")
        #expect(try coach.run(#"contact rename "Dana Lee" "ann other""#) == 1)
        #expect(coach.err.contains("a contact named 'Ann Other' already exists"))
        #expect(try coach.run(#"contact rename "Dana Lee" "Dana Lee-Ortiz""#) == 0)
        let renamed = try coach.contact("Dana Lee-Ortiz")
        #expect(renamed.id == dana.id)
        #expect(try coach.store.calls(contactID: dana.id!).count == 1)
        #expect(try coach.contact("Sam Ortiz").howKnown == "referred by Dana Lee-Ortiz")
        #expect(try coach.run(#"contact rename "dana lee-ortiz" "Dana Lee-ortiz""#) == 0)
    }

    @Test func researchRemoveDeletesOneNoteOrAllOfACompany() throws {
        let coach = try coachWithHistory()
        #expect(try coach.run(#"research remove "mercy hospital" --note 3"#) == 1)
        #expect(coach.err.contains("Mercy Hospital has 2 notes: give --note from 1 to 2"))
        #expect(try coach.run(#"research remove "Mercy Hospital" --note 1"#) == 0)
        #expect(try coach.store.research().map(\.text) == ["4,000 staff"])
        #expect(try coach.run(#"research remove "Mercy Hospital""#, answers: ["yes"], interactive: true) == 0)
        #expect(coach.prompts.first?.hasPrefix("Remove the note on Mercy Hospital?") == true)  // not "all 1 note"
        #expect(try coach.store.research().isEmpty)
        #expect(try coach.run(#"research remove "Mercy Hospital""#) == 1)
    }

    @Test func exportImportExportGivesTheSameJSON() throws {
        let coach = try coachWithHistory()
        let first = coach.folder.appendingPathComponent("first.json").path
        #expect(try coach.run("export \(first)") == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: first)[.posixPermissions] as? Int == 0o600)
        let fresh = coach.folder.appendingPathComponent("fresh.sqlite").path
        let second = coach.folder.appendingPathComponent("second.json").path
        let other = try CoachStore(path: fresh)
        try other.importAll(StoreExport.read(try Data(contentsOf: URL(fileURLWithPath: first)), source: first))
        try other.export(to: second, replacing: false)
        let exported = try Data(contentsOf: URL(fileURLWithPath: first))
        #expect(exported == (try Data(contentsOf: URL(fileURLWithPath: second))))
        let export = try StoreExport.read(exported, source: first)
        #expect(export.contacts.count == 3 && export.calls.count == 1 && export.researchNotes.count == 2)
        #expect(!export.planItems.isEmpty && !export.readinessAnswers.isEmpty && !export.callEvents.isEmpty)
        #expect(!export.followUpTasks.isEmpty && !export.interactions.isEmpty)
        // Into a database that holds data: refused, nothing changed.
        #expect(try coach.run("import \(first)") == 1)
        #expect(coach.err.contains("already holds data"))
        #expect(try coach.run("export \(first)") == 1)
        #expect(coach.err.contains("already exists: choose another name, or add --force"))
    }

    @Test func importRefusesWhatIsNotAnExportInOneLine() throws {
        let coach = ScriptedCoach()
        let file = coach.folder.appendingPathComponent("bad.json")
        let cases = [
            ("not json at all", "is not a prepcoach export"),
            (#"{"format": "something-else", "version": 1}"#, "is not a prepcoach export (its format is 'something-else')"),
            (#"{"format": "prepcoach-export", "version": 99}"#, "was exported by a newer prepcoach (format version 99"),
            (#"{"format": "prepcoach-export", "version": 1, "contacts": [{"id": 1}]}"#, "contacts[0].name: missing"),
            (#"{"format": "prepcoach-export", "version": 1, "contacts": [{"id": 1e30}]}"#,
             "contacts[0].id: 1e+30 is not a whole number prepcoach can store"),
            (#"{"format": "prepcoach-export", "version": 1.5}"#, "version: 1.5 is not a whole number"),
        ]
        for (text, message) in cases {
            try text.write(to: file, atomically: true, encoding: .utf8)
            #expect(try coach.run("import \(file.path)") == 1)
            #expect(coach.err.contains(message), "\(coach.err)")
            #expect(coach.err.split(separator: "\n").count == 1)
        }
        #expect(try coach.store.contacts().isEmpty)
    }

    /// An edited export brought in a meeting of Int.min minutes (SIGILL in `add`), a contact id of
    /// 2^63−1 (every later `contact add` failed as "the disk is full") and a thank-you due in 10000
    /// (nothing could be exported again). Every field is checked, the first bad one named by its path.
    @Test func importChecksEveryFieldAgainstTheCommandsRanges() throws {
        let coach = try coachWithHistory()
        let exported = coach.folder.appendingPathComponent("export.json").path
        #expect(try coach.run("export \(exported)") == 0)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: exported))) as! [String: Any]
        func edited(_ table: String, _ field: String, _ value: Any) throws -> String {
            var document = json
            var rows = document[table] as! [[String: Any]]
            rows[0][field] = value
            document[table] = rows
            let file = coach.folder.appendingPathComponent("edited-\(table)-\(field).json").path
            try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: file))
            return file
        }
        let cases: [(String, String, Any, String)] = [
            ("planLengths", "meetingMinutes", Int64.min, "planLengths[0].meetingMinutes: -9223372036854775808 is not from 1 to 240"),
            ("planLengths", "meetingMinutes", 0, "planLengths[0].meetingMinutes: 0 is not from 1 to 240"),
            ("contacts", "id", Int64.max, "contacts[0].id: 9223372036854775807 is not an id prepcoach uses (1 to 281474976710656)"),
            ("calls", "endedAt", "9999-12-31T00:00:00.000Z", "calls[0].endedAt: 9999-12-31T00:00:00Z is outside the years 1970 to 2200"),
            ("calls", "endedAt", "2025-03-10T08:00:00Z", "calls[0].endedAt: the call ends before it starts"),
            ("planItems", "minutes", 16, "planItems[0].minutes: 16 is not from 1 to 15"),
            ("planItems", "text", "Fine?\n## Referrals", "planItems[0].text: the question contains a line break; type it on one line without control characters"),
        ]
        for (table, field, value, message) in cases {
            let other = ScriptedCoach()
            #expect(try other.run("import \(try edited(table, field, value))") == 1)
            #expect(other.err == "error: \(message); nothing was imported\n", "\(other.err)")
            #expect(try other.store.contacts().isEmpty)
        }
        var unknown = json
        unknown["version"] = 0
        let versionFile = coach.folder.appendingPathComponent("version.json").path
        try JSONSerialization.data(withJSONObject: unknown).write(to: URL(fileURLWithPath: versionFile))
        let other = ScriptedCoach()
        #expect(try other.run("import \(versionFile)") == 1)
        #expect(other.err.contains("version: 0 is not a format version this prepcoach knows"), "\(other.err)")

        // Dates without fractional seconds are ISO 8601 too.
        let plain = try String(contentsOfFile: exported, encoding: .utf8)
            .replacingOccurrences(of: #"\.\d{3}Z""#, with: "Z\"", options: .regularExpression)
        #expect(!plain.contains(".000Z"))
        let plainFile = coach.folder.appendingPathComponent("plain.json").path
        try plain.write(toFile: plainFile, atomically: true, encoding: .utf8)
        let fresh = ScriptedCoach()
        #expect(try fresh.run("import \(plainFile)") == 0, "\(fresh.err)")
        #expect(try fresh.store.contact(named: "Dana Lee") != nil)
    }

    @Test func backupIsACompletePrivateDatabaseAndNeverOverwritesUnlessForced() throws {
        let coach = try coachWithHistory()
        let copy = coach.folder.appendingPathComponent("backup.sqlite").path
        #expect(try coach.run("backup \(copy)") == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int == 0o600)
        #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
        #expect(try CoachStore(path: copy).exportAll() == coach.store.exportAll())
        try coach.run("contact add Zed")
        #expect(try coach.run("backup \(copy)") == 1)
        #expect(coach.err.contains("already exists"))
        #expect(try coach.run("backup \(copy) --force") == 0)
        #expect(try CoachStore(path: copy).contact(named: "Zed") != nil)
        let nowhere = coach.folder.appendingPathComponent("no-such-folder/backup.sqlite").path
        #expect(try coach.run("backup \(nowhere)") == 1)
        #expect(coach.err == "error: cannot write \(nowhere): the folder \(coach.folder.path)/no-such-folder does not exist; "
                + "create it first\n")
    }

    /// `backup --force` or `export --force` onto the live database once replaced it under the
    /// running prepcoach: what was written next went to the old file and was lost.
    /// (A database open in another process: `StoreRobustnessTests`.)
    @Test func backupAndExportNeverReplaceADatabaseInUse() throws {
        let coach = try coachWithHistory()
        let live = try coach.store.path
        for command in ["backup", "export"] {
            for target in [live, live + "-wal", live + "-shm"] {
                #expect(try coach.run("\(command) \(target) --force") == 1)
                #expect(coach.err == "error: \(target) is the database prepcoach is using: write to another file\n")
            }
        }
        #expect(try coach.run("import \(coach.folder.path)") == 1)
        #expect(coach.err == "error: \(coach.folder.path) is a folder: give the file `export` wrote\n")  // not "no such file"
        for command in ["backup", "export"] {
            #expect(try coach.run("\(command) ''") == 1)
            #expect(coach.err == "error: the file name is empty: give a path to write\n")
        }
        let other = coach.folder.appendingPathComponent("other.sqlite").path
        try CoachStore(path: other).close()  // closed: its leftover -wal and -shm do not stop a backup
        #expect(try coach.run("backup \(other) --force") == 0)
        try coach.run("contact add Zed")
        #expect(try coach.store.contact(named: "Zed") != nil)
        #expect(try coach.store.contact(named: "Dana Lee") != nil)
    }

    /// `export-plan -o` and `train --output` replaced any file without asking, the database included
    /// (then "not a prepcoach database"), and as root a device node with a regular file.
    @Test func everyCommandWritingANamedFileKeepsWhatIsThere() throws {
        let coach = try coachWithHistory()
        let live = try coach.store.path
        let mine = coach.folder.appendingPathComponent("mine.html").path
        try "mine".write(toFile: mine, atomically: true, encoding: .utf8)
        for command in [#"export-plan "Dana Lee" -o"#, "train --output"] {
            #expect(try coach.run("\(command) \(mine)") == 1)
            #expect(coach.err == "error: \(mine) already exists: choose another name, or add --force to replace it\n")
            #expect(try String(contentsOfFile: mine, encoding: .utf8) == "mine")
            for target in [live, live + "-wal", live + "-shm", coach.folder.path + "/./coach.sqlite"] {
                #expect(try coach.run("\(command) \(target) --force") == 1)
                #expect(coach.err == "error: \(target) is the database prepcoach is using: write to another file\n")
            }
        }
        for command in [#"export-plan "Dana Lee" -o"#, "train --output", "backup", "export"] {
            #expect(try coach.run("\(command) /dev/null --force") == 1)
            #expect(coach.err == "error: /dev/null is a device, pipe or socket, not a file: give a file name\n")
        }
        #expect(try coach.store.contact(named: "Dana Lee") != nil)
        #expect(try coach.run(#"export-plan "Dana Lee" -o \#(mine) --force"#) == 0)
        #expect(try String(contentsOfFile: mine, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    }

    /// After `contact rename`, `contact remove` left the summary written under the old name (with
    /// the call's notes) on disk, and never said which files it deleted.
    @Test func contactRemoveDeletesFilesWrittenUnderAnyNameTheyHad() throws {
        let coach = try coachWithHistory()
        let written = try summaryFiles(coach)
        #expect(written.count == 2 && written.allSatisfy { $0.contains("dana-lee") })
        #expect(try coach.run(#"contact rename "Dana Lee" "Dana Ortiz""#) == 0)
        #expect(try coach.run(#"wrap "Dana Ortiz" --from Alex"#) == 0)  // the same call, wrapped again under the new name
        #expect(try summaryFiles(coach).count == 4)
        #expect(try coach.run(#"contact remove "Dana Ortiz" --yes"#) == 0)
        #expect(try summaryFiles(coach).isEmpty)
        #expect(coach.out.contains("4 summary files"))
        let folder = try coach.store.summariesFolder.path
        #expect(coach.out.contains("Deleted " + written.sorted().map { folder + "/" + $0 }.joined(separator: ", ")), "\(coach.out)")
    }

    /// `contact rename` took what `contact add` refuses: line breaks, TAB, ESC, U+202E, 5,000
    /// characters, spaces around the name. One check for every way a name comes in.
    @Test func everyWayANameComesInIsCheckedAlike() throws {
        let coach = try coachWithHistory()
        let hostile = ["Dana\nLee": "a line break", "Dana\tLee": "(\\u{09})", "Dana\u{1B}[2JLee": "(\\u{1B})",
                       "Dana\u{202E}eeL": "(\\u{202E})", String(repeating: "D", count: 5_000): "5000 characters long"]
        for (name, reason) in hostile {
            for command in [["contact", "add", name], ["contact", "rename", "Dana Lee", name]] {
                #expect(coach.run(words: command) == 1)
                #expect(coach.err.contains(reason), "\(command): \(coach.err)")
            }
        }
        #expect(try coach.store.contact(named: "Dana Lee") != nil)
        #expect(try coach.run(#"contact rename "Dana Lee" "  Dana Ortiz  ""#) == 0)
        #expect(coach.out == "Renamed Dana Lee to Dana Ortiz.\n")
        #expect(try coach.contact("Dana Ortiz").name == "Dana Ortiz")

        // An import must hold names as the commands would store them.
        let export = coach.folder.appendingPathComponent("export.json").path
        #expect(try coach.run("export \(export)") == 0)
        let json = try String(contentsOfFile: export, encoding: .utf8)
        for (hostileName, reason) in [" Dana Ortiz": "spaces before or after it", "Dana\\u202eOrtiz": "(\\u{202E})", "": "the name is empty"] {
            let edited = coach.folder.appendingPathComponent("edited.json").path
            try json.replacingOccurrences(of: #""name" : "Dana Ortiz""#, with: #""name" : "\#(hostileName)""#)
                .write(toFile: edited, atomically: true, encoding: .utf8)
            let other = ScriptedCoach()
            #expect(try other.run("import \(edited)") == 1)
            #expect(other.err.contains("contacts[0]") && other.err.contains(reason), "\(other.err)")
        }
    }

    @Test func newCommandsAreCompletedAndHaveHelp() throws {
        let coach = try coachWithHistory()
        #expect(coach.completions("contact re") == ["remove", "rename"])
        #expect(coach.completions("exp") == ["export", "export-plan"])
        #expect(coach.completions("imp") == ["import"])
        #expect(coach.completions("contact remove --y") == ["--yes"])
        #expect(coach.completions("contact remove Da") == ["Dana\\ Lee"])
        #expect(coach.completions("research remove Mer") == ["Mercy\\ Hospital"])
        #expect(coach.completions("backup --f") == ["--force"])
        #expect(coach.completions("help da") == ["data"])
        #expect(try coach.run("help data") == 0)
        #expect(coach.out.contains("contact remove NAME"))
        #expect(try coach.run("help") == 0)
        #expect(coach.out.contains("backup") && coach.out.contains("export") && coach.out.contains("import"))
        #expect(try coach.run("help contact remove") == 0)
        #expect(coach.out.contains("--yes"))
    }
}
