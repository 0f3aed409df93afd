import Foundation

/// Where one contact stands on the way from first request to the quarterly
/// check-in, and so what to do next. Worked out from the store; the CLI words it.
public struct ContactProgress: Sendable {
    /// In the order a conversation goes.
    public enum Stage: String, Sendable, Codable, CaseIterable {
        /// Someone referred you to them and you have not reached out yet.
        case referralToContact = "referral-to-contact"
        case toRequest = "to-request"
        case requestSent = "request-sent"
        /// A plan or readiness answers exist: getting ready for the call.
        case preparing
        case callOpen = "call-open"
        /// The call ended but was not wrapped: the thank-you clock (24 h from the end) runs anyway.
        case toWrap = "to-wrap"
        /// Wrapped; the thank-you is not sent yet.
        case toThank = "to-thank"
        /// Thanked; next is the quarterly check-in.
        case thanked
    }

    public let contact: Contact
    public let stage: Stage
    /// Who referred you, for a referral.
    public let referrer: Contact?
    /// When the thank-you is due (to wrap, to thank), else the next check-in (once you have been in touch).
    public let due: Date?
    public let lastContact: Date?
    /// Open to-dos and tell-the-referrer tasks for this contact.
    public let openTasks: [FollowUpTask]
    /// Whether `request --sent` recorded asking them for a conversation (a plan may come first).
    public let requestSent: Bool

    /// Everyone's progress, the most pressing first (earliest in the journey with a due date, then by due date).
    public static func all(in store: CoachStore, schedule: FollowUpSchedule = FollowUpSchedule()) throws -> [ContactProgress] {
        let contacts = try store.contacts()
        let byID = Dictionary(uniqueKeysWithValues: contacts.compactMap { contact in contact.id.map { ($0, contact) } })
        let lastContact = try store.lastContactDates()
        // One read of each table, not a query per contact: 10,000 contacts took seconds.
        let journeys = try store.journeys()
        return contacts.map { contact in
            let id = contact.id!
            let calls = journeys.calls[id] ?? []
            let tasks = journeys.tasks[id] ?? []
            let interactions = journeys.interactions[id] ?? []
            let preparing = journeys.preparing.contains(id)
            let last = lastContact[id]
            let lastEnded = calls.last { $0.endedAt != nil }
            let thankYou = lastEnded.flatMap { call in tasks.last { $0.kind == .thankYou && $0.callID == call.id } }
            let stage: Stage
            var due: Date? = last.map(schedule.nextCheckIn(after:))
            if calls.contains(where: { $0.endedAt == nil }) {
                stage = .callOpen
            } else if let lastEnded, thankYou == nil {
                stage = .toWrap
                due = schedule.thankYouDue(afterCallEndingAt: lastEnded.endedAt!)
            } else if let thankYou, thankYou.doneAt == nil {
                stage = .toThank
                due = thankYou.dueAt
            } else if thankYou != nil {
                stage = .thanked
            } else if preparing {
                stage = .preparing
            } else if interactions.contains(where: { $0.kind == .request }) {
                stage = .requestSent
            } else {
                stage = contact.referredByID != nil && interactions.isEmpty ? .referralToContact : .toRequest
            }
            return ContactProgress(contact: contact, stage: stage, referrer: contact.referredByID.flatMap { byID[$0] },
                                   due: due, lastContact: last,
                                   openTasks: tasks.filter { $0.doneAt == nil && $0.kind != .thankYou },
                                   requestSent: interactions.contains { $0.kind == .request })
        }
        .sorted { ($0.urgency, $0.due ?? .distantFuture) < ($1.urgency, $1.due ?? .distantFuture) }
    }

    /// Things with a clock first (an open call, a thank-you), then the rest in journey order.
    private var urgency: Int {
        switch stage {
        case .callOpen: 0
        case .toWrap: 1
        case .toThank: 2
        case .referralToContact: 3
        case .toRequest: 4
        case .requestSent: 5
        case .preparing: 6
        case .thanked: 7
        }
    }
}
