import Foundation
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

/// `pick` reads back the lint verdicts of earlier runs, and only while the
/// engine that made them is the one the banks, config and notes make now.
@Suite final class PickVerdictsTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prepcoach-\(UUID().uuidString)")
    private let pick = "pick --stage student --industry healthcare --seed 3 --json"
    /// Kept to the end of the test: a coach removes its folder when it goes.
    private var coaches: [ScriptedCoach] = []

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// A new run over the same cache, config and database, as a later one-shot command is.
    private func coach() -> ScriptedCoach {
        let coach = ScriptedCoach(environment: ["XDG_CACHE_HOME": folder.path + "/cache",
                                                "XDG_CONFIG_HOME": folder.path + "/config"], folder: folder)
        coaches.append(coach)
        return coach
    }

    /// A question of the plan, then remembered as flagged: gone from the next plan.
    private func keptAsFlagged() throws -> String {
        let kept = try #require(try planIDs(coach()).dropFirst().first)
        try rememberAsFlagged(kept, by: coach())
        #expect(try !planIDs(coach()).contains(kept), "the kept verdict was read, not the question linted again")
        return kept
    }

    private func planIDs(_ coach: ScriptedCoach) throws -> [String] {
        #expect(try coach.run(pick) == 0)
        let plan = try JSONSerialization.jsonObject(with: Data(coach.out.utf8)) as? [String: Any]
        return (plan?["questions"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    /// Marks a question as flagged in the verdicts kept for the current engine.
    private func rememberAsFlagged(_ id: String, by coach: ScriptedCoach) throws {
        let banks = coach.context.banks()
        var verdicts = coach.context.lintVerdicts(for: banks)
        #expect(verdicts.file != nil)
        verdicts.record(clean: false, for: try #require(banks.question(id: id)).text)
        verdicts.saveIfChanged()
    }

    @Test func aLaterPickTakesTheKeptVerdictsOfTheSameEngine() throws {
        _ = try keptAsFlagged()
        let verdicts = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/cache/prepcoach/snapshots")
            .filter { $0.hasSuffix(".verdicts") }
        #expect(verdicts.count == 1)
    }

    @Test func switchingARuleOffMakesTheKeptVerdictsStale() throws {
        let kept = try keptAsFlagged()
        try FileManager.default.createDirectory(atPath: folder.path + "/config/prepcoach", withIntermediateDirectories: true)
        try "rules:\n  closed-question: off\n".write(toFile: folder.path + "/config/prepcoach/config.yaml",
                                                    atomically: true, encoding: .utf8)
        #expect(try planIDs(coach()).contains(kept))
    }

    @Test func aNewResearchNoteMakesTheKeptVerdictsStale() throws {
        let kept = try keptAsFlagged()
        let writer = coach()
        try writer.run(#"research add "Acme Health" big push into telehealth this year"#)
        writer.context.closeStore()
        #expect(try planIDs(coach()).contains(kept), "the companies masked are part of the engine")
    }
}
