import Testing
@testable import PrepCoachCLI
import PrepCoachCore

@Suite struct TerminalTextTests {
    @Test func controlCharactersAreShownEscaped() {
        let hostile = "Eve \u{1B}]0;PWNED\u{07}\u{1B}[2J\r\u{7F}\u{9B}"
        #expect(TerminalText.safe(hostile, colors: false) == #"Eve \u{1B}]0;PWNED\u{07}\u{1B}[2J\u{0D}\u{7F}\u{9B}"#)
        #expect(TerminalText.safe("two\nlines\tand a tab", colors: false) == "two\nlines\tand a tab")
        #expect(TerminalText.safe("plain café 王", colors: true) == "plain café 王")
    }

    @Test func ourOwnColoursPassOnlyWhenColourIsOn() {
        let style = Style(enabled: true)
        let text = style.bold("Name") + " \u{1B}[2J " + style.error("x") + "\u{1B}[31m"
        #expect(TerminalText.safe(text, colors: true)
            == "\u{1B}[1mName\u{1B}[0m \\u{1B}[2J \u{1B}[1;31mx\u{1B}[0m\\u{1B}[31m")
        #expect(!TerminalText.safe(style.bold("Name"), colors: false).contains("\u{1B}"))
    }

    @Test func promptsKeepLibeditMarkers() {
        #expect(TerminalText.safe("\u{1}x\u{1}> \u{7}", colors: false, promptMarkers: true) == "\u{1}x\u{1}> \\u{07}")
    }

    @Test func consoleEscapesEverythingItWrites() {
        var out = "", err = ""
        let console = Console(style: Style(enabled: false), out: { out += $0 }, err: { err += $0 })
        console.line("name: \u{1B}]0;x\u{07}")
        console.error("no contact '\u{1B}[2J'")
        #expect(out == "name: \\u{1B}]0;x\\u{07}\n")
        #expect(err == "error: no contact '\\u{1B}[2J'\n")
    }

    @Test func displayWidthCountsColumns() {
        #expect(TerminalText.width("abc") == 3)
        #expect(TerminalText.width("王小明") == 6)
        #expect(TerminalText.width("🙂 ok") == 5)
        #expect(TerminalText.width("e\u{301}") == 1)
        #expect(TerminalText.width("a\u{1B}") == 7)  // shown as a\u{1B}
        #expect("王".rightPadded(to: 4) == "王  ")
        #expect("7".leftPadded(to: 3) == "  7")
    }

    @Test func singleLineFieldsNameTheProblem() {
        #expect(ControlCharacters.problem(inField: "name", "Ann\nLee")?.contains("a line break") == true)
        #expect(ControlCharacters.problem(inField: "name", "Ann \u{1B}") == "the name contains a control character (\\u{1B}); type it on one line without control characters")
        #expect(ControlCharacters.problem(inField: "name", "Ann Lee") == nil)
    }

    @Test func countsArePlural() {
        #expect(1.counted("question") == "1 question")
        #expect(0.counted("minute") == "0 minutes")
        #expect(2.counted("entry", plural: "entries") == "2 entries")
    }
}
