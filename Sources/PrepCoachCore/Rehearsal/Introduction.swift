import Foundation

/// Your 30-second introduction to one contact: who you are, why this person,
/// and what you hope to learn.
public enum Introduction {
    /// Seconds the introduction should take at `SpeakingPace`.
    public static let seconds = 30
    /// At most this many characters are kept: a spoken introduction is a paragraph, not a page.
    public static let maxLength = 2_000

    /// What the draft is made of: your `prep` answers, the contact, and your background from the config.
    public struct Sources: Sendable {
        public var yourName: String?
        /// One line of background from the config: "ten years teaching secondary science".
        public var background: String?
        /// Why this field or company interests you (the `why-interested` readiness sentence).
        public var why: String?
        /// What you most want to learn (the note on the `goal` readiness check).
        public var hopeToLearn: String?

        public init(yourName: String? = nil, background: String? = nil, why: String? = nil, hopeToLearn: String? = nil) {
            self.yourName = yourName
            self.background = background
            self.why = why
            self.hopeToLearn = hopeToLearn
        }
    }

    /// Stands in for your name until the config has it.
    public static let yourNamePlaceholder = "[your name]"

    /// A first draft to say aloud and edit.
    public static func draft(for contact: Contact, from sources: Sources) -> String {
        let firstName = contact.name.split(separator: " ").first.map(String.init) ?? contact.name
        var sentences = ["Hi \(firstName), thank you for making the time."]
        let name = nonEmpty(sources.yourName) ?? yourNamePlaceholder
        if let background = nonEmpty(sources.background) {
            let ownSentence = background.hasPrefix("I ") || background.hasPrefix("I'")
            sentences.append(ownSentence ? "I'm \(name). \(sentence(background))"
                             : "I'm \(name), \(ended(lowercasedFirst(background)))")
        } else {
            sentences.append("I'm \(name).")
        }
        if let why = nonEmpty(sources.why) { sentences.append(sentence(why)) }
        let role = nonEmpty(contact.role).map(LetterPhrases.withArticle)
        let company = nonEmpty(contact.company)
        let place = [role.map { "as \($0)" }, company.map { "at \($0)" }].compactMap { $0 }.joined(separator: " ")
        sentences.append("You know this work from the inside" + (place.isEmpty ? "" : " " + place) + ".")
        if let connection = nonEmpty(contact.howKnown).flatMap(LetterPhrases.connection) { sentences.append(connection) }
        sentences.append("I'm not asking for a job; I'd love to hear how you got where you are.")
        if let learn = nonEmpty(sources.hopeToLearn).flatMap(LetterPhrases.hopeToLearn) { sentences.append(learn) }
        return sentences.joined(separator: " ")
    }

    private static func nonEmpty(_ text: String?) -> String? {
        let trimmed = text?.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        return trimmed?.isEmpty == false ? trimmed : nil
    }

    private static func sentence(_ text: String) -> String {
        ended(text.prefix(1).uppercased() + text.dropFirst())
    }

    private static func ended(_ text: String) -> String {
        ".!?".contains(text.last ?? ".") ? text : text + "."
    }

    private static func lowercasedFirst(_ text: String) -> String {
        let first = text.split(separator: " ").first.map(String.init) ?? text
        return first.dropFirst().contains(where: \.isUppercase) || first == "I" ? text : text.prefix(1).lowercased() + text.dropFirst()
    }
}

/// What is worth fixing in an introduction before saying it: its length at a normal
/// speaking pace, whether it is more about you than about them, and what the
/// lint rules flag in its sentences (a job ask above all).
public struct IntroductionReview: Sendable {
    public let words: Int
    /// At `SpeakingPace`.
    public let seconds: Int
    /// Words in sentences about you (more I, me, my than you, your) and in the others.
    public let wordsAboutYou: Int
    public let wordsAboutThem: Int
    /// Job-ask and self-focused findings, each with the sentence it is about.
    public let findings: [(sentence: String, finding: Finding)]

    /// `lint`: the rule engine's verdict on one sentence (`CommandContext.lint`, `RuleEngine.lint`).
    public init(_ text: String, lint: (String) -> [Finding]) {
        words = SpeakingPace.words(in: text)
        seconds = SpeakingPace.seconds(forWords: words)
        var aboutYou = 0, aboutThem = 0
        var findings: [(String, Finding)] = []
        for sentence in Sentences.split(text) {
            let count = SpeakingPace.words(in: sentence)
            if Self.isAboutYou(sentence) { aboutYou += count } else { aboutThem += count }
            findings += SpokenLint.findings(in: sentence, lint: lint)
                .filter { [.jobAsk, .selfFocused].contains($0.rule.category) }.map { (sentence, $0) }
        }
        wordsAboutYou = aboutYou
        wordsAboutThem = aboutThem
        self.findings = findings
    }

    public var isTooLong: Bool { seconds > Introduction.seconds + 5 }
    public var isMostlyAboutYou: Bool { wordsAboutYou > wordsAboutThem }
    public var hasJobAsk: Bool { findings.contains { $0.finding.rule.category == .jobAsk } }

    /// More first-person words than second-person ones.
    static func isAboutYou(_ sentence: String) -> Bool {
        let words = QuestionText.normalizedString(sentence).split(separator: " ")
        let you = words.count { ["i", "me", "my", "mine", "myself"].contains($0) }
        let them = words.count { ["you", "your", "yours", "yourself"].contains($0) }
        return you > them
    }
}

/// What is wrong with a crib answer to a question asked back: a job ask anywhere
/// (an error; the lint model's warnings are cautions), and for "How can I help?"
/// an ending that asks for nothing concrete.
public struct AskedBackAnswerReview: Sendable {
    /// What keeps the answer from counting as one.
    public let problems: [String]
    /// Worth a second look, but the answer stands.
    public let cautions: [String]

    public init(_ answer: String, to question: AskedBackQuestion, concreteAsk: ConcreteAskMatcher,
                lint: (String) -> [Finding]) {
        let jobAsks = Sentences.split(answer).flatMap { SpokenLint.findings(in: $0, lint: lint).filter { $0.rule.category == .jobAsk } }
        let describe = { (finding: Finding) in "[\(finding.rule.id)] \(finding.message)" }
        var problems = jobAsks.filter { $0.rule.severity == .error }.map(describe)
        cautions = jobAsks.filter { $0.rule.severity != .error }.map(describe)
        if question.endsWithAsk, !concreteAsk.endsWithAsk(answer) {
            problems.append("it does not end in a concrete ask: finish with one thing they can easily do "
                            + "(a name to talk to next, an event or group to join, something to read)")
        }
        self.problems = problems
    }

    public var isAccepted: Bool { problems.isEmpty }
}

/// The lint rules on one sentence of something you will say. The lint model learned from questions:
/// on a statement ("We met at the spring job fair.") it is outside what it knows, so only the rules judge those.
enum SpokenLint {
    static func findings(in sentence: String, lint: (String) -> [Finding]) -> [Finding] {
        let isQuestion = sentence.trimmingCharacters(in: CharacterSet(charactersIn: " \"”’')")).hasSuffix("?")
        let modelIDs = Set(ModelOpinion.rules.map(\.id))
        return lint(sentence).filter { isQuestion || !modelIDs.contains($0.rule.id) }
    }
}
