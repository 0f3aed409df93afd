extension String {
    /// Every `target` replaced, comparing UTF-8 bytes (a whole character's
    /// bytes never match inside another's). Foundation's `replacingOccurrences`
    /// sets up NSString and copies through UTF-16 on Linux: a tenth of a
    /// millisecond on the first call alone, paid by every one-shot `pick` that
    /// prints a plan.
    public func replacingEvery(_ target: String, with replacement: String) -> String {
        let pattern = Array(target.utf8)
        guard let first = pattern.first, utf8.contains(first) else { return self }
        let bytes = Array(utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == first, bytes[index...].starts(with: pattern) {
                result += replacement.utf8
                index += pattern.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
