// Parses POSIX ERE (as `grep -E` takes it, plus GNU escapes) into a small
// syntax tree, rejecting what a finite automaton cannot (or should not) do.

/// A set of bytes, as 256 bits.
struct ByteSet: Hashable, Sendable {
    var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0

    static let all = ByteSet(w0: ~0, w1: ~0, w2: ~0, w3: ~0)

    init() {}
    init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
        (self.w0, self.w1, self.w2, self.w3) = (w0, w1, w2, w3)
    }
    init(byte: UInt8) { insert(byte) }
    init(range: ClosedRange<UInt8>) { insert(range) }

    /// The one byte in the set, if it holds exactly one.
    var onlyByte: UInt8? {
        guard w0.nonzeroBitCount + w1.nonzeroBitCount + w2.nonzeroBitCount + w3.nonzeroBitCount == 1 else { return nil }
        if w0 != 0 { return UInt8(w0.trailingZeroBitCount) }
        if w1 != 0 { return UInt8(64 + w1.trailingZeroBitCount) }
        if w2 != 0 { return UInt8(128 + w2.trailingZeroBitCount) }
        return UInt8(192 + w3.trailingZeroBitCount)
    }

    func contains(_ b: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: return w0 & bit != 0
        case 1: return w1 & bit != 0
        case 2: return w2 & bit != 0
        default: return w3 & bit != 0
        }
    }

    mutating func insert(_ b: UInt8) {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: w0 |= bit
        case 1: w1 |= bit
        case 2: w2 |= bit
        default: w3 |= bit
        }
    }

    mutating func insert(_ r: ClosedRange<UInt8>) {
        for b in r { insert(b) }
    }

    mutating func formUnion(_ o: ByteSet) {
        w0 |= o.w0; w1 |= o.w1; w2 |= o.w2; w3 |= o.w3
    }

    var inverted: ByteSet { ByteSet(w0: ~w0, w1: ~w1, w2: ~w2, w3: ~w3) }

    static let word: ByteSet = {
        var s = ByteSet(range: UInt8(ascii: "a")...UInt8(ascii: "z"))
        s.insert(UInt8(ascii: "A")...UInt8(ascii: "Z"))
        s.insert(UInt8(ascii: "0")...UInt8(ascii: "9"))
        s.insert(UInt8(ascii: "_"))
        return s
    }()
    static let digit = ByteSet(range: UInt8(ascii: "0")...UInt8(ascii: "9"))
    static let space: ByteSet = {
        var s = ByteSet(range: 9...13)  // \t \n \v \f \r
        s.insert(UInt8(ascii: " "))
        return s
    }()
}

/// Zero-width assertions.
enum Assertion: UInt8, Sendable {
    case textStart, textEnd, wordBoundary, notWordBoundary, wordStart, wordEnd
}

/// The syntax tree.
indirect enum Node: Sendable {
    case empty
    case bytes(ByteSet)
    case assertion(Assertion)
    case concat([Node])
    case alternation([Node])
    /// `max == nil` means unbounded.
    case repetition(Node, min: Int, max: Int?)
}

enum Limits {
    /// Largest `m`/`n` in `{m,n}`.
    static let maxRepeat = 100
    /// Largest compiled program for one pattern, in instructions.
    static let maxInstructions = 10_000
    /// Deepest group nesting (keeps the recursive parser and compiler off the stack limit).
    static let maxNesting = 200
}

/// Instruction count of a node once compiled (mirrors `Compiler.compile`).
func compiledSize(min: Int, max: Int?, body s: Int) -> Int {
    if let max {
        return min * s + (max - min) * (s + 1)
    }
    return min == 0 ? s + 1 : min * s + 1
}

struct Parser {
    private let p: [UInt8]
    private var i = 0
    private var depth = 0

    private init(_ bytes: [UInt8]) { p = bytes }

