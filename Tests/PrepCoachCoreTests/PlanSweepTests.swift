import Foundation
import Testing
@testable import PrepCoachCore

/// Plans for every stage × industry × role family (and unknown) × owner/employee
/// × seeds 1–5 on the bundled banks: the invariants hold in every one, and the
/// figures (reach, seed overlap) are printed for BENCHMARKS.md.
@Suite struct PlanSweepTests {
    static let seeds = UInt64(1)...5

    struct Figures {
        var plans = 0
        var used: Set<String> = []
        var overlaps: [Double] = []
        var failures: [String] = []
    }

    private func sweep(_ banks: Banks) throws -> Figures {
        let vocabulary = banks.vocabulary
        let picker = QuestionPicker(banks: banks)
        let audit = BankAudit(banks: banks)
        let (opening, closing) = (vocabulary.ids(.topic).first, vocabulary.ids(.topic).last)
        var figures = Figures()
        // Worked out once per question, not once per plan.
        let namedStages = Dictionary(uniqueKeysWithValues: banks.questions.map { ($0.id, audit.namedStages(in: $0)) })
        let askNoNames = Set(banks.questions.filter(audit.referralAsksForNoNames).map(\.id))
        for stage in vocabulary.ids(.stage) {
            for industry in vocabulary.ids(.industry) {
                let families = [nil] + vocabulary.roleFamilies(of: industry).map(\.id)
                for family in families {
                    for employment in vocabulary.ids(.employment) {
                        let person = PersonFacts(roleFamily: family, employment: employment)
                        var seedPlans: [Set<String>] = []
                        for seed in Self.seeds {
                            let request = PlanRequest(stage: stage, industry: industry, person: person, seed: seed)
                            let plan = try picker.pick(request)
                            let cell = "\(stage) × \(industry) × \(family ?? "any family") × \(employment) × seed \(seed)"
                            figures.failures += violations(in: plan, opening: opening, closing: closing,
                                                           vocabulary: vocabulary, askNoNames: askNoNames,
                                                           namedStages: namedStages)
                                .map { "\(cell): \($0)" }
                            figures.plans += 1
                            figures.used.formUnion(plan.questions.map(\.id))
                            seedPlans.append(Set(plan.questions.map(\.id)))
                        }
                        for (i, first) in seedPlans.enumerated() {
                            for second in seedPlans[(i + 1)...] {
                                figures.overlaps.append(Double(first.intersection(second).count)
                                                        / Double(first.union(second).count))
                            }
                        }
                    }
                }
            }
        }
        return figures
    }

    private func violations(in plan: Plan, opening: String?, closing: String?, vocabulary: TagVocabulary,
                            askNoNames: Set<String>, namedStages: [String: Set<String>]) -> [String] {
        let request = plan.request
        let questions = plan.questions
        var found: [String] = []
        if plan.totalMinutes > request.questionMinutes { found.append("over budget: \(plan.totalMinutes) min") }
        let order = questions.map { vocabulary.order(ofTopic: $0.topic) }
        if order != order.sorted() { found.append("out of topic order") }
        if questions.first?.topic != opening { found.append("no opening") }
        if questions.last?.topic != closing { found.append("no closing") }
        if questions.count(where: \.isReferral) != 1 { found.append("not exactly one referral question") }
        if let referral = questions.first(where: \.isReferral), askNoNames.contains(referral.id) {
            found.append("referral question '\(referral.id)' asks for no names")
        }
        // One person could answer every question: the assumptions agree with each
        // other, with the known facts, and with the role families of the industry.
        let families = request.person.roleFamily.map { [$0] }
            ?? Set(vocabulary.roleFamilies(of: request.industry).map(\.id))
        let employment = Set([request.person.employment].compactMap(\.self))
        let person = Assumptions(values: [.roleFamily: families, .employment: employment])
        if families.isEmpty, let stray = questions.first(where: { $0.assumes[.roleFamily] != nil }) {
            found.append("'\(stray.id)' assumes a role family; the industry has none")
        }
        if questions.reduce(Optional(person), { $0?.intersection(with: $1.assumes) }) == nil {
            found.append("contradicting assumptions: "
                         + questions.filter { !$0.assumes.isEmpty }.map { "\($0.id) \($0.assumes.ids)" }.joined(separator: ", "))
        }
        for question in questions {
            let named = namedStages[question.id] ?? []
            if !named.isEmpty, !named.contains(request.stage) {
                found.append("stage-wording slip: '\(question.id)' names \(named.sorted())")
            }
        }
        return found
    }

    @Test func everyCellIsAConversationThatFitsThePerson() throws {
        let banks = BankLoader.load([Fixtures.bundledBanks])
        let started = Date()
        let figures = try sweep(banks)
        let anyAny = banks.questions.filter { !$0.stages.isSpecific && !$0.industries.isSpecific }.map(\.id)
        let reach = Double(figures.used.count) / Double(banks.questions.count)
        let anyAnyReach = Double(anyAny.count { figures.used.contains($0) }) / Double(anyAny.count)
        let overlap = figures.overlaps.reduce(0, +) / Double(figures.overlaps.count)
        print(String(format: "plan sweep: %d plans in %.1f s; reach %.0f%% of %d questions, %.0f%% of %d any/any; "
                     + "mean seed overlap %.2f; %d violations", figures.plans, Date().timeIntervalSince(started),
                     reach * 100, banks.questions.count, anyAnyReach * 100, anyAny.count, overlap,
                     figures.failures.count))
        #expect(figures.failures.isEmpty, "\(figures.failures.prefix(10).joined(separator: "\n"))")
        #expect(reach >= 0.8)
        #expect(anyAnyReach >= 0.5)
        #expect(overlap <= 0.5)
    }
}

/// The issue's two people, over every stage and seeds 1–5.
@Suite struct PlanPersonTargetTests {
    static let banks = BankLoader.load([Fixtures.bundledBanks])

    private func plans(role: String, company: String?, industry: String) throws -> [Plan] {
        let person = PersonInference(banks: Self.banks).infer(role: role, company: company, industry: industry)
        let picker = QuestionPicker(banks: Self.banks)
        return try Self.banks.vocabulary.ids(.stage).flatMap { stage in
            try PlanSweepTests.seeds.map { seed in
                try picker.pick(PlanRequest(stage: stage, industry: industry, person: person, seed: seed))
            }
        }
    }

    @Test func aFoundersPlanAssumesNoEmployerAboveThem() throws {
        for industry in Self.banks.vocabulary.ids(.industry) {
            for plan in try plans(role: "Founder", company: nil, industry: industry) {
                let employee = plan.questions.filter { $0.assumes[.employment] == ["employee"] }
                #expect(employee.isEmpty, "\(industry): \(employee.map(\.id))")
            }
        }
    }

    @Test func aDesignerAtABankIsNotAskedAboutTheCFAMonthEndOrTheDesk() throws {
        for plan in try plans(role: "Senior Product Designer", company: "Acme Bank", industry: "finance") {
            let wrong = plan.questions.filter { question in
                ["CFA", "month-end", "trading desk", "your desk or team", "deal is live"].contains { question.text.localizedCaseInsensitiveContains($0) }
            }
            #expect(wrong.isEmpty, "\(wrong.map(\.id))")
        }
    }
}
