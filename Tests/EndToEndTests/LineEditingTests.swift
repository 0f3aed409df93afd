import Foundation
import Testing

/// The keys every shell understands, sent as the bytes terminals really send.
@Suite(.serialized) struct LineEditingTests {
    private func start(home: URL) throws -> TmuxSession {
        let session = try TmuxSession(command: TmuxSession.shellQuoted(Binary.path),
                                      environment: Binary.environment(home: home))
        try session.waitFor("prepcoach>")
        return session
    }

    /// Types `hello world`, then: Home, `X`, End, `Y`, word-left, `Z`, and expects `Xhello ZworldY`.
    @Test(arguments: [
        ("\u{1B}[1~", "\u{1B}[4~", "\u{1B}[1;5D"),  // tmux, linux console; Ctrl-Left
        ("\u{1B}[H", "\u{1B}[F", "\u{1B}[1;3D"),    // xterm; Alt-Left
        ("\u{1B}OH", "\u{1B}OF", "\u{1B}b"),        // xterm application mode; Alt-B
    ])
    func homeEndAndWordMoves(home: String, end: String, wordLeft: String) throws {
        let session = try start(home: try Binary.isolatedHome())
        defer { session.close() }
        for text in ["hello world", home, "X", end, "Y", wordLeft, "Z"] { try session.sendLiteral(text) }
        try session.waitFor("prepcoach> Xhello ZworldY")
        // Ctrl-Right / Alt-F go forward a word; Delete removes the character under the cursor.
        for text in [home, "\u{1B}[3~", "\u{1B}[1;5C", "1", "\u{1B}f", "2"] { try session.sendLiteral(text) }
        try session.waitFor("prepcoach> hello1 ZworldY2")
        try session.sendKeys("C-c")
        try session.sendKeys("C-d")
        #expect(try session.waitForExit() == 0)
    }

    /// Ctrl-R then an arrow keeps the match for editing (libedit's own search inserted `[C`);
    /// Ctrl-R then Enter runs the match, even after a longer line was edited.
    @Test func ctrlRThenArrowsEditTheMatch() throws {
        let session = try start(home: try Binary.isolatedHome())
        defer { session.close() }
        for command in ["tags stages", "contact list"] {
            try session.sendLiteral(command)
            try session.sendKeys("Enter")
            try session.waitForPrompt()
        }
        try session.sendKeys("C-r")
        try session.sendLiteral("tag")
        try session.waitFor("(search 'tag'): tags stages")
        try session.sendKeys("Right", "Left", "Left")
        try session.sendLiteral("X")
        try session.waitFor("prepcoach> tags stagXes")
        #expect(!session.screen().contains("[C"))
        // A longer line, cleared, then a shorter match run with Enter: nothing of the longer one is left.
        try session.sendKeys("C-e")
        try session.sendLiteral(" and more")
        try session.sendKeys("C-a", "C-k", "C-r")
        try session.sendLiteral("list")
        try session.waitFor("(search 'list'): contact list")
        try session.sendKeys("Enter")
        try session.waitFor("No contacts yet")
        #expect(!(try session.waitForPrompt()).contains("Unexpected argument"))
        try session.sendKeys("C-d")
        #expect(try session.waitForExit() == 0)
    }

    @Test func tabCompletesInsideQuotesAndIgnoringCase() throws {
        let home = try Binary.isolatedHome()
        for name in ["Tom O'Brien", "Priya Shah", "王小明"] {
            #expect(try Binary.run(["contact", "add", name, "--company", "Acme"], home: home).status == 0)
        }
        let session = try start(home: home)
        defer { session.close() }
        try session.sendLiteral("request \"Tom O")
        try session.sendKeys("Tab")
        try session.waitFor("prepcoach> request \"Tom O'Brien\"")
        try session.sendKeys("C-c")
        try session.sendLiteral("request pri")
        try session.sendKeys("Tab")
        try session.waitFor(#"prepcoach> request Priya\ Shah"#)
        try session.sendKeys("C-c")
        // Wide characters take two columns: the table stays aligned.
        try session.sendLiteral("contact list")
        try session.sendKeys("Enter")
        try session.waitFor("3 contacts")
        let screen = try session.waitForPrompt()
        let rows = screen.split(separator: "\n").filter { $0.contains("Acme") }.map(String.init)
        #expect(rows.count == 3)
        #expect(Set(rows.map { displayColumn(of: "Acme", in: $0) }).count == 1, "\(rows)")
        try session.sendKeys("C-d")
        #expect(try session.waitForExit() == 0)
    }

    /// The terminal column where `text` starts, counting CJK characters as two.
    private func displayColumn(of text: String, in row: String) -> Int {
        guard let range = row.range(of: text) else { return -1 }
        return row[..<range.lowerBound].reduce(0) { $0 + ($1.unicodeScalars.first!.value >= 0x1100 ? 2 : 1) }
    }
}
