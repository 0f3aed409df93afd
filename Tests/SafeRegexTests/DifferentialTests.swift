import Foundation
import SafeRegex
import Testing

/// Deterministic pseudo-random numbers (SplitMix64).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &self)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &self) < percent }
}

/// Random patterns over a small alphabet, in the common subset of ERE and ICU syntax.
struct PatternGenerator {
    var rng: SplitMix
    let literals: [String]
    let classes: [String]
    let assertions: [String]

    mutating func pattern() -> String { alternation(depth: 0) }

    private mutating func alternation(depth: Int) -> String {
        let n = rng.chance(25) ? 2 : 1
        return (0..<n).map { _ in concat(depth: depth) }.joined(separator: "|")
    }

    private mutating func concat(depth: Int) -> String {
        (0..<Int.random(in: 1...4, using: &rng)).map { _ in item(depth: depth) }.joined()
    }

    private mutating func item(depth: Int) -> String {
        let r = Int.random(in: 0..<100, using: &rng)
        if r < 8 { return rng.pick(assertions) }
        if r < 13 { return rng.pick([".*", ".+"]) }
        let atom: String
        if r < 55 {
            atom = rng.pick(literals)
        } else if r < 65 {
            atom = "."
        } else if r < 80 {
            atom = rng.pick(classes)
        } else if depth < 2 {
            atom = "(" + alternation(depth: depth + 1) + ")"
        } else {
            atom = rng.pick(literals)
        }
        if !rng.chance(35) { return atom }
        return atom + rng.pick(["*", "+", "?", "{2}", "{1,}", "{0,2}", "{1,3}"])
    }
}

@Suite("Differential")
struct DifferentialTests {
    static func randomText(_ rng: inout SplitMix, alphabet: [UInt8], maxLength: Int) -> [UInt8] {
        (0..<Int.random(in: 0...maxLength, using: &rng)).map { _ in rng.pick(alphabet) }
    }

    /// Against NSRegularExpression (ICU), which agrees with ERE on "does it match
    /// anywhere" and on where the leftmost match starts, for this subset.
    @Test func agreesWithNSRegularExpression() throws {
        var gen = PatternGenerator(
            rng: SplitMix(state: 20_240_601),
            literals: ["a", "b", " "],
            classes: ["[ab]", "[^a]", "[^ ]", "[a ]"],
            assertions: ["\\b", "\\B", "^", "$"])
        var textRng = SplitMix(state: 7)
        let texts = (0..<40).map { _ in Self.randomText(&textRng, alphabet: Array("ab ".utf8), maxLength: 12) }

        var sources: [String] = []
        while sources.count < 400 {
            let p = gen.pattern()
            // Our parser rejects a quantified assertion, which the generator never writes.
            guard (try? Pattern(p)) != nil else {
                Issue.record("generated pattern rejected: \(p)")
                continue
            }
            sources.append(p)
        }
        let patterns = try sources.map { try Pattern($0) }
        let references = try sources.map { try NSRegularExpression(pattern: $0) }
        let set = try PatternSet(sources)

        var checked = 0
        for bytes in texts {
            let text = String(decoding: bytes, as: UTF8.self)
            let ns = text as NSString
            var expectedSet: [Int] = []
            for k in sources.indices {
                let ref = references[k].firstMatch(in: text, range: NSRange(location: 0, length: ns.length))
                let ours = patterns[k].firstMatch(in: bytes)
                #expect(
                    ours?.lowerBound == ref.map { $0.range.location },
                    "/\(sources[k])/ on \"\(text)\": ours \(String(describing: ours)), ICU \(String(describing: ref?.range))")
                #expect(patterns[k].matches(bytes) == (ref != nil), "/\(sources[k])/ on \"\(text)\"")
                if ref != nil { expectedSet.append(k) }
                checked += 1
            }
            #expect(set.matchingIndices(in: bytes) == expectedSet, "set on \"\(text)\"")
        }
        #expect(checked == 400 * 40)
    }

    /// PatternSet (lazy DFA, with its pattern splitting) against Pattern (Pike VM)
    /// on a richer syntax and longer texts.
    @Test func patternSetAgreesWithPattern() throws {
        var gen = PatternGenerator(
            rng: SplitMix(state: 99),
            literals: ["a", "b", "c", " ", "-", "ab", "\\.", "_"],
            classes: ["[a-c]", "[^ ]", "\\w", "\\W", "\\s", "[[:alpha:]]", "[^[:alpha:]]", "[.-]"],
            assertions: ["\\b", "\\B", "\\<", "\\>", "^", "$"])
        var textRng = SplitMix(state: 12_345)
        let alphabet = Array("abc -._".utf8)
        let texts = (0..<60).map { _ in Self.randomText(&textRng, alphabet: alphabet, maxLength: 40) }

        for batch in 0..<6 {
            var sources: [String] = []
            while sources.count < 60 {
                let p = gen.pattern()
                if (try? Pattern(p)) != nil { sources.append(p) }
            }
            let patterns = try sources.map { try Pattern($0) }
            // A tiny cache as well, to exercise clearing in the middle of texts.
            for set in [try PatternSet(sources), try PatternSet(sources, maxCachedStates: 8)] {
                for text in texts {
                    let expected = patterns.indices.filter { patterns[$0].matches(text) }
                    let got = set.matchingIndices(in: text)
                    if got != expected {
                        let differing = Set(got).symmetricDifference(expected).sorted().map { sources[$0] }
                        Issue.record(
                            "batch \(batch), text \"\(String(decoding: text, as: UTF8.self))\": differs on \(differing)")
                    }
                }
            }
        }
    }
}
