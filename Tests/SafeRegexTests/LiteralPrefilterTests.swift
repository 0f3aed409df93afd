import SafeRegex
import Testing

@Suite struct LiteralPrefilterTests {
    private func mayMatch(_ sources: [String], _ text: String) throws -> Bool {
        let prefilter = try CompiledPatternSet(sources).prefilter
        var text = text
        return text.withUTF8 { prefilter.mayMatch(LiteralPrefilter.Text($0)) }
    }

    /// Never rules out a text that a pattern matches (else a rule would stop flagging).
    @Test func neverRulesOutAMatchingText() throws {
        var gen = PatternGenerator(
            rng: SplitMix(state: 2026),
            literals: ["a", "b", "c", " ", "ab", "ca", "abc", "\\."],
            classes: ["[a-c]", "[ab]", "[^ ]", "\\w", "\\s", "[.-]"],
            assertions: ["\\b", "\\B", "\\<", "\\>", "^", "$"])
        var textRng = SplitMix(state: 11)
        let texts = (0..<80).map { _ in DifferentialTests.randomText(&textRng, alphabet: Array("abc .".utf8), maxLength: 30) }
        var ruledOut = 0
        for _ in 0..<400 {
            let source = gen.pattern()
            guard let pattern = try? Pattern(source) else { continue }
            let prefilter = try CompiledPatternSet([source]).prefilter
            for text in texts {
                let may = text.withUnsafeBufferPointer { prefilter.mayMatch(LiteralPrefilter.Text($0)) }
                #expect(may || !pattern.matches(text), "/\(source)/ on \"\(String(decoding: text, as: UTF8.self))\"")
                if !may { ruledOut += 1 }
            }
        }
        #expect(ruledOut > 1_000)  // and it does rule texts out
    }

    @Test func needsALiteralOfEachPartOfSomePattern() throws {
        let rule = [#"\b(what|how)\b.*\b(and|also) (you|they)\b"#, #"\bopen (roles?|jobs?)\b"#]
        #expect(try mayMatch(rule, "how long and you?"))
        #expect(try mayMatch(rule, "any open roles here"))
        #expect(try !mayMatch(rule, "how long have you worked here"))  // no "and you", "also they"…
        #expect(try !mayMatch(rule, "and you, where do you work"))  // no "what", "how"
        // Only which literals occur is tested, not their order: a may, not a match.
        #expect(try mayMatch(rule, "and you, what do you do"))
    }

    @Test func aTextTooShortForEveryPatternIsRuledOut() throws {
        let fortyWords = #"^ (\S+ ){40}"#
        #expect(try !mayMatch([fortyWords], " a short question "))
        #expect(try mayMatch([fortyWords], " " + String(repeating: "word ", count: 40)))
    }

    @Test func aPatternThatNeedsNoLiteralLetsEveryTextThrough() throws {
        #expect(try mayMatch([#"\w+"#, "zebra"], "xy"))
        #expect(try !mayMatch([#"\w+ \w+"#], "xy"))  // a space it does need
        #expect(try mayMatch(["a*"], ""))
        #expect(try mayMatch(["(ab)?c?"], "zzz"))
    }

    @Test func storedRequirementsTestLikeComputedOnes() throws {
        let computed = try CompiledPatternSet([#"\b(a|an) (role|job)\b"#, "colou?r"]).prefilter
        let stored = LiteralPrefilter(patterns: computed.patterns)
        #expect(stored == computed)
        #expect(computed.patterns?.map { $0.literals.map { $0.map { String(decoding: $0, as: UTF8.self) }.sorted() } }
            == [[["a job", "a role", "an job", "an role"]], [["color", "colour"]]])
        #expect(computed.patterns?.map(\.minLength) == [5, 5])
    }

    /// Thousands of optional letters (a mutant the loader fuzz test made) stay cheap to analyse.
    @Test func aHugePatternIsAnalysedQuickly() throws {
        let source = String(repeating: "a?", count: 2_000) + String(repeating: "a", count: 2_000)
        let started = ContinuousClock.now
        let prefilter = try CompiledPatternSet([source]).prefilter
        #expect(ContinuousClock.now - started < .seconds(1))
        #expect(prefilter.patterns != nil)
    }
}
