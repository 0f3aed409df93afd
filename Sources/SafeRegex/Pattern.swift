/// One compiled pattern, used to find *where* it matches (to quote the match).
///
/// Syntax: POSIX ERE as `grep -E` takes it, on UTF-8 bytes, case-sensitive:
/// literals, `.` (any byte), `[abc]` `[a-z]` `[^…]` `[[:alpha:]]` (alpha digit alnum
/// upper lower space blank punct xdigit cntrl print graph word), `(…)` and `(?:…)`,
/// `|`, `*` `+` `?` `{m}` `{m,}` `{m,n}` `{,n}` (m, n ≤ 100), `^` `$` (text start/end),
/// and the GNU escapes `\b` `\B` `\<` `\>` `\w` `\W` `\s` `\S` (`\d` `\D` too); any
/// other escaped punctuation is literal. Word bytes are ASCII `[A-Za-z0-9_]`.
/// Rejected, with a `PatternError`: backreferences, look-around, lazy and stacked
/// quantifiers, unbalanced `(` `)` `[`, a quantifier with nothing to repeat,
/// bad `{m,n}`, the empty pattern, and patterns compiling to over 10,000 instructions.
///
/// Matching runs a Pike VM (an NFA simulation that never backtracks): time is
/// O(text length × pattern size), memory O(pattern size).
public struct Pattern: Sendable {
    /// The pattern as written.
    public let source: String
    let program: Program
    /// Per byte, whether a match can begin with it; nil when the pattern can
    /// match the empty text. A search starts a thread only at such a byte:
    /// starting one at every position was a tenth of `lint FILE`, which
    /// searches for the words to quote in each flagged question.
    let startBytes: [Bool]?

    /// Compiles `source`; throws a `PatternError` saying what is wrong and where.
    public init(_ source: String) throws(PatternError) {
        let (node, _) = try Parser.parse(source)
        var program = Program()
        program.add(node)
        self.source = source
        self.program = program
        startBytes = Self.startBytes(of: program)
    }

    /// The bytes the instructions reachable from the start without consuming a
    /// byte can consume. Assertions are taken to hold (they depend on the place),
    /// so the set may be larger than needed, never smaller.
    private static func startBytes(of program: Program) -> [Bool]? {
        var bytes = [Bool](repeating: false, count: 256)
        var seen: Set<Int32> = []
        var pending = [program.starts[0]]
        while let pc = pending.popLast() {
            guard seen.insert(pc).inserted else { continue }
            let inst = program.insts[Int(pc)]
            switch inst.op {
            case .split: pending += [inst.x, inst.y]
            case .assert: pending.append(inst.y)
            case .byteSet: for byte in 0...255 where program.setContains(inst.x, UInt8(byte)) { bytes[byte] = true }
            case .match: return nil
            }
        }
        return bytes
    }

    /// Checks `source` without compiling it: the same errors `init` throws, for
    /// validating many patterns cheaply when they may never be run.
    public static func validate(_ source: String) throws(PatternError) {
        _ = try Parser.parse(source)
    }

    /// Where the pattern first matches in `text`: the leftmost match, and among
    /// those the longest. Nil if it matches nowhere. (An empty range is an empty match.)
    public func firstMatch(in text: [UInt8]) -> Range<Int>? {
        text.withUnsafeBufferPointer { search($0, stopAtFirst: false) }
    }

    /// Whether the pattern matches anywhere in `text`.
    public func matches(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { search($0, stopAtFirst: true) } != nil
    }

    private func search(_ text: UnsafeBufferPointer<UInt8>, stopAtFirst: Bool) -> Range<Int>? {
        var vm = PikeVM(program: program, text: text, startBytes: startBytes)
        return vm.run(stopAtFirst: stopAtFirst)
    }
}

@inline(__always)
func isWordByte(_ b: UInt8) -> Bool {
    (b &- 97 < 26) || (b &- 65 < 26) || (b &- 48 < 10) || b == 95
}

/// Evaluates assertion `a` between two bytes. `prevType`: 0 = start of text,
/// 1 = after a non-word byte, 2 = after a word byte.
@inline(__always)
func assertionHolds(_ a: Int32, prevType: UInt8, nextIsWord: Bool, atEnd: Bool) -> Bool {
    let prevIsWord = prevType == 2
    switch Assertion(rawValue: UInt8(truncatingIfNeeded: a)) {
    case .textStart: return prevType == 0
    case .textEnd: return atEnd
    case .wordBoundary: return prevIsWord != nextIsWord
    case .notWordBoundary: return prevIsWord == nextIsWord
    case .wordStart: return !prevIsWord && nextIsWord
    case .wordEnd: return prevIsWord && !nextIsWord
    case nil: return false
    }
}

