import PrepCoachCore

/// Asks, at a terminal only, what the contact's role and company did not make
/// clear: their role family, whether they own the business, its size, their
/// seniority. Enter skips one; a script leaves them unknown.
struct PersonQuestions {
    let context: CommandContext
    let vocabulary: TagVocabulary

    func askUnknown(about contact: inout Contact) throws {
        guard context.isInteractive else { return }
        // An owner runs the business: "how senior?" has no answer a founder would recognise.
        for kind in TagKind.personal where contact.person[kind] == nil
            && !(kind == .seniority && contact.person.employment == "owner") {
            let choices = kind == .roleFamily ? contact.industry.map(vocabulary.roleFamilies(of:)) ?? []
                : vocabulary.tags(kind)
            guard !choices.isEmpty else { continue }
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

    private static let question: [TagKind: String] = [
        .seniority: "how senior are they?", .roleFamily: "what do they do there?",
        .employment: "do they own or run the business, or work for an employer?", .size: "how big is the organisation?",
    ]
}
