import Foundation
import GRDB

extension CoachStore {
    /// Inserts the new tasks and updates the changed ones in one transaction: all are saved or none.
    public func save(_ tasks: [FollowUpTask]) throws -> [FollowUpTask] {
        try database.write { db in
            try tasks.map { task in
                var saved = task
                try saved.save(db)
                return saved
            }
        }
    }

    public func task(id: Int64) throws -> FollowUpTask? {
        try database.read { try FollowUpTask.fetchOne($0, key: id) }
    }

    /// Undoes `complete`: the task is open again, and a thank-you no longer counts as sent.
    public func reopen(_ task: FollowUpTask) throws {
        try database.write { db in
            guard let doneAt = task.doneAt else { return }
            var open = task
            open.doneAt = nil
            try open.update(db)
            if task.kind == .thankYou {
                try Interaction.filter(Column("contactID") == task.contactID && Column("kind") == Interaction.Kind.thankYouSent
                    && Column("at") == doneAt).deleteAll(db)
            }
        }
    }
}
