import ArgumentParser
import Foundation
import PrepCoachCore

/// The details `contact add` and `contact edit` share. An option left out
/// changes nothing; an empty value (`--role ""`) clears the field.
struct ContactDetailOptions: ParsableArguments {
    @Option(help: "Their job title, e.g. \"nurse manager\".") var role: String?
    @Option(help: "Where they work.") var company: String?
    @Option(help: "Their industry, e.g. healthcare (see `tags industries`).") var industry: String?
    @Option(help: "Your career stage for this conversation, e.g. career-changer (see `tags stages`).")
    var stage: String?
    @Option(name: .customLong("how"), help: ArgumentHelp("How you know them, e.g. \"alumni network\".", valueName: "how"))
    var howKnown: String?
    @Option(help: "How you will talk: phone, video or in-person (in person makes the strongest connection).")
    var channel: String?
    @OptionGroup var person: PersonOptions

    static let completion: [String: CompletionSource?] = [
        "--role": nil, "--company": .companies, "--industry": .tags(.industry), "--stage": .tags(.stage),
        "--how": nil, "--channel": .choices(Channel.allCases.map(\.rawValue)),
    ].merging(PersonOptions.completion) { first, _ in first }

    /// The names of the fields given, to say what `contact edit` changed.
    var givenFields: [String] {
        let given: [(String, Bool)] = [
            ("role", role != nil), ("company", company != nil), ("industry", industry != nil),
            ("stage", stage != nil), ("how", howKnown != nil), ("channel", channel != nil),
        ]
        return given.filter(\.1).map(\.0) + person.givenFields
    }

    /// A new role, company or industry: who the contact is may need working out again.
    var redescribesPerson: Bool { role != nil || company != nil || industry != nil }

    /// Sets the given fields, resolving tags through the vocabulary so aliases
    /// work and typos get a did-you-mean.
    func apply(to contact: inout Contact, banks: Banks) throws {
        let vocabulary = banks.vocabulary
        if let role { contact.role = role.nonEmpty }
        if let company { contact.company = company.nonEmpty }
        if let industry { contact.industry = try industry.nonEmpty.map { try vocabulary.require(.industry, $0) } }
        if let stage { contact.stage = try stage.nonEmpty.map { try vocabulary.require(.stage, $0) } }
        if let howKnown { contact.howKnown = howKnown.nonEmpty }
        if let channel { contact.channel = try Channel.parse(channel) }
        // A new role, company or industry says who they are anew; what you give outright wins.
        if redescribesPerson {
            let inferred = PersonInference(banks: banks)
                .infer(role: contact.role, company: contact.company, industry: contact.industry)
            contact.person = contact.person.replacing(with: inferred)
        }
        contact.person = try person.apply(to: contact.person, vocabulary: vocabulary, industry: contact.industry)
    }
}

extension Channel {
    /// A typed channel; "in person" and "inperson" are accepted too, and empty clears it.
    static func parse(_ text: String) throws -> Channel? {
        let name = text.lowercased().replacingOccurrences(of: " ", with: "-")
        if name.isEmpty { return nil }
        if let channel = Channel(rawValue: name == "inperson" ? "in-person" : name) { return channel }
        let names = allCases.map(\.rawValue)
        throw CommandFailure("unknown channel '\(text)'\(Suggestion.hint(for: text, among: names)); "
                              + "use \(names.joined(separator: ", "))")
    }
}

