import Foundation
import Testing

/// The bank snapshot as the real binary keeps it in `$HOME/.cache`.
@Suite struct BankSnapshotEndToEndTests {
    @Test func commandsThatNeedNoBanksNeverReadThem() throws {
        let home = try Binary.isolatedHome()
        let snapshots = home.appendingPathComponent(".cache/prepcoach/snapshots").path
        #expect(try Binary.run(["--version"], home: home).status == 0)
        #expect(try Binary.run(["contact", "list"], home: home).status == 0)
        #expect(!FileManager.default.fileExists(atPath: snapshots))
        #expect(try Binary.run(["tags"], home: home).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: snapshots).count == 1)
    }

    @Test func aDamagedSnapshotIsReplacedAndTheOutputIsTheSame() throws {
        let home = try Binary.isolatedHome()
        let snapshots = home.appendingPathComponent(".cache/prepcoach/snapshots")
        let pick = ["pick", "--stage", "student", "--industry", "law", "--seed", "3"]
        let first = try Binary.run(pick, home: home)
        let stored = try #require(try FileManager.default.contentsOfDirectory(at: snapshots, includingPropertiesForKeys: nil).first)
        let whole = try Data(contentsOf: stored)
        try whole.prefix(whole.count / 2).write(to: stored)
        let second = try Binary.run(pick, home: home)
        #expect(second.status == 0 && second.stdout == first.stdout && second.stderr == first.stderr)
        #expect(try Data(contentsOf: stored) == whole)
    }
}
