import Foundation
import GRDB
import PrepCoachCore
import Testing

/// The database as a careless or hostile user leaves it: many first runs at once,
/// values edited with sqlite3, links planted at its path, impossible paths.
@Suite struct StoreRobustnessTests {
    private func storePath(_ home: URL) -> String { home.appendingPathComponent("data/prepcoach/prepcoach.sqlite").path }

    /// Changes the database behind prepcoach's back, as a user with sqlite3 would.
    private func plant(_ statements: String..., home: URL) throws {
        let queue = try DatabaseQueue(path: storePath(home))
        try queue.write { db in
            for statement in statements { try db.execute(sql: statement) }
        }
        try queue.close()
    }

    /// Four processes on a database that does not exist yet, twenty times: every one succeeds and saves its row.
    @Test func processesStartingTogetherOnAMissingDatabaseAllSucceed() throws {
        var failures: [String] = []
        for round in 1...20 {
            let home = try Binary.isolatedHome()
            let names = (1...4).map { "Person \(round)-\($0)" }
            let processes = try names.map { try LiveProcess(arguments: ["contact", "add", $0], home: home, stdin: "") }
            let statuses = processes.map { $0.waitForExit() }
            let saved = try CoachStore(path: storePath(home)).contacts().map(\.name)
            if statuses != [0, 0, 0, 0] || Set(saved) != Set(names) {
                failures.append("round \(round): exit \(statuses), saved \(saved)")
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// A plan item's minutes set to Int.max (and other out-of-range values) with sqlite3: no command traps.
    @Test func outOfRangeValuesInTheDatabaseNeverCrash() throws {
        let home = try Binary.isolatedHome()
        let setup = try Binary.run([], stdin: """
            contact add "Dana Lee" --company Mercy --industry healthcare --stage career-changer
            pick --contact "Dana Lee" --seed 2
            call "Dana Lee"
            next
            end

            """, home: home)
        #expect(setup.status == 0, "\(setup.stderr)")
        try plant("UPDATE planItem SET minutes = 9223372036854775807 WHERE position = 0",
                  "UPDATE planItem SET minutes = -9223372036854775808, position = 9223372036854775807 WHERE position = 1",
                  "UPDATE call SET promisedMinutes = 9223372036854775807, endedAt = 1e300",
                  "UPDATE contact SET createdAt = -1e300",
                  "INSERT INTO rehearsal (contactID, at, seconds, budgetSeconds) VALUES (1, 1e300, 9223372036854775807, -5)",
                  home: home)
        for command in [["plan", "Dana Lee"], ["plan", "Dana Lee", "--json"], ["contact", "show", "Dana Lee"],
                        ["contact", "list"], ["prep", "Dana Lee", "--report"], ["followups"], ["history", "Dana Lee"],
                        ["wrap", "Dana Lee"], ["pick", "--contact", "Dana Lee", "--seed", "3"]] {
            let result = try Binary.run(command, home: home)
            #expect(result.status == 0, "\(command): \(result.status) \(result.stderr)")
        }
        let rehearse = try Binary.run(["rehearse", "Dana Lee"], stdin: "\n\n\n", home: home)
        #expect(rehearse.status < 128, "rehearse died of a signal: \(rehearse.status) \(rehearse.stderr)")
    }

    /// A value that is not a date at all is a clear one-line error, not a dump or a crash.
    @Test func anUnreadableValueIsAOneLineError() throws {
        let home = try Binary.isolatedHome()
        #expect(try Binary.run(["contact", "add", "Dana Lee"], home: home).status == 0)
        try plant("UPDATE contact SET createdAt = 'yesterday-ish'", home: home)
        let result = try Binary.run(["contact", "list"], home: home)
        #expect(result.status == 1)
        #expect(result.stderr == "error: the database holds a value prepcoach cannot read (could not decode Date from "
                + "database value \"yesterday-ish\" - column: \"createdAt\"); fix it with sqlite3 or restore a backup\n")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    /// Links at the database path, its -wal or -shm, or the data folder are refused; nothing is created through them.
    @Test func symbolicLinksAtTheDatabaseAreRefused() throws {
        let home = try Binary.isolatedHome()
        let folder = home.appendingPathComponent("data/prepcoach")
        let elsewhere = home.appendingPathComponent("elsewhere.sqlite")
        _ = FileManager.default.createFile(atPath: elsewhere.path, contents: nil, attributes: [.posixPermissions: 0o644])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for planted in ["prepcoach.sqlite", "prepcoach.sqlite-wal", "prepcoach.sqlite-shm"] {
            let link = folder.appendingPathComponent(planted)
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: elsewhere.path)
            let result = try Binary.run(["contact", "add", "Eve"], home: home)
            #expect(result.status == 1)
            #expect(result.stderr.contains("error: refusing to open \(link.path): it is a symbolic link"), "\(result.stderr)")
            #expect(try Data(contentsOf: elsewhere).isEmpty)
            try FileManager.default.removeItem(at: link)
            try? FileManager.default.removeItem(atPath: folder.appendingPathComponent("prepcoach.sqlite").path)
        }
        try FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: home.appendingPathComponent("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path, withDestinationPath: home.appendingPathComponent("real").path)
        let linkedFolder = try Binary.run(["contact", "list"], home: home)
        #expect(linkedFolder.status == 1 && linkedFolder.stderr.contains("refusing the data folder"), "\(linkedFolder.stderr)")
    }

    /// `backup --force` onto a database a call in another shell has open replaced it under that
    /// call: the notes typed next went to the old file, and were lost.
    @Test func backupAndExportNeverReplaceADatabaseAnotherProcessHasOpen() throws {
        let home = try Binary.isolatedHome()
        try CallModeTests.seed(home: home)
        let call = try LiveProcess(arguments: ["call", "Dana Lee"], home: home)
        try call.send("first thing")
        try call.waitForOutput(containing: "✓ noted")
        let other = home.appendingPathComponent("other.sqlite").path
        for command in ["backup", "export"] {
            let result = try Binary.run(["--db", other, command, storePath(home), "--force"], home: home)
            #expect(result.status == 1)
            #expect(result.stderr == "error: \(storePath(home)) is a database another program has open: "
                    + "close the prepcoach using it, or choose another name\n", "\(result.stderr)")
        }
        try call.send("second thing")
        try call.waitForOutput(containing: "✓ noted", count: 2)
        try call.send("end")
        #expect(call.waitForExit() == 0)
        let store = try CoachStore(path: storePath(home))
        let dana = try #require(try store.contact(named: "Dana Lee"))
        let events = try store.events(callID: try #require(try store.calls(contactID: dana.id!).last).id!)
        #expect(events.filter { $0.kind == .note }.map(\.text) == ["first thing", "second thing"])
        store.close()
        // Closed, the same file may be replaced.
        #expect(try Binary.run(["--db", other, "backup", storePath(home), "--force"], home: home).status == 0)
    }

    /// A connection that may hold `BEGIN EXCLUSIVE` across accesses, as another program would.
    private func lockingConnection(_ home: URL) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        return try DatabaseQueue(path: storePath(home), configuration: configuration)
    }

    /// A note typed while another process held the database (`BEGIN EXCLUSIVE`) was dropped and the
    /// session fell out of call mode: what was typed next ran as shell commands ("unknown command").
    @Test func aNoteTypedWhileTheDatabaseIsLockedIsKeptAndTheCallGoesOn() throws {
        let home = try Binary.isolatedHome()
        try CallModeTests.seed(home: home)
        let journal = storePath(home) + ".unsaved-call-notes"
        let call = try LiveProcess(arguments: ["call", "Dana Lee"], home: home, mergingErrors: true)
        try call.send("first thing")
        try call.waitForOutput(containing: "✓ noted")
        let locker = try lockingConnection(home)
        try locker.inDatabase { try $0.execute(sql: "BEGIN EXCLUSIVE") }
        try call.send("held while locked")
        try call.waitForOutput(containing: "not saved yet (the database is busy")
        try call.send("todo send her the article")
        try call.waitForOutput(containing: "it is saved when the database is back, the call goes on", count: 2)
        #expect(FileManager.default.fileExists(atPath: journal))
        try locker.inDatabase { try $0.execute(sql: "COMMIT") }
        try locker.close()
        try call.send("after the lock")
        try call.waitForOutput(containing: "the database is back: saved 2 entries held until now")
        try call.waitForOutput(containing: "✓ noted", count: 2)
        try call.send("end")
        #expect(call.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: journal))
        let store = try CoachStore(path: storePath(home))
        let dana = try #require(try store.contact(named: "Dana Lee"))
        let events = try store.events(callID: try #require(try store.calls(contactID: dana.id!).last).id!)
        #expect(events.filter { $0.kind == .note }.map(\.text) == ["first thing", "held while locked", "after the lock"])
        #expect(events.filter { $0.kind == .todo }.map(\.text) == ["send her the article"])
        #expect(try store.calls(contactID: dana.id!).last?.endedAt != nil)
    }

    /// Killed while a note is held: the journal keeps it, and resuming the call writes it.
    @Test func aHeldNoteSurvivesAKillAndIsSavedOnResuming() throws {
        let home = try Binary.isolatedHome()
        try CallModeTests.seed(home: home)
        let call = try LiveProcess(arguments: ["call", "Dana Lee"], home: home, mergingErrors: true)
        try call.send("first thing")
        try call.waitForOutput(containing: "✓ noted")
        let locker = try lockingConnection(home)
        try locker.inDatabase { try $0.execute(sql: "BEGIN EXCLUSIVE") }
        try call.send("held, then killed")
        try call.waitForOutput(containing: "not saved yet")
        call.kill()
        try locker.inDatabase { try $0.execute(sql: "COMMIT") }
        try locker.close()
        let resumed = try Binary.run(["call", "Dana Lee"], stdin: "end\n", home: home)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("the database is back: saved 1 entry held until now"))
        let store = try CoachStore(path: storePath(home))
        let dana = try #require(try store.contact(named: "Dana Lee"))
        let events = try store.events(callID: try #require(try store.calls(contactID: dana.id!).last).id!)
        #expect(events.filter { $0.kind == .note }.map(\.text) == ["first thing", "held, then killed"])
    }

    @Test func aDatabaseReadableByOthersIsWarnedAbout() throws {
        let home = try Binary.isolatedHome()
        let path = home.appendingPathComponent("shared.sqlite").path
        _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o644])
        let result = try Binary.run(["contact", "list", "--db", path], home: home)
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: the database \(path) can be read by other users (mode 0644); run chmod 600 \(path)"))
    }

    /// Each impossible place for the database is one line saying what is wrong and what to do.
    @Test func impossibleDatabasePlacesAreOneLineErrors() throws {
        let home = try Binary.isolatedHome()
        let file = home.appendingPathComponent("a-file")
        let missing = home.appendingPathComponent("no-such-folder")
        _ = FileManager.default.createFile(atPath: file.path, contents: Data(String(repeating: "not a database\n", count: 100).utf8))
        let cases: [(arguments: [String], environment: [String: String], message: String)] = [
            (["contact", "list", "--db", ""], [:], "error: the database path is empty: give --db a file path"),
            (["contact", "list", "--db", "\(missing.path)/dir/x.sqlite"], [:],
             "error: cannot use the database \(missing.path)/dir/x.sqlite: the folder \(missing.path)/dir does not exist"),
            (["contact", "list"], ["XDG_DATA_HOME": file.path],
             "error: cannot create the data folder \(file.path)/prepcoach: \(file.path) is a file, not a folder"),
            (["contact", "list", "--db", home.path], [:], "error: \(home.path) is a folder, not a database file"),
            (["contact", "list", "--db", file.path], [:], "error: \(file.path) is not a prepcoach database"),
        ]
        for (arguments, environment, message) in cases {
            let result = try Binary.run(arguments, home: home, extraEnvironment: environment)
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix(message), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    /// A -shm (or -wal) left at 0400 once the database was read-only no longer keeps every command failing.
    @Test func aLeftoverReadOnlyCompanionFileIsRepaired() throws {
        let home = try Binary.isolatedHome()
        #expect(try Binary.run(["contact", "add", "Dana"], home: home).status == 0)
        let shm = storePath(home) + "-shm"
        if !FileManager.default.fileExists(atPath: shm) {
            _ = FileManager.default.createFile(atPath: shm, contents: Data(count: 32_768))
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: shm)
        let result = try Binary.run(["contact", "add", "Eve"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: \(shm) had mode 0400, which kept the database from opening; reset it to 0600"))
        #expect(try FileManager.default.attributesOfItem(atPath: shm)[.posixPermissions] as? Int == 0o600)
        #expect(try CoachStore(path: storePath(home)).contacts().map(\.name) == ["Dana", "Eve"])
    }

    /// Permissions do not bind root, so this runs only for other users.
    @Test(.enabled(if: geteuid() != 0)) func anUnwritableDataHomeIsAOneLineError() throws {
        let home = try Binary.isolatedHome()
        let locked = home.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o500])
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: locked.path) }
        let result = try Binary.run(["contact", "list"], home: home, extraEnvironment: ["XDG_DATA_HOME": locked.path])
        #expect(result.status == 1)
        #expect(result.stderr == "error: cannot create the data folder \(locked.path)/prepcoach: \(locked.path) is not "
                + "writable by you; make it writable or set XDG_DATA_HOME (or --db PATH) to a folder you own\n")
    }

