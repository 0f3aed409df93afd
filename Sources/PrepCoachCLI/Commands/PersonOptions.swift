import ArgumentParser
import PrepCoachCore

/// Who the contact is, beyond stage and industry: for `contact add/edit` and
/// `pick`. An option left out changes nothing; an empty value clears the field.
struct PersonOptions: ParsableArguments {
    @Option(help: "What they do within their industry, e.g. clinical (see `tags role-families`).")
    var roleFamily: String?
    @Flag(help: "They own or run the business.") var owner = false
    @Flag(help: "They work for an employer.") var employee = false
    @Option(help: "Their organisation's size: solo, small or large (see `tags sizes`).") var size: String?
    @Option(help: "Their seniority: junior, mid, senior or executive (see `tags seniority`).") var seniority: String?

    static let completion: [String: CompletionSource?] = [
        "--role-family": .tags(.roleFamily), "--owner": nil, "--employee": nil, "--size": .tags(.size),
        "--seniority": .tags(.seniority),
    ]

    func validate() throws {
        if owner && employee { throw ValidationError("--owner and --employee contradict each other; give one") }
    }

    var givenFields: [String] {
        [("role-family", roleFamily != nil), ("owner", owner), ("employee", employee), ("size", size != nil),
         ("seniority", seniority != nil)].filter(\.1).map(\.0)
    }

    /// The facts given (`.some(nil)` for a field cleared with an empty value), resolved through the vocabulary.
    func given(vocabulary: TagVocabulary, industry: String?) throws -> [TagKind: String?] {
        var facts: [TagKind: String?] = [:]
        // `updateValue`: assigning nil through the subscript would drop the key, not clear the field.
        if let roleFamily {
            facts.updateValue(try roleFamily.nonEmpty.map { try vocabulary.requireRoleFamily($0, industry: industry) },
                              forKey: .roleFamily)
        }
        if owner || employee { facts.updateValue(owner ? "owner" : "employee", forKey: .employment) }
        if let size { facts.updateValue(try size.nonEmpty.map { try vocabulary.require(.size, $0) }, forKey: .size) }
        if let seniority {
            facts.updateValue(try seniority.nonEmpty.map { try vocabulary.require(.seniority, $0) }, forKey: .seniority)
        }
        return facts
    }

    /// `facts` with the given fields set.
    func apply(to facts: PersonFacts, vocabulary: TagVocabulary, industry: String?) throws -> PersonFacts {
        var result = facts
        for (kind, value) in try given(vocabulary: vocabulary, industry: industry) { result[kind] = value }
        return result
    }
}

extension String {
    /// nil for an empty (or all-space) string: how an option clears a field.
    var nonEmpty: String? {
        let trimmed = trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
