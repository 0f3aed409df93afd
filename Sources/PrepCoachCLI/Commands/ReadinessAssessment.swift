import PrepCoachCore

/// Works out where a contact's preparation stands: the stored answers to the
/// asked checks plus what prepcoach can compute from the plan and research notes.
/// Shared by `prep` and `contact show`.
struct ReadinessAssessment {
    let context: CommandContext
    let store: CoachStore
    let banks: Banks

    func report(for contact: Contact) throws -> ReadinessReport {
        guard let id = contact.id else { throw CommandFailure("'\(contact.name)' is not saved yet") }
        return ReadinessReport(checks: banks.readinessChecks, answers: try store.readiness(contactID: id),
                               facts: try facts(for: contact, id: id))
    }

    private func facts(for contact: Contact, id: Int64) throws -> ReadinessReport.Facts {
        let plan = try store.plan(contactID: id)
        // Suggestions are style advice; only errors and warnings make a question unfit to ask.
        let flagged = try plan.map(\.text).filter { text in
            try context.lint(text, banks: banks, company: contact.company).contains { $0.rule.severity <= .warning }
        }
        let notes = try contact.company.map { try store.research(matching: $0) } ?? []
        // Notes filed under another spelling of the company say so, so you know which were used.
        let filedUnder = Set(notes.map(\.company)).filter { $0 != contact.company }.sorted()
        return ReadinessReport.Facts(planMinutes: plan.isEmpty ? nil : plan.reduce(0) { $0 + $1.minutes },
                                     flaggedPlanQuestions: flagged, researchNoteCount: notes.count,
                                     researchFiledUnder: filedUnder)
    }
}
