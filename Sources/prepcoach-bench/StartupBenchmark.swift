import Foundation

/// Time from starting `prepcoach pick` to the plan printed, on the bundled
/// banks and on a 100,000-question bank, for the real release binary.
struct StartupBenchmark {
    static let bigBankSize = 100_000
    static let pick = ["pick", "--stage", "career-changer", "--industry", "healthcare", "--seed", "1"]
    static let warmUps = 2

    let paths: BenchPaths
    let runs: Int

    private struct Case {
        let name: String
        let extraArguments: [String]
        let aimMilliseconds: Double
    }

    func run() throws {
        guard FileManager.default.isExecutableFile(atPath: paths.prepcoach) else {
            throw BenchFailure("no \(paths.prepcoach); build it: swift build -c release --product prepcoach")
        }
        let bigBankFile = paths.bigBank + "/questions.yaml"
        if !FileManager.default.fileExists(atPath: bigBankFile) {
            try BigBankWriter(bundled: try paths.loadBundledBanks()).write(count: Self.bigBankSize, to: bigBankFile)
        }
        let cases = [
            Case(name: "bundled banks", extraArguments: [], aimMilliseconds: 50),
            Case(name: "+ \(grouped(Self.bigBankSize))-question bank", extraArguments: ["--bank", paths.bigBank],
                 aimMilliseconds: 1000),
        ]
        print("Start to plan: prepcoach \(Self.pick.joined(separator: " ")) [--bank \(paths.relative(paths.bigBank))]")
        print("\(runs) runs per case after \(Self.warmUps) warm-ups; wall time from spawn to exit, stdout to /dev/null")
        var table = Table("case", "median ms", "min ms", "max ms", "peak RSS MiB", "aim", textColumns: [5])
        for item in cases {
            let arguments = [paths.prepcoach] + Self.pick + item.extraArguments
            // The first run after a bank changes parses its YAML and fills the bank cache; later runs read the cache.
            try? FileManager.default.removeItem(atPath: paths.cacheFolder)
            let cold = try ChildProcess.run(arguments, environment: paths.isolatedEnvironment)
            print("\(item.name): first run (no bank cache) \(decimal(cold.milliseconds)) ms")
            for _ in 0..<Self.warmUps { _ = try ChildProcess.run(arguments, environment: paths.isolatedEnvironment) }
            let measured = try (0..<runs).map { _ in try ChildProcess.run(arguments, environment: paths.isolatedEnvironment) }
            let wall = Spread(measured.map(\.milliseconds))
            table.add(item.name, decimal(wall.median), decimal(wall.min), decimal(wall.max),
                      decimal(Spread(measured.map(\.peakRSSMiB)).median),
                      Self.verdict(wall.median, aim: item.aimMilliseconds))
        }
        print(table.text)
    }

    /// "< 50 ms: met", or by how much it is missed.
    private static func verdict(_ median: Double, aim: Double) -> String {
        "< \(Int(aim)) ms: " + (median < aim ? "met" : "missed, \(decimal(median / aim, places: 2))× the aim")
    }
}
