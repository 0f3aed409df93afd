import Foundation
import PrepCoachCore

/// Machine-readable output (`--json`): stable keys, sorted, pretty-printed.
enum JSONOutput {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

struct QuestionJSON: Encodable {
    let id, text, topic: String
    let stages, industries: [String]
    let minutes: Int
    let referral: Bool
    let followups: [String]
    /// What the question takes for granted about the person (`assumes:`).
    let assumes: [String]
    let source: String

    init(_ question: Question) {
        id = question.id
        text = question.text
        topic = question.topic
        stages = question.stages.names
        industries = question.industries.names
        minutes = question.minutes
        referral = question.isReferral
        followups = question.followups
        assumes = question.assumes.ids
        source = question.location.description
    }
}

struct PlanJSON: Encodable {
    let stage, industry: String
    /// Who the plan is for, where known.
    let roleFamily, employment, size, seniority: String?
    let topics: [String]
    let meetingMinutes, reservedMinutes, totalMinutes: Int
    let seed: UInt64
    let questions: [QuestionJSON]

    init(_ plan: Plan) {
        stage = plan.request.stage
        industry = plan.request.industry
        let person = plan.request.person
        (roleFamily, employment, size, seniority) = (person.roleFamily, person.employment, person.size, person.seniority)
        topics = plan.request.topics
        meetingMinutes = plan.request.meetingMinutes
        reservedMinutes = plan.request.reservedMinutes
        totalMinutes = plan.totalMinutes
        seed = plan.request.seed
        questions = plan.questions.map(QuestionJSON.init)
    }
}
