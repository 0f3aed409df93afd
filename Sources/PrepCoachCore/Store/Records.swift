import Foundation
import GRDB

/// How a conversation happens; the seeds prefer in person, and warn that a
/// phone contact may want to talk right away.
public enum Channel: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case phone, video
    case inPerson = "in-person"
}

/// Someone you talk to (or want to).
public struct Contact: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "contact"
    public var id: Int64?
    public var name: String
    public var role: String?
    public var company: String?
    public var industry: String?
    /// How you know them: "alumni network", "my sister's colleague".
    public var howKnown: String?
    public var channel: Channel?
    /// Your career stage for this conversation, used to pick questions.
    public var stage: String?
    /// The contact who referred you to this one, if any.
    public var referredByID: Int64?
    /// Whether the referrer said you may use their name when you reach out.
    public var mayUseReferrerName: Bool?
    public var createdAt: Date
    /// What they do within their industry, whether they own the business, its
    /// size and their seniority (`tags.yaml` ids); nil while unknown.
    public var roleFamily: String?
    public var employment: String?
    public var orgSize: String?
    public var seniority: String?

    public init(name: String, role: String? = nil, company: String? = nil, industry: String? = nil,
                howKnown: String? = nil, channel: Channel? = nil, stage: String? = nil,
                referredByID: Int64? = nil, mayUseReferrerName: Bool? = nil, createdAt: Date) {
        self.name = name
        self.role = role
        self.company = company
        self.industry = industry
        self.howKnown = howKnown
        self.channel = channel
        self.stage = stage
        self.referredByID = referredByID
        self.mayUseReferrerName = mayUseReferrerName
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The facts a plan is fitted to.
    public var person: PersonFacts {
        get { PersonFacts(roleFamily: roleFamily, employment: employment, size: orgSize, seniority: seniority) }
        set { (roleFamily, employment, orgSize, seniority) = (newValue.roleFamily, newValue.employment, newValue.size,
                                                              newValue.seniority) }
    }
}

