import SafeRegex
import Testing

@Suite("Parser")
struct ParserTests {
    @Test(
        "accepts every supported syntax element",
        arguments: [
            "a", "abc", ".", "[abc]", "[a-z]", "[^a-z]", "[]a]", "[^]a]", "[a-]", "[-a]", "[a-cx-z0-9]",
            "[[:alpha:]]", "[[:digit:]]", "[[:alnum:]]", "[[:space:]]", "[[:upper:]]", "[[:lower:]]",
            "[[:punct:]]", "[[:blank:]]", "[[:xdigit:]]", "[[:cntrl:]]", "[[:print:]]", "[[:graph:]]",
            "[[:word:]]", "[^[:space:][:digit:]x]", "(a)", "(?:a)", "()", "a|b", "a||b", "(a|)",
            "a*", "a+", "a?", "a{2}", "a{2,}", "a{2,3}", "a{,3}", "a{0}", "a{100}", "(ab){1,100}",
            "^a$", "\\b", "\\B", "\\<", "\\>", "\\`a\\'", "\\w\\W\\s\\S\\d\\D",
            "\\.\\(\\)\\[\\]\\{\\}\\*\\+\\?\\|\\^\\$\\\\\\/\\-", "a{", "a}", "]", "x{a}", "é+", "[\\.]",
        ])
    func accepts(_ source: String) throws {
        _ = try Pattern(source)
        _ = try PatternSet([source])
    }

    struct Rejection: Sendable, CustomTestStringConvertible {
        let source: String
        let offset: Int
        let fragment: String
        init(_ source: String, _ offset: Int, _ fragment: String) {
            (self.source, self.offset, self.fragment) = (source, offset, fragment)
        }
        var testDescription: String { source }
    }

    @Test(
        "rejects unsupported or malformed patterns with a message and offset",
        arguments: [
            Rejection("", 0, "empty pattern"),
            Rejection("a\\1", 1, "backreference"),
            Rejection("(a)\\9", 3, "backreference"),
            Rejection("(?=a)", 0, "look-ahead"),
            Rejection("x(?!a)", 1, "look-ahead"),
            Rejection("(?<=a)b", 0, "look-behind"),
            Rejection("(?<!a)b", 0, "look-behind"),
            Rejection("(?<n>a)", 0, "named groups"),
            Rejection("(?i)a", 0, "not supported"),
            Rejection("a*?", 2, "never backtracks"),
            Rejection("ab+?", 3, "lazy"),
            Rejection("a??", 2, "lazy"),
            Rejection("a{2}?", 4, "lazy"),
            Rejection("(ab", 0, "unmatched `(`"),
            Rejection("x(a(b)", 1, "unmatched `(`"),
            Rejection("ab)", 2, "unmatched `)`"),
            Rejection("[ab", 0, "unmatched `[`"),
            Rejection("x[]", 1, "unmatched `[`"),
            Rejection("[[:alpha:]", 0, "unmatched `[`"),
            Rejection("*a", 0, "nothing to repeat"),
            Rejection("a|+b", 2, "nothing to repeat"),
            Rejection("(*a)", 1, "nothing to repeat"),
            Rejection("{2}a", 0, "nothing to repeat"),
            Rejection("^*", 1, "anchor"),
            Rejection("a\\b+", 3, "anchor"),
            Rejection("a**", 2, "another quantifier"),
            Rejection("a+{2}", 2, "another quantifier"),
            Rejection("a{3,2}", 1, "minimum exceeds the maximum"),
            Rejection("a{101}", 1, "maximum of 100"),
            Rejection("a{1,200}", 1, "maximum of 100"),
            Rejection("a{2", 1, "malformed repetition"),
            Rejection("a{2,x}", 1, "malformed repetition"),
            Rejection("((a{1,100}){1,100})", 11, "too large"),
            Rejection("(((a{100}){100}){100}){100}", 10, "too large"),
            Rejection(String(repeating: "a", count: 10_001), 0, "too large"),
            Rejection("x[z-a]", 2, "invalid range"),
            Rejection("[[:foo:]]", 1, "unknown character class"),
            Rejection("[:alpha:]", 0, "[[:space:]]"),
            Rejection("[[.a.]]", 1, "collating"),
            Rejection("[[=a=]]", 1, "equivalence"),
            Rejection("[a-[:digit:]]", 2, "character class"),
            Rejection("a\\", 1, "trailing backslash"),
            Rejection("a\\q", 1, "unknown escape"),
            Rejection("\\n", 0, "unknown escape"),
            Rejection("[\\w]", 1, "inside […]"),
            Rejection("[é]", 1, "non-ASCII"),
            Rejection(String(repeating: "(", count: 201) + "a" + String(repeating: ")", count: 201), 200, "nested"),
        ])
    func rejects(_ r: Rejection) {
        #expect {
            _ = try Pattern(r.source)
        } throws: { error in
            guard let e = error as? PatternError else { return false }
            return e.offset == r.offset && e.message.contains(r.fragment)
        }
    }

    @Test func lazyQuantifierMessageExplainsWhy() throws {
        do {
            _ = try Pattern("a.*?b")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("not supported"))
            #expect(error.message.contains("never backtracks"))
            #expect(error.offset == 3)
            #expect(error.description.contains("offset 3"))
        }
    }

    @Test func patternSetErrorNamesTheIndex() {
        do {
            _ = try PatternSet(["a", "b(", "c"])
            Issue.record("expected an error")
        } catch {
            #expect(error.index == 1)
            #expect(error.error.offset == 1)
            #expect(error.error.message.contains("unmatched `(`"))
            #expect(error.description.hasPrefix("pattern #1:"))
        }
    }

    @Test func emptySetMatchesNothing() throws {
        let set = try PatternSet([])
        #expect(set.count == 0)
        #expect(set.matchingIndices(in: "anything").isEmpty)
        #expect(set.matchingIndices(in: "").isEmpty)
    }
}
