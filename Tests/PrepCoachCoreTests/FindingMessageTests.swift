import Testing
@testable import PrepCoachCore

/// A finding's message is filled byte by byte (for `lint FILE`'s speed): every
/// `{match}` is filled, other text is kept, and both caps still hold.
@Suite struct FindingMessageTests {
    @Test func messagesFillEveryMatchAndKeepTheirCaps() {
        func message(_ template: String, _ matched: String) -> String {
            Finding(rule: Rule(id: "r", category: .other, severity: .warning, message: template, suggestion: "",
                               rationale: "", link: "", patterns: [], examples: Rule.Examples(flag: [], pass: []),
                               location: SourceLocation(file: "f", line: 1, column: 1)),
                    matched: matched).message
        }
        #expect(message("'{match}' and {match}", "résumé") == "'résumé' and résumé")
        #expect(message("no placeholder, {matc} {", "x") == "no placeholder, {matc} {")
        #expect(message("王 {match}{match}", "{match}") == "王 {match}{match}")
        #expect(message("{match}", String(repeating: "é", count: 130)) == String(repeating: "é", count: 119) + "…")
        #expect(message("{match}", String(repeating: "é", count: 100)) == String(repeating: "é", count: 100))
        let long = message(String(repeating: "{match} ", count: 200), "word")
        #expect(long.count == 600 && long.hasSuffix("…") && long.hasPrefix("word word "))
    }
}