    @Test func aDatabaseFromANewerPrepcoachIsRefused() throws {
        let home = try Binary.isolatedHome()
        #expect(try Binary.run(["contact", "add", "Dana"], home: home).status == 0)
        try plant("INSERT INTO grdb_migrations VALUES ('v99: from the future')", home: home)
        let result = try Binary.run(["contact", "list"], home: home)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: this database was written by a newer prepcoach"), "\(result.stderr)")
    }

    /// After the shell exits, the .sqlite file alone (copied without -wal and -shm) holds the data.
    @Test func theDatabaseFileAloneHoldsEverythingAfterTheShellExits() throws {
        let home = try Binary.isolatedHome()
        let session = try TmuxSession(command: TmuxSession.shellQuoted(Binary.path), environment: Binary.environment(home: home))
        defer { session.close() }
        _ = try session.waitForPrompt()
        try session.sendLiteral("contact add Dana --employee --size large --seniority mid")
        try session.sendKeys("Enter")
        _ = try session.waitFor("Added Dana (")
        _ = try session.waitForPrompt()
        try session.sendKeys("C-d")
        #expect(try session.waitForExit() == 0)
        let copy = home.appendingPathComponent("copy.sqlite")
        try FileManager.default.copyItem(atPath: storePath(home), toPath: copy.path)
        #expect(try CoachStore(path: copy.path).contacts().map(\.name) == ["Dana"])
    }
}
