import SafeRegex
import Testing

/// Patterns that make backtracking engines take exponential time. These tests
/// assert correctness only; the point is that they return at all.
@Suite("Hostile patterns")
struct HostileTests {
    static let as30k = [UInt8](repeating: UInt8(ascii: "a"), count: 30_000)
    static let xs30k = [UInt8](repeating: UInt8(ascii: "x"), count: 30_000)

    struct Case: Sendable, CustomTestStringConvertible {
        let pattern: String
        let onXs: Bool
        let expected: Range<Int>?
        var testDescription: String { pattern }
    }

    @Test(
        arguments: [
            Case(pattern: "(a+)+$", onXs: false, expected: 0..<30_000),
            Case(pattern: "(a|a)*b", onXs: false, expected: nil),
            Case(pattern: "(a*)*b", onXs: false, expected: nil),
            Case(pattern: "(a|aa)+c", onXs: false, expected: nil),
            Case(pattern: "(.*a){12}b", onXs: false, expected: nil),
            Case(pattern: "(x+x+)+y", onXs: true, expected: nil),
            Case(pattern: "^(x?){30}x{30}$", onXs: true, expected: nil),
        ])
    func finishesWithTheRightAnswer(_ c: Case) throws {
        let text = c.onXs ? Self.xs30k : Self.as30k
        let pattern = try Pattern(c.pattern)
        #expect(pattern.firstMatch(in: text) == c.expected)
        #expect(pattern.matches(text) == (c.expected != nil))
        let set = try PatternSet([c.pattern])
        #expect(set.matchingIndices(in: text) == (c.expected != nil ? [0] : []))
    }

    @Test func allHostilePatternsInOneSet() throws {
        let sources = ["(a+)+$", "(a|a)*b", "(a*)*b", "(x+x+)+y", "(.*a){12}b", "a{100}", "(a|aa)+$"]
        let set = try PatternSet(sources)
        #expect(set.matchingIndices(in: Self.as30k) == [0, 5, 6])
        #expect(set.matchingIndices(in: Self.xs30k) == [])
        #expect(set.matchingIndices(in: Self.as30k + Array("xxy".utf8)) == [3, 5])
    }

    @Test func hugeRepetitionIsRejectedForSize() {
        #expect {
            _ = try Pattern("((a{1,100}){1,100})")
        } throws: { error in
            (error as? PatternError)?.message.contains("too large") == true
        }
        #expect(throws: PatternSetError.self) { _ = try PatternSet(["a", "((a{1,100}){1,100})"]) }
    }
}

@Suite("DFA cache bound")
struct CacheBoundTests {
    /// Random a/b text; `(a|b)*a(a|b){n}c` needs about 2^(n+1) DFA states on it.
    static func randomAB(count: Int, seed: UInt64) -> [UInt8] {
        var rng = SplitMix(state: seed)
        return (0..<count).map { _ in rng.chance(50) ? UInt8(ascii: "a") : UInt8(ascii: "b") }
    }

    @Test func smallCacheStillGivesTheRightAnswers() throws {
        let sources = ["(a|b)*a(a|b){12}c", "abababababab", "c$", "\\bb{3}a"]
        let patterns = try sources.map { try Pattern($0) }
        let set = try PatternSet(sources, maxCachedStates: 64)
        func expected(_ text: [UInt8]) -> [Int] { patterns.indices.filter { patterns[$0].matches(text) } }

        var text = Self.randomAB(count: 20_000, seed: 1)
        #expect(set.matchingIndices(in: text) == expected(text))
        #expect(!expected(text).contains(0))
        #expect(set.cacheClearCount > 0)

        // Put a `c` where it completes a match: 13 bytes after an `a`.
        let a = text.indices.dropFirst(10_000).first { text[$0] == UInt8(ascii: "a") }!
        text[a + 13] = UInt8(ascii: "c")
        #expect(expected(text).contains(0))
        #expect(set.matchingIndices(in: text) == expected(text))
        text.append(UInt8(ascii: "c"))
        #expect(expected(text).contains(2))
        #expect(set.matchingIndices(in: text) == expected(text))
    }

    @Test func defaultCacheLimitIsExceededAndCleared() throws {
        // 2^15 possible states > the default 10,000.
        let source = "(a|b)*a(a|b){14}c"
        let set = try PatternSet([source])
        let text = Self.randomAB(count: 60_000, seed: 2)
        #expect(set.matchingIndices(in: text) == [])
        #expect(set.cacheClearCount > 0)
        var withMatch = text
        withMatch[59_000] = UInt8(ascii: "a")
        withMatch[59_015] = UInt8(ascii: "c")
        #expect(set.matchingIndices(in: withMatch) == [0])
        #expect(try Pattern(source).firstMatch(in: withMatch)?.upperBound == 59_016)
    }
}