    /// Parses a whole pattern; returns its tree and compiled size (without the final match).
    static func parse(_ source: String) throws(PatternError) -> (node: Node, size: Int) {
        var parser = Parser(Array(source.utf8))
        if parser.p.isEmpty {
            throw PatternError(message: "empty pattern", offset: 0)
        }
        let (node, size) = try parser.parseAlternation()
        if parser.i < parser.p.count {
            // Only an unmatched `)` stops the top-level alternation early.
            throw PatternError(message: "unmatched `)`", offset: parser.i)
        }
        if size + 1 > Limits.maxInstructions {
            throw PatternError(
                message: "pattern is too large: it compiles to more than \(Limits.maxInstructions) instructions",
                offset: 0)
        }
        return (node, size)
    }

    // MARK: - Grammar

    private mutating func parseAlternation() throws(PatternError) -> (Node, Int) {
        var branches: [Node] = []
        var size = 0
        while true {
            let (b, s) = try parseConcat()
            branches.append(b)
            size += s
            guard i < p.count, p[i] == UInt8(ascii: "|") else { break }
            i += 1
        }
        if branches.count == 1 { return (branches[0], size) }
        return (.alternation(branches), size + branches.count - 1)
    }

    private mutating func parseConcat() throws(PatternError) -> (Node, Int) {
        var items: [Node] = []
        var size = 0
        while i < p.count, p[i] != UInt8(ascii: "|"), p[i] != UInt8(ascii: ")") {
            var (node, s, isAssertion) = try parseAtom()
            var quantified = false
            while i < p.count, let q = try quantifier() {
                if isAssertion {
                    throw PatternError(
                        message: "quantifier `\(q.text)` follows an anchor or assertion; there is nothing to repeat",
                        offset: q.offset)
                }
                if quantified {
                    throw PatternError(
                        message: "quantifier `\(q.text)` follows another quantifier; stacked and possessive quantifiers are not supported (use a group, as in (a*)+)",
                        offset: q.offset)
                }
                quantified = true
                let newSize = compiledSize(min: q.min, max: q.max, body: s)
                if newSize + 1 > Limits.maxInstructions {
                    throw PatternError(
                        message: "pattern is too large: this repetition makes it compile to more than \(Limits.maxInstructions) instructions",
                        offset: q.offset)
                }
                if q.max == 0 {
                    node = .empty
                } else if !(q.min == 1 && q.max == 1) {
                    node = .repetition(node, min: q.min, max: q.max)
                }
                s = newSize
                if i < p.count, p[i] == UInt8(ascii: "?") {
                    throw PatternError(
                        message: "lazy quantifier `\(q.text)?` is not supported: the engine never backtracks, so there is no lazy matching (plain `\(q.text)` gives the same yes/no answer)",
                        offset: i)
                }
            }
            items.append(node)
            size += s
        }
        switch items.count {
        case 0: return (.empty, 0)
        case 1: return (items[0], size)
        default: return (.concat(items), size)
        }
    }

    private struct Quantifier {
        var min: Int
        var max: Int?
        var offset: Int
        var text: String
    }

    /// Parses a quantifier at `i` if there is one.
    private mutating func quantifier() throws(PatternError) -> Quantifier? {
        let start = i
        switch p[i] {
        case UInt8(ascii: "*"): i += 1; return Quantifier(min: 0, max: nil, offset: start, text: "*")
        case UInt8(ascii: "+"): i += 1; return Quantifier(min: 1, max: nil, offset: start, text: "+")
        case UInt8(ascii: "?"): i += 1; return Quantifier(min: 0, max: 1, offset: start, text: "?")
        case UInt8(ascii: "{"):
            guard let (min, max, end) = try interval(at: i) else { return nil }
            i = end
            let text = String(decoding: p[start..<end], as: UTF8.self)
            return Quantifier(min: min, max: max, offset: start, text: text)
        default: return nil
        }
    }

