import LineEditor
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

/// The pieces of the call screen that need no terminal: reading a line, wrapping, fitting the plan.
@Suite struct CallInputTests {
    private let onTerminal = CallInputClassifier(shellCommands: RootCommand.commandNames, asks: true)
    private let inScript = CallInputClassifier(shellCommands: RootCommand.commandNames, asks: false)

    private func runs(_ line: String) -> String?? {
        guard case let .unclear(_, _, runs) = onTerminal.classify(line) else { return .none }
        return .some(runs)
    }

    @Test func nearMissesOfCallCommandsOfferTheCommand() {
        #expect(runs("nxt") == "next")
        #expect(runs("nex") == "next")
        #expect(runs("edn") == "end")
        #expect(runs("ntoes") == "notes")
        #expect(runs("aks 3") == "ask 3")
    }

    /// A lone `?` (help in prep) was saved as a note.
    @Test func aLoneQuestionMarkIsHelpNotANote() {
        #expect(onTerminal.classify("?") == .command("help", argument: ""))
        #expect(inScript.classify("?") == .command("help", argument: ""))
        #expect(onTerminal.classify("why? she said pay") == .note("why? she said pay"))
    }

    @Test func leaveWordsOfferToEndTheCall() {
        for word in ["quit", "exit", "q", "stop", "Quit"] {
            #expect(runs(word) == "end", "\(word)")
        }
    }

    @Test func aPastedShellCommandIsNeverRunAndAskedAbout() {
        #expect(runs(#"call "Sam Ortiz""#) == .some(nil))
        #expect(runs("prepcoach wrap Dana") == .some(nil))
        #expect(runs("prep --report Dana") == .some(nil))
        // `pick` is a call command too (it picks the rest for the minutes left): asked about, as such.
        #expect(runs("pick --contact Dana") == "pick")
        #expect(runs("wrap") == .some(nil))
    }

    @Test func aCommandWordFollowedByTextIsAskedAbout() {
        #expect(runs("end of the day she moved wards") == "end")
        #expect(runs("ask about pay") == .some(nil))
    }

    @Test func ordinaryNotesAndExactCommandsAreNotAskedAbout() {
        #expect(onTerminal.classify("she started on nights") == .note("she started on nights"))
        #expect(onTerminal.classify("research is her passion") == .note("research is her passion"))
        #expect(onTerminal.classify("interesting") == .note("interesting"))
        #expect(onTerminal.classify("undo") == .command("undo", argument: ""))
        #expect(onTerminal.classify("skip 3") == .command("skip", argument: "3"))
        #expect(onTerminal.classify("note next year she moves") == .command("note", argument: "next year she moves"))
    }

    /// In a script the next line must never be taken as an answer: the old plain rules.
    @Test func aScriptKeepsThePlainRules() {
        #expect(inScript.classify("quit") == .note("quit"))
        #expect(inScript.classify("nxt") == .note("nxt"))
        #expect(inScript.classify("next please") == .command("next", argument: ""))
    }
}

@Suite struct TextWrapTests {
    @Test func wordsAreNeverSplitAndLinesFitTheWidth() {
        let text = "How did your first years as a visual merchandiser shape what you look for in a new hire now?"
        for width in [20, 35, 50] {
            let lines = TextWrap.lines(text, width: width, indent: "    ", firstIndent: "Q1. ")
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(width): \(lines)")
            #expect(lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                    == "Q1. " + text, "\(width)")
        }
    }

    @Test func wideCharactersCountTwoColumnsAndAnOverlongWordIsBroken() {
        #expect(TextWrap.lines("日本語 日本語", width: 8) == ["日本語", "日本語"])
        #expect(TextWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }

    /// A pasted 100 KB word (no spaces) took minutes to wrap in `undo` and `notes`: each piece measured it again.
    @Test func aHugeWordIsBrokenInLinearTime() {
        let word = String(repeating: "x", count: 100_000)
        let started = ContinuousClock.now
        let lines = TextWrap.lines("note: " + word, width: 50, indent: "  ")
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 50 })
        #expect(lines.joined().filter { $0 == "x" }.count == 100_000)
    }

    /// "(3 min)" at the end of a line stayed split as "(3" / "min)"; a no-break space keeps it whole.
    @Test func aNoBreakSpaceKeepsWordsTogetherAndPrintsAsASpace() {
        let text = "Which allied roles do changers enter? (3\(TextWrap.noBreakSpace)min)"
        #expect(TextWrap.lines(text, width: 40) == ["Which allied roles do changers enter?", "(3 min)"])
        #expect(TextWrap.wrapped(text, width: nil) == "Which allied roles do changers enter? (3 min)")
    }

    @Test func displayWidth() {
        #expect(DisplayWidth.of("café") == 4)
        #expect(DisplayWidth.of("cafe\u{301}") == 4)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("🍜 ok") == 5)
        #expect(DisplayWidth.ofPrompt("\u{1}\u{1B}[1m\u{1}call>\u{1}\u{1B}[0m\u{1} ") == 6)
    }
}

@Suite struct CallPlanFitTests {
    private func item(_ position: Int, _ minutes: Int, id: String? = nil) -> PlanItem {
        PlanItem(contactID: 1, position: position, questionID: id, text: "Q\(position + 1)", topic: nil, minutes: minutes)
    }

    /// 28 minutes in a 25-minute call (20 for questions): skip the fewest, longest
    /// questions — never the opening or the referral.
    @Test func suggestsTheLongestMiddleQuestionsToSkip() {
        let plan = [item(0, 6), item(1, 3), item(2, 5), item(3, 4), item(4, 4), item(5, 6, id: "ref")]
        let fit = CallPlanFit(plan: plan, callMinutes: 25) { $0.questionID == "ref" }
        #expect(fit.planMinutes == 28 && fit.questionMinutes == 20 && !fit.fits)
        #expect(fit.skips == [2, 4])
        #expect(CallPlanFit(plan: plan, callMinutes: 33) { _ in false }.skips.isEmpty)
    }

    /// Introductions and thanks take minutes too: a plan as long as the call does not fit it.
    @Test func aPlanAsLongAsTheCallLeavesNoTimeToSayHello() {
        let plan = [item(0, 5), item(1, 5), item(2, 5)]
        #expect(!CallPlanFit(plan: plan, callMinutes: 15) { _ in false }.fits)
        #expect(CallPlanFit(plan: plan, callMinutes: 20) { _ in false }.fits)
        #expect(CallPlanFit(plan: plan, callMinutes: 3) { _ in false }.questionMinutes == 0)
    }
}
