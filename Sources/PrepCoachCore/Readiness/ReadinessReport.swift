/// Where a contact's preparation stands: each check passed or not, a score,
/// and what is left to do.
public struct ReadinessReport: Sendable {
    public struct Item: Sendable, Hashable {
        public let check: ReadinessCheck
        /// nil: an `ask` check not answered yet.
        public let passed: Bool?
        public let detail: String?
    }

    public let items: [Item]

    /// Passed checks out of all, as a whole percentage.
    public var score: Int {
        items.isEmpty ? 0 : items.count { $0.passed == true } * 100 / items.count
    }

    public var toDo: [Item] { items.filter { $0.passed != true } }

    /// What the computed checks need to know about the contact's plan.
    public struct Facts: Sendable {
        public var planMinutes: Int?
        public var flaggedPlanQuestions: [String]
        public var researchNoteCount: Int
        /// Other spellings of the company the notes were filed under ("Brightwave" for "Brightwave Software").
        public var researchFiledUnder: [String]
        public var meetingMinutes: Int

        public init(planMinutes: Int?, flaggedPlanQuestions: [String], researchNoteCount: Int,
                    researchFiledUnder: [String] = [], meetingMinutes: Int = 30) {
            self.planMinutes = planMinutes
            self.flaggedPlanQuestions = flaggedPlanQuestions
            self.researchNoteCount = researchNoteCount
            self.researchFiledUnder = researchFiledUnder
            self.meetingMinutes = meetingMinutes
        }
    }

    public init(checks: [ReadinessCheck], answers: [String: ReadinessAnswer], facts: Facts) {
        items = checks.map { check in
            switch check.kind {
            case .ask, .sentence:
                let answer = answers[check.id]
                return Item(check: check, passed: answer?.ready, detail: answer?.note)
            case let .computed(computation):
                let (passed, detail) = Self.compute(computation, facts)
                return Item(check: check, passed: passed, detail: detail)
            }
        }
    }

    private static func compute(_ computation: ReadinessCheck.Computation, _ facts: Facts) -> (Bool, String) {
        switch computation {
        case .planPicked:
            return facts.planMinutes.map { _ in (true, "plan ready") } ?? (false, "no plan yet")
        case .planClean:
            guard facts.planMinutes != nil else { return (false, "no plan yet") }
            let flagged = facts.flaggedPlanQuestions
            return flagged.isEmpty ? (true, "no flagged questions")
                : (false, "flagged: " + flagged.map { "\"\($0)\"" }.joined(separator: ", "))
        case .researchNotes:
            let filed = facts.researchFiledUnder.isEmpty ? ""
                : " (filed under " + facts.researchFiledUnder.joined(separator: ", ") + ")"
            return facts.researchNoteCount > 0 ? (true, facts.researchNoteCount.counted("note") + filed)
                : (false, "no research notes")
        case .planFits:
            guard let minutes = facts.planMinutes else { return (false, "no plan yet") }
            return (minutes < facts.meetingMinutes, "\(minutes) of \(facts.meetingMinutes.counted("minute"))")
        }
    }
}
