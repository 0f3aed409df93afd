import Foundation
@testable import PrepCoachCore

/// A throwaway bank folder holding the given files, removed when released.
final class TemporaryBank {
    let url: URL

    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("prepcoach-test-\(UUID().uuidString)")
        for (name, contents) in files {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: file, atomically: true, encoding: .utf8)
        }
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }

    func file(_ name: String) -> String { url.appendingPathComponent(name).path }
}

enum Fixtures {
    /// The repository's bundled banks, found from this source file's path.
    static let bundledBanks = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("QuestionBanks").path

    /// This test target's Fixtures folder (the labelled sets).
    static let folder = URL(fileURLWithPath: bundledBanks).deletingLastPathComponent()
        .appendingPathComponent("Tests/PrepCoachCoreTests/Fixtures").path

    /// A file in this test target's Fixtures folder.
    static func file(_ name: String) -> String { folder + "/" + name }

    /// The lint model shipped in the bundled banks.
    static let bundledModel = bundledBanks + "/model/" + LintModel.fileName

    static let tags = """
        stages:
          - id: student
            aliases: [undergrad]
            description: Still studying.
          - id: career-changer
            description: Moving fields.
        industries:
          - id: healthcare
            aliases: [health]
            description: Hospitals and clinics.
            role-families:
              - id: clinical
                aliases: [nurse, doctor]
                description: Cares for patients.
              - id: non-clinical
                aliases: [administrator]
                description: Runs the services around care.
          - id: law
            description: Law firms.
            role-families:
              - id: legal-practice
                aliases: [lawyer, solicitor, administrator]
                description: Advises clients.
        topics:
          - id: opening
            description: Warm-up.
            max-per-plan: 1
          - id: career-path
            description: How they got there.
          - id: advice
            description: What they would tell you.
          - id: network-and-referrals
            description: Who else to talk to.
          - id: closing
            description: Ending well.
            max-per-plan: 1
        employment:
          - id: owner
            aliases: [founder, sole trader]
            description: Owns or runs the business.
          - id: employee
            aliases: [staff]
            description: Works for an employer.
        sizes:
          - id: solo
            aliases: [freelance]
            description: One person.
          - id: large
            aliases: [multinational]
            description: Hundreds of people or more.
        seniority:
          - id: junior
            aliases: [assistant]
            description: Early in the role.
          - id: senior
            aliases: [manager, lead]
            description: Leads work or people.
        """

    /// One question entry as YAML, with fields overridable for each test.
    static func question(id: String, topic: String = "career-path", stages: String = "[any]",
                         industries: String = "[any]", minutes: String = "3", referral: Bool = false,
                         text: String? = nil, assumes: String? = nil) -> String {
        """
          - id: \(id)
            text: \(text ?? "How did you come to \(id)?")
            topic: \(topic)
            stages: \(stages)
            industries: \(industries)
            minutes: \(minutes)
            referral: \(referral)
        \(assumes.map { "    assumes: \($0)\n" } ?? "")
        """
    }
}

/// The questions a rule's suggestion proposes: the quoted ones, else the
/// suggestion itself without a parenthetical note.
enum Suggestions {
    static func questions(in suggestion: String) -> [String] {
        let quoted = suggestion.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        if !quoted.isEmpty { return quoted }
        return [suggestion.split(separator: "(").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? suggestion]
    }
}
