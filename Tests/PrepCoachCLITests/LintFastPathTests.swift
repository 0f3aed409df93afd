import Foundation
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

/// `lint FILE`'s byte-level shortcuts give what the Foundation and scalar code
/// they stand in for gave, on the texts where a shortcut could go wrong.
@Suite struct LintFastPathTests {
    private static let texts = [
        "", " ", "plain", "  padded\t", "\u{00A0}no-break\u{00A0}", "\u{2028}separator", "tail\u{3000}",
        "café", "\u{0100}ā", "Ends in é", "e\u{301}", "\u{85}next line", "tab\there", "a\u{7F}", "x\r",
    ]

    @Test(arguments: texts)
    func trimmingMatchesFoundation(text: String) {
        #expect(text.trimmedOfWhitespaceAndNewlines == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func theFirstControlCharacterIsTheOneTheScalarsName() {
        let files = [
            "fine\nlines\r\nwith\ttabs\n", "café\nĀ and \u{00A0}\n", "ok\nbell\u{07}\n", "ok\nok\n\u{7F}",
            "C1 \u{85} on one\n", "\u{9F}", "two\n\u{9B}[2J\n", "\u{0}", "\u{C2}\u{A0}\u{C2}\u{80}",
            "windows\r\nline ends\r\n", "ok\nthen\r\n", "lone\rreturn\n",
        ]
        for file in files {
            // By byte: CR LF is one Character, and a Windows line end still ends the line.
            let lines = file.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
            let control = { (scalar: Unicode.Scalar) in ControlCharacters.contains(String(scalar), except: ["\t", "\r"]) }
            let expected = lines.firstIndex { $0.unicodeScalars.contains(where: control) }.map { index in
                (index + 1, lines[index].unicodeScalars.firstIndex(where: control)
                    .map { lines[index].unicodeScalars.distance(from: lines[index].unicodeScalars.startIndex, to: $0) + 1 },
                 lines[index].unicodeScalars.first(where: control))
            }
            let found = TextFileLines.firstControlCharacter(file)
            #expect(found?.line == expected?.0 && found?.column == expected?.1 && found?.scalar == expected?.2,
                    "\(file.debugDescription)")
        }
    }

    @Test func noBreakSpacesPrintAsSpacesAndOtherTextIsKept() {
        #expect(TextWrap.wrapped("3\u{00A0}min, ā and 王", width: nil) == "3 min, ā and 王")
        #expect(TextWrap.wrapped("a\u{00A0}b c", width: 3) == "a b\nc")
    }
}
