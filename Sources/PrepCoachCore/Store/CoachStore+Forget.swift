import Foundation
import GRDB

/// What `contact remove` deleted, for its confirmation message.
public struct ContactRemoval: Sendable, Equatable {
    public var planItems = 0
    public var calls = 0
    public var callNotes = 0
    public var tasks = 0
    public var readinessAnswers = 0
    /// Contacts they referred you to, who keep their place but lose the link.
    public var unlinkedReferrals = 0
}

extension CoachStore {
    /// Forgets a person: the contact and, through the schema's cascades, their plan,
    /// readiness answers, calls and notes, contact log, follow-ups and rehearsals.
    /// Contacts they referred you to stay, without the link or the reminder to tell them.
    @discardableResult
    public func remove(_ contact: Contact) throws -> ContactRemoval {
        guard let id = contact.id else { return ContactRemoval() }
        return try database.write { db in
            func count(_ table: String, _ condition: String = "contactID = ?") throws -> Int {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(condition)", arguments: [id]) ?? 0
            }
            var removal = ContactRemoval()
            removal.planItems = try count("planItem")
            removal.calls = try count("call")
            removal.callNotes = try count("callEvent", "callID IN (SELECT id FROM call WHERE contactID = ?)")
            removal.tasks = try count("followUpTask")
            removal.readinessAnswers = try count("readinessAnswer")
            removal.unlinkedReferrals = try count("contact", "referredByID = ?")
            try db.execute(sql: """
                DELETE FROM followUpTask WHERE kind = ? AND contactID IN (SELECT id FROM contact WHERE referredByID = ?)
                """, arguments: [FollowUpTask.Kind.tellReferrer.rawValue, id])
            try db.execute(sql: """
                UPDATE contact SET howKnown = NULL, mayUseReferrerName = NULL, referredByID = NULL
                WHERE referredByID = ? AND howKnown = ?
                """, arguments: [id, Self.referredBy(contact.name)])
            try db.execute(sql: "UPDATE contact SET mayUseReferrerName = NULL, referredByID = NULL WHERE referredByID = ?",
                           arguments: [id])
            _ = try Contact.deleteOne(db, key: id)
            return removal
        }
    }

    /// Renames a contact; the name must not belong to someone else (in any case).
    public func rename(_ contact: Contact, to newName: String) throws {
        guard let id = contact.id else { return }
        try SingleLineFields.checkName(newName)
        try database.write { db in
            if let other = try Contact.filter(Column("name").collating(.nocase) == newName).fetchOne(db), other.id != id {
                throw StoreError("a contact named '\(other.name)' already exists; choose another name")
            }
            try db.execute(sql: "UPDATE contact SET name = ? WHERE id = ?", arguments: [newName, id])
            try db.execute(sql: "UPDATE contact SET howKnown = ? WHERE referredByID = ? AND howKnown = ?",
                           arguments: [Self.referredBy(newName), id, Self.referredBy(contact.name)])
        }
    }

    /// How a referred contact is known, as `addReferral` writes it.
    static func referredBy(_ name: String) -> String { "referred by \(name)" }

    /// Deletes research notes: one (by id) or all of a company's; returns how many went.
    @discardableResult
    public func removeResearch(company: String, noteID: Int64? = nil) throws -> Int {
        try database.write { db in
            var request = ResearchNote.filter(Column("company").collating(.nocase) == company)
            if let noteID { request = request.filter(Column("id") == noteID) }
            return try request.deleteAll(db)
        }
    }
}

/// The files `wrap` wrote about a contact in a summaries folder, whatever they were
/// called then: named for one of their calls (`…-call7.md`, `…-call7-2.md`,
/// `…-call7-follow-up.ics`: a name they had before `contact rename` is in the file
/// name and title, the call's id is not), or recognised by their content (the
/// summary's title, the calendar's event ids).
public enum SummaryFiles {
    public static func about(_ contact: Contact, calls: [Int64], in folder: URL) -> [URL] {
        guard let id = contact.id,
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        let title = "# Informational interview with \(MarkdownText.escaped(contact.name))\n"
        let calendarID = "UID:check-in-\(id)-"
        return names.sorted().filter { name in
            let file = folder.appendingPathComponent(name)
            guard FileStatus(path: file.path) == .file else { return false }
            if calls.contains(where: { isNamed(name, forCall: $0) }) { return true }
            guard let handle = try? FileHandle(forReadingFrom: file) else { return false }
            defer { try? handle.close() }
            let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
            return file.pathExtension == "ics" ? head.contains(calendarID) : head.hasPrefix(title)
        }.map { folder.appendingPathComponent($0) }
    }

    /// `…-call7.md`, `…-call7-2.md`, `…-call7-follow-up.ics`; not `…-call71.md`.
    private static func isNamed(_ name: String, forCall call: Int64) -> Bool {
        guard let range = name.range(of: "-call\(call)", options: .backwards) else { return false }
        return [".", "-"].contains(name[range.upperBound...].first.map(String.init) ?? "")
    }
}
