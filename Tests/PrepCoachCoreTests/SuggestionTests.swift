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

    /// Edit distance takes the product of the lengths: two 20,000-letter words took seconds.
    @Test func aPastedParagraphGetsNoSuggestionAndNoDelay() {
        let paragraph = String(repeating: "what is your company ", count: 1_000)
        let started = ContinuousClock.now
        #expect(Suggestion.closest(to: paragraph, among: [paragraph + "s", "student", String(paragraph.dropLast())]) == nil)
        #expect(ContinuousClock.now - started < .milliseconds(200))
    }
}
