// A Thompson NFA ("program") for one or more patterns.

enum Op: UInt8, Sendable {
    /// Consume one byte in set `x`, then go to `y`.
    case byteSet
    /// Fork: go to both `x` and `y`.
    case split
    /// Zero-width assertion `x` (an `Assertion` raw value); if it holds go to `y`.
    case assert
    /// Pattern `x` has matched.
    case match
}

struct Inst: Sendable {
    var op: Op
    var x: Int32
    var y: Int32
}

struct Program: Sendable {
    var insts: [Inst] = []
    /// Byte sets, 4 words each; `byteSet` instructions refer to them by index.
    var setBits: [UInt64] = []
    var sets: [ByteSet] = []
    /// Entry instruction of each pattern.
    var starts: [Int32] = []
    /// Which pattern each instruction belongs to.
    var patternOf: [Int32] = []
    var usesWordAssertions = false
    var usesTextStart = false

    private var setIndex: [ByteSet: Int32] = [:]
    /// Most sets are one literal byte: they are interned through this table,
    /// which spares hashing them (a measurable part of start-up with many rules).
    private var singleByteSet = [Int32](repeating: -1, count: 256)

    @inline(__always)
    func setContains(_ set: Int32, _ b: UInt8) -> Bool {
        setBits[Int(set) &* 4 &+ Int(b >> 6)] & (UInt64(1) << UInt64(b & 63)) != 0
    }

    /// Appends one pattern's tree as pattern number `starts.count`.
    mutating func add(_ node: Node) {
        let id = Int32(starts.count)
        let matchPC = emit(Inst(op: .match, x: id, y: -1), id)
        starts.append(compile(node, next: matchPC, id))
    }

    private mutating func emit(_ inst: Inst, _ id: Int32) -> Int32 {
        insts.append(inst)
        patternOf.append(id)
        return Int32(insts.count - 1)
    }

    private mutating func internSet(_ s: ByteSet) -> Int32 {
        let single = s.onlyByte.map(Int.init)
        if let single, singleByteSet[single] >= 0 { return singleByteSet[single] }
        if let k = setIndex[s] { return k }
        let k = Int32(sets.count)
        sets.append(s)
        setBits += [s.w0, s.w1, s.w2, s.w3]
        setIndex[s] = k
        if let single { singleByteSet[single] = k }
        return k
    }

    /// Compiles `node` so that it continues at `next`; returns its entry.
    /// (Built back to front, so no jumps are needed.)
    private mutating func compile(_ node: Node, next: Int32, _ id: Int32) -> Int32 {
        switch node {
        case .empty:
            return next
        case .bytes(let s):
            return emit(Inst(op: .byteSet, x: internSet(s), y: next), id)
        case .assertion(let a):
            switch a {
            case .textStart: usesTextStart = true
            case .textEnd: break
            default: usesWordAssertions = true
            }
            return emit(Inst(op: .assert, x: Int32(a.rawValue), y: next), id)
        case .concat(let items):
            var n = next
            for item in items.reversed() { n = compile(item, next: n, id) }
            return n
        case .alternation(let branches):
            var entries = branches.map { compile($0, next: next, id) }
            var n = entries.removeLast()
            for e in entries.reversed() { n = emit(Inst(op: .split, x: e, y: n), id) }
            return n
        case .repetition(let body, let min, let max):
            var n = next
            if let max {
                // Optional copies, nested: (e(e(e)?)?)?
                for _ in 0..<(max - min) {
                    let e = compile(body, next: n, id)
                    n = emit(Inst(op: .split, x: e, y: next), id)
                }
                for _ in 0..<min { n = compile(body, next: n, id) }
                return n
            }
            // Unbounded: a loop, preceded by min - 1 mandatory copies when min >= 1.
            let loop = emit(Inst(op: .split, x: -1, y: next), id)
            let e = compile(body, next: loop, id)
            insts[Int(loop)].x = e
            n = min == 0 ? loop : e
            for _ in 0..<Swift.max(0, min - 1) { n = compile(body, next: n, id) }
            return n
        }
    }
}
