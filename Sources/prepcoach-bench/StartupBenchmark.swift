import Foundation
import PrepCoachCore

/// Start-up times of the real release binary, each as a median and as a ratio
/// to a static Swift hello world timed in the same run (on a shared machine the
/// ratio is steadier than the milliseconds): one-shot commands on the bundled
/// banks, then a 100,000-question bank warm, just after it changed, and inside
/// one running shell.
struct StartupBenchmark {
    static let bigBankSize = 100_000
    static let pick = ["pick", "--stage", "career-changer", "--industry", "healthcare", "--seed", "1"]
    static let warmUps = 2
    /// The aim: every one-shot start within 8× the hello world.
    static let aimRatio = 8.0

    let paths: BenchPaths
    let runs: Int

    func run() throws {
        guard FileManager.default.isExecutableFile(atPath: paths.prepcoach) else {
            throw BenchFailure("no \(paths.prepcoach); build it: swift build -c release --static-swift-stdlib")
        }
        let hello = try HelloWorld.build(in: paths.binaries, work: paths.data)
        try? FileManager.default.removeItem(atPath: paths.cacheFolder)
        print("Start-up: \(runs) runs of each after \(Self.warmUps) warm-ups, interleaved; "
              + "wall time from spawn to exit, stdout to /dev/null")
        let helloMedian = try oneShotCommands(hello: hello)
        print()
        // Only now, after the small commands: a child started by posix_spawn (a
        // vfork) reports at least this process's peak memory as its own, and
        // writing 100,000 questions takes this process to about 70 MiB.
        let bigBankFile = paths.bigBank + "/questions.yaml"
        if !FileManager.default.fileExists(atPath: bigBankFile) {
            try BigBankWriter(bundled: try paths.loadBundledBanks()).write(count: Self.bigBankSize, to: bigBankFile)
        }
        try bigBank(helloMedian: helloMedian)
    }

    /// Every one-shot command on the bundled banks, run in turn with the hello world.
    private func oneShotCommands(hello: String) throws -> Double {
        let commands: [(name: String, arguments: [String])] = [
            ("hello world (swiftc -O -static-stdlib)", [hello]),
            ("start to plan: " + Self.pick.joined(separator: " "), [paths.prepcoach] + Self.pick),
            ("  the same, no lint verdicts kept (lints all it considers)", [paths.prepcoach] + Self.pick),
            ("--version", [paths.prepcoach, "--version"]),
            ("contact list", [paths.prepcoach, "contact", "list"]),
            ("list", [paths.prepcoach, "list"]),
            ("tags", [paths.prepcoach, "tags"]),
            ("lint \"Hello?\"", [paths.prepcoach, "lint", "Hello?"]),
        ]
        // Before each of its runs, the second pick loses what earlier runs remembered.
        let runs = try interleaved(commands.map(\.arguments), preparing: [2: removeLintVerdicts])
        let helloMedian = Spread(runs[0].map(\.milliseconds)).median
        var table = Table("bundled banks", "median ms", "min ms", "max ms", "× hello", "peak RSS MiB",
                          "aim ≤ 8× hello", textColumns: [6])
        for (command, measured) in zip(commands, runs) {
            let wall = Spread(measured.map(\.milliseconds))
            table.add(command.name, decimal(wall.median), decimal(wall.min), decimal(wall.max),
                      decimal(wall.median / helloMedian, places: 2), decimal(Spread(measured.map(\.peakRSSMiB)).median),
                      command.arguments[0] == hello ? "" : Self.verdict(wall.median / helloMedian, aim: Self.aimRatio))
        }
        print(table.text)
        return helloMedian
    }