    /// An interval `{m}`, `{m,}`, `{m,n}` or `{,n}` at `at`; nil if `{` does not start one
    /// (then it is a literal brace, as in grep).
    private func interval(at start: Int) throws(PatternError) -> (Int, Int?, Int)? {
        var j = start + 1
        func isDigit(_ k: Int) -> Bool { k < p.count && p[k] >= 48 && p[k] <= 57 }
        guard isDigit(j) || (j < p.count && p[j] == UInt8(ascii: ",") && isDigit(j + 1)) else { return nil }
        func number(_ k: inout Int) -> Int? {
            guard isDigit(k) else { return nil }
            var v = 0
            while isDigit(k) {
                v = Swift.min(v * 10 + Int(p[k] - 48), 1_000_000)
                k += 1
            }
            return v
        }
        let malformed = PatternError(
            message: "malformed repetition: expected {m}, {m,}, {m,n} or {,n}", offset: start)
        let m = number(&j)
        var n: Int?
        if j < p.count, p[j] == UInt8(ascii: ",") {
            j += 1
            n = number(&j)
        } else {
            n = m
        }
        guard j < p.count, p[j] == UInt8(ascii: "}") else { throw malformed }
        j += 1
        let min = m ?? 0
        for v in [min, n ?? 0] where v > Limits.maxRepeat {
            throw PatternError(
                message: "repetition count \(v) exceeds the maximum of \(Limits.maxRepeat)", offset: start)
        }
        if let n, n < min {
            throw PatternError(
                message: "invalid repetition {\(min),\(n)}: the minimum exceeds the maximum", offset: start)
        }
        return (min, n, j)
    }

    /// One atom: returns its node, compiled size and whether it is a zero-width assertion.
    private mutating func parseAtom() throws(PatternError) -> (Node, Int, Bool) {
        let start = i
        let c = p[i]
        switch c {
        case UInt8(ascii: "("):
            let (node, size) = try parseGroup()
            return (node, size, false)
        case UInt8(ascii: "["):
            return (.bytes(try parseBracket()), 1, false)
        case UInt8(ascii: "."):
            i += 1
            return (.bytes(.all), 1, false)
        case UInt8(ascii: "^"):
            i += 1
            return (.assertion(.textStart), 1, true)
        case UInt8(ascii: "$"):
            i += 1
            return (.assertion(.textEnd), 1, true)
        case UInt8(ascii: "\\"):
            return try parseEscape()
        case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
            throw PatternError(
                message: "quantifier `\(Character(Unicode.Scalar(c)))` has nothing to repeat", offset: start)
        case UInt8(ascii: "{"):
            if try interval(at: i) != nil {
                throw PatternError(message: "repetition `{` has nothing to repeat", offset: start)
            }
            i += 1
            return (.bytes(ByteSet(byte: c)), 1, false)
        default:
            i += 1
            // Keep a multi-byte UTF-8 character together, so that `é*` repeats the character.
            if c >= 0xC0 {
                var bytes: [Node] = [.bytes(ByteSet(byte: c))]
                while i < p.count, p[i] & 0xC0 == 0x80 {
                    bytes.append(.bytes(ByteSet(byte: p[i])))
                    i += 1
                }
                if bytes.count > 1 { return (.concat(bytes), bytes.count, false) }
            }
            return (.bytes(ByteSet(byte: c)), 1, false)
        }
    }

