import Testing
@testable import PrepCoachCLI

@Suite struct StyleTests {
    @Test func colourOnlyOnATerminalThatHasNotSaidNo() {
        #expect(Style.colorWanted(environment: ["TERM": "xterm-256color"], outputIsTerminal: true))
        #expect(!Style.colorWanted(environment: ["TERM": "xterm-256color"], outputIsTerminal: false))
        #expect(!Style.colorWanted(environment: ["TERM": "xterm", "NO_COLOR": "1"], outputIsTerminal: true))
        #expect(!Style.colorWanted(environment: ["TERM": "dumb"], outputIsTerminal: true))
        // An empty NO_COLOR does not count (no-color.org).
        #expect(Style.colorWanted(environment: ["NO_COLOR": ""], outputIsTerminal: true))
    }

    @Test func disabledStyleAddsNoEscapes() {
        #expect(Style(enabled: false).error("x") == "x")
        #expect(Style(enabled: true).bold("x") == "\u{1B}[1mx\u{1B}[0m")
    }
}
