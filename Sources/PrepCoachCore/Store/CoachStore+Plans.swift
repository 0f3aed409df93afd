import Foundation
import GRDB

extension CoachStore {
    /// Replaces the contact's plan with these questions, in order (undoable like any plan change).
    @discardableResult
    public func setPlan(contactID: Int64, questions: [(questionID: String?, text: String, topic: String?, minutes: Int)],
                        at date: Date = Date()) throws -> [PlanItem] {
        try savePlan(contactID: contactID, items: questions.map {
            PlanItem(contactID: contactID, position: 0, questionID: $0.questionID, text: $0.text, topic: $0.topic,
                     minutes: $0.minutes)
        }, change: "new plan", at: date)
    }

    public func plan(contactID: Int64) throws -> [PlanItem] {
        try database.read { try PlanItem.filter(Column("contactID") == contactID).order(Column("position")).fetchAll($0) }
    }

    // MARK: Readiness

    public func save(_ answer: ReadinessAnswer) throws {
        try database.write { try answer.save($0) }
    }

    public func readiness(contactID: Int64) throws -> [String: ReadinessAnswer] {
        let answers = try database.read { try ReadinessAnswer.filter(Column("contactID") == contactID).fetchAll($0) }
        return Dictionary(answers.map { ($0.checkID, $0) }) { _, latest in latest }
    }

    // MARK: Rehearsals

    @discardableResult
    public func add(_ rehearsal: Rehearsal) throws -> Rehearsal {
        try insert(rehearsal)
    }

    public func rehearsals(contactID: Int64) throws -> [Rehearsal] {
        try database.read { try Rehearsal.filter(Column("contactID") == contactID).order(Column("at")).fetchAll($0) }
    }
}
