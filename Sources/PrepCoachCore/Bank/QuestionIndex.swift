import Foundation

/// Question ids in sorted order, so Tab completion finds the ids starting with
/// a prefix by binary search instead of testing all of them.
public struct SortedQuestionIDs: Sendable {
    let ids: [String]

    init(_ questions: [Question]) { ids = questions.map(\.id).sorted() }

    /// The ids starting with `prefix`, sorted.
    public func ids(withPrefix prefix: String) -> ArraySlice<String> {
        // Ids with the prefix sort together, right after every id below it.
        let start = ids.partitioningIndex { $0 >= prefix }
        let end = ids[start...].partitioningIndex { !$0.hasPrefix(prefix) }
        return ids[start..<end]
    }
}

/// A word index over question ids, texts and follow-ups, folded for case and
/// accents, built once per loaded bank so `search` reads only the questions
/// that hold the words instead of folding every question on every query.
///
/// Search matches substrings ("nurs" finds "nurses"), so a query word is looked
/// up in the list of distinct words (thousands, not one entry per question),
/// the questions of every word containing it are the candidates, and only the
/// candidates' folded texts are searched to count the hits.
struct QuestionSearchIndex: Sendable {
    /// Each question's folded searchable text.
    private let texts: [[UInt8]]
    private let words: [[UInt8]]
    /// Per word: the questions holding it, ascending.
    private let postings: [[Int32]]

    init(_ questions: [Question]) {
        var texts: [[UInt8]] = []
        texts.reserveCapacity(questions.count)
        // String keys: a short word is stored inline and hashes fast.
        var wordIDs: [String: Int] = [:]
        var postings: [[Int32]] = []
        for (index, question) in questions.enumerated() {
            let text = Self.fold(([question.id, question.text] + question.followups).joined(separator: " "))
            for word in Self.words(in: text) {
                let key = String(decoding: word, as: UTF8.self)
                let id = wordIDs[key] ?? {
                    wordIDs[key] = postings.count
                    postings.append([])
                    return postings.count - 1
                }()
                if postings[id].last != Int32(index) { postings[id].append(Int32(index)) }
            }
            texts.append(text)
        }
        var words = [[UInt8]](repeating: [], count: postings.count)
        for (word, id) in wordIDs { words[id] = Array(word.utf8) }
        self.texts = texts
        self.words = words
        self.postings = postings
    }

    /// Indices of the questions whose text holds every needle, most hits first
    /// (ties in bank order), as `Banks.search` defines it.
    func search(_ needles: [String]) -> [Int] {
        let needles = needles.map(Self.fold).filter { !$0.isEmpty }
        guard !needles.isEmpty else { return [] }
        var candidates: Bitmap?
        for needle in needles {
            for piece in Self.words(in: needle) {
                var holders = Bitmap(count: texts.count)
                for (word, questions) in zip(words, postings) where Self.count(piece, in: word[...]) > 0 {
                    for question in questions { holders.insert(Int(question)) }
                }
                candidates = candidates.map { $0.intersection(holders) } ?? holders
            }
        }
        var hits: [(count: Int, index: Int)] = []
        for index in candidates?.members ?? Array(texts.indices) {
            var total = 0
            for needle in needles {
                let count = Self.count(needle[...], in: texts[index][...])
                guard count > 0 else { total = 0; break }
                total += count
            }
            if total > 0 { hits.append((total, index)) }
        }
        return hits.sorted { ($0.count, $1.index) > ($1.count, $0.index) }.map(\.index)
    }

    /// Case- and accent-folded UTF-8; plain ASCII (nearly every question) without Foundation.
    static func fold(_ text: String) -> [UInt8] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.map { $0 &- 65 < 26 ? $0 | 0x20 : $0 }
        }
        return Array(text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).utf8)
    }

    /// Runs of letters and digits (any non-ASCII byte counts as a letter).
    private static func words(in text: [UInt8]) -> [ArraySlice<UInt8>] {
        text.split { $0 < 0x80 && !($0 &- 97 < 26 || $0 &- 48 < 10 || $0 &- 65 < 26) }
    }

    /// Non-overlapping occurrences, as `components(separatedBy:)` counts them.
    private static func count(_ needle: ArraySlice<UInt8>, in haystack: ArraySlice<UInt8>) -> Int {
        guard let first = needle.first, needle.count <= haystack.count else { return 0 }
        var count = 0
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                count += 1
                index += needle.count
            } else {
                index += 1
            }
        }
        return count
    }
}

/// A set of question indices as bits.
private struct Bitmap {
    private var bits: [UInt64]

    init(count: Int) { bits = Array(repeating: 0, count: (count + 63) / 64) }

    mutating func insert(_ index: Int) { bits[index >> 6] |= 1 << UInt64(index & 63) }

    func intersection(_ other: Bitmap) -> Bitmap {
        var result = self
        for index in bits.indices { result.bits[index] &= other.bits[index] }
        return result
    }

    var members: [Int] {
        var members: [Int] = []
        for (word, value) in bits.enumerated() {
            var rest = value
            while rest != 0 {
                members.append(word << 6 + rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
        return members
    }
}

extension Collection {
    /// The first index where `belongs` holds, for a collection where it holds
    /// for a suffix (binary search).
    func partitioningIndex(where belongs: (Element) -> Bool) -> Index {
        var low = startIndex
        var count = distance(from: startIndex, to: endIndex)
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if belongs(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}

/// The indexes of one loaded bank, each built on first use (or ahead, on
/// another thread, by `Banks.prepareIndexes`) and then shared by every copy.
/// One lock each: Tab completion need not wait while the search index is built.
final class QuestionIndexes: Sendable {
    let sortedIDs = BuiltOnce<SortedQuestionIDs>()
    let search = BuiltOnce<QuestionSearchIndex>()
    let pickerColumns = BuiltOnce<PickerColumns>()
}

/// A value built once, by whichever thread asks first.
final class BuiltOnce<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    func value(_ build: () -> Value) -> Value {
        lock.withLock {
            if let value { return value }
            let built = build()
            value = built
            return built
        }
    }
}
