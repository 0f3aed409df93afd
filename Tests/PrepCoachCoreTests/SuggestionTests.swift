import Testing
@testable import PrepCoachCore

@Suite struct SuggestionTests {
    @Test func closeTyposAreSuggestedAndFarWordsAreNot() {
        #expect(Suggestion.closest(to: "studnet", among: ["student", "new-grad"]) == "student")
        #expect(Suggestion.closest(to: "helthcare", among: ["healthcare", "law"]) == "healthcare")
        #expect(Suggestion.closest(to: "banana", among: ["student", "law"]) == nil)
        #expect(Suggestion.hint(for: "pik", among: ["pick", "list"]) == " (did you mean 'pick'?)")
    }

    @Test func editDistance() {
        #expect(Suggestion.editDistance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)) == 3)
        #expect(Suggestion.editDistance([], Array("abc".unicodeScalars)) == 3)
    }
}
