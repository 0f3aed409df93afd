import PrepCoachCore

/// Whether a plan fits the minutes of a call, and which questions to skip when it
/// does not: never the opening or the referral question, the longest first, so as
/// few as possible go. Introductions and thanks take their minutes too, the ones
/// `pick` keeps free: a 20-minute plan does not fit a 20-minute call.
struct CallPlanFit {
    let planMinutes: Int
    let callMinutes: Int
    /// The call's minutes left for questions.
    let questionMinutes: Int
    /// Plan positions (0-based) to skip, in plan order.
    let skips: [Int]

    init(plan: [PlanItem], callMinutes: Int, reservedMinutes: Int = PlanRequest.defaultReservedMinutes,
         isReferral: (PlanItem) -> Bool) {
        self.callMinutes = callMinutes
        questionMinutes = max(callMinutes - reservedMinutes, 0)
        planMinutes = plan.reduce(0) { $0 &+ max($1.minutes, 0) }
        var over = planMinutes - questionMinutes
        var skips: [Int] = []
        let candidates = plan.indices.dropFirst().filter { !isReferral(plan[$0]) }
            .sorted { (plan[$0].minutes, $0) > (plan[$1].minutes, $1) }
        for index in candidates where over > 0 {
            skips.append(index)
            over &-= plan[index].minutes
        }
        self.skips = skips.sorted()
    }

    var fits: Bool { planMinutes <= questionMinutes }

    /// The minutes kept for introductions and thanks.
    var reservedMinutes: Int { callMinutes - questionMinutes }
}
