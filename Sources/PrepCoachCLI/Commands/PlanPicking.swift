import Foundation
import PrepCoachCore

/// Picks a plan as `pick` does, leaving out questions a lint rule flags: for `pick`, for `call` when the
/// contact has no plan yet, and for `pick` inside a call, which picks the rest again for the minutes left.
struct PlanPicking {
    let context: CommandContext
    let banks: Banks
    var allowFlagged = false

    func pick(_ request: PlanRequest) throws -> Plan {
        let unflagged = UnflaggedQuestions(verdicts: context.lintVerdicts(for: banks)) {
            try context.ruleEngine(for: banks)
        }
        let plan: Plan
        do {
            plan = try QuestionPicker(banks: banks).pick(request) { allowFlagged || unflagged.contains($0) }
        } catch {
            guard case let .referralsNotAllowed(ids) = error else { throw error }
            let engine = try context.ruleEngine(for: banks)
            let rules = Set(ids.compactMap { banks.question(id: $0) }.flatMap { engine.lint($0.text).map(\.rule.id) })
            throw CommandFailure("rules excluded every referral question that fits (\(ids.joined(separator: ", "))): "
                + "flagged by \(rules.sorted().joined(separator: ", ")); switch those rules off in the config "
                + "or pass --allow-flagged")
        }
        try unflagged.finish()
        return plan
    }

    /// The plan's questions as a contact's plan items, in order.
    static func items(_ plan: Plan, contactID: Int64) -> [PlanItem] {
        plan.questions.map {
            PlanItem(contactID: contactID, position: 0, questionID: $0.id, text: $0.text, topic: $0.topic, minutes: $0.minutes)
        }
    }
}
