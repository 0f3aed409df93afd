/// The companies named in your research notes, found in a question by a set
/// lookup over its word n-grams — not as an alternation inside every pattern,
/// which stops compiling past a few hundred names. Thousands of names, or one
/// very long name, cost a hash lookup per candidate n-gram.
public struct CompanyNames: Sendable {
    /// Normalised names without the padding spaces ("acme corp").
    private let names: Set<String>
    /// First words of the names: most words start no name, and are skipped with one lookup.
    private let firstWords: Set<Substring>
    /// The word counts the names have, longest first.
    private let lengths: [Int]

    public init(_ companies: [String] = []) {
        let normalised = companies.map { QuestionText.normalizedString($0).trimmingWhitespace }.filter { !$0.isEmpty }
        names = Set(normalised)
        firstWords = Set(normalised.compactMap { $0.split(separator: " ").first })
        lengths = Set(normalised.map { $0.split(separator: " ").count }).sorted(by: >)
    }

    public var isEmpty: Bool { names.isEmpty }

    /// The names that occur in a normalised text, as whole words.
    public func occurrences(in normalized: String) -> [String] {
        var found: [String] = []
        forEachName(in: normalized.split(separator: " ")) { name, _ in found.append(name) }
        return found
    }

    /// The normalised text with each company name replaced by `the company`, so
    /// the rules' `{company}` and the model see every researched company the same way.
    public func masking(_ normalized: [UInt8]) -> [UInt8] {
        guard !isEmpty else { return normalized }
        let words = String(decoding: normalized, as: UTF8.self).split(separator: " ")
        var masked: [Substring] = []
        var next = 0
        forEachName(in: words) { _, range in
            masked += words[next..<range.lowerBound] + ["the", "company"]
            next = range.upperBound
        }
        guard next > 0 else { return normalized }
        masked += words[next...]
        return Array((" " + masked.joined(separator: " ") + " ").utf8)
    }

    /// Each name found, longest first at each place, without overlaps.
    private func forEachName(in words: [Substring], _ visit: (String, Range<Int>) -> Void) {
        var start = 0
        while start < words.count {
            let match = firstWords.contains(words[start])
                ? lengths.lazy.filter { start + $0 <= words.count }
                    .map { start..<(start + $0) }
                    .first { names.contains(words[$0].joined(separator: " ")) }
                : nil
            if let match {
                visit(words[match].joined(separator: " "), match)
                start = match.upperBound
            } else {
                start += 1
            }
        }
    }
}
