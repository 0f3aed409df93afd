import Foundation
import PrepCoachCore

/// A user with thousands of contacts (a LinkedIn export brings them): half of them
/// called, each call with 11 notes, a thank-you task and a logged contact. Times
/// `import` of their export into a new database, then `next`, `followups`,
/// `contact list` and `export` on it, each as a median and as a ratio to the
/// static hello world timed in the same run.
struct ScaleBenchmark {
    static let defaultContacts = 10_000
    static let notesPerCall = 11
    /// The aims at 10,000 contacts: list commands within a frame or two, export and import within 2 s.
    static let listAimMilliseconds = 100.0
    static let bulkAimMilliseconds = 2_000.0

    let paths: BenchPaths
    let contacts: Int
    let runs: Int

    func run() throws {
        guard FileManager.default.isExecutableFile(atPath: paths.prepcoach) else {
            throw BenchFailure("no \(paths.prepcoach); build it: swift build -c release --static-swift-stdlib")
        }
        let hello = try HelloWorld.build(in: paths.binaries, work: paths.data)
        let home = paths.data + "/scale"
        try? FileManager.default.removeItem(atPath: home)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let exportFile = home + "/export.json"
        let export = Self.history(contacts: contacts)
        try StoreExport.json(export).write(to: URL(fileURLWithPath: exportFile))
        var environment = paths.isolatedEnvironment
        environment["XDG_DATA_HOME"] = home + "/data"
        let database = home + "/data/prepcoach/prepcoach.sqlite"
        func removeDatabase() {
            for file in [database, database + "-wal", database + "-shm"] { try? FileManager.default.removeItem(atPath: file) }
        }
        print("Scale: \(contacts) contacts, \(export.calls.count) calls, \(export.callEvents.count) notes "
              + "(export \(decimal(Double(try Data(contentsOf: URL(fileURLWithPath: exportFile)).count) / 1_048_576)) MiB); "
              + "\(runs) runs each, wall time from spawn to exit")
        var helloTimes: [Double] = []
        var importTimes: [Double] = []
        for _ in 0..<runs {
            helloTimes.append(try ChildProcess.run([hello], environment: environment).milliseconds)
            removeDatabase()
            importTimes.append(try ChildProcess.run([paths.prepcoach, "import", exportFile], environment: environment).milliseconds)
        }
        let helloMedian = Spread(helloTimes).median
        var table = Table("at \(contacts) contacts", "median ms", "min ms", "max ms", "× hello", "aim", textColumns: [5])
        func add(_ name: String, _ times: [Double], aim: Double) {
            let spread = Spread(times)
            table.add(name, decimal(spread.median), decimal(spread.min), decimal(spread.max),
                      decimal(spread.median / helloMedian, places: 1),
                      "≤ \(Int(aim)) ms: " + (spread.median <= aim ? "met" : "missed, \(decimal(spread.median / aim, places: 2))×"))
        }
        table.add("hello world", decimal(helloMedian), decimal(Spread(helloTimes).min), decimal(Spread(helloTimes).max), "1.0", "")
        add("import", importTimes, aim: Self.bulkAimMilliseconds)
        for (name, arguments, aim) in [("next", ["next"], Self.listAimMilliseconds),
                                       ("followups", ["followups"], Self.listAimMilliseconds),
                                       ("contact list", ["contact", "list"], Self.listAimMilliseconds),
                                       ("export (to stdout)", ["export"], Self.bulkAimMilliseconds)] {
            let times = try (0..<runs).map { _ in
                try ChildProcess.run([paths.prepcoach] + arguments, environment: environment).milliseconds
            }
            add(name, times, aim: aim)
        }
        print(table.text)
    }

    /// The generated history: every second contact called once, a week before the clock of the run.
    static func history(contacts count: Int) -> StoreExport {
        var export = StoreExport()
        let start = Date(timeIntervalSince1970: 1_735_720_000)
        for index in 1...count {
            var contact = Contact(name: "Person \(index)", company: "Company \(index % 700)", industry: "healthcare",
                                  stage: "career-changer", createdAt: start)
            contact.id = Int64(index)
            export.contacts.append(contact)
            guard index % 2 == 0 else { continue }
            var call = Call(contactID: Int64(index), startedAt: start.addingTimeInterval(86_400), promisedMinutes: 30)
            call.id = Int64(export.calls.count + 1)
            call.endedAt = call.startedAt.addingTimeInterval(1_800)
            export.calls.append(call)
            for note in 1...notesPerCall {
                var event = CallEvent(callID: call.id!, kind: .note, planItemID: nil, text: "note \(note) on what they said",
                                      at: call.startedAt.addingTimeInterval(Double(note) * 60))
                event.id = Int64(export.callEvents.count + 1)
                export.callEvents.append(event)
            }
            var task = FollowUpTask(contactID: Int64(index), callID: call.id, kind: .thankYou, text: "send thanks",
                                    dueAt: call.endedAt!.addingTimeInterval(86_400))
            task.id = Int64(export.followUpTasks.count + 1)
            export.followUpTasks.append(task)
            var interaction = Interaction(contactID: Int64(index), kind: .call, text: "informational interview", at: call.endedAt!)
            interaction.id = Int64(export.interactions.count + 1)
            export.interactions.append(interaction)
        }
        return export
    }
}
