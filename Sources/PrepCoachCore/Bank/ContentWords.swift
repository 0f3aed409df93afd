/// The words of a question that carry its meaning: normalised like rule
/// patterns see them, without function words, crudely stemmed so "stands"
/// and "stand", "returning" and "return" meet. Two questions sharing most of
/// them say the same thing.
public struct ContentWords: Sendable, Hashable {
    public let words: Set<String>

    public init(_ text: String) {
        words = Set(QuestionText.normalizedString(text).split(separator: " ").map(String.init)
            .filter { !Self.functionWords.contains($0) }.map(Self.stem).filter { !Self.functionWords.contains($0) })
    }

    /// Shared words over all words (Jaccard); 0 when either has none.
    public func similarity(to other: ContentWords) -> Double {
        let (small, large) = words.count <= other.words.count ? (words, other.words) : (other.words, words)
        let shared = small.count(where: large.contains)
        let union = words.count + other.words.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    /// At or above this, two questions are near-duplicates: `check-banks` warns,
    /// and `pick` never puts both in one plan.
    public static let nearDuplicateThreshold = 0.6

    public func isNearDuplicate(of other: ContentWords) -> Bool {
        min(words.count, other.words.count) >= 2 && similarity(to: other) >= Self.nearDuplicateThreshold
    }

    private static func stem(_ word: String) -> String {
        var stem = Substring(word)
        if let suffix = ["ing", "ed", "s"].first(where: { word.count > $0.count + 2 && word.hasSuffix($0) }),
           !word.hasSuffix("ss") {
            stem = stem.dropLast(suffix.count)
        }
        // "update" and "updated" meet at "updat".
        return String(stem.count > 3 && stem.hasSuffix("e") ? stem.dropLast() : stem)
    }

    private static let functionWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "of", "in", "on", "at", "to", "for", "from", "with", "by", "about",
        "as", "into", "like", "than", "that", "this", "these", "those", "it", "its", "is", "are", "was", "were", "be",
        "been", "being", "am", "do", "does", "did", "done", "have", "has", "had", "would", "will", "could", "should",
        "can", "may", "might", "must", "shall", "not", "no", "so", "what", "which", "who", "whom", "how", "when",
        "where", "why", "you", "your", "yours", "yourself", "i", "me", "my", "we", "our", "us", "they", "them",
        "their", "he", "she", "his", "her", "there", "here", "some", "any", "most", "more", "much", "many", "very",
        "really", "actually", "just", "also", "up", "out", "over", "after", "before", "one", "someone", "people",
        "get", "got", "make", "made", "think", "find", "found", "say", "tell", "now", "all", "each", "other",
        "else", "own", "way", "things", "thing", "kind", "sort", "lot", "often", "usually", "typically",
    ]
}
