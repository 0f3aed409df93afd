import Foundation
import Testing
@testable import PrepCoachCLI
import PrepCoachCore

/// `tags` counts each tag's questions in one pass: the counts must be what
/// looking at every question for every tag gives.
@Suite struct TagsCommandTests {
    @Test func eachTagCountsTheQuestionsCarryingItItself() throws {
        let coach = ScriptedCoach()
        #expect(try coach.run("tags --json") == 0)
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(coach.out.utf8)) as? [String: [[String: Any]]])
        let banks = coach.context.banks()
        var checked = 0
        for kind in TagKind.allCases {
            for entry in try #require(listed[kind.listKey]) {
                let id = try #require(entry["id"] as? String)
                let expected = banks.questions.count { question in
                    switch kind {
                    case .topic: question.topic == id
                    case .stage: question.stages.isSpecific && question.stages.contains(id)
                    case .industry: question.industries.isSpecific && question.industries.contains(id)
                    case .roleFamily, .employment, .size, .seniority: question.assumes[kind]?.contains(id) ?? false
                    }
                }
                #expect(entry["questions"] as? Int == expected, "\(kind) \(id)")
                checked += expected
            }
        }
        #expect(checked > banks.questions.count)  // stages, industries and topics each count every question once or more
    }
}
