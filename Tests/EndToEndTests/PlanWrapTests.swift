import Foundation
import Testing

/// `pick`, `plan`, `lint`, `next` and `contact add` on a narrow terminal: words stay whole, and a question's
/// later lines sit under its text, not under its number.
@Suite(.serialized) struct PlanWrapTests {
    private struct Item: Decodable {
        let questionID: String?
        let text: String
        let followups: [String]
    }

    /// What `arguments` (shell words after the binary; `;` runs another) printed in a `width`-column
    /// terminal, its lines, and them joined with one space where tmux or the wrap broke a line.
    /// tmux cuts a line too long for the pane where it is full: a word cut in two is a line too long.
    private func printed(_ arguments: String, home: URL, width: Int, status: Int32 = 0) throws -> (lines: [String], joined: String) {
        let binary = TmuxSession.shellQuoted(Binary.path)
        let session = try TmuxSession(command: "\(binary) " + arguments.replacingOccurrences(of: "; ", with: "; \(binary) "),
                                      environment: Binary.environment(home: home), width: width, height: 40)
        defer { session.close() }
        #expect(try session.waitForExit() == status)
        let lines = session.screen(includingScrollback: true).components(separatedBy: "\n")
        return (lines, lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " "))
    }

    @Test(arguments: [50, 120]) func pickAndPlanWrapToTheTerminal(width: Int) throws {
        let home = try Binary.isolatedHome()
        try CallModeTests.seed(home: home)
        let (lines, joined) = try printed("pick --contact 'Dana Lee' --seed 2 --minutes 18; plan 'Dana Lee'", home: home, width: width)
        let plan = try Binary.run(["plan", "Dana Lee", "--json"], home: home)
        let items = try JSONDecoder().decode([Item].self, from: Data(plan.stdout.utf8))
        // Continuation lines of a numbered question start under its first word, at column 6.
        let numbered = try Regex(#"^ {0,2}\d+\. "#)
        var inQuestion = false
        for line in lines {
            if line.firstMatch(of: numbered) != nil {
                inQuestion = true
            } else if inQuestion, !line.isEmpty, !line.hasPrefix("       ↳") {
                #expect(line.hasPrefix("     ") && !line.hasPrefix("      "), "not under the text: \(line)")
            } else {
                inQuestion = false
            }
        }
        // Joined back, every question, follow-up and id reads whole: no word cut in two.
        for item in items {
            #expect(joined.contains(item.text), "cut: \(item.text)")
            item.followups.forEach { #expect(joined.contains($0), "cut: \($0)") }
            if let id = item.questionID { #expect(joined.contains(id), "cut: \(id)") }
        }
        #expect(joined.contains("in an 18-min meeting"))
        #expect(joined.contains("`plan \"Dana Lee\" undo` brings back the previous plan"))
    }

    private struct Finding: Decodable {
        let rule, category, message, suggestion: String
    }

    @Test func lintFindingsWrapWithTheirSuggestionIndented() throws {
        let home = try Binary.isolatedHome()
        let question = "Could you refer me for an opening at your bakery?"
        let json = try Binary.run(["lint", question, "--json"], home: home)
        let findings = try JSONDecoder().decode([Finding].self, from: Data(json.stdout.utf8))
        #expect(findings.count > 1)
        let (lines, joined) = try printed("lint '\(question)'", home: home, width: 50, status: 1)
        // The first finding of each kind is printed whole; the others of its kind are named after it.
        var kinds = Set<String>()
        for finding in findings {
            #expect(joined.contains("[\(finding.rule)]"))
            guard kinds.insert(finding.category).inserted else { continue }
            #expect(joined.contains(finding.message), "cut: \(finding.message)")
            #expect(joined.contains("try: " + finding.suggestion), "cut: \(finding.suggestion)")
        }
        // A suggestion's later lines start under its words, after "    try: ".
        for (line, next) in zip(lines, lines.dropFirst()) where line.hasPrefix("    try: ") && next.hasPrefix("  ") {
            #expect(next.hasPrefix("         ") && !next.hasPrefix("          "), "not under the text: \(next)")
        }
    }

    /// `help` at 100 columns cut 'check-banks' … 'examp|les' where the terminal ended.
    @Test func helpWrapsEachCommandUnderItsDescription() throws {
        let home = try Binary.isolatedHome()
        let (lines, joined) = try printed("help", home: home, width: 60)
        for abstract in ["Validate bank, tag, rule and labelled files, lint the questions, run the rules' examples, find near-duplicates.",
                         "After the call: a Markdown summary, a thank-you draft due in 24 hours, an .ics follow-up plan."] {
            #expect(joined.contains(abstract), "cut: \(abstract)")
        }
        let commands = lines.drop { $0 != "Commands" }.dropFirst().prefix { !$0.isEmpty }
        #expect(commands.count > 30)
        for line in commands where !line.hasPrefix("  ") || line.hasPrefix("   ") {
            #expect(line.hasPrefix("               ") && !line.hasPrefix("                "), "not under the text: \(line)")
        }
    }

    /// The readiness report was cut where the terminal ended ('… interested in this company or f|ield?').
    @Test func readinessReportWrapsEachCheckUnderItself() throws {
        let home = try Binary.isolatedHome()
        try CallModeTests.seed(home: home)
        let (lines, joined) = try printed("prep 'Dana Lee' --report", home: home, width: 50)
        #expect(joined.contains("Can you say in one sentence why you are interested in this company or field?"))
        let report = lines.drop { !$0.hasPrefix("Readiness for") }.dropFirst().prefix { !$0.isEmpty }
        #expect(report.count > 10)
        for line in report where !line.hasPrefix("  ✓ ") && !line.hasPrefix("  ✗ ") && !line.hasPrefix("  ? ") {
            #expect(line.hasPrefix("    ") && !line.hasPrefix("     "), "not under the text: \(line)")
        }
        let toDo = lines.drop { $0 != "Left to do:" }.dropFirst().prefix { !$0.isEmpty }
        #expect(!toDo.isEmpty)
        for line in toDo where !line.hasPrefix("  - ") {
            #expect(line.hasPrefix("    ") && !line.hasPrefix("     "), "not under the text: \(line)")
        }
    }

    /// `tags` was cut where the terminal ended ('Software, internet, … (also: tech, s|oftware').
    @Test func tagsWrapEachDescriptionUnderItself() throws {
        let home = try Binary.isolatedHome()
        let (lines, joined) = try printed("tags industries", home: home, width: 60)
        #expect(joined.contains("Hospitals, clinics, allied health and health services."))
        #expect(joined.contains("(also: health, medicine, medical, nursing, hospital)"))
        for line in lines.dropFirst() where !line.isEmpty && !line.hasPrefix("  ") || line.hasPrefix("   ") {
            #expect(line.hasPrefix(String(repeating: " ", count: 25)) && !line.hasPrefix(String(repeating: " ", count: 26)),
                    "not under the text: \(line)")
        }
    }

    @Test func nextWrapsEachStepUnderItself() throws {
        let home = try Binary.isolatedHome()
        try CallModeTests.seed(home: home)
        let (lines, joined) = try printed("next", home: home, width: 50)
        #expect(joined.contains(#"Get ready: `prep "Dana Lee"`, `rehearse "Dana Lee"`, then `call "Dana Lee"` when you talk"#))
        #expect(joined.contains("[request → ▸prep → call → wrap → thanks → check-in]"))
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") }, "\(lines)")
    }

    @Test func contactAddSaysWhatIsNextInWholeWords() throws {
        let home = try Binary.isolatedHome()
        let (_, joined) = try printed("contact add 'Ann Lee' --seniority mid --employee --size large", home: home, width: 50)
        #expect(joined.contains(#"Next: `request "Ann Lee"` drafts your request; `pick --contact "Ann Lee"` picks your questions."#))
    }
}
