/// Records, per pattern id, the first position reported for it during one scan.
struct MatchRecorder {
    /// Per pattern id: the first position reported, or -1.
    private(set) var first: [Int]
    /// The ids that have a position, in the order they got it.
    private(set) var touched: [Int32] = []

    init(count: Int) {
        first = Array(repeating: -1, count: count)
    }

    @inline(__always)
    mutating func record(_ id: Int32, at position: Int) {
        if first[Int(id)] < 0 {
            first[Int(id)] = position
            touched.append(id)
        }
    }

    mutating func reset() {
        for id in touched { first[Int(id)] = -1 }
        touched.removeAll(keepingCapacity: true)
    }
}

/// A lazy DFA over a Thompson NFA of several patterns, searched unanchored.
///
/// DFA states (sets of NFA instructions, plus the type of the previous byte: text
/// start, non-word or word, which is what `^` and `\b` need) are built on demand;
/// their transitions are cached in a flat table indexed by state × classes +
/// class of the byte (bytes no pattern tells apart share a class; that keeps the
/// table small enough for the CPU caches).
/// Assertions are resolved when the next byte is known (or at the end of the text).
///
/// Matches are outputs of transitions (a Mealy machine), not part of states: a
/// transition that completes a match is stored as a negative table entry, and the
/// scan reports "pattern p matched, ending here" to a `MatchRecorder`. Keeping
/// "which patterns have matched so far" out of the states keeps their number small.
///
/// The cache is bounded (`maxStates` states, and a cap on the NFA instructions they
/// list); when full it is cleared and rebuilt as needed (like RE2), so memory stays
/// bounded and time is at worst O(text × program size).
///
/// A struct, so that the class owning it pays for exclusivity checks once per scan
/// rather than on every field access. Its owner must call `deallocate()` once.
struct LazyDFA {
    private let program: Program
    private let insts: [Inst]

    // Bytes that no pattern (nor word-ness) tells apart form one class; a
    // transition is computed once per class and stored for all its bytes.
    private let classOf: [Int]
    private let classTable: UnsafeMutablePointer<Int>
    private let classIsWord: [Bool]
    private let classCount: Int

    /// Patterns that match the empty string unconditionally; they are left out of
    /// the automaton (they would report a match on every byte) and reported up front.
    private let nullable: [Int32]

    /// The instructions every position starts with (the unanchored start), closed
    /// over splits. What they do on a byte depends only on (previous-byte type,
    /// byte class), so that is cached.
    private let roots: [Int32]
    private var rootSteps: [StepResult?]
    private var rootEnds: [[Int32]?]

    private struct StepResult {
        var next: [Int32] = []
        var matchesBefore: [Int32] = []  // matches ending before the byte
        var matchesAfter: [Int32] = []  // matches ending after it
    }

    // The cache. A state's key is its sorted NFA instructions followed by its
    // previous-byte type. Table entries: a state id premultiplied by classCount
    // (its row's offset); -1 = not computed; -2 - target = a transition to
    // `target` that reports matches (listed in `outputs[outputIndex[same index]]`).
    private var table: UnsafeMutablePointer<Int32>
    private var tableCapacity: Int  // in states
    private var keys: [[Int32]] = []
    private var stateIndex: [[Int32]: Int32] = [:]
    private var endResults: [[Int32]?] = []
    private var outputIndex: [Int32] = []
    private var outputs: [StepResult] = []
    private var keyInts = 0
    private var start: Int = -1
    private let maxStates: Int
    private let maxKeyInts: Int

    /// How many times the cache filled up and was cleared.
    private(set) var cacheClearCount = 0

    // Scratch space for computing transitions.
    private var currentSet: SparseSet
    private var nextSet: SparseSet
    private var work: [Int32] = []
    private var stack: [Int32] = []
    private var scratch = StepResult()

