/// SplitMix64: the same seed gives the same sequence on every machine and
/// Swift version (the standard library's generator is not seedable), for
/// benchmark inputs, fuzz tests and the lint model's training order.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound.
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    public mutating func pick<Element>(_ items: [Element]) -> Element { items[below(items.count)] }

    public mutating func chance(percent: Int) -> Bool { below(100) < percent }

    /// Fisher–Yates with this generator (the standard library's shuffle may change between releases).
    public mutating func shuffle<Element>(_ array: inout [Element]) {
        guard array.count > 1 else { return }
        for last in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(last, below(last + 1))
        }
    }
}
