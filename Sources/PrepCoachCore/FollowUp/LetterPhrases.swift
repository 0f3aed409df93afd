import Foundation

/// Turns what you typed into words that sit grammatically in a letter, whatever
/// you typed: a clause, a noun phrase, a question, with or without punctuation.
public enum LetterPhrases {
    /// "a" or "an", by the sound of the word that follows: an RN, an hour, a user, a Senior Designer.
    public static func article(for phrase: String) -> String {
        let word = phrase.split(separator: " ").first.map(String.init) ?? phrase
        let lower = word.lowercased()
        let isAcronym = word.count > 1 && word.allSatisfy { $0.isUppercase || $0.isNumber }
        if isAcronym, let first = lower.first {
            return "aefhilmnorsx".contains(first) ? "an" : "a"  // said letter by letter: "an MBA", "a UX lead"
        }
        if ["hour", "honest", "honor", "honour", "heir"].contains(where: lower.hasPrefix) { return "an" }
        if ["uni", "use", "usu", "uti", "eu", "one", "ure"].contains(where: lower.hasPrefix) { return "a" }
        return lower.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }

    /// A role with its article, unless it has one: "a Senior Product Designer", "the Head of Design".
    public static func withArticle(_ role: String) -> String {
        let first = role.split(separator: " ").first?.lowercased() ?? ""
        return ["a", "an", "the", "our", "their", "your"].contains(first) ? role : "\(article(for: role)) \(role)"
    }

    /// How you are connected, as a sentence: "met at the 🍜 festival" → "We met at the 🍜 festival.",
    /// "alumni network" → "We are connected through the alumni network.", "LinkedIn" → "… through LinkedIn."
    public static func connection(_ text: String) -> String? {
        var phrase = trimmed(text)
        for lead in ["we are connected through ", "we're connected through ", "connected through ", "through ", "via "]
        where phrase.lowercased().hasPrefix(lead) {
            phrase = String(phrase.dropFirst(lead.count))
            return phrase.isEmpty ? nil : "We are connected through \(nounPhrase(phrase))."
        }
        guard let firstWord = phrase.split(separator: " ").first?.lowercased() else { return nil }
        // A sentence of its own: "I buy bread at your shop every Saturday", "you spoke at our meetup".
        if ["we", "i", "i'm", "i've", "i'd", "you", "you're", "you've"].contains(firstWord) {
            return capitalized(phrase) + "."
        }
        if firstWord == "referred", phrase.lowercased().hasPrefix("referred by ") {
            return "\(phrase.dropFirst("referred by ".count)) suggested I get in touch with you."
        }
        if clauseStarts.contains(firstWord) || (firstWord.hasSuffix("ed") && firstWord.count > 3) {
            return "We \(lowercasedFirst(phrase))."
        }
        return "We are connected through \(nounPhrase(phrase))."
    }

    /// What you hope to learn, as a sentence: "how you moved into management" → "In particular, I hope to
    /// learn how you moved into management."; a question is quoted.
    public static func hopeToLearn(_ text: String) -> String? {
        let raw = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if raw.hasSuffix("?") { return "In particular, I would love to ask you: “\(capitalized(raw))”" }
        var phrase = trimmed(raw)
        for lead in ["i hope to learn ", "i want to learn ", "i would like to learn ", "to learn ", "learn "]
        where phrase.lowercased().hasPrefix(lead) {
            phrase = String(phrase.dropFirst(lead.count))
        }
        guard let firstWord = phrase.split(separator: " ").first?.lowercased() else { return nil }
        let clause = ["how", "what", "why", "whether", "which", "who", "where", "when", "about"].contains(firstWord)
        return "In particular, I hope to learn \(clause ? lowercasedFirst(phrase) : "about " + lowercasedFirst(phrase))."
    }

    /// One thing they said, quoted as one: “Shadow a charge nurse before you apply”. A note that
    /// reports it ("she says shadowing beats courses") is quoted without the report: the letter is to her.
    public static func quoted(_ point: String) -> String {
        var text = trimmed(point)
        let words = text.split(separator: " ", maxSplits: 2)
        if words.count == 3, ["she", "he", "they"].contains(words[0].lowercased()),
           reportingVerbs.contains(words[1].lowercased()) {
            text = String(words[2])
            if text.lowercased().hasPrefix("that ") { text = String(text.dropFirst(5)) }
        }
        return "“\(capitalized(text))”"
    }

    private static let reportingVerbs: Set<String> = [
        "says", "said", "say", "thinks", "thought", "think", "mentioned", "mentions", "explained", "explains",
        "suggested", "suggests", "recommended", "recommends", "reckons", "feels", "felt", "believes", "noted",
    ]

    /// Verbs a connection phrase may start with ("met at …", "worked together …").
    private static let clauseStarts: Set<String> = [
        "met", "know", "knew", "worked", "work", "studied", "study", "went", "were", "are", "spoke", "talked",
        "sat", "shared", "share", "played", "volunteered", "grew", "both", "once", "used", "attended", "took",
    ]

    /// A noun phrase after "through": keeps a determiner or a name, else adds "the".
    private static func nounPhrase(_ phrase: String) -> String {
        let first = phrase.split(separator: " ").first.map(String.init) ?? phrase
        let determiners = ["a", "an", "the", "my", "our", "your", "his", "her", "their", "mutual"]
        if determiners.contains(first.lowercased()) || first.first?.isUppercase == true || first.hasSuffix("'s") {
            return phrase
        }
        return "the " + phrase
    }

    /// Without surrounding spaces, quotes and end punctuation, on one line.
    private static func trimmed(_ text: String) -> String {
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return oneLine.trimmingCharacters(in: CharacterSet.whitespaces.union(.punctuationCharacters)
            .union(CharacterSet(charactersIn: "\"“”'‘’")).subtracting(CharacterSet(charactersIn: ")")))
    }

    private static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// Lowercases the first letter unless the first word looks like a name or an acronym ("I", "Dana", "NHS").
    private static func lowercasedFirst(_ text: String) -> String {
        let first = text.split(separator: " ").first.map(String.init) ?? text
        let keep = first == "I" || first.dropFirst().contains(where: \.isUppercase)
        return keep ? text : text.prefix(1).lowercased() + text.dropFirst()
    }
}