    init(program: Program, maxStates: Int, maxKeyInts: Int) {
        self.program = program
        insts = program.insts
        self.maxStates = max(maxStates, 2)
        self.maxKeyInts = maxKeyInts

        // Byte classes: bytes with the same membership in every set (and the same
        // word-ness, if word assertions are used) behave identically. Found by
        // splitting the classes by each set in turn, numbered by their first byte.
        var classOf = [Int](repeating: 0, count: 256)
        var classCount = 1
        var renumber = [Int](repeating: -1, count: 512)
        func split(by member: (UInt8) -> Bool) {
            for index in 0..<(2 * classCount) { renumber[index] = -1 }
            var next = 0
            for b in 0...255 {
                let key = classOf[b] * 2 + (member(UInt8(b)) ? 1 : 0)
                if renumber[key] < 0 {
                    renumber[key] = next
                    next += 1
                }
                classOf[b] = renumber[key]
            }
            classCount = next
        }
        for set in program.sets { split(by: set.contains) }
        if program.usesWordAssertions { split(by: isWordByte) }
        var isWord = [Bool](repeating: false, count: classCount)  // per class
        for b in (0...255).reversed() { isWord[classOf[b]] = isWordByte(UInt8(b)) }
        self.classOf = classOf
        classTable = UnsafeMutablePointer<Int>.allocate(capacity: 256)
        classTable.initialize(from: classOf, count: 256)
        classIsWord = isWord
        self.classCount = classCount

        let n = program.insts.count
        currentSet = SparseSet(capacity: n)
        nextSet = SparseSet(capacity: n)
        rootSteps = Array(repeating: nil, count: 3 * isWord.count)
        rootEnds = Array(repeating: nil, count: 3)
        tableCapacity = min(64, self.maxStates)
        table = UnsafeMutablePointer<Int32>.allocate(capacity: tableCapacity * isWord.count)

        // Roots: every pattern's entry, closed over splits.
        var rootSet = SparseSet(capacity: n)
        var rootList: [Int32] = []
        var nullable: [Int32] = []
        var stack: [Int32] = []
        for (id, s) in program.starts.enumerated() {
            var list: [Int32] = []
            var isNullable = false
            stack.append(s)
            while let pc = stack.popLast() {
                guard rootSet.insert(pc) else { continue }
                let inst = program.insts[Int(pc)]
                switch inst.op {
                case .split:
                    stack.append(inst.y)
                    stack.append(inst.x)
                case .match:
                    isNullable = true
                case .byteSet, .assert:
                    list.append(pc)
                }
            }
            if isNullable {
                nullable.append(Int32(id))
            } else {
                rootList += list
            }
        }
        roots = rootList
        self.nullable = nullable
    }

    func deallocate() {
        table.deallocate()
        classTable.deallocate()
    }

    // MARK: - Scanning

    /// Scans `text` forwards; reports each pattern's first match end.
    mutating func scanForward(_ text: UnsafeBufferPointer<UInt8>, into recorder: inout MatchRecorder) {
        for id in nullable { recorder.record(id, at: 0) }
        var s = startState()
        if let base = text.baseAddress {
            var t = UnsafePointer(table)
            let classes = UnsafePointer(classTable)
            let n = text.count
            var i = 0
            while i < n {
                let b = base[i]
                let e = t[s &+ classes[Int(b)]]
                if e >= 0 {
                    s = Int(e)
                } else {
                    s = slowStep(from: s, byte: b, entry: e, before: i, after: i + 1, into: &recorder)
                    t = UnsafePointer(table)
                }
                i &+= 1
            }
        }
        for id in endResult(s) { recorder.record(id, at: text.count) }
    }

    /// Scans `text[lowerBound...]` backwards, for a program of reversed patterns;
    /// reports each pattern's last match start (in forward positions). Matches
    /// starting before `lowerBound + 1` may be missed unless `lowerBound` is 0.
    mutating func scanReverse(
        _ text: UnsafeBufferPointer<UInt8>, downTo lowerBound: Int, into recorder: inout MatchRecorder
    ) {
        let n = text.count
        for id in nullable { recorder.record(id, at: n) }
        var s = startState()
        if let base = text.baseAddress {
            var t = UnsafePointer(table)
            let classes = UnsafePointer(classTable)
            var i = n - 1
            while i >= lowerBound {
                let b = base[i]
                let e = t[s &+ classes[Int(b)]]
                if e >= 0 {
                    s = Int(e)
                } else {
                    s = slowStep(from: s, byte: b, entry: e, before: i + 1, after: i, into: &recorder)
                    t = UnsafePointer(table)
                }
                i &-= 1
            }
        }
        if lowerBound == 0 {
            for id in endResult(s) { recorder.record(id, at: 0) }
        }
    }

