import Foundation

/// Turns what you typed into words that sit grammatically in a letter, whatever
/// you typed: a clause, a noun phrase, a question, with or without punctuation.
public enum LetterPhrases {
    /// "a" or "an", by the sound of the word that follows: an RN, an hour, a user, a Senior Designer.
    public static func article(for phrase: String) -> String {
        let word = phrase.split(separator: " ").first.map(String.init) ?? phrase
        let lower = word.lowercased()
        let isAcronym = (word.count > 1 && word.allSatisfy { $0.isUppercase || $0.isNumber }) || spelledOut.contains(lower)
        if isAcronym, let first = lower.first {
            return "aefhilmnorsx".contains(first) ? "an" : "a"  // said letter by letter: "an MBA", "a UX lead"
        }
        if ["hour", "honest", "honor", "honour", "heir"].contains(where: lower.hasPrefix) { return "an" }
        if ["uni", "use", "usu", "uti", "eu", "one", "ure"].contains(where: lower.hasPrefix) { return "a" }
        return lower.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }

    /// Job-title abbreviations said letter by letter however they are typed: "a ux researcher", "an hr lead".
    private static let spelledOut: Set<String> = ["ux", "ui", "hr", "it", "qa", "pr", "seo", "rn", "gp", "vp", "cto", "ceo",
                                                  "cfo", "coo", "cmo", "sre", "ml", "ai", "bi", "lpn", "np"]

    /// One line about yourself as a sentence: "taught science for 8 years" → "Taught science for 8 years."
    public static func sentence(_ text: String) -> String? {
        let line = trimmed(text)
        return line.isEmpty ? nil : capitalized(line) + "."
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

    /// One thing they said, in the letter's words, from a note or your own words: a note is your
    /// shorthand, not their speech, so it is never quoted. Advice becomes "your suggestion to volunteer
    /// on a redesign", a report ("she says shadowing beats courses") "your point that shadowing beats
    /// courses", words written for the letter ("your advice to …") stay; nil when the note cannot be
    /// turned into words of the letter (then the letter keeps a placeholder).
    public static func paraphrased(_ point: String) -> String? {
        // The first clause: "Volunteer on a redesign; do a usability test" names one thing.
        let clause = trimmed(String(point.split(whereSeparator: { ";\n".contains($0) }).first ?? ""))
            .components(separatedBy: ". ").first ?? ""
        var words = clause.split(separator: " ").map(String.init)
        guard let first = words.first?.lowercased() else { return nil }
        if ["your", "how", "what", "the"].contains(first) { return lowercasedFirst(clause) }
        if ["she", "he", "they"].contains(first) { words.removeFirst() }
        guard let lead = words.first?.lowercased() else { return nil }
        if adviceVerbs.contains(lead) {
            return "your suggestion to " + lowercasedFirst(words.joined(separator: " "))
        }
        if reportingVerbs.contains(lead), words.count > 1 {
            var rest = Array(words.dropFirst())
            if rest.first?.lowercased() == "that" { rest.removeFirst() }
            guard let next = rest.first?.lowercased() else { return nil }
            let said = lowercasedFirst(rest.joined(separator: " "))
            if ["suggested", "suggests", "recommended", "recommends"].contains(lead) {
                if adviceVerbs.contains(next) { return "your suggestion to \(said)" }
                if next.hasSuffix("ing") { return "your suggestion of \(said)" }
                return "your suggestion that \(said)"
            }
            return "your point that \(said)"
        }
        return nil
    }

    /// What you promised to send, as a sentence of the letter: "send her my portfolio" → "send you my
    /// portfolio"; nil for a to-do that is no promise to them ("read Being Mortal").
    public static func promise(_ todo: String) -> String? {
        var words = trimmed(todo).split(separator: " ").map(String.init)
        guard let verb = words.first?.lowercased(), promiseVerbs.contains(verb), words.count > 1 else { return nil }
        words[0] = verb
        if ["her", "him", "them"].contains(words[1].lowercased()) {
            words[1] = "you"
        } else if verb == "share" {
            if !words.contains(where: { $0.lowercased() == "with" }) { words.append("with you") }
        } else {
            words.insert("you", at: 1)
        }
        return words.joined(separator: " ")
    }

    private static let promiseVerbs: Set<String> = ["send", "email", "e-mail", "forward", "mail", "share"]

    /// Verbs that open a piece of advice in the imperative ("Volunteer for …", "Shadow a charge nurse").
    private static let adviceVerbs: Set<String> = [
        "volunteer", "do", "try", "read", "talk", "join", "shadow", "take", "apply", "learn", "build", "start",
        "ask", "reach", "look", "get", "go", "find", "attend", "watch", "listen", "write", "practise", "practice",
        "visit", "call", "email", "contact", "sign", "follow", "consider", "focus", "keep", "use", "make", "check",
        "research", "network", "spend", "work", "bring", "save", "study", "explore", "register", "avoid", "skip",
        "speak", "meet", "offer", "put", "set", "think", "update", "redo", "rewrite", "add", "drop", "stop",
    ]

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