    private func bigBank(helloMedian: Double) throws {
        let bank = ["--bank", paths.bigBank]
        let pick = [paths.prepcoach] + Self.pick + bank
        var table = Table("\(grouped(Self.bigBankSize))-question bank", "median ms", "min ms", "max ms", "× hello",
                          "peak RSS MiB", "aim", textColumns: [6])
        func add(_ name: String, _ measured: [ChildRun], aim: (ms: Double, mib: Double?)) {
            let wall = Spread(measured.map(\.milliseconds)), rss = Spread(measured.map(\.peakRSSMiB)).median
            let met = wall.median < aim.ms && aim.mib.map { rss < $0 } ?? true
            table.add(name, decimal(wall.median), decimal(wall.min), decimal(wall.max),
                      decimal(wall.median / helloMedian, places: 1), decimal(rss),
                      "< \(Int(aim.ms)) ms" + (aim.mib.map { ", < \(Int($0)) MiB" } ?? "") + (met ? ": met" : ": missed"))
        }
        // The first start after the bank changed parses its YAML and writes the snapshot.
        let changed = try (0..<3).map { _ in
            try touch(paths.bigBank + "/questions.yaml")
            return try ChildProcess.run(pick, environment: paths.isolatedEnvironment)
        }
        add("first start after the bank changed: pick", changed, aim: (1500, 200))
        add("warm start: pick", try measured(pick), aim: (300, nil))

        // Inside one shell: a script that loads the banks (`tags`) and runs the
        // command once (which builds what it needs: the rule engine, the search
        // index), with and without 20 more; the difference is what those 20 took.
        let repeats = 20
        let commands: [(name: String, lines: (Int) -> String)] = [
            ("pick", { "pick --stage career-changer --industry healthcare --seed \($0)" }),
            ("search", { ["search nurse", "search zebra", "search how did you start"][$0 % 3] }),
        ]
        for (name, line) in commands {
            let loaded = try script(name: "tags", ["tags"])
            let first = try script(name: name + "-1", ["tags", line(0)])
            let more = try script(name: name + "-\(repeats + 1)", ["tags"] + (0...repeats).map(line))
            let medians = try [loaded, first, more].map { script in
                Spread(try (0..<max(5, runs / 3)).map { _ in
                    try ChildProcess.run([paths.prepcoach] + bank, stdinPath: script, environment: paths.isolatedEnvironment)
                        .milliseconds
                }).median
            }
            let firstTime = medians[1] - medians[0], each = (medians[2] - medians[1]) / Double(repeats)
            table.add("in the shell: first \(name) (builds what it needs)", decimal(firstTime), "", "", "", "", "")
            table.add("in the shell: each further \(name)", decimal(each), "", "", "", "",
                      "< 16 ms: " + (each < 16 ? "met" : "missed"))
        }
        let completion = try CompletionTiming(banks: BankLoader.load([paths.bundledBanks, paths.bigBank])).run()
        table.add("in the shell: Tab after `show ` and a prefix (in process)", decimal(completion.median, places: 3),
                  decimal(completion.min, places: 3), decimal(completion.max, places: 3), "", "",
                  "< 16 ms: " + (completion.median < 16 ? "met" : "missed"))
        print(table.text)
    }

    /// Runs the commands in turn, `runs` times after the warm-ups, each after
    /// its `preparing` step if it has one; per command, its runs.
    private func interleaved(_ commands: [[String]], preparing: [Int: () throws -> Void] = [:]) throws -> [[ChildRun]] {
        func run(_ index: Int) throws -> ChildRun {
            try preparing[index]?()
            return try ChildProcess.run(commands[index], environment: paths.isolatedEnvironment)
        }
        for _ in 0..<Self.warmUps { for index in commands.indices { _ = try run(index) } }
        var results = [[ChildRun]](repeating: [], count: commands.count)
        for _ in 0..<runs {
            for index in commands.indices { results[index].append(try run(index)) }
        }
        return results
    }

    /// `pick` keeps whether each question it linted was clean (a `.verdicts` file beside the snapshot).
    private func removeLintVerdicts() throws {
        guard let folder = BankSnapshot.defaultFolder(environment: paths.isolatedEnvironment) else { return }
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        for file in files where file.pathExtension == LintVerdicts.fileExtension { try FileManager.default.removeItem(at: file) }
    }

    private func measured(_ command: [String]) throws -> [ChildRun] {
        try interleaved([command])[0]
    }

    /// A file of shell commands, one a line.
    private func script(name: String, _ commands: [String]) throws -> String {
        let file = paths.data + "/script-\(name).txt"
        try (commands.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    private func touch(_ file: String) throws {
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: file)
    }

    /// "≤ 8×: met", or by how much it is missed.
    private static func verdict(_ ratio: Double, aim: Double) -> String {
        ratio <= aim ? "met" : "missed, \(decimal(ratio / aim, places: 2))× the aim"
    }
}

/// The baseline every start-up time is compared with: the smallest Swift
/// program, linked like prepcoach (static Swift runtime).
enum HelloWorld {
    static func build(in binaries: String, work: String) throws -> String {
        let binary = binaries + "/hello-world"
        if FileManager.default.isExecutableFile(atPath: binary) { return binary }
        let source = work + "/hello-world.swift"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        try "print(\"Hello, world!\")\n".write(toFile: source, atomically: true, encoding: .utf8)
        _ = try ChildProcess.run(["swiftc", "-O", "-static-stdlib", source, "-o", binary],
                                 environment: ProcessInfo.processInfo.environment)
        return binary
    }
}

/// Tab completion of question ids on a loaded bank, timed in this process
/// (a shell cannot be sent Tab from a script): after `show ` and the first
/// 1, 3 or 8 letters of an id, or all of it.
struct CompletionTiming {
    let banks: Banks

    func run() throws -> Spread {
        let ids = banks.questionIDs
        guard !ids.isEmpty else { throw BenchFailure("no questions to complete") }
        let index = banks.idIndex
        let clock = ContinuousClock()
        var random = SeededGenerator(seed: 7)
        let prefixes = (0..<200).map { index -> String in
            let id = random.pick(ids)
            return String(id.prefix([1, 3, 8, id.count][index % 4]))
        }
        return Spread(prefixes.map { prefix in
            let start = clock.now
            // As the completer does: the ids with the prefix, checked and sorted.
            _ = index.ids(withPrefix: prefix).filter { $0.hasPrefix(prefix) }.sorted()
            return start.duration(to: clock.now).milliseconds
        })
    }
}
