/// Many patterns compiled together, answering "which of them match anywhere in
/// this text" in one pass over its bytes (two, backwards over part of the text,
/// when a pattern of the form `X.*Y` has its `X` match).
///
/// Lazy DFAs (see `LazyDFA`) over Thompson NFAs of all the patterns: time is
/// linear in the text, and the cache of DFA states is bounded (cleared and
/// rebuilt when full), so memory is bounded too.
///
/// Not thread-safe: matching mutates the caches. Use one instance per thread.
public final class PatternSet {
    /// Number of patterns.
    public let count: Int

    private var forward: LazyDFA
    private var reverse: LazyDFA
    /// Per forward pattern id: the pattern index it belongs to.
    private let forwardPattern: [Int]
    /// Per forward pattern id: -1 for a whole pattern, else the reverse pattern id
    /// of the suffix that must start at least `forwardGap` bytes after it ends.
    private let forwardSuffix: [Int32]
    private let forwardGap: [Int]
    private let hasSplits: Bool
    private var forwardMatches: MatchRecorder
    private var reverseMatches: MatchRecorder

    /// Compiles `sources`; throws a `PatternSetError` naming the first bad pattern.
    /// `maxCachedStates` bounds each DFA cache (about 1 KiB per state, plus the
    /// states' NFA instruction lists, capped at 2M entries in all).
    public convenience init(_ sources: [String], maxCachedStates: Int = 10_000) throws(PatternSetError) {
        self.init(try CompiledPatternSet(sources), maxCachedStates: maxCachedStates)
    }

    /// The automata of patterns compiled already (perhaps in an earlier run).
    public init(_ compiled: CompiledPatternSet, maxCachedStates: Int = 10_000) {
        count = compiled.count
        forwardPattern = compiled.forwardPattern
        forwardSuffix = compiled.forwardSuffix
        forwardGap = compiled.forwardGap
        hasSplits = !compiled.reverse.starts.isEmpty
        forwardMatches = MatchRecorder(count: compiled.forward.starts.count)
        reverseMatches = MatchRecorder(count: compiled.reverse.starts.count)
        forward = LazyDFA(program: compiled.forward, maxStates: maxCachedStates, maxKeyInts: 2_000_000)
        reverse = LazyDFA(program: compiled.reverse, maxStates: hasSplits ? maxCachedStates : 2, maxKeyInts: 2_000_000)
    }

    deinit {
        forward.deallocate()
        reverse.deallocate()
    }

    /// How many times a DFA cache filled up and was cleared. Matching stays
    /// correct; a large number only means these patterns are slow on these texts.
    public var cacheClearCount: Int { forward.cacheClearCount + reverse.cacheClearCount }

    /// Indices of the patterns that match somewhere in `text`, sorted ascending.
    public func matchingIndices(in text: UnsafeBufferPointer<UInt8>) -> [Int] {
        forwardMatches.reset()
        forward.scanForward(text, into: &forwardMatches)
        if forwardMatches.touched.isEmpty { return [] }

        var result: [Int] = []
        var firstPrefixEnd = Int.max
        for id in forwardMatches.touched {
            if forwardSuffix[Int(id)] < 0 {
                result.append(forwardPattern[Int(id)])
            } else {
                firstPrefixEnd = min(firstPrefixEnd, forwardMatches.first[Int(id)])
            }
        }
        if firstPrefixEnd != Int.max {
            // Suffixes only matter if they start at or after the first prefix end.
            reverseMatches.reset()
            reverse.scanReverse(text, downTo: max(0, firstPrefixEnd - 1), into: &reverseMatches)
            for id in forwardMatches.touched {
                let suffix = forwardSuffix[Int(id)]
                guard suffix >= 0 else { continue }
                let lastStart = reverseMatches.first[Int(suffix)]
                if lastStart >= 0 && forwardMatches.first[Int(id)] + forwardGap[Int(id)] <= lastStart {
                    result.append(forwardPattern[Int(id)])
                }
            }
        }
        if result.count > 1 {
            result.sort()
            var unique: [Int] = []
            for p in result where unique.last != p { unique.append(p) }
            return unique
        }
        return result
    }

    /// Indices of the patterns that match somewhere in `text`, sorted ascending.
    public func matchingIndices(in text: [UInt8]) -> [Int] {
        text.withUnsafeBufferPointer { matchingIndices(in: $0) }
    }

    /// Indices of the patterns that match somewhere in the UTF-8 of `text`, sorted ascending.
    public func matchingIndices(in text: String) -> [Int] {
        var text = text
        return text.withUTF8 { matchingIndices(in: $0) }
    }
}
