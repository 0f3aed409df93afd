/// A `PatternSet`'s patterns after parsing and compiling: the NFA programs of
/// its two automata and how pattern units map back to patterns. It can be
/// stored as integers (`integers`) and read back without parsing any pattern,
/// so a program that keeps it between runs starts without compiling.
public struct CompiledPatternSet: Sendable {
    let count: Int
    let forward: Program
    let reverse: Program
    let forwardPattern: [Int]
    let forwardSuffix: [Int32]
    let forwardGap: [Int]
    /// Literals one of which every text these patterns match holds. Not part of
    /// `integers`: its owner stores it beside them, to test texts before decoding the rest.
    public let prefilter: LiteralPrefilter

    /// Parses and compiles `sources`; throws a `PatternSetError` naming the first bad pattern.
    public init(_ sources: [String]) throws(PatternSetError) {
        var forward = Program(), reverse = Program()
        var forwardPattern: [Int] = [], forwardSuffix: [Int32] = [], forwardGap: [Int] = []
        var nodes: [Node] = []
        for (index, source) in sources.enumerated() {
            let node: Node
            do {
                node = try Parser.parse(source).node
            } catch {
                throw PatternSetError(index: index, error: error)
            }
            nodes.append(node)
            for unit in SetPlan.units(of: node) {
                forwardPattern.append(index)
                switch unit {
                case .whole(let n):
                    forward.add(n)
                    forwardSuffix.append(-1)
                    forwardGap.append(0)
                case .split(let prefix, let suffix, let gap):
                    forward.add(prefix)
                    forwardSuffix.append(Int32(reverse.starts.count))
                    reverse.add(suffix.reversed)
                    forwardGap.append(gap)
                }
            }
        }
        count = sources.count
        self.forward = forward
        self.reverse = reverse
        self.forwardPattern = forwardPattern
        self.forwardSuffix = forwardSuffix
        self.forwardGap = forwardGap
        prefilter = LiteralPrefilter(nodes)
    }

    /// Everything as a flat list of integers, for `init(integers:)`.
    public var integers: [Int32] {
        var out = [Int32(count), Int32(forwardPattern.count)]
        out += forwardPattern.map { Int32($0) }
        out += forwardSuffix
        out += forwardGap.map { Int32($0) }
        forward.append(to: &out)
        reverse.append(to: &out)
        return out
    }

    /// Reads `integers` back, with the `prefilter` stored beside them (by default
    /// none: every text may match); nil unless they describe a well-formed set
    /// (every instruction, set and pattern reference in range).
    public init?(integers: [Int32], prefilter: LiteralPrefilter = LiteralPrefilter(patterns: nil)) {
        var input = IntegerReader(integers)
        guard let count = input.next(), let units = input.count(),
              let forwardPattern = input.take(units), let suffixes = input.take(units), let gaps = input.take(units),
              let forward = Program(reading: &input), let reverse = Program(reading: &input), input.isAtEnd,
              forwardPattern.allSatisfy({ (0..<count).contains(Int($0)) }), forward.starts.count == units,
              suffixes.allSatisfy({ (-1..<reverse.starts.count).contains(Int($0)) }), gaps.allSatisfy({ $0 >= 0 })
        else { return nil }
        self.count = count
        self.forward = forward
        self.reverse = reverse
        self.forwardPattern = forwardPattern.map(Int.init)
        self.forwardSuffix = Array(suffixes)
        self.forwardGap = gaps.map(Int.init)
        self.prefilter = prefilter
    }
}

/// A bounds-checked walk over stored integers.
struct IntegerReader {
    private let values: [Int32]
    private var offset = 0

    init(_ values: [Int32]) { self.values = values }

    var isAtEnd: Bool { offset == values.count }

    mutating func next() -> Int? {
        guard offset < values.count else { return nil }
        offset += 1
        return Int(values[offset - 1])
    }

    /// A count no larger than what is left.
    mutating func count() -> Int? {
        next().flatMap { (0...(values.count - offset)).contains($0) ? $0 : nil }
    }

    /// The next `count` values, not copied.
    mutating func take(_ count: Int) -> ArraySlice<Int32>? {
        guard count >= 0, count <= values.count - offset else { return nil }
        defer { offset += count }
        return values[offset..<(offset + count)]
    }
}

extension Program {
    func append(to out: inout [Int32]) {
        out.append(Int32(insts.count))
        for inst in insts { out += [Int32(inst.op.rawValue), inst.x, inst.y] }
        out.append(Int32(sets.count))
        for word in setBits { out += [Int32(truncatingIfNeeded: word), Int32(truncatingIfNeeded: word >> 32)] }
        out.append(Int32(starts.count))
        out += starts
        out.append((usesWordAssertions ? 1 : 0) | (usesTextStart ? 2 : 0))
    }

    init?(reading input: inout IntegerReader) {
        self.init()
        guard let instCount = input.count(), let flat = input.take(instCount * 3), let setCount = input.count(),
              let halves = input.take(setCount * 8), let startCount = input.count(), let starts = input.take(startCount),
              let flags = input.next() else { return nil }
        let pcs = 0..<Int32(instCount), sets = 0..<Int32(setCount), patterns = 0..<Int32(startCount)
        insts.reserveCapacity(instCount)
        var at = flat.startIndex
        for _ in 0..<instCount {
            let (x, y) = (flat[at + 1], flat[at + 2])
            guard let op = UInt8(exactly: flat[at]).flatMap(Op.init(rawValue:)) else { return nil }
            let valid = switch op {
            case .byteSet: sets.contains(x) && pcs.contains(y)
            case .split: pcs.contains(x) && pcs.contains(y)
            case .assert: UInt8(exactly: x).flatMap(Assertion.init(rawValue:)) != nil && pcs.contains(y)
            case .match: patterns.contains(x)
            }
            guard valid else { return nil }
            insts.append(Inst(op: op, x: x, y: y))
            at += 3
        }
        guard starts.allSatisfy(pcs.contains) else { return nil }
        let first = halves.startIndex
        setBits = (0..<(setCount * 4)).map { UInt64(UInt32(truncatingIfNeeded: halves[first + $0 * 2]))
            | UInt64(UInt32(truncatingIfNeeded: halves[first + $0 * 2 + 1])) << 32 }
        self.sets = (0..<setCount).map { ByteSet(w0: setBits[$0 * 4], w1: setBits[$0 * 4 + 1],
                                                 w2: setBits[$0 * 4 + 2], w3: setBits[$0 * 4 + 3]) }
        self.starts = Array(starts)
        usesWordAssertions = flags & 1 != 0
        usesTextStart = flags & 2 != 0
        // `patternOf` is only needed while compiling.
    }
}