    private mutating func parseGroup() throws(PatternError) -> (Node, Int) {
        let open = i
        i += 1
        if i < p.count, p[i] == UInt8(ascii: "?") {
            let rest = p[(i + 1)...].prefix(2)
            if rest.first == UInt8(ascii: ":") {
                i += 2  // (?:…) is accepted as a plain group
            } else if rest.first == UInt8(ascii: "=") || rest.first == UInt8(ascii: "!") {
                throw PatternError(
                    message: "look-ahead `(?\(Character(Unicode.Scalar(rest.first!)))` is not supported: the engine never backtracks",
                    offset: open)
            } else if Array(rest) == Array("<=".utf8) || Array(rest) == Array("<!".utf8) {
                throw PatternError(
                    message: "look-behind `(?\(String(decoding: rest, as: UTF8.self))` is not supported: the engine never backtracks",
                    offset: open)
            } else if rest.first == UInt8(ascii: "<") || rest.first == UInt8(ascii: "P") {
                throw PatternError(message: "named groups are not supported; use a plain group (…)", offset: open)
            } else {
                throw PatternError(
                    message: "`(?` extensions (inline flags and the like) are not supported; only (…) and (?:…) groups are",
                    offset: open)
            }
        }
        depth += 1
        if depth > Limits.maxNesting {
            throw PatternError(message: "groups are nested more than \(Limits.maxNesting) deep", offset: open)
        }
        let (node, size) = try parseAlternation()
        depth -= 1
        guard i < p.count, p[i] == UInt8(ascii: ")") else {
            throw PatternError(message: "unmatched `(`", offset: open)
        }
        i += 1
        return (node, size)
    }

