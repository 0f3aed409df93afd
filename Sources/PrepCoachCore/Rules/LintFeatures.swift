/// The features the lint model weighs, hashed into a fixed number of buckets
/// (no vocabulary to ship or look up): the words of the normalised question,
/// its word pairs, and the 3- to 5-letter pieces of each word, so "founders"
/// shares evidence with "founded" and a new phrasing with an old one.
enum LintFeatures {
    static let bucketBits = 15
    static let bucketCount = 1 << bucketBits

    /// What a feature is made of; part of its hash, so "ceo" the word and "ceo" the letters differ.
    enum Kind: UInt32 {
        case word = 1, wordPair = 2, letters = 3
    }

    /// Calls `visit` with each feature's bucket, its kind and the bytes it covers
    /// in `text` (normalised: words between single spaces, a space at each end).
    static func forEach(in text: UnsafeBufferPointer<UInt8>, _ visit: (Int, Kind, Range<Int>) -> Void) {
        let space = UInt8(ascii: " ")
        var previous: Range<Int>?
        var start = 0
        while start < text.count {
            guard text[start] != space else { start += 1; continue }
            var end = start
            while end < text.count && text[end] != space { end += 1 }
            let word = start..<end
            visit(bucket(.word, text, word), .word, word)
            if let previous { visit(bucket(.wordPair, text, previous.lowerBound..<end), .wordPair, previous.lowerBound..<end) }
            // The word with its surrounding spaces, so a piece can say "starts with" or "ends with".
            let padded = max(0, start - 1)..<min(text.count, end + 1)
            for length in 3...5 where padded.count >= length {
                for first in padded.lowerBound...(padded.upperBound - length) {
                    visit(bucket(.letters, text, first..<(first + length)), .letters, first..<(first + length))
                }
            }
            previous = word
            start = end
        }
    }

    /// FNV-1a over the kind and the bytes: the same bucket on every machine and run.
    private static func bucket(_ kind: Kind, _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var hash: UInt32 = 0x811C_9DC5 ^ kind.rawValue
        for index in range {
            hash = (hash ^ UInt32(text[index])) &* 0x0100_0193
        }
        return Int(hash & UInt32(bucketCount - 1))
    }

    /// The buckets of one question, for training.
    static func buckets(of question: String) -> [Int32] {
        var buckets: [Int32] = []
        QuestionText.normalize(question).withUnsafeBufferPointer { text in
            forEach(in: text) { bucket, _, _ in buckets.append(Int32(bucket)) }
        }
        return buckets
    }
}
