import SafeRegex
import Testing

/// (pattern, text, expected first match: leftmost, then longest; nil = no match).
struct MatchCase: Sendable, CustomTestStringConvertible {
    let pattern: String
    let text: String
    let expected: Range<Int>?
    init(_ pattern: String, _ text: String, _ expected: Range<Int>?) {
        (self.pattern, self.text, self.expected) = (pattern, text, expected)
    }
    var testDescription: String { "/\(pattern)/ on \"\(text)\"" }
}

let matchCases: [MatchCase] = [
    // Literals, alternation
    MatchCase("abc", "xxabcxx", 2..<5),
    MatchCase("abc", "ab", nil),
    MatchCase("a|b", "xxbxa", 2..<3),
    MatchCase("cat|category", "category", 0..<8),
    MatchCase("(a|ab)(c|bcd)", "abcd", 0..<4),
    MatchCase("(a|)b", "b", 0..<1),
    MatchCase("(?:ab)+", "ababx", 0..<4),
    // Classes
    MatchCase("[abc]+", "xxcabz", 2..<5),
    MatchCase("[^abc]+", "abcxyzab", 3..<6),
    MatchCase("[a-c]+", "zzbcaz", 2..<5),
    MatchCase("[]a]+", "x]a]x", 1..<4),
    MatchCase("[^]a]", "]]ab", 3..<4),
    MatchCase("[a-]+", "x-a-x", 1..<4),
    MatchCase("[[:digit:]]+", "abc123def", 3..<6),
    MatchCase("[[:alpha:]]+", "12ab34", 2..<4),
    MatchCase("[[:space:]]", "a\tb", 1..<2),
    MatchCase("[[:upper:]][[:lower:]]+", "xx Hello", 3..<8),
    MatchCase("[[:punct:]]", "ab,c", 2..<3),
    MatchCase("[[:alnum:]_]+", "--a_1--", 2..<5),
    MatchCase("[[:word:]]+", "--a_1--", 2..<5),
    MatchCase("[^[:alpha:] ]", "ab c1", 4..<5),
    MatchCase("[\\.]", "a.b", 1..<2),
    MatchCase("a.c", "abc", 0..<3),
    MatchCase("a.c", "ac", nil),
    // Repeats
    MatchCase("ab*c", "ac", 0..<2),
    MatchCase("ab*c", "abbbc", 0..<5),
    MatchCase("ab+c", "ac", nil),
    MatchCase("ab+c", "abbc", 0..<4),
    MatchCase("ab?c", "abc", 0..<3),
    MatchCase("ab?c", "abbc", nil),
    MatchCase("a{3}", "aaaa", 0..<3),
    MatchCase("a{3}", "aa", nil),
    MatchCase("a{2,}", "aaaaa", 0..<5),
    MatchCase("a{2,3}", "aaaaa", 0..<3),
    MatchCase("ba{,2}", "baaa", 0..<3),
    MatchCase("a{0}b", "ab", 1..<2),
    MatchCase("(ab){2}", "ababab", 0..<4),
    MatchCase("(a*)*b", "aab", 0..<3),
    MatchCase("x{2}y{1,2}", "xxxyyy", 1..<5),
    // Empty matches
    MatchCase("a*", "bbb", 0..<0),
    MatchCase("a*", "baa", 0..<0),
    MatchCase("a*", "aab", 0..<2),
    MatchCase("x*y*z*", "", 0..<0),
    MatchCase("()", "abc", 0..<0),
    // Anchors
    MatchCase("^abc", "abcabc", 0..<3),
    MatchCase("^abc", "xabc", nil),
    MatchCase("abc$", "abcabc", 3..<6),
    MatchCase("abc$", "abcx", nil),
    MatchCase("^$", "", 0..<0),
    MatchCase("^$", "a", nil),
    MatchCase("^", "abc", 0..<0),
    MatchCase("$", "abc", 3..<3),
    MatchCase("a^b", "ab", nil),
    MatchCase("(^a|b)", "ba", 0..<1),
    MatchCase("(^|x)a", "ba xa", 3..<5),
    // Word boundaries
    MatchCase("\\bcat\\b", "concat cat", 7..<10),
    MatchCase("\\bcat\\b", "concatenate", nil),
    MatchCase("\\bcat", "cat", 0..<3),
    MatchCase("cat\\b", "cat", 0..<3),
    MatchCase("\\bcat\\b", "cat-cat", 0..<3),
    MatchCase("\\Bcat", "concat", 3..<6),
    MatchCase("\\Bcat", "cat", nil),
    MatchCase("cat\\B", "cats", 0..<3),
    MatchCase("cat\\B", "cat", nil),
    MatchCase("\\b", "", nil),
    MatchCase("\\B", "", 0..<0),
    MatchCase("\\b", "  a", 2..<2),
    MatchCase("\\b", "  ", nil),
    MatchCase("\\B", "a", nil),
    MatchCase("\\B", "ab", 1..<1),
    MatchCase("a\\b b", "a b", 0..<3),
    MatchCase("\\<the\\>", "other the", 6..<9),
    MatchCase("\\>", "ab cd", 2..<2),
    MatchCase("\\<", " ab", 1..<1),
    MatchCase("\\bx_1\\b", "ax_1 x_1", 5..<8),
    // Escapes
    MatchCase("\\w+", "  ab_1 ", 2..<6),
    MatchCase("\\W+", "ab  cd", 2..<4),
    MatchCase("\\s+", "ab \t cd", 2..<5),
    MatchCase("\\S+", "  ab ", 2..<4),
    MatchCase("\\d+", "x42", 1..<3),
    MatchCase("\\D", "42x", 2..<3),
    MatchCase("a\\.b", "axb a.b", 4..<7),
    MatchCase("\\(x\\)", "f(x)", 1..<4),
    MatchCase("a\\*", "aa*", 1..<3),
    MatchCase("\\\\", "a\\b", 1..<2),
    MatchCase("a{", "xa{", 1..<3),
    MatchCase("}", "a}", 1..<2),
    MatchCase("é+", "caféé!", 3..<7),
    // `.*` between parts (PatternSet splits these)
    MatchCase("when.*founded", "when was it founded", 0..<19),
    MatchCase("\\b(when|what year)\\b.*\\b(founded|started)\\b", "so what year was it started?", 3..<27),
    MatchCase("\\b(when|what year)\\b.*\\b(founded|started)\\b", "it started when", nil),
    MatchCase("\\b(when|what year)\\b.*\\b(founded|started)\\b", "whenever it was founded", nil),
    MatchCase("a\\b.*\\bb", "a b", 0..<3),
    MatchCase("a\\b.*\\bb", "ab", nil),
    MatchCase("a.*b", "ab", 0..<2),
    MatchCase("a.*b", "ba", nil),
    MatchCase("x.+y", "xy", nil),
    MatchCase("x.+y", "x y", 0..<3),
    MatchCase("x.{2,}y", "x1y x12y", 0..<8),
    MatchCase("x.{2,}y", "x1y", nil),
    MatchCase("^a.*b$", "axb", 0..<3),
    MatchCase("^a.*b$", "axbc", nil),
    MatchCase("a.*b.*c", "abc", 0..<3),
    MatchCase("a.*b.*c", "acb", nil),
    MatchCase("(a.*b|c.*d)", "dc", nil),
    MatchCase("(a.*b|c.*d)", "xcyd", 1..<4),
    MatchCase(".*a.*", "b", nil),
    MatchCase(".*a.*", "bab", 0..<3),
    MatchCase("a.*\\B", "a", nil),
    MatchCase("a.*\\B", "ab", 0..<1),
    MatchCase("a.*\\B", "ab c", 0..<1),
    MatchCase("a.*\\B", "a bc", 0..<3),
    MatchCase("a.*(y|)", "xa", 1..<2),
    MatchCase("(x|).*b", "ab", 0..<2),
    MatchCase("foo\\w*", "a foobar", 2..<8),
    MatchCase("x+foo", "xxfoo", 0..<5),
    // A search starts only at bytes a match can begin with (none skipped that could)
    MatchCase("\\b(can|could) you\\b", " so could you ", 4..<13),
    MatchCase("\\bb", "ab b", 3..<4),
    MatchCase("c", "abc", 2..<3),
    MatchCase("\\<[0-9]+", "a 12", 2..<4),
    MatchCase("(\\bx|y)z", "ayz xz", 1..<3),
    MatchCase("$", "abc", 3..<3),
    MatchCase("b*$", "abb", 1..<3),
]

