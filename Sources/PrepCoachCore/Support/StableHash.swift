/// FNV-1a: a small 64-bit hash that is the same in every process and on every
/// run (Swift's `Hasher` is seeded per process), for seeded orders and cache keys.
enum StableHash {
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
