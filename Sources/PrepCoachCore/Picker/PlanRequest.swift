/// What the user asks `pick` for.
public struct PlanRequest: Sendable, Hashable {
    public static let defaultMeetingMinutes = 30
    /// Time kept for your introduction at the start and the thank-you at the end.
    public static let defaultReservedMinutes = 5

    public var stage: String
    public var industry: String
    /// The contact's role family, employment, organisation size and seniority, where known.
    public var person: PersonFacts
    /// Topics to draw from; empty means all. The opening, closing and referral question are always added.
    public var topics: [String]
    /// The length of the meeting you asked for; the seeds say keep it under 30 minutes.
    public var meetingMinutes: Int
    public var reservedMinutes: Int
    /// At most this many questions, the referral question included.
    public var maxCount: Int?
    public var seed: UInt64
    /// Questions not to pick: already asked of this person, or flagged by a rule.
    public var excludedIDs: Set<String>

    public init(stage: String, industry: String, person: PersonFacts = PersonFacts(), topics: [String] = [],
                meetingMinutes: Int = defaultMeetingMinutes, reservedMinutes: Int = defaultReservedMinutes,
                maxCount: Int? = nil, seed: UInt64 = 0, excludedIDs: Set<String> = []) {
        self.stage = stage
        self.industry = industry
        self.person = person
        self.topics = topics
        self.meetingMinutes = meetingMinutes
        self.reservedMinutes = reservedMinutes
        self.maxCount = maxCount
        self.seed = seed
        self.excludedIDs = excludedIDs
    }

    /// Minutes the questions may fill.
    public var questionMinutes: Int { meetingMinutes - reservedMinutes }
}

/// An ordered list of questions for one conversation.
public struct Plan: Sendable, Hashable {
    public let request: PlanRequest
    /// In conversation order: an opening, …, the referral question, a closing.
    public let questions: [Question]

    public var totalMinutes: Int { questions.reduce(0) { $0 + $1.minutes } }
}

public enum PickError: Error, Sendable, Equatable, CustomStringConvertible {
    case budgetTooSmall(meeting: Int, reserved: Int)
    case noReferralQuestion(stage: String, industry: String)
    case referralDoesNotFit(minutes: Int, budget: Int)
    /// Every referral question that fits was refused by the caller's check (the lint rules).
    case referralsNotAllowed(questionIDs: [String])

    public var description: String {
        switch self {
        case let .budgetTooSmall(meeting, reserved):
            "\(meeting.indefiniteArticle) \(meeting)-minute meeting leaves no time for questions after the \(reserved.counted("minute")) kept for "
                + "introductions and thanks; ask for more minutes"
        case let .noReferralQuestion(stage, industry):
            "no referral question suits stage '\(stage)' and industry '\(industry)'; "
                + "add one with `referral: true` to a bank"
        case let .referralDoesNotFit(minutes, budget):
            "the shortest referral question takes \(minutes.counted("minute")), more than the \(budget.counted("minute")) left for questions"
        case let .referralsNotAllowed(ids):
            "every referral question that fits was excluded: \(ids.joined(separator: ", "))"
        }
    }
}