@Suite("Matching")
struct MatchingTests {
    @Test("firstMatch, matches and PatternSet agree with the expected result", arguments: matchCases)
    func table(_ c: MatchCase) throws {
        let pattern = try Pattern(c.pattern)
        let text = Array(c.text.utf8)
        #expect(pattern.firstMatch(in: text) == c.expected)
        #expect(pattern.matches(text) == (c.expected != nil))
        let set = try PatternSet([c.pattern])
        #expect(set.matchingIndices(in: text) == (c.expected != nil ? [0] : []))
        #expect(set.matchingIndices(in: c.text) == set.matchingIndices(in: text))
    }

    @Test("one PatternSet of all the table's patterns agrees with each Pattern")
    func combinedSet() throws {
        let sources = matchCases.map(\.pattern)
        let patterns = try sources.map { try Pattern($0) }
        let set = try PatternSet(sources)
        for c in matchCases {
            let text = Array(c.text.utf8)
            let expected = patterns.indices.filter { patterns[$0].matches(text) }
            #expect(set.matchingIndices(in: text) == expected, "text \"\(c.text)\"")
        }
    }

    @Test func matchingIndicesAreSortedAndUnique() throws {
        let set = try PatternSet(["b", "a|b", "a.*b", "(a.*b|b)", "x", "a"])
        #expect(set.matchingIndices(in: "ab") == [0, 1, 2, 3, 5])
        #expect(set.matchingIndices(in: "ba") == [0, 1, 3, 5])
        #expect(set.matchingIndices(in: "") == [])
        // The same set, reused across texts, gives the same answers.
        #expect(set.matchingIndices(in: "ab") == [0, 1, 2, 3, 5])
    }

    @Test func unsafeBufferOverload() throws {
        let set = try PatternSet(["\\bhiring\\b"])
        let bytes = Array("are you hiring?".utf8)
        #expect(bytes.withUnsafeBufferPointer { set.matchingIndices(in: $0) } == [0])
        #expect(bytes.withUnsafeBufferPointer { set.matchingIndices(in: UnsafeBufferPointer(rebasing: $0[0..<10])) } == [])
    }
}
