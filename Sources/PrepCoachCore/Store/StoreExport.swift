import Foundation
import GRDB

/// Everything in the store, as one JSON document: `prepcoach export` writes it,
/// `prepcoach import` reads it back into an empty database, ids and all.
public struct StoreExport: Codable, Sendable, Equatable {
    public static let formatName = "prepcoach-export"
    /// Raised when a table or field is added, so an older prepcoach refuses what it cannot keep.
    public static let currentVersion = 2

    public var format = formatName
    public var version = currentVersion
    public var contacts: [Contact] = []
    public var researchNotes: [ResearchNote] = []
    public var planItems: [PlanItem] = []
    public var readinessAnswers: [ReadinessAnswer] = []
    public var calls: [Call] = []
    public var callEvents: [CallEvent] = []
    public var interactions: [Interaction] = []
    public var followUpTasks: [FollowUpTask] = []
    public var rehearsals: [Rehearsal] = []
    /// The meeting length each plan was picked for (version 2; absent from version 1 exports).
    /// The undo history of plans is not exported: it only undoes edits made on this machine.
    public var planLengths: [PlanLength]? = []

    public init() {}

    /// Pretty, sorted keys, dates in ISO 8601 with milliseconds: the same data always gives the same bytes.
    public static func json(_ export: StoreExport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(dateFormatter().string(from: date))
        }
        return try encoder.encode(export) + Data("\n".utf8)
    }

    /// Reads an export, or says in one line why it cannot be one (with where in the file).
    public static func read(_ data: Data, source: String) throws -> StoreExport {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            // Without fractional seconds is ISO 8601 too (what other tools write).
        guard let date = dateFormatter().date(from: text) ?? ISO8601DateFormatter().date(from: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                        debugDescription: "'\(text.prefix(40))' is not an ISO 8601 date"))
            }
            return date
        }
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch {
            throw StoreError("\(source) is not a prepcoach export (\(Self.describe(error, in: data)))")
        }
        guard header.format == formatName else {
            throw StoreError("\(source) is not a prepcoach export (its format is '\(header.format.prefix(40))')")
        }
        guard header.version <= currentVersion else {
            throw StoreError("\(source) was exported by a newer prepcoach (format version \(header.version), "
                             + "this one reads up to \(currentVersion)): upgrade prepcoach to import it")
        }
        do {
            return try decoder.decode(StoreExport.self, from: data)
        } catch {
            throw StoreError("\(source) is not a valid prepcoach export (\(Self.describe(error, in: data)))")
        }
    }

    private struct Header: Decodable {
        let format: String
        let version: Int
    }

    private static func dateFormatter() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }

    /// "contacts[2].name: missing" rather than a DecodingError dump.
    private static func describe(_ error: any Error, in data: Data) -> String {
        func place(_ path: [any CodingKey]) -> String {
            let text = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : text
        }
        switch error {
        case let DecodingError.keyNotFound(key, context):
            return "\(place(context.codingPath + [key])): missing"
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            return "\(place(context.codingPath)): \(context.debugDescription)"
        case let DecodingError.dataCorrupted(context):
            // Foundation says only "not valid JSON" about valid JSON holding a number no Int can hold.
            if context.codingPath.isEmpty, let json = try? JSONSerialization.jsonObject(with: data),
               let (path, number) = firstNumberNotAWholeNumber(in: json, at: "") {
                return "\(path.dropFirst()): \(number) is not a whole number prepcoach can store"
            }
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            let at = context.codingPath.isEmpty ? "" : "\(place(context.codingPath)): "
            return at + (underlying ?? context.debugDescription)
        default:
            return "\(error)"
        }
    }

    /// Where in a parsed JSON document the first fraction or out-of-range number is (".calls[0].id"), and it.
    private static func firstNumberNotAWholeNumber(in value: Any, at path: String) -> (String, String)? {
        switch value {
        case is Int, is Bool:
            return nil
        case let number as Double:
            return number.rounded() == number && abs(number) < 0x1p63 ? nil : (path, "\(number)")
        case let object as [String: Any]:
            return object.keys.sorted().lazy.compactMap { firstNumberNotAWholeNumber(in: object[$0]!, at: "\(path).\($0)") }.first
        case let array as [Any]:
            return array.indices.lazy.compactMap { firstNumberNotAWholeNumber(in: array[$0], at: "\(path)[\($0)]") }.first
        default:
            return nil
        }
    }
}

extension CoachStore {
    /// Every row of every table, in id order.
    public func exportAll() throws -> StoreExport {
        try database.read { db in
            var export = StoreExport()
            export.contacts = try Contact.order(Column("id")).fetchAll(db)
            export.researchNotes = try ResearchNote.order(Column("id")).fetchAll(db)
            export.planItems = try PlanItem.order(Column("id")).fetchAll(db)
            export.readinessAnswers = try ReadinessAnswer.order(Column("contactID"), Column("checkID")).fetchAll(db)
            export.calls = try Call.order(Column("id")).fetchAll(db)
            export.callEvents = try CallEvent.order(Column("id")).fetchAll(db)
            export.interactions = try Interaction.order(Column("id")).fetchAll(db)
            export.followUpTasks = try FollowUpTask.order(Column("id")).fetchAll(db)
            export.rehearsals = try Rehearsal.order(Column("id")).fetchAll(db)
            export.planLengths = try PlanLength.order(Column("contactID")).fetchAll(db)
            return export
        }
    }

    /// Loads an export into this database, which must be empty (merging two
    /// histories could silently pair the wrong people's notes). All or nothing.
    public func importAll(_ export: StoreExport) throws {
        // The same limits as typing them: an edited export cannot bring in a 10 MB name.
        do { try export.validate() } catch let error as StoreError {
            throw StoreError("\(error.description); nothing was imported")
        }
        try database.write { db in
            let tables = ["contact", "researchNote", "planItem", "readinessAnswer", "call", "callEvent", "interaction",
                          "followUpTask", "rehearsal", "planLength"]
            let rows = try tables.reduce(0) { $0 + (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($1)") ?? 0) }
            guard rows == 0 else {
                throw StoreError("the database \(path) already holds data: import into a new one "
                                 + "(prepcoach --db NEW.sqlite import FILE), or back up and move this one away first")
            }
            // Rows may refer to later ones (a referral to its referrer): check references at commit.
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            do {
                for var row in export.contacts { try row.insert(db) }
                for var row in export.researchNotes { try row.insert(db) }
                for var row in export.planItems { try row.insert(db) }
                for row in export.readinessAnswers { try row.insert(db) }
                for var row in export.calls { try row.insert(db) }
                for var row in export.callEvents { try row.insert(db) }
                for var row in export.interactions { try row.insert(db) }
                for var row in export.followUpTasks { try row.insert(db) }
                for var row in export.rehearsals { try row.insert(db) }
                for row in export.planLengths ?? [] { try row.insert(db) }
                try db.checkForeignKeys()
            } catch let error as DatabaseError {
                throw StoreError("the export does not fit together (\(error.message ?? "\(error.resultCode)")); "
                                 + "nothing was imported")
            }
        }
    }
}
