import Foundation

/// Runs `work` for every index on all cores and returns the results in index
/// order: bank files (and pieces of a big one) parse independently.
enum Parallel {
    static func map<Result>(_ count: Int, _ work: (Int) -> Result) -> [Result] {
        let slots = Slots<Result>(count: count)
        // `work` runs only while `concurrentPerform` blocks this call, never after.
        withoutActuallyEscaping(work) { work in
            let shared = UncheckedSendable(work)
            DispatchQueue.concurrentPerform(iterations: count) { index in slots.set(index, shared.value(index)) }
        }
        return slots.values.map { $0! }
    }
}

/// Results written from several threads, each slot by exactly one.
private final class Slots<Value>: @unchecked Sendable {
    private(set) var values: [Value?]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) { lock.withLock { values[index] = value } }
}

private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
