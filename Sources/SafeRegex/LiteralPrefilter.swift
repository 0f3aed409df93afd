/// What a text must hold for a set of patterns to match it: for some pattern,
/// its least length and a literal from each of its literal sets
/// (`\b(what|how)\b.*\b(and|also) you` needs one of "what", "how" and one of
/// "and you", "also you"; `(\S+ ){40}` needs 80 bytes). A text that holds no
/// such combination cannot match, so its automata need not even be built: a
/// linter with many rules runs only the few whose words a question has.
/// Like RE2's prefilter, without its trigram index.
public struct LiteralPrefilter: Sendable, Equatable {
    /// Strings one of which a text holds.
    public typealias Literals = [[UInt8]]

    /// What each match of one pattern has.
    public struct Requirement: Sendable, Equatable {
        public let minLength: Int
        /// Each set holds a string of every match.
        public let literals: [Literals]

        public init(minLength: Int, literals: [Literals]) {
            self.minLength = minLength
            self.literals = literals
        }
    }

    /// Per pattern, what each of its matches has; nil when some pattern needs
    /// neither a literal nor any length (it may match any text).
    public let patterns: [Requirement]?

    /// Stored requirements, as `patterns` gave them.
    public init(patterns: [Requirement]?) {
        self.patterns = patterns
    }

    /// For patterns parsed already.
    init(_ nodes: [Node]) {
        var patterns: [Requirement] = []
        for node in nodes {
            let sets = Self.requirements(of: node), minLength = Self.minLength(of: node)
            guard !sets.isEmpty || minLength > 0 else {
                self.patterns = nil
                return
            }
            patterns.append(Requirement(minLength: minLength, literals: sets.map(Self.shortest)))
        }
        self.patterns = patterns
    }

    /// Whether `text` may match (always true when nothing is known).
    public func mayMatch(_ text: Text) -> Bool {
        guard let patterns else { return true }
        return patterns.contains { pattern in
            text.count >= pattern.minLength && pattern.literals.allSatisfy { $0.contains { text.contains($0) } }
        }
    }

    /// The fewest bytes a match of `node` spans (assertions span none).
    private static func minLength(of node: Node) -> Int {
        switch node {
        case .empty, .assertion: 0
        case .bytes: 1
        case .concat(let items): items.reduce(0) { $0 + minLength(of: $1) }
        case .alternation(let branches): branches.map(minLength).min() ?? 0
        case .repetition(let body, let min, _): min * minLength(of: body)
        }
    }

    /// A text prepared for many literal tests: which byte pairs it holds, so
    /// most absent literals are ruled out without a search.
    public struct Text {
        private let bytes: UnsafeBufferPointer<UInt8>
        /// One bit per byte pair (first byte × 256 + second), and per byte.
        private var pairs = [UInt64](repeating: 0, count: 65_536 / 64)
        private var singles = [UInt64](repeating: 0, count: 4)

        var count: Int { bytes.count }

        /// `bytes` must outlive the value.
        public init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            for (index, byte) in bytes.enumerated() {
                singles[Int(byte) >> 6] |= 1 << UInt64(byte & 63)
                if index + 1 < bytes.count { Self.set(&pairs, Int(byte) << 8 | Int(bytes[index + 1])) }
            }
        }

        private static func set(_ bits: inout [UInt64], _ index: Int) { bits[index >> 6] |= 1 << UInt64(index & 63) }
        private static func isSet(_ bits: [UInt64], _ index: Int) -> Bool { bits[index >> 6] & (1 << UInt64(index & 63)) != 0 }