/// A set of small integers with O(1) insert, membership and clear.
struct SparseSet {
    var dense: [Int32]
    var sparse: [Int32]
    var count = 0

    init(capacity: Int) {
        dense = Array(repeating: 0, count: capacity)
        sparse = Array(repeating: 0, count: capacity)
    }

    @inline(__always)
    func contains(_ x: Int32) -> Bool {
        let s = Int(sparse[Int(x)])
        return s < count && dense[s] == x
    }

    /// Inserts `x`; false if it was already there.
    @inline(__always)
    mutating func insert(_ x: Int32) -> Bool {
        if contains(x) { return false }
        sparse[Int(x)] = Int32(count)
        dense[count] = x
        count += 1
        return true
    }

    @inline(__always)
    mutating func removeAll() { count = 0 }
}

/// Pike VM: simulates all NFA threads in lock step. Threads are kept in order of
/// their start position, and a state reached by several threads keeps the earliest
/// start, which yields the leftmost match; matching continues to find its longest end.
struct PikeVM {
    let insts: [Inst]
    let program: Program
    let text: UnsafeBufferPointer<UInt8>
    var current: SparseSet
    var next: SparseSet
    var currentStarts: [Int]
    var nextStarts: [Int]
    var stack: [Int32] = []
    let startBytes: [Bool]?

    init(program: Program, text: UnsafeBufferPointer<UInt8>, startBytes: [Bool]?) {
        self.program = program
        self.startBytes = startBytes
        self.insts = program.insts
        self.text = text
        let n = program.insts.count
        current = SparseSet(capacity: n)
        next = SparseSet(capacity: n)
        currentStarts = Array(repeating: 0, count: n)
        nextStarts = Array(repeating: 0, count: n)
    }

    /// Adds `pc` and everything reachable from it without consuming a byte, at
    /// text position `pos`, to the `next` list, as threads starting at `start`.
    private mutating func addThread(_ pc: Int32, start: Int, pos: Int) {
        let prevType: UInt8 = pos == 0 ? 0 : (isWordByte(text[pos - 1]) ? 2 : 1)
        let atEnd = pos == text.count
        let nextIsWord = !atEnd && isWordByte(text[pos])
        stack.append(pc)
        while let pc = stack.popLast() {
            guard next.insert(pc) else { continue }
            nextStarts[Int(pc)] = start
            let inst = insts[Int(pc)]
            switch inst.op {
            case .split:
                stack.append(inst.y)
                stack.append(inst.x)
            case .assert:
                if assertionHolds(inst.x, prevType: prevType, nextIsWord: nextIsWord, atEnd: atEnd) {
                    stack.append(inst.y)
                }
            case .byteSet, .match:
                break
            }
        }
    }

    mutating func run(stopAtFirst: Bool) -> Range<Int>? {
        let n = text.count
        let root = program.starts[0]
        var matchStart = -1
        var matchEnd = -1
        for pos in 0...n {
            // `next` holds the threads at `pos` (built by the previous step); a new
            // thread starts here unless a match has already been found.
            // A thread starting where no match can begin would die without matching.
            if matchStart < 0 && startBytes.map({ pos < n && $0[Int(text[pos])] }) ?? true {
                addThread(root, start: pos, pos: pos)
            }
            swap(&current, &next)
            swap(&currentStarts, &nextStarts)
            next.removeAll()
            if current.count == 0 {
                if matchStart >= 0 { break }
                continue
            }
            for k in 0..<current.count {
                let pc = current.dense[k]
                let start = currentStarts[Int(pc)]
                if matchStart >= 0 && start > matchStart { break }
                let inst = insts[Int(pc)]
                switch inst.op {
                case .match:
                    if matchStart < 0 || start < matchStart || pos > matchEnd {
                        matchStart = start
                        matchEnd = pos
                    }
                    if stopAtFirst { return matchStart..<matchEnd }
                case .byteSet:
                    if pos < n && program.setContains(inst.x, text[pos]) {
                        addThread(inst.y, start: start, pos: pos + 1)
                    }
                case .split, .assert:
                    break
                }
            }
        }
        return matchStart >= 0 ? matchStart..<matchEnd : nil
    }
}
