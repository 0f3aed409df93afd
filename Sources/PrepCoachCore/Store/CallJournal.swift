import Foundation
import GRDB

/// Call events the database would not take (another process holding it, a full disk):
/// held in memory and in a file beside the database, one JSON line each, until it
/// takes them. A note typed in a call is never lost to a busy database, and a
/// process killed meanwhile leaves them in the file for the next `call` to write.
public final class CallJournal {
    /// `prepcoach.sqlite.unsaved-call-notes`, beside the database, 0600.
    public let path: String
    public private(set) var held: [CallEvent]

    public init(store: CoachStore) {
        path = store.path + ".unsaved-call-notes"
        held = Self.read(path)
    }

    /// Holds an event; false when it could not reach the file either (then it is in memory only).
    @discardableResult
    public func hold(_ event: CallEvent) -> Bool {
        held.append(event)
        return Self.append(event, to: path)
    }

    /// Writes every held event in one transaction, waiting at most `seconds` for the
    /// database, then forgets them; returns how many were written. Throws (keeping
    /// them) while the database still refuses.
    @discardableResult
    public func write(into store: CoachStore, waitingAtMost seconds: Double) throws -> Int {
        guard !held.isEmpty else { return 0 }
        try store.record(held, waitingAtMost: seconds)
        let written = held.count
        held = []
        unlink(path)
        return written
    }

    private static func append(_ event: CallEvent, to path: String) -> Bool {
        guard var line = try? JSONEncoder.journal.encode(event) else { return false }
        line.append(UInt8(ascii: "\n"))
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let written = line.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        return written == line.count && fsync(descriptor) == 0
    }

    /// The held events of an earlier run; a line cut short by a crash is skipped.
    private static func read(_ path: String) -> [CallEvent] {
        guard FileStatus(path: path) == .file, let data = FileManager.default.contents(atPath: path) else { return [] }
        return data.split(separator: UInt8(ascii: "\n")).compactMap {
            try? JSONDecoder.journal.decode(CallEvent.self, from: Data($0))
        }
    }
}

extension CoachStore {
    /// Writes call events in one transaction, waiting at most `seconds` for another
    /// process's lock: a call cannot stop for the usual 10 seconds on every note.
    public func record(_ events: [CallEvent], waitingAtMost seconds: Double) throws {
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA busy_timeout = \(Int(seconds * 1000))")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Self.busyTimeoutSeconds * 1000)") }
            try db.inTransaction(.immediate) {
                // A call removed meanwhile (its person forgotten) takes its notes with it.
                for var event in events {
                    guard try Call.exists(db, key: event.callID) else { continue }
                    event.id = nil
                    try event.insert(db)
                }
                return .commit
            }
        }
    }
}

private extension JSONEncoder {
    static var journal: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        return encoder
    }
}

private extension JSONDecoder {
    static var journal: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }
}