        func contains(_ literal: [UInt8]) -> Bool {
            guard let first = literal.first else { return true }
            guard literal.count > 1 else { return Self.isSet(singles, Int(first)) }
            for index in 1..<literal.count where !Self.isSet(pairs, Int(literal[index - 1]) << 8 | Int(literal[index])) {
                return false
            }
            return literal.withUnsafeBufferPointer { LiteralPrefilter.find($0, in: bytes) }
        }
    }

    static func find(_ literal: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = literal.first else { return true }
        var start = 0
        while start + literal.count <= text.count {
            if text[start] == first {
                var length = 1
                while length < literal.count && text[start + length] == literal[length] { length += 1 }
                if length == literal.count { return true }
            }
            start += 1
        }
        return false
    }

    /// A set's strings, shortest first, without those that hold another: wherever "in the" occurs, "the" does.
    private static func shortest(_ set: Set<[UInt8]>) -> Literals {
        let sorted = set.sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
        var kept: Literals = []
        for literal in sorted where !kept.contains(where: { short in
            short.withUnsafeBufferPointer { needle in literal.withUnsafeBufferPointer { find(needle, in: $0) } }
        }) {
            kept.append(literal)
        }
        return kept
    }

    // MARK: Finding the literals

    /// At most this many strings in one set spelled out by multiplying (`(a|an) (role|job)`),
    /// each at most this long: the work stays small even for a pattern of thousands of `a?`.
    static let maxStrings = 64
    static let maxLength = 24
    /// Byte sets of at most this many bytes (`[aA]`, `s?`) still spell literals.
    static let maxSetBytes = 4
    /// At most this many sets per pattern are kept, the most selective.
    static let maxSets = 3

    /// What is known of the texts a node matches: all of them (`exact`, a few
    /// short strings), else sets of strings that each of them holds one of (`required`).
    private struct Knowledge {
        var exact: Set<[UInt8]>?
        var required: [Set<[UInt8]>] = []

        static let emptyString = Knowledge(exact: [[]])
        static let unknown = Knowledge(exact: nil)

        /// Every set each match holds one of.
        var sets: [Set<[UInt8]>] { exact.map { [$0] } ?? required }
        /// The most selective of them.
        var strongest: Set<[UInt8]>? { sets.max { score($0) < score($1) } }
    }

    /// A whole pattern's useful sets (none when it may match without any literal), best first.
    private static func requirements(of pattern: Node) -> [Set<[UInt8]>] {
        best(knowledge(of: pattern).sets)
    }

    /// The `maxSets` most selective sets, leaving out those that rule nothing out.
    private static func best(_ sets: [Set<[UInt8]>]) -> [Set<[UInt8]>] {
        Array(sets.filter { score($0).0 > 0 }.sorted { score($0) > score($1) }.prefix(maxSets))
    }

    private static func knowledge(of node: Node) -> Knowledge {
        switch node {
        case .empty, .assertion:
            return .emptyString
        case .bytes(let set):
            var bytes: Set<[UInt8]> = []
            for byte in 0...255 where set.contains(UInt8(byte)) {
                bytes.insert([UInt8(byte)])
                if bytes.count > maxSetBytes { return .unknown }
            }
            return Knowledge(exact: bytes)
        case .concat(let items):
            return concatenation(items.map(knowledge))
        case .alternation(let branches):
            let known = branches.map(knowledge)
            if let exact = union(known.map(\.exact)) { return Knowledge(exact: exact) }
            // Each match holds what its branch requires: the union of the branches' best sets.
            return Knowledge(exact: nil, required: union(known.map(\.strongest)).map { [$0] } ?? [])
        case .repetition(let body, let min, let max):
            let inner = knowledge(of: body)
            if let max, let exact = inner.exact, let copies = repeated(exact, min: min, max: max) {
                return Knowledge(exact: copies)
            }
            // At least `min` copies: each match holds one copy of the body.
            return min == 0 ? .unknown : Knowledge(exact: nil, required: inner.sets)
        }
    }

    /// A short literal `min` to `max` times (`s?`, `(a|b){2}`), when that is few strings.
    private static func repeated(_ exact: Set<[UInt8]>, min: Int, max: Int) -> Set<[UInt8]>? {
        var copies: Set<[UInt8]> = min == 0 ? [[]] : []
        var power: Set<[UInt8]> = [[]]
        for count in stride(from: 1, through: max, by: 1) {
            guard let next = product(power, exact) else { return nil }
            power = next
            if count >= min { copies.formUnion(power) }
            if copies.count > maxStrings { return nil }
        }
        return copies
    }

    /// Items in a row: runs of exact items are multiplied out (`(a|an) (role|job)`
    /// is four strings); every run and every item's own sets are required.
    private static func concatenation(_ items: [Knowledge]) -> Knowledge {
        var run: Set<[UInt8]> = [[]]
        var required: [Set<[UInt8]>] = []
        var broken = false
        for item in items {
            if let exact = item.exact, let joined = product(run, exact) {
                run = joined
                continue
            }
            broken = true
            required = best(required + [run] + item.sets)
            run = item.exact ?? [[]]
        }
        if !broken { return Knowledge(exact: run) }
        return Knowledge(exact: nil, required: best(required + [run]))
    }

    /// Every string of `first` followed by every string of `second`; nil when too many or too long.
    private static func product(_ first: Set<[UInt8]>, _ second: Set<[UInt8]>) -> Set<[UInt8]>? {
        guard first.count * second.count <= maxStrings,
              (first.map(\.count).max() ?? 0) + (second.map(\.count).max() ?? 0) <= maxLength else { return nil }
        var result: Set<[UInt8]> = []
        for head in first { for tail in second { result.insert(head + tail) } }
        return result
    }

    private static func union(_ sets: [Set<[UInt8]>?]) -> Set<[UInt8]>? {
        var result: Set<[UInt8]> = []
        for set in sets {
            guard let set else { return nil }
            result.formUnion(set)
            if result.count > maxStrings * 4 { return nil }
        }
        return result
    }

    /// How selective a set is: its shortest string's length (an empty string
    /// rules nothing out), fewer strings breaking ties.
    private static func score(_ set: Set<[UInt8]>) -> (Int, Int) {
        guard let shortest = set.map(\.count).min() else { return (Int.max, 0) }  // matches nothing
        return (shortest, -set.count)
    }
}