/// Something you already know about a company, so you do not ask it.
public struct ResearchNote: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "researchNote"
    public var id: Int64?
    public var company: String
    public var text: String
    public var createdAt: Date

    public init(company: String, text: String, createdAt: Date) {
        self.company = company
        self.text = text
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One question in a contact's plan: from a bank (`questionID`) or your own.
public struct PlanItem: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "planItem"
    public var id: Int64?
    public var contactID: Int64
    public var position: Int
    public var questionID: String?
    public var text: String
    public var topic: String?
    public var minutes: Int

    public init(contactID: Int64, position: Int, questionID: String?, text: String, topic: String?, minutes: Int) {
        self.contactID = contactID
        self.position = position
        self.questionID = questionID
        self.text = text
        self.topic = topic
        self.minutes = minutes
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// An answer to one readiness check, kept so `prep` can be resumed.
public struct ReadinessAnswer: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "readinessAnswer"
    public var contactID: Int64
    public var checkID: String
    public var ready: Bool
    public var note: String?
    public var answeredAt: Date

    public init(contactID: Int64, checkID: String, ready: Bool, note: String?, answeredAt: Date) {
        self.contactID = contactID
        self.checkID = checkID
        self.ready = ready
        self.note = note
        self.answeredAt = answeredAt
    }
}

/// A held (or ongoing) conversation.
public struct Call: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "call"
    public var id: Int64?
    public var contactID: Int64
    public var startedAt: Date
    public var endedAt: Date?
    /// The minutes you promised; the clock counts down from it.
    public var promisedMinutes: Int

    public init(contactID: Int64, startedAt: Date, promisedMinutes: Int) {
        self.contactID = contactID
        self.startedAt = startedAt
        self.promisedMinutes = promisedMinutes
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Everything that happens during a call, in order, each written as it happens.
public struct CallEvent: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public enum Kind: String, Codable, Sendable, DatabaseValueConvertible {
        case asked, skipped, note, referral, todo
    }

    public static let databaseTableName = "callEvent"
    public var id: Int64?
    public var callID: Int64
    public var kind: Kind
    /// The plan question it concerns: asked/skipped, or the one being discussed when a note was typed.
    public var planItemID: Int64?
    public var text: String
    public var at: Date

    public init(callID: Int64, kind: Kind, planItemID: Int64?, text: String, at: Date) {
        self.callID = callID
        self.kind = kind
        self.planItemID = planItemID
        self.text = text
        self.at = at
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A time you were in touch; the next check-in counts from the latest one.
public struct Interaction: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public enum Kind: String, Codable, Sendable, DatabaseValueConvertible {
        case call, thankYouSent = "thank-you-sent", log, request
    }

    public static let databaseTableName = "interaction"
    public var id: Int64?
    public var contactID: Int64
    public var kind: Kind
    public var text: String
    public var at: Date

    public init(contactID: Int64, kind: Kind, text: String, at: Date) {
        self.contactID = contactID
        self.kind = kind
        self.text = text
        self.at = at
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Something to do after a call: the thank-you, advice to act on, telling a referrer how it went.
public struct FollowUpTask: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public enum Kind: String, Codable, Sendable, DatabaseValueConvertible {
        case thankYou = "thank-you", todo, tellReferrer = "tell-referrer"
    }

    public static let databaseTableName = "followUpTask"
    public var id: Int64?
    public var contactID: Int64
    public var callID: Int64?
    public var kind: Kind
    public var text: String
    public var dueAt: Date?
    public var doneAt: Date?

    public init(contactID: Int64, callID: Int64?, kind: Kind, text: String, dueAt: Date?) {
        self.contactID = contactID
        self.callID = callID
        self.kind = kind
        self.text = text
        self.dueAt = dueAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One timed run through a plan, said aloud.
public struct Rehearsal: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "rehearsal"
    public var id: Int64?
    public var contactID: Int64
    public var at: Date
    public var seconds: Int
    public var budgetSeconds: Int
    /// The time of each part: the introduction, the answers said aloud, your questions (nil in runs from
    /// before the parts were kept).
    public var introSeconds: Int?
    public var answersSeconds: Int?
    public var questionsSeconds: Int?

    public init(contactID: Int64, at: Date, seconds: Int, budgetSeconds: Int, introSeconds: Int? = nil,
                answersSeconds: Int? = nil, questionsSeconds: Int? = nil) {
        self.contactID = contactID
        self.at = at
        self.seconds = seconds
        self.budgetSeconds = budgetSeconds
        self.introSeconds = introSeconds
        self.answersSeconds = answersSeconds
        self.questionsSeconds = questionsSeconds
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

// MARK: Numbers read back within range (see StoredValue)

extension PlanItem {
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(contactID: try values.decode(Int64.self, forKey: .contactID),
                  position: StoredValue.clamped(try values.decode(Int.self, forKey: .position), to: StoredValue.position),
                  questionID: try values.decodeIfPresent(String.self, forKey: .questionID),
                  text: try values.decode(String.self, forKey: .text),
                  topic: try values.decodeIfPresent(String.self, forKey: .topic),
                  minutes: StoredValue.clamped(try values.decode(Int.self, forKey: .minutes), to: StoredValue.minutes))
        id = try values.decodeIfPresent(Int64.self, forKey: .id)
    }
}

extension Call {
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(contactID: try values.decode(Int64.self, forKey: .contactID),
                  startedAt: try values.decode(Date.self, forKey: .startedAt),
                  promisedMinutes: StoredValue.clamped(try values.decode(Int.self, forKey: .promisedMinutes),
                                                       to: StoredValue.minutes))
        id = try values.decodeIfPresent(Int64.self, forKey: .id)
        endedAt = try values.decodeIfPresent(Date.self, forKey: .endedAt)
    }
}

extension Rehearsal {
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(contactID: try values.decode(Int64.self, forKey: .contactID), at: try values.decode(Date.self, forKey: .at),
                  seconds: StoredValue.clamped(try values.decode(Int.self, forKey: .seconds), to: StoredValue.seconds),
                  budgetSeconds: StoredValue.clamped(try values.decode(Int.self, forKey: .budgetSeconds),
                                                     to: StoredValue.seconds))
        id = try values.decodeIfPresent(Int64.self, forKey: .id)
        let part = { (key: CodingKeys) throws in
            try values.decodeIfPresent(Int.self, forKey: key).map { StoredValue.clamped($0, to: StoredValue.seconds) }
        }
        introSeconds = try part(.introSeconds)
        answersSeconds = try part(.answersSeconds)
        questionsSeconds = try part(.questionsSeconds)
    }
}
