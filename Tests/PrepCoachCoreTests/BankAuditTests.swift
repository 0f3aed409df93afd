import Testing
@testable import PrepCoachCore

@Suite struct BankAuditTests {
    private func audit(_ questions: String) throws -> ([String], TemporaryBank) {
        let bank = try TemporaryBank(["tags.yaml": Fixtures.tags, "q.yaml": "questions:\n" + questions])
        let banks = BankLoader.load([bank.path])
        #expect(banks.diagnostics.isEmpty)
        return (BankAudit(banks: banks).diagnostics().map(\.description), bank)
    }

    @Test func nearDuplicatesThatCouldShareAPlanNameBothPlaces() throws {
        let (found, bank) = try audit(
            Fixtures.question(id: "skills-good-great", text: "Which skills separate a good nurse from a great one?")
                + Fixtures.question(id: "skills-great-good", industries: "[healthcare]",
                                    text: "Which skills separate the good nurses from the great ones?")
                // Same words, but a law question never meets a healthcare one.
                + Fixtures.question(id: "skills-law", industries: "[law]",
                                    text: "Which skills separate the good nurses from the great ones, really?")
                + Fixtures.question(id: "skills-other", text: "What did your first week teach you?"))
        let file = bank.file("q.yaml")
        #expect(found == [
            "\(file):9:5: warning: question 'skills-great-good' nearly repeats 'skills-good-great' at \(file):2:5; "
                + "merge them or make them differ",
            "\(file):16:5: warning: question 'skills-law' nearly repeats 'skills-good-great' at \(file):2:5; "
                + "merge them or make them differ",
        ])
    }

    @Test func wordingThatNamesAStageOrRoleTheTagsDoNotCover() throws {
        let (found, _) = try audit(
            Fixtures.question(id: "slip-stage", stages: "[career-changer]", text: "What should a student read first?")
                + Fixtures.question(id: "fine-stage", stages: "[student]", text: "What should a student read first?")
                + Fixtures.question(id: "slip-both", stages: "[student, career-changer]",
                                    text: "What should a student read before anything else?")
                + Fixtures.question(id: "fine-possessive", text: "How have your students changed?")
                + Fixtures.question(id: "slip-any", text: "What helps a career changer settle in?")
                + Fixtures.question(id: "slip-role", text: "What surprised you most as an owner of a firm?")
                + Fixtures.question(id: "fine-role", text: "What surprised you first as an owner?", assumes: "[owner]"))
        #expect(found.map { $0.components(separatedBy: ": warning: ")[1] } == [
            "question 'slip-stage' names stage 'student' in its wording but is tagged for 'career-changer'; "
                + "tag it only with the stages it names, or reword",
            "question 'slip-both' names stage 'student' in its wording but is tagged for 'career-changer'; "
                + "tag it only with the stages it names, or reword",
            "question 'slip-any' names stage 'career-changer' in its wording but suits every stage; "
                + "tag it only with the stages it names, or reword",
            "question 'slip-role' speaks to the person as 'owner' but does not assume it; "
                + "add `assumes: [owner]` or reword",
        ])
    }

    @Test func referralQuestionsMustAskForNames() throws {
        let (found, _) = try audit(
            Fixtures.question(id: "ref-who", topic: "network-and-referrals", referral: true,
                              text: "Who else would you suggest I talk to?")
                + Fixtures.question(id: "ref-which", topic: "network-and-referrals", referral: true,
                                    text: "Which colleagues would you suggest I speak with?")
                + Fixtures.question(id: "ref-name", topic: "network-and-referrals", referral: true,
                                    text: "May I mention your name when I contact them?"))
        #expect(found.count == 1)
        #expect(found.first?.hasSuffix("referral question 'ref-name' asks for no names; a referral question asks "
                                        + "who else to talk to (who, which people, names, an introduction)") == true)
    }
}