    private mutating func parseEscape() throws(PatternError) -> (Node, Int, Bool) {
        let start = i
        guard i + 1 < p.count else {
            throw PatternError(message: "trailing backslash", offset: start)
        }
        let c = p[i + 1]
        i += 2
        switch c {
        case UInt8(ascii: "b"): return (.assertion(.wordBoundary), 1, true)
        case UInt8(ascii: "B"): return (.assertion(.notWordBoundary), 1, true)
        case UInt8(ascii: "<"): return (.assertion(.wordStart), 1, true)
        case UInt8(ascii: ">"): return (.assertion(.wordEnd), 1, true)
        case UInt8(ascii: "`"): return (.assertion(.textStart), 1, true)
        case UInt8(ascii: "'"): return (.assertion(.textEnd), 1, true)
        case UInt8(ascii: "w"): return (.bytes(.word), 1, false)
        case UInt8(ascii: "W"): return (.bytes(ByteSet.word.inverted), 1, false)
        case UInt8(ascii: "s"): return (.bytes(.space), 1, false)
        case UInt8(ascii: "S"): return (.bytes(ByteSet.space.inverted), 1, false)
        case UInt8(ascii: "d"): return (.bytes(.digit), 1, false)
        case UInt8(ascii: "D"): return (.bytes(ByteSet.digit.inverted), 1, false)
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            throw PatternError(
                message: "backreference `\\\(Character(Unicode.Scalar(c)))` is not supported: it cannot be matched without backtracking",
                offset: start)
        case UInt8(ascii: "0"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            throw PatternError(
                message: "unknown escape `\\\(Character(Unicode.Scalar(c)))`; supported: \\b \\B \\< \\> \\w \\W \\s \\S \\d \\D and escaped punctuation such as \\. \\( \\*",
                offset: start)
        default:
            // Escaped punctuation (or any other byte) stands for itself.
            return (.bytes(ByteSet(byte: c)), 1, false)
        }
    }

    /// A bracket expression `[…]` at `i`.
    private mutating func parseBracket() throws(PatternError) -> ByteSet {
        let open = i
        i += 1
        var negate = false
        if i < p.count, p[i] == UInt8(ascii: "^") {
            negate = true
            i += 1
        }
        let contentStart = i
        var set = ByteSet()
        var first = true
        let unmatched = PatternError(message: "unmatched `[`", offset: open)
        while true {
            guard i < p.count else { throw unmatched }
            let c = p[i]
            if c == UInt8(ascii: "]"), !first {
                i += 1
                break
            }
            first = false
            if c == UInt8(ascii: "["), i + 1 < p.count,
                [UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "=")].contains(p[i + 1])
            {
                set.formUnion(try parseBracketClass(unmatched: unmatched))
                continue
            }
            let lo = try bracketByte(at: i)
            i += 1
            if i + 1 < p.count, p[i] == UInt8(ascii: "-"), p[i + 1] != UInt8(ascii: "]") {
                let dashAt = i
                if p[i + 1] == UInt8(ascii: "["), i + 2 < p.count,
                    [UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "=")].contains(p[i + 2])
                {
                    throw PatternError(message: "a range cannot end with a character class", offset: dashAt)
                }
                let hi = try bracketByte(at: i + 1)
                i += 2
                if hi < lo {
                    throw PatternError(
                        message: "invalid range `\(Character(Unicode.Scalar(lo)))-\(Character(Unicode.Scalar(hi)))`: its end is before its start",
                        offset: dashAt - 1)
                }
                set.insert(lo...hi)
            } else {
                set.insert(lo)
            }
        }
        // `[:alpha:]` is almost always a mistake for `[[:alpha:]]` (grep rejects it too).
        let content = p[contentStart..<(i - 1)]
        if content.count >= 3, content.first == UInt8(ascii: ":"), content.last == UInt8(ascii: ":") {
            throw PatternError(
                message: "character class syntax is [[:space:]], not [:space:]", offset: open)
        }
        return negate ? set.inverted : set
    }

    /// One literal byte inside brackets.
    private func bracketByte(at k: Int) throws(PatternError) -> UInt8 {
        let c = p[k]
        if c >= 0x80 {
            throw PatternError(
                message: "non-ASCII characters inside […] are not supported (the engine matches bytes); use alternation, as in (é|è)",
                offset: k)
        }
        if c == UInt8(ascii: "\\"), k + 1 < p.count, p[k + 1] < 0x80,
            Character(Unicode.Scalar(p[k + 1])).isLetter
        {
            throw PatternError(
                message: "`\\\(Character(Unicode.Scalar(p[k + 1])))` inside […] would mean a backslash or `\(Character(Unicode.Scalar(p[k + 1])))` (POSIX brackets have no escapes); use [[:space:]], [[:alnum:]_], [[:digit:]] or put the escape outside the brackets",
                offset: k)
        }
        return c
    }

    /// `[:name:]` (and rejected `[.x.]`, `[=x=]`) inside a bracket expression, at `i`.
    private mutating func parseBracketClass(unmatched: PatternError) throws(PatternError) -> ByteSet {
        let start = i
        let kind = p[i + 1]
        var j = i + 2
        while j + 1 < p.count, !(p[j] == kind && p[j + 1] == UInt8(ascii: "]")) { j += 1 }
        guard j + 1 < p.count else { throw unmatched }
        if kind != UInt8(ascii: ":") {
            throw PatternError(
                message: "collating elements [.x.] and equivalence classes [=x=] are not supported", offset: start)
        }
        let name = String(decoding: p[(i + 2)..<j], as: UTF8.self)
        i = j + 2
        guard let set = Parser.posixClass(name) else {
            throw PatternError(
                message: "unknown character class `[:\(name):]`; known: alpha digit alnum upper lower space blank punct xdigit cntrl print graph word",
                offset: start)
        }
        return set
    }

    static func posixClass(_ name: String) -> ByteSet? {
        func r(_ a: Character, _ b: Character) -> ClosedRange<UInt8> { a.asciiValue!...b.asciiValue! }
        var s = ByteSet()
        switch name {
        case "alpha": s.insert(r("a", "z")); s.insert(r("A", "Z"))
        case "digit": s.insert(r("0", "9"))
        case "alnum": s.insert(r("a", "z")); s.insert(r("A", "Z")); s.insert(r("0", "9"))
        case "upper": s.insert(r("A", "Z"))
        case "lower": s.insert(r("a", "z"))
        case "space": s = .space
        case "blank": s.insert(UInt8(ascii: " ")); s.insert(UInt8(ascii: "\t"))
        case "punct": s.insert(r("!", "/")); s.insert(r(":", "@")); s.insert(r("[", "`")); s.insert(r("{", "~"))
        case "xdigit": s.insert(r("0", "9")); s.insert(r("a", "f")); s.insert(r("A", "F"))
        case "cntrl": s.insert(0...31); s.insert(127)
        case "print": s.insert(32...126)
        case "graph": s.insert(33...126)
        case "word": s = .word
        default: return nil
        }
        return s
    }
}
