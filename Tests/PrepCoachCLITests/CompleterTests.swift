import Foundation
import Testing
@testable import PrepCoachCLI

@Suite struct CompleterTests {
    private let completer: Completer = {
        let banks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("QuestionBanks").path
        let console = Console(style: Style(enabled: false), out: { _ in }, err: { _ in })
        return Completer(context: CommandContext(console: console, environment: [:], bundledBanks: banks))
    }()

    @Test func completesCommandsOptionsAndValuesInContext() {
        #expect(completer.candidates(lineBeforeCursor: "pi") == ["pick"])
        #expect(completer.candidates(lineBeforeCursor: "pick --ind") == ["--industry"])
        #expect(completer.candidates(lineBeforeCursor: "pick --industry heal") == ["healthcare"])
        #expect(completer.candidates(lineBeforeCursor: "pick --stage career-changer --topic clo") == ["closing"])
        #expect(completer.candidates(lineBeforeCursor: "list --stage ").contains("returning-to-work"))
        #expect(completer.candidates(lineBeforeCursor: "show network-who").contains("network-who-else"))
        #expect(completer.candidates(lineBeforeCursor: "help che") == ["check-banks"])
        #expect(completer.candidates(lineBeforeCursor: "tags ind") == ["industries"])
        #expect(completer.candidates(lineBeforeCursor: "pick --json --st") == ["--stage"])
        #expect(completer.candidates(lineBeforeCursor: "nosuch ").isEmpty)
    }

    @Test func completesWhoTheContactIs() {
        #expect(completer.candidates(lineBeforeCursor: "contact add Kim --role-f") == ["--role-family"])
        #expect(completer.candidates(lineBeforeCursor: "contact edit Kim --role-family clin") == ["clinical"])
        #expect(completer.candidates(lineBeforeCursor: "pick --size ") == ["large", "small", "solo"])
        #expect(completer.candidates(lineBeforeCursor: "pick --senio") == ["--seniority"])
        #expect(completer.candidates(lineBeforeCursor: "pick --own") == ["--owner"])
        #expect(completer.candidates(lineBeforeCursor: "tags role") == ["role-families"])
    }
}
