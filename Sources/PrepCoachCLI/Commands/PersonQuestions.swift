import PrepCoachCore

/// Asks, at a terminal only, what the contact's role and company did not make
/// clear: their role family, whether they own the business, its size, their
/// seniority. Enter skips one; a script leaves them unknown.
struct PersonQuestions {
    let context: CommandContext
    let vocabulary: TagVocabulary

    func askUnknown(about contact: inout Contact) throws {
        guard context.isInteractive else { return }
        for (kind, choices) in unknown(about: contact) {
            let ids = choices.map(\.id)
            let prompt = "\(contact.name): \(Self.question[kind] ?? kind.rawValue) "
                + "(\(ids.joined(separator: ", ")); Enter to skip) "
            while true {
                guard case let .line(answer) = try context.ask(prompt, completions: ids) else { return }
                guard let text = answer.nonEmpty else { break }
                let id = kind == .roleFamily ? vocabulary.resolveRoleFamily(text, industry: contact.industry)
                    : vocabulary.resolve(kind, text)
                if let id, ids.contains(id) {
                    contact.person[kind] = id
                    break
                }
                context.console.warning("'\(text)' is not one of \(ids.joined(separator: ", "))"
                                        + Suggestion.hint(for: text, among: ids))
            }
        }
    }

    /// Says what the role and company left unknown, and how to set it: a script is never asked.
    func reportUnknown(about contact: Contact) {
        let kinds = unknown(about: contact).map(\.kind)
        guard !kinds.isEmpty, !context.isInteractive else { return }
        let name = contact.commandArgument
        context.console.line("Not clear from the role and company: "
                             + kinds.map { Self.noun[$0] ?? $0.rawValue }.joined(separator: ", ")
                             + ". Set with `contact edit \(name) "
                             + kinds.map { Self.option[$0] ?? "" }.joined(separator: " ") + "`.")
    }

    /// The facts still unknown that have choices to pick from, in the order they are asked.
    private func unknown(about contact: Contact) -> [(kind: TagKind, choices: [Tag])] {
        // An owner runs the business: "how senior?" has no answer a founder would recognise.
        TagKind.personal.compactMap { kind in
            guard contact.person[kind] == nil, !(kind == .seniority && contact.person.employment == "owner") else {
                return nil
            }
            let choices = kind == .roleFamily ? contact.industry.map(vocabulary.roleFamilies(of:)) ?? []
                : vocabulary.tags(kind)
            return choices.isEmpty ? nil : (kind, choices)
        }
    }

    private static let noun: [TagKind: String] = [
        .seniority: "seniority", .roleFamily: "role family", .employment: "owner or employee", .size: "size",
    ]

    private static let option: [TagKind: String] = [
        .seniority: "--seniority …", .roleFamily: "--role-family …", .employment: "--owner|--employee",
        .size: "--size …",
    ]

    private static let question: [TagKind: String] = [
        .seniority: "how senior are they?", .roleFamily: "what do they do there?",
        .employment: "do they own or run the business, or work for an employer?", .size: "how big is the organisation?",
    ]
}
