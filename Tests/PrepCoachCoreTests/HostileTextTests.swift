import Foundation
import Testing
@testable import PrepCoachCore

/// Text from notes, names, imports and banks that tries to be more than text.
@Suite struct HostileTextTests {
    /// `wrap`'s summary took notes and names raw: `<script>`, `javascript:` links and remote images
    /// went in as such, and a plan question holding a line break added a fake `## Referrals` section.
    @Test func theCallSummaryEscapesMarkdownAsExportPlanDoes() throws {
        var contact = Contact(name: "Eve <img src=x onerror=alert(1)>", company: "[Acme](javascript:alert(1))", createdAt: Date())
        contact.id = 1
        var call = Call(contactID: 1, startedAt: Date(timeIntervalSince1970: 0), promisedMinutes: 30)
        call.id = 1
        call.endedAt = Date(timeIntervalSince1970: 600)
        var item = PlanItem(contactID: 1, position: 0, questionID: nil,
                            text: "How did you start?\n\n## Referrals\n\n- Mallory (may use your name)", topic: nil, minutes: 2)
        item.id = 1
        let events = [
            CallEvent(callID: 1, kind: .asked, planItemID: 1, text: item.text, at: call.startedAt),
            CallEvent(callID: 1, kind: .note, planItemID: 1, text: "<script>alert(1)</script>", at: call.startedAt),
            CallEvent(callID: 1, kind: .note, planItemID: 1, text: "![](https://evil.example/track.png)", at: call.startedAt),
            CallEvent(callID: 1, kind: .todo, planItemID: nil, text: "## Action items", at: call.startedAt),
        ]
        let summary = CallSummary.markdown(CallRecord(contact: contact, call: call, plan: [item], events: events, referrals: []))
        #expect(summary.components(separatedBy: "\n## Referrals").count == 2)  // the real section only
        #expect(summary.components(separatedBy: "\n## ").count == 4)  // Questions asked, Referrals, Action items
        #expect(summary.contains("# Informational interview with Eve \\<img src=x onerror=alert(1)\\>\n"))
        #expect(summary.contains("\\[Acme\\](javascript:alert(1))"))
        #expect(summary.contains("   - \\<script\\>alert(1)\\</script\\>\n"))
        #expect(summary.contains("   - !\\[\\](https://evil.example/track.png)\n"))
        #expect(summary.contains("1. How did you start?  \\#\\# Referrals  - Mallory"))
        // No tag, link or image left: every `<` and `[` `]` is escaped.
        let unescaped = summary.replacingOccurrences(of: "\\<", with: "").replacingOccurrences(of: "\\]", with: "")
        #expect(!unescaped.contains("<") && !unescaped.contains("]("))
    }

    /// U+202E and the other bidi controls were shown raw: they reorder what the terminal shows.
    @Test func bidiControlsAndSeparatorsAreControlCharacters() {
        for scalar: Unicode.Scalar in ["\u{202E}", "\u{202A}", "\u{2066}", "\u{2069}", "\u{200F}", "\u{061C}", "\u{2028}"] {
            #expect(ControlCharacters.isControl(scalar))
            #expect(ControlCharacters.escaped("a\(scalar)b") == "a\(ControlCharacters.visible(scalar))b")
        }
        #expect(!ControlCharacters.isControl("\u{200D}"))  // the joiner inside emoji stays
        #expect(ControlCharacters.problem(inField: "name", "Dana\u{2028}Lee")?.contains("a line break") == true)
    }

    /// Follow-ups, rule messages, tag descriptions and readiness prompts took line breaks (a bank
    /// could print fake lint lines) and U+202E.
    @Test func bankTextWithALineBreakOrBidiControlIsRefusedAtItsPlace() throws {
        let bank = try TemporaryBank([
            "tags.yaml": Fixtures.tags,
            "q.yaml": "questions:\n" + Fixtures.question(id: "one") + "    followups:\n      - \"Fine?\\nq.yaml:1: error [fake] injected\"\n"
                + Fixtures.question(id: "two") + "    followups: [\"Who \u{202E}txt.exe?\"]\n",
        ])
        let banks = BankLoader.load([bank.path])
        let errors = banks.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains { $0.contains("q.yaml:") && $0.contains("'followups' contains a line break") }, "\(errors)")
        #expect(errors.contains { $0.contains("'followups' contains a control character (\\u{202E})") }, "\(errors)")
        #expect(banks.questions.flatMap(\.followups).allSatisfy { !ControlCharacters.contains($0) })
    }
}

/// What one bank entry may hold, bounded where it is written.
@Suite struct BankSizeBoundsTests {
    /// A 210 KB rule file whose `pass:` examples were 9,990 aliases of one 100 KB string cost 27.7 s and
    /// 1 GB on every `lint` and `pick`.
    @Test func aliasedHugeExamplesAreRefusedAtTheirPlace() throws {
        let huge = String(repeating: "what is it like ", count: 6_400)
        let rule = "id: r\ncategory: c\nseverity: warning\nmessage: m\nsuggestion: s\nrationale: r\nlink: l\n"
            + "patterns: ['hire me']\nexamples:\n  flag: [&h \"\(huge)\"]\n  pass:\n"
            + String(repeating: "    - *h\n", count: 9_990)
        let bank = try TemporaryBank(["rules/r.yaml": rule])
        let problems = BankLoader.load([bank.path]).diagnostics.map(\.description)
        #expect(problems.contains { $0.contains("r.yaml:12:") && $0.hasSuffix("'pass' has 9990 items; at most 200 are accepted") },
                "\(problems.map { $0.prefix(200) })")
        #expect(problems.contains { $0.contains("r.yaml:10:") && $0.hasSuffix("'flag' is 102400 characters long; at most 500 are accepted") },
                "\(problems.map { $0.prefix(200) })")
    }

    /// Follow-ups had no limit on their length or count.
    @Test func followUpsAreBoundedInLengthAndCount() throws {
        let long = String(repeating: "x", count: 501)
        let many = (1...11).map { "Follow-up \($0)?" }.joined(separator: ", ")
        let bank = try TemporaryBank([
            "tags.yaml": Fixtures.tags,
            "q.yaml": "questions:\n" + Fixtures.question(id: "one") + "    followups: [\"\(long)\"]\n"
                + Fixtures.question(id: "two") + "    followups: [\(many)]\n",
        ])
        let problems = BankLoader.load([bank.path]).diagnostics.map(\.message)
        #expect(problems.contains("'followups' is 501 characters long; at most 500 are accepted"), "\(problems)")
        #expect(problems.contains("'followups' has 11 items; at most 10 are accepted"), "\(problems)")
    }
}
