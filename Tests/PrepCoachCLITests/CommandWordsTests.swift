import Testing
@testable import PrepCoachCLI

@Suite struct CommandWordsTests {
    @Test func splitsLikeAShell() throws {
        #expect(try CommandWords.split(#"lint "When was Acme founded?" --json"#) == ["lint", "When was Acme founded?", "--json"])
        #expect(try CommandWords.split(#"note it\'s   fine\ here 'a "b" c'"#) == ["note", "it's", "fine here", "a \"b\" c"])
        #expect(try CommandWords.split(#"note "it's fine""#) == ["note", "it's fine"])
        #expect(try CommandWords.split("  ") == [])
        #expect(throws: CommandWords.UnterminatedQuote.self) { try CommandWords.split("lint \"open") }
    }

    @Test func partialLineForCompletion() {
        let typing = CommandWords.partial("pick --ind")
        #expect(typing.complete == ["pick"] && typing.current == "--ind")
        let afterSpace = CommandWords.partial("pick --industry ")
        #expect(afterSpace.complete == ["pick", "--industry"] && afterSpace.current == "")
        let openQuote = CommandWords.partial("lint \"When was")
        #expect(openQuote.complete == ["lint"] && openQuote.current == "When was")
    }
}
