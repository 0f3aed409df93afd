import Foundation
import LineEditor
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

/// A prepcoach session for tests: the bundled banks, a fresh database in a
/// temporary folder, captured output, and scripted answers for commands that ask.
final class ScriptedCoach {
    static let bundledBanks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("QuestionBanks").path

    let folder: URL
    let context: CommandContext
    private let output: Output

    /// What the commands wrote since the last `run`.
    var out: String { output.out }
    var err: String { output.err }

    private final class Output {
        var out = ""
        var err = ""
    }

    /// `folder`: another coach's, to come back to its database at another time.
    init(now: String = "2025-03-10T09:00:00Z", environment: [String: String] = [:], folder existing: URL? = nil) {
        folder = existing ?? FileManager.default.temporaryDirectory.appendingPathComponent("prepcoach-\(UUID().uuidString)")
        // Like `--db PATH`, whose folder must exist.
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let output = Output()
        self.output = output
        let console = Console(style: Style(enabled: false), out: { output.out += $0 }, err: { output.err += $0 })
        context = CommandContext(console: console, environment: environment.merging(["PREPCOACH_NOW": now]) { _, new in new },
                                 bundledBanks: Self.bundledBanks,

                                 storePath: folder.appendingPathComponent("coach.sqlite").path)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The prompts the last command asked, in order.
    var prompts: [String] { recorder?.prompts ?? [] }
    private var recorder: RecordingAnswers?

    /// Typed as an answer, stands for Ctrl-C.
    static let interrupt = "^C"

    /// Runs one command line as typed in the shell, with these lines as the answers to its questions
    /// (then end of input), as if typed at a terminal when `interactive`; returns the exit status. Output is kept in `out` and `err`.
    @discardableResult
    func run(_ line: String, answers: [String] = [], interactive: Bool = false) throws -> Int32 {
        output.out = ""
        output.err = ""
        let recorder = RecordingAnswers(ScriptAnswers(AnyIterator(answers.makeIterator())), interactive: interactive)
        self.recorder = recorder
        context.answers = recorder
        return CommandDispatcher(context: context).run(try CommandWords.split(line))
    }

    /// Runs one command given as its words (a name with a line break or a tab in it, as a script could pass).
    @discardableResult
    func run(words: [String]) -> Int32 {
        output.out = ""
        output.err = ""
        return CommandDispatcher(context: context).run(words)
    }

    /// Script answers that also note each prompt, and turn `^C` into an interrupt.
    private final class RecordingAnswers: AnswerSource {
        let script: ScriptAnswers
        var prompts: [String] = []

        let isInteractive: Bool

        init(_ script: ScriptAnswers, interactive: Bool) {
            self.script = script
            isInteractive = interactive
        }

        func answer(prompt: String, completions: [String]) -> LineInput {
            prompts.append(prompt)
            let input = script.answer(prompt: prompt, completions: completions)
            return input == .line(ScriptedCoach.interrupt) ? .interrupted : input
        }
    }

    var store: CoachStore { get throws { try context.store() } }

    func contact(_ name: String) throws -> Contact {
        try #require(try store.contact(named: name))
    }

    func completions(_ line: String) -> [String] {
        Completer(context: context).candidates(lineBeforeCursor: line)
    }
}

extension ScriptedCoach {
    /// A session with Dana Lee (career changer, healthcare) and her picked plan (seed 4).
    static func withDanasPlan() throws -> ScriptedCoach {
        let coach = ScriptedCoach()
        try coach.run(#"contact add "Dana Lee" --company "Mercy Hospital" --industry healthcare --stage career-changer"#)
        #expect(try coach.run(#"pick --contact "Dana Lee" --seed 4"#) == 0)
        return coach
    }
}
