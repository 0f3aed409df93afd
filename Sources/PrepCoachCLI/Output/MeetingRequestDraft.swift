import Foundation
import PrepCoachCore

/// The words of a request for an informational interview, following the seeds'
/// advice: say who you are and what you are exploring, say plainly you are not
/// asking for a job, and ask for under 30 minutes at a time and place of their choosing.
struct MeetingRequestDraft {
    let contact: Contact
    /// The referrer, only when they said you may use their name.
    let referrer: Contact?
    /// Your name and signature, from the config file.
    var me = UserProfile()
    /// What you hope to learn from them, in your words.
    var learn: String?

    static let yourName = "[your name]"

    private var name: String { me.name ?? Self.yourName }
    private var signOff: String { me.signOff ?? Self.yourName }
    static let linkedInLimit = 300

    private var firstName: String { contact.name.split(separator: " ").first.map(String.init) ?? contact.name }

    /// The industry in plain words: "marketing and media".
    private var field: String? { contact.industry?.replacingOccurrences(of: "-", with: " ") }

    /// Who you are, from your stage: "I am changing careers into healthcare".
    var aboutYou: String {
        let field = field
        switch contact.stage {
        case "student": return "I am a student exploring " + (field.map { "careers in \($0)" } ?? "which career to aim for")
        case "new-grad": return "I recently graduated and am exploring " + (field.map { "careers in \($0)" } ?? "my first role")
        case "early-career": return "I am early in my career and looking at " + (field.map { "where to grow in \($0)" } ?? "where to grow")
        case "mid-career": return "I am an experienced professional weighing " + (field.map { "my next step in \($0)" } ?? "my next step")
        case "career-changer": return "I am changing careers" + (field.map { " into \($0)" } ?? "")
        case "returning-to-work": return "I am returning to work after a career break" + (field.map { " and exploring \($0)" } ?? "")
        case "aspiring-entrepreneur": return "I am planning to start a business" + (field.map { " in \($0)" } ?? "")
        default: return "I am exploring " + (field.map { "a career in \($0)" } ?? "my next career step")
        }
    }

    /// What you want to learn about: "your work as a nurse manager at Acme Health"; for someone who
    /// runs the business, "your experience running Pat's Bakery" (not "as an owner at").
    var theirWork: String {
        if contact.person.employment == "owner" {
            return contact.company.map { "your experience running \($0)" } ?? "your experience running your business"
        }
        return switch (contact.role.map(LetterPhrases.withArticle), contact.company) {
        case let (role?, company?): "your work as \(role) at \(company)"
        case let (role?, nil): "your work as \(role)"
        case let (nil, company?): "your work at \(company)"
        case (nil, nil): "your career path"
        }
    }

    /// How you came to them; nothing when a referrer has not cleared the use of their name.
    var connection: String? {
        if let referrer { return "\(referrer.name) suggested I get in touch with you." }
        if contact.referredByID != nil { return nil }
        // Said to them, "there" is their place: "I buy bread there" → "I buy bread at Rise & Shine Bakery".
        let how = contact.howKnown.map { how in
            contact.company.flatMap { company in
                how.hasSuffix(" there") ? String(how.dropLast(" there".count)) + " at \(company)" : nil
            } ?? how
        }
        return how.flatMap(LetterPhrases.connection)
    }

    private static let notAJob = "I am not asking for a job or job leads — only for your experience and advice."
    private static let timeAsk = "Would you have 20–30 minutes in the coming weeks? I will keep it under 30 minutes, "
        + "at a time that suits you — in person, by phone or by video, whichever you prefer."

    func email() -> String {
        let about = field.map { "your experience in \($0)" } ?? contact.role.map { "your work as \($0)" } ?? "your career path"
        // The referrer's name is what gets a stranger's email opened.
        let subject = referrer.map { "\($0.name) suggested I contact you: a short conversation about \(about)?" }
            ?? "A short conversation about \(about)?"
        let opening = (connection.map { $0 + " " } ?? "") + "My name is \(name), and \(aboutYou). "
            + (me.background.flatMap(LetterPhrases.sentence).map { $0 + " " } ?? "")
            + "I would be grateful to learn about \(theirWork)" + (field.map { " and the \($0) field" } ?? "") + "."
            + (learn.flatMap(LetterPhrases.hopeToLearn).map { " " + $0 } ?? "")
        return """
            Subject: \(subject)

            Dear \(firstName),

            \(opening)

            \(Self.notAJob) \(Self.timeAsk)

            Thank you for considering it.

            Kind regards,
            \(signOff)
            """
    }

    /// What to say when they pick up: who you are in 20 seconds, then the ask.
    func phoneScript() -> (opening: String, ask: String) {
        let opening = "Hello \(firstName), this is \(name). " + (connection.map { $0 + " " } ?? "")
            + "\(aboutYou), and I would value your advice."
        let ask = "I am not asking for a job — only to hear about your experience. Would you have 20 to 30 minutes, "
            + "now or at a time that suits you, to tell me about \(theirWork)? "
            + (learn.flatMap(LetterPhrases.hopeToLearn).map { $0 + " " } ?? "") + "In person, by phone or by video, "

            + "whichever you prefer — I will keep it under 30 minutes."
        return (opening, ask)
    }

    /// The longest note that fits LinkedIn's limit, dropping detail until it does.
    func linkedInNote() -> String {
        let close = "Not a job request — just 20–30 minutes of your experience, whenever suits you. Thank you! \(name)"

        let greeting = "Hi \(firstName),\n"
        // Who connects you and what you hope to learn matter most: the details of their work go first.
        let link = connection.map { $0 + " " } ?? ""
        // 300 characters: the goal without its lead-in ("In particular, ").
        let goal = learn.flatMap(LetterPhrases.hopeToLearn).map { " " + $0.replacingOccurrences(of: "In particular, I", with: "I") } ?? ""
        let candidates = [
            greeting + link + "\(aboutYou) and would value your advice on \(theirWork).\(goal) " + close,
            greeting + link + "\(aboutYou) and would value your advice.\(goal) " + close,
            greeting + link + "\(aboutYou) and would value your advice. " + close,
            greeting + "\(aboutYou) and would value your advice. " + close,
            greeting + "I would value your advice on your career path. " + close,
        ]
        return candidates.first { $0.count <= Self.linkedInLimit } ?? candidates[candidates.count - 1]
    }
}
