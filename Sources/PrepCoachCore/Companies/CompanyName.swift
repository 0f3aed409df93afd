import Foundation

/// A company's name as people write it, reduced so its other spellings match: case and accents,
/// punctuation, "&" and "and", a leading "The", legal suffixes ("Inc.", "Ltd", "GmbH"), and a short
/// form — the name without a closing descriptor ("Brightwave" for "Brightwave Software") or its
/// initials ("IBM" for "International Business Machines"). Research notes filed under one spelling
/// count for a contact at another.
public struct CompanyName: Sendable, Hashable {
    /// The name reduced: "The Brightwave Software Co., Inc." → "brightwave software".
    public let key: String
    /// The key without closing descriptors ("brightwave"): what people shorten the name to.
    let shortForm: String
    /// The initials of a name of two or more words ("ibm").
    let initials: String?

    public init(_ name: String) {
        var words = Self.words(name)
        if words.first == "the", words.count > 1 { words.removeFirst() }
        while words.count > 1, let last = words.last, Self.legalSuffixes.contains(last) { words.removeLast() }
        key = words.joined(separator: " ")
        var short = words
        while short.count > 1, let last = short.last, Self.descriptors.contains(last) { short.removeLast() }
        shortForm = short.joined(separator: " ")
        let initialWords = words.filter { !["and", "of", "for"].contains($0) }
        initials = initialWords.count > 1 ? String(initialWords.compactMap(\.first)) : nil
    }

    /// Whether the two names are most likely the same company, written differently.
    public func matches(_ other: CompanyName) -> Bool {
        guard !key.isEmpty, !other.key.isEmpty else { return false }
        if key == other.key { return true }
        // One written short and the other in full; two different full names never match through a
        // shared short form ("Acme Health" and "Acme Software" are two companies).
        if key == other.shortForm || other.key == shortForm { return true }
        let isOneWord = !key.contains(" "), otherIsOneWord = !other.key.contains(" ")
        return (isOneWord && key.count > 1 && key == other.initials) || (otherIsOneWord && other.key.count > 1 && other.key == initials)
    }

    public func matches(_ other: String) -> Bool { matches(CompanyName(other)) }

    /// Lowercased words without accents or punctuation; "&" and "+" read "and", except between
    /// initials ("P&G" reads "pg"); "A.B.C." reads "abc".
    private static func words(_ name: String) -> [String] {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).map { token in
                let parts = token.split(whereSeparator: { $0 == "&" || $0 == "+" })
                let initials = parts.count > 1 && parts.allSatisfy { $0.count <= 2 }
                return initials ? parts.joined() : token.replacingOccurrences(of: "&", with: " and ")
                    .replacingOccurrences(of: "+", with: " and ")
            }.joined(separator: " ")
        var words: [String] = []
        for raw in folded.split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "/" || $0 == "," }) {
            let word = String(raw.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
            if !word.isEmpty { words.append(word) }
        }
        return words
    }

    /// Legal forms that say nothing about which company it is.
    static let legalSuffixes: Set<String> = [
        "inc", "incorporated", "ltd", "limited", "llc", "llp", "lp", "plc", "corp", "corporation", "co", "company",
        "gmbh", "ag", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab", "as", "oy", "pty", "pte", "kk", "cic",
    ]

    /// Closing words people drop when they name the company in passing.
    static let descriptors: Set<String> = [
        "software", "technologies", "technology", "tech", "systems", "solutions", "labs", "group", "holdings",
        "international", "global", "partners", "services", "studio", "studios", "consulting", "industries",
        "enterprises", "ventures", "digital", "media", "bakery", "cafe",
    ]
}
