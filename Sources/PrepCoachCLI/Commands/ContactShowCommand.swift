import ArgumentParser
import Foundation
import PrepCoachCore

struct ContactShowCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one contact: details, referrer, plan, readiness, calls.")

    static let completion = CompletionSpec(options: ["--json": nil], positional: .contacts)

    @Argument(help: "The contact's name (Tab completes names).") var name: String
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let profile = try ContactProfile(named: name, context: context, banks: context.banks(adding: global.banks))
        context.console.line(json ? try JSONOutput.encode(ContactProfileJSON(profile))
                                  : profile.text(style: context.console.style))
    }
}

/// Everything known about one contact, gathered from the store once for text or JSON.
struct ContactProfile {
    let contact: Contact
    let referrer: Contact?
    let lastContact: Date?
    let planQuestions: Int
    let planMinutes: Int
    let readinessScore: Int
    let calls: Int
    let rehearsals: Int

    init(named name: String, context: CommandContext, banks: Banks) throws {
        let store = try context.store()
        let lookup = ContactLookup(store: store)
        contact = try lookup.contact(named: name)
        let id = contact.id ?? 0
        referrer = try lookup.referrer(of: contact)
        lastContact = try store.lastContactDates()[id]
        let plan = try store.plan(contactID: id)
        planQuestions = plan.count
        planMinutes = plan.reduce(0) { $0 + $1.minutes }
        readinessScore = try ReadinessAssessment(context: context, store: store, banks: banks).report(for: contact).score
        calls = try store.calls(contactID: id).count
        rehearsals = try store.rehearsals(contactID: id).count
    }

    func text(style: Style) -> String {
        let name = contact.commandArgument
        var referredBy: String?
        if let referrer {
            referredBy = referrer.name + (contact.mayUseReferrerName == true
                ? " (you may use their name)" : " (ask before using their name)")
        }
        let fields: [(String, String?)] = [
            ("Role", contact.role), ("Company", contact.company), ("Industry", contact.industry),
            ("Stage", contact.stage), ("Who", PersonPhrase.facts(contact.person).nonEmpty), ("How known", contact.howKnown), ("Channel", contact.channel?.rawValue),
            ("Referred by", referredBy), ("Added", DateText.day(contact.createdAt)),
            ("Last contact", lastContact.map(DateText.day) ?? "never"),
            ("Plan", planQuestions == 0 ? "none yet — pick --contact \(name)"
                : "\(planQuestions.counted("question")), \(planMinutes) min"),
            ("Readiness", "\(readinessScore)%" + (readinessScore < 100 ? " — prep \(name)" : "")),
            ("Calls", String(calls)), ("Rehearsals", String(rehearsals)),
        ]
        let width = fields.map(\.0.count).max() ?? 0
        return ([style.bold(contact.name)] + fields.map { label, value in
            "  " + style.dim(label.rightPadded(to: width + 2)) + (value ?? "–")
        }).joined(separator: "\n")
    }
}

/// `contact show --json`: the list's fields plus the details only `show` gives.
struct ContactProfileJSON: Encodable {
    let name: String
    let role, company, industry, stage, channel, lastContact: String?
    let howKnown, referredBy: String?
    let mayUseReferrerName: Bool?
    let roleFamily, employment, size, seniority: String?
    let added: String
    let planQuestions, planMinutes, readinessScore, calls, rehearsals: Int

    init(_ profile: ContactProfile) {
        let contact = profile.contact
        let summary = ContactSummaryJSON(contact, lastContact: profile.lastContact)
        (name, role, company, industry) = (summary.name, summary.role, summary.company, summary.industry)
        (stage, channel, lastContact) = (summary.stage, summary.channel, summary.lastContact)
        howKnown = contact.howKnown
        referredBy = profile.referrer?.name
        mayUseReferrerName = profile.referrer == nil ? nil : contact.mayUseReferrerName
        (roleFamily, employment, size, seniority) = (contact.roleFamily, contact.employment, contact.orgSize,
                                                     contact.seniority)
        added = DateText.day(contact.createdAt)
        planQuestions = profile.planQuestions
        planMinutes = profile.planMinutes
        readinessScore = profile.readinessScore
        calls = profile.calls
        rehearsals = profile.rehearsals
    }
}
