import Foundation
import Testing
@testable import PrepCoachCore

/// `replacingEvery` gives what Foundation's `replacingOccurrences` gives.
@Suite struct StringReplacingTests {
    @Test(arguments: [
        ("product-design", "-", " "), ("arts-and-culture", "-and-", " & "), ("a-and-", "-and-", " & "),
        ("2\u{A0}min\u{A0}·", "\u{A0}", " "), ("no target", "-", " "), ("", "-", " "), ("---", "--", "+"),
        ("café-crème", "é", "e"), ("aaa", "a", "aa"), ("x\u{2019}s", "\u{2019}", "'"),
    ])
    func matchesFoundation(text: String, target: String, replacement: String) {
        #expect(text.replacingEvery(target, with: replacement)
            == text.replacingOccurrences(of: target, with: replacement))
    }

    @Test func randomTextsMatchFoundation() {
        var random = SeededGenerator(seed: 11)
        let pieces = ["-", "a", "and", " ", "\u{A0}", "é", "·", "--"]
        for _ in 0..<2_000 {
            let text = (0..<random.below(12)).map { _ in random.pick(pieces) }.joined()
            let target = random.pick(["-", "-and-", "\u{A0}", "é", "--"])
            #expect(text.replacingEvery(target, with: "_") == text.replacingOccurrences(of: target, with: "_"), "\(text)")
        }
    }
}
