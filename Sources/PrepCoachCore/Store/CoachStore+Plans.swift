import Foundation
import GRDB

extension CoachStore {
    /// Replaces the contact's plan with these questions, in order.
    @discardableResult
    public func setPlan(contactID: Int64, questions: [(questionID: String?, text: String, topic: String?, minutes: Int)])
        throws -> [PlanItem] {
        try database.write { db in
            try PlanItem.filter(Column("contactID") == contactID).deleteAll(db)
            return try questions.enumerated().map { position, question in
                var item = PlanItem(contactID: contactID, position: position, questionID: question.questionID,
                                    text: question.text, topic: question.topic, minutes: question.minutes)
                try item.insert(db)
                return item
            }
        }
    }

    /// Adds one question (yours or a bank's) before the plan's last item (its closing), or at the end.
    @discardableResult
    public func appendToPlan(contactID: Int64, questionID: String?, text: String, topic: String?, minutes: Int,
                             beforeLast: Bool) throws -> PlanItem {
        try database.write { db in
            let items = try PlanItem.filter(Column("contactID") == contactID).order(Column("position")).fetchAll(db)
            let position = beforeLast && !items.isEmpty ? items.count - 1 : items.count
            if beforeLast, var last = items.last {
                last.position = items.count
                try last.update(db)
            }
            var item = PlanItem(contactID: contactID, position: position, questionID: questionID, text: text,
                                topic: topic, minutes: minutes)
            try item.insert(db)
            return item
        }
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