    /// A transition that is not cached yet or that reports matches. `before` and
    /// `after` are the text positions before and after the byte.
    @inline(never)
    private mutating func slowStep(
        from s: Int, byte: UInt8, entry: Int32, before: Int, after: Int, into recorder: inout MatchRecorder
    ) -> Int {
        let target: Int
        let output: Int
        if entry == -1 {
            (target, output) = transition(from: s, byte: byte)
        } else {
            target = Int(-2 - entry)
            output = Int(outputIndex[s + classOf[Int(byte)]])
        }
        if output >= 0 {
            for id in outputs[output].matchesBefore { recorder.record(id, at: before) }
            for id in outputs[output].matchesAfter { recorder.record(id, at: after) }
        }
        return target
    }

    // MARK: - Building states

    private mutating func startState() -> Int {
        if start < 0 {
            let type: Int32 = program.usesTextStart ? 0 : 1
            start = state(forKey: [type]).offset
        }
        return start
    }

    /// The state with `key`, added if new; `cleared` tells whether adding it cleared the cache.
    private mutating func state(forKey key: [Int32]) -> (offset: Int, cleared: Bool) {
        if let id = stateIndex[key] { return (Int(id) * classCount, false) }
        var cleared = false
        if keys.count >= maxStates || keyInts + key.count > maxKeyInts {
            clearCache()
            cleared = true
        }
        let id = keys.count
        if id >= tableCapacity {
            let newCapacity = min(tableCapacity * 2, maxStates)
            let newTable = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity * classCount)
            newTable.update(from: table, count: tableCapacity * classCount)
            table.deallocate()
            table = newTable
            tableCapacity = newCapacity
        }
        (table + id * classCount).initialize(repeating: -1, count: classCount)
        keys.append(key)
        endResults.append(nil)
        outputIndex.append(contentsOf: repeatElement(-1, count: classCount))
        stateIndex[key] = Int32(id)
        keyInts += key.count
        return (id * classCount, cleared)
    }

    private mutating func clearCache() {
        keys.removeAll(keepingCapacity: true)
        endResults.removeAll(keepingCapacity: true)
        outputIndex.removeAll(keepingCapacity: true)
        outputs.removeAll(keepingCapacity: true)
        stateIndex.removeAll(keepingCapacity: true)
        keyInts = 0
        start = -1
        cacheClearCount += 1
    }

    /// Computes and caches the transition of state `offset` on `byte`; returns the
    /// target state and the index of its match output (-1 if none).
    private mutating func transition(from offset: Int, byte: UInt8) -> (Int, Int) {
        let key = keys[offset / classCount]
        let prevType = UInt8(key[key.count - 1])
        let cls = classOf[Int(byte)]
        let fromRoots = rootStep(prevType: prevType, cls: cls, byte: byte)

        nextSet.removeAll()
        scratch.next.removeAll(keepingCapacity: true)
        scratch.matchesBefore.removeAll(keepingCapacity: true)
        scratch.matchesAfter.removeAll(keepingCapacity: true)
        step(key.dropLast(), prevType: prevType, byte: byte, cls: cls)
        for pc in fromRoots.next where nextSet.insert(pc) { scratch.next.append(pc) }
        scratch.next.sort()
        scratch.next.append(program.usesWordAssertions && classIsWord[cls] ? 2 : 1)

        var hasOutput = false
        if !scratch.matchesBefore.isEmpty || !scratch.matchesAfter.isEmpty
            || !fromRoots.matchesBefore.isEmpty || !fromRoots.matchesAfter.isEmpty
        {
            hasOutput = true
            scratch.matchesBefore = Array(Set(scratch.matchesBefore + fromRoots.matchesBefore)).sorted()
            scratch.matchesAfter = Array(Set(scratch.matchesAfter + fromRoots.matchesAfter)).sorted()
        }

        let (target, cleared) = state(forKey: scratch.next)
        var output = -1
        if hasOutput {
            output = outputs.count
            outputs.append(scratch)
        }
        if !cleared {
            let entry = hasOutput ? Int32(-2 - target) : Int32(target)
            table[offset + cls] = entry
            outputIndex[offset + cls] = Int32(output)
        }
        return (target, output)
    }

    /// What the roots do on `byte`, cached per (previous-byte type, class).
    private mutating func rootStep(prevType: UInt8, cls: Int, byte: UInt8) -> StepResult {
        let k = Int(prevType) * classCount + cls
        if let r = rootSteps[k] { return r }
        nextSet.removeAll()
        scratch = StepResult()
        step(roots[...], prevType: prevType, byte: byte, cls: cls)
        let r = scratch
        rootSteps[k] = r
        return r
    }

    /// Steps the instructions `from` (at the current position, after a byte of
    /// `prevType`) over `byte`, adding what they reach to `scratch`.
    private mutating func step<C: Collection>(_ from: C, prevType: UInt8, byte: UInt8, cls: Int)
    where C.Element == Int32 {
        currentSet.removeAll()
        work.removeAll(keepingCapacity: true)
        for pc in from where currentSet.insert(pc) { work.append(pc) }
        let nextIsWord = classIsWord[cls]
        var i = 0
        while i < work.count {
            let inst = insts[Int(work[i])]
            i += 1
            switch inst.op {
            case .byteSet:
                if program.setContains(inst.x, byte) { closeNext(inst.y) }
            case .assert:
                if assertionHolds(inst.x, prevType: prevType, nextIsWord: nextIsWord, atEnd: false) {
                    closeCurrent(inst.y)
                }
            case .match:
                scratch.matchesBefore.append(inst.x)
            case .split:
                break
            }
        }
    }

    /// Adds what `pc` reaches through splits at the current position to `work`.
    private mutating func closeCurrent(_ pc: Int32) {
        stack.append(pc)
        while let pc = stack.popLast() {
            guard currentSet.insert(pc) else { continue }
            let inst = insts[Int(pc)]
            if inst.op == .split {
                stack.append(inst.y)
                stack.append(inst.x)
            } else {
                work.append(pc)
            }
        }
    }

    /// Adds what `pc` reaches through splits after the byte to `scratch`.
    private mutating func closeNext(_ pc: Int32) {
        stack.append(pc)
        while let pc = stack.popLast() {
            guard nextSet.insert(pc) else { continue }
            let inst = insts[Int(pc)]
            switch inst.op {
            case .split:
                stack.append(inst.y)
                stack.append(inst.x)
            case .match:
                scratch.matchesAfter.append(inst.x)
            case .byteSet, .assert:
                scratch.next.append(pc)
            }
        }
    }

    // MARK: - End of text

    /// The patterns whose match completes at the end of the text, in state `offset`.
    private mutating func endResult(_ offset: Int) -> [Int32] {
        let id = offset / classCount
        if let r = endResults[id] { return r }
        let key = keys[id]
        let prevType = UInt8(key[key.count - 1])
        let r = Array(Set(ends(key.dropLast(), prevType: prevType) + rootEnd(prevType: prevType))).sorted()
        endResults[id] = r
        return r
    }

    private mutating func rootEnd(prevType: UInt8) -> [Int32] {
        if let r = rootEnds[Int(prevType)] { return r }
        let r = ends(roots[...], prevType: prevType)
        rootEnds[Int(prevType)] = r
        return r
    }

    /// Pattern ids whose `match` is reached from `from` at the end of the text.
    private mutating func ends<C: Collection>(_ from: C, prevType: UInt8) -> [Int32] where C.Element == Int32 {
        currentSet.removeAll()
        work.removeAll(keepingCapacity: true)
        for pc in from where currentSet.insert(pc) { work.append(pc) }
        var ids: [Int32] = []
        var i = 0
        while i < work.count {
            let inst = insts[Int(work[i])]
            i += 1
            switch inst.op {
            case .match:
                ids.append(inst.x)
            case .assert:
                if assertionHolds(inst.x, prevType: prevType, nextIsWord: false, atEnd: true) {
                    closeCurrent(inst.y)
                }
            case .byteSet, .split:
                break
            }
        }
        return ids
    }
}
