import Foundation
import GRDB
import Testing
@testable import PrepCoachCore

@Suite struct CoachStoreTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
    private var path: String { folder.appendingPathComponent("db/coach.sqlite").path }
    private let day: TimeInterval = 86_400
    private let start = Date(timeIntervalSince1970: 1_740_000_000)

    @Test func aContactKeepsWhoTheyAre() throws {
        let store = try CoachStore(path: path)
        var contact = Contact(name: "Ann", createdAt: start)
        contact.person = PersonFacts(roleFamily: "clinical", employment: "owner", size: "small", seniority: "senior")
        try store.add(contact)
        #expect(try CoachStore(path: path).contact(named: "ann")?.person == contact.person)
    }

    @Test func migratesAnEmptyDatabaseAndKeepsItPrivate() throws {
        let store = try CoachStore(path: path)
        let all = CoachStore.migrator.migrations
        #expect(all.first == "v1: contacts, plans, readiness, calls, follow-ups")
        #expect(all.contains("v4: who the contact is (role family, employment, size, seniority)"))
        #expect(try store.appliedMigrations() == all.sorted())
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("db").path)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        // Opening again applies nothing twice.
        #expect(try CoachStore(path: path).appliedMigrations().count == all.count)
    }

    @Test func contactsAreUniqueByNameIgnoringCase() throws {
        let store = try CoachStore(path: path)
        try store.add(Contact(name: "Dana Lee", company: "Mercy", createdAt: start))
        #expect(throws: StoreError.self) { try store.add(Contact(name: "dana lee", createdAt: start)) }
        #expect(try store.contact(named: "DANA LEE")?.company == "Mercy")
    }

    @Test func askedQuestionsAndLastContactComeFromCalls() throws {
        let store = try CoachStore(path: path)
        let dana = try store.add(Contact(name: "Dana", createdAt: start))
        let plan = try store.setPlan(contactID: dana.id!, questions: [
            (questionID: "path-one", text: "How did you start?", topic: "career-path", minutes: 3),
            (questionID: "ref-one", text: "Who else?", topic: "network-and-referrals", minutes: 2),
            (questionID: nil, text: "My own question", topic: nil, minutes: 2),
        ])
        let call = try store.startCall(contactID: dana.id!, at: start, promisedMinutes: 30)
        try store.record(CallEvent(callID: call.id!, kind: .asked, planItemID: plan[0].id, text: plan[0].text, at: start))
        try store.record(CallEvent(callID: call.id!, kind: .skipped, planItemID: plan[1].id, text: plan[1].text, at: start))
        try store.record(CallEvent(callID: call.id!, kind: .asked, planItemID: plan[2].id, text: plan[2].text, at: start))
        #expect(try store.askedQuestionIDs(contactID: dana.id!) == ["path-one"])
        #expect(try store.openCall(contactID: dana.id!)?.id == call.id)
        _ = try store.endCall(call, at: start.addingTimeInterval(1_500))
        #expect(try store.openCall(contactID: dana.id!) == nil)
        #expect(try store.lastContactDates()[dana.id!] == start.addingTimeInterval(1_500))
    }

    @Test func planChangesKeepRowIdsAndUndoRestoresTheLastOneAfterReopening() throws {
        let store = try CoachStore(path: path)
        let dana = try store.add(Contact(name: "Dana", createdAt: start))
        let plan = try store.setPlan(contactID: dana.id!, questions: [
            (questionID: "a", text: "A", topic: nil, minutes: 2), (questionID: "b", text: "B", topic: nil, minutes: 2),
            (questionID: "ref", text: "Who else?", topic: "closing", minutes: 2),
        ])
        var editor = PlanEditor(items: plan) { $0.topic == "closing" }
        editor.drop(at: 0)
        editor.insert(PlanItem(contactID: dana.id!, position: 0, questionID: nil, text: "Mine", topic: nil, minutes: 3))
        let saved = try store.savePlan(contactID: dana.id!, items: editor.items, change: "edit", at: start)
        #expect(saved.map(\.text) == ["B", "Mine", "Who else?"])
        #expect(saved[0].id == plan[1].id && saved[2].id == plan[2].id)
        let reopened = try CoachStore(path: path)
        #expect(try reopened.undoPlanChange(contactID: dana.id!) == "edit")
        let restored = try reopened.plan(contactID: dana.id!)
        #expect(restored.map(\.text) == ["A", "B", "Who else?"])
        #expect(restored.map(\.id) == plan.map(\.id))
        #expect(try reopened.undoPlanChange(contactID: dana.id!) == "new plan")
        #expect(try reopened.plan(contactID: dana.id!).isEmpty)
        #expect(try reopened.undoPlanChange(contactID: dana.id!) == nil)
    }

    @Test func onlyTheLatestPlanChangesAreKept() throws {
        let store = try CoachStore(path: path)
        let dana = try store.add(Contact(name: "Dana", createdAt: start))
        for round in 0..<(CoachStore.keptPlanChanges + 5) {
            try store.setPlan(contactID: dana.id!, questions: [(questionID: nil, text: "Q\(round)", topic: nil, minutes: 2)])
        }
        var undone = 0
        while try store.undoPlanChange(contactID: dana.id!) != nil { undone += 1 }
        #expect(undone == CoachStore.keptPlanChanges)
    }

    @Test func twoConnectionsWriteAtOnceWithoutLosingRows() async throws {
        let first = try CoachStore(path: path)
        let second = try CoachStore(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (store, company) in [(first, "Acme"), (second, "Globex")] {
                group.addTask {
                    for index in 0..<100 { try store.addResearch(company: company, text: "fact \(index)", at: Date()) }
                }
            }
            try await group.waitForAll()
        }
        #expect(try first.research().count == 200)
    }

    @Test func nextCheckInCountsFromTheLastContactNotAFixedDate() throws {
        let store = try CoachStore(path: path)
        let dana = try store.add(Contact(name: "Dana", createdAt: start))
        let sam = try store.add(Contact(name: "Sam", createdAt: start))
        try store.log(Interaction(contactID: dana.id!, kind: .call, text: "call", at: start))
        try store.log(Interaction(contactID: sam.id!, kind: .call, text: "call", at: start))
        // A month later Dana gets a message: her check-in moves, Sam's does not.
        try store.log(Interaction(contactID: dana.id!, kind: .log, text: "sent an article", at: start.addingTimeInterval(30 * day)))
        let schedule = FollowUpSchedule()
        let checkIns = schedule.checkIns(contacts: try store.contacts(), lastContact: try store.lastContactDates())
        #expect(checkIns.map(\.contact.name) == ["Sam", "Dana"])
        #expect(checkIns.last?.due == schedule.nextCheckIn(after: start.addingTimeInterval(30 * day)))
        let fading = schedule.stale(contacts: try store.contacts(), lastContact: try store.lastContactDates(), days: 60,
                                    now: start.addingTimeInterval(80 * day))
        #expect(fading.map(\.contact.name) == ["Sam"])
    }

    @Test func sendingTheThankYouCompletesItAndCountsAsContact() throws {
        let store = try CoachStore(path: path)
        let dana = try store.add(Contact(name: "Dana", createdAt: start))
        let task = try store.add(FollowUpTask(contactID: dana.id!, callID: nil, kind: .thankYou, text: "Dear Dana",
                                              dueAt: start.addingTimeInterval(day)))
        #expect(try store.openTasks().count == 1)
        try store.complete(task, at: start.addingTimeInterval(3_600))
        #expect(try store.openTasks().isEmpty)
        #expect(try store.interactions(contactID: dana.id!).map(\.kind) == [.thankYouSent])
        // Undone: open again, and no longer counted as a contact.
        try store.reopen(try #require(try store.task(id: task.id!)))
        #expect(try store.openTasks().map(\.id) == [task.id])
        #expect(try store.interactions(contactID: dana.id!).isEmpty)
    }

}

@Suite struct FollowUpDocumentTests {
    private let start = Date(timeIntervalSince1970: 1_740_000_000)

    private func record() -> CallRecord {
        var contact = Contact(name: "Dana Lee", role: "Nurse Manager", company: "Mercy Hospital", channel: .video,
                              createdAt: start)
        contact.id = 1
        var call = Call(contactID: 1, startedAt: start, promisedMinutes: 30)
        call.id = 7
        call.endedAt = start.addingTimeInterval(26 * 60)
        var first = PlanItem(contactID: 1, position: 0, questionID: "q1", text: "How did you start?", topic: nil, minutes: 3)
        first.id = 10
        var second = PlanItem(contactID: 1, position: 1, questionID: "q2", text: "What is hard?", topic: nil, minutes: 3)
        second.id = 11
        let events = [
            CallEvent(callID: 7, kind: .note, planItemID: nil, text: "warm, direct", at: start),
            CallEvent(callID: 7, kind: .asked, planItemID: 10, text: "How did you start?", at: start),

            CallEvent(callID: 7, kind: .note, planItemID: 10, text: "started in the ER", at: start),
            CallEvent(callID: 7, kind: .todo, planItemID: nil, text: "shadow a charge nurse", at: start),
        ]
        let referral = Contact(name: "Sam Ortiz", company: "Denver Health", referredByID: 1, mayUseReferrerName: true,
                               createdAt: start)
        return CallRecord(contact: contact, call: call, plan: [first, second], events: events, referrals: [referral])
    }

    @Test func summaryListsWhoWhenQuestionsNotesReferralsAndActions() {
        let markdown = CallSummary.markdown(record())
        #expect(markdown.hasPrefix("# Informational interview with Dana Lee\n"))
        #expect(markdown.contains("- **Who:** Dana Lee, Nurse Manager, Mercy Hospital"))
        #expect(markdown.contains("(26 minutes)"))
        #expect(markdown.contains("1. How did you start?\n   - started in the ER"))
        #expect(!markdown.contains("What is hard?"))
        #expect(markdown.contains("## Other notes\n\n- warm, direct"))
        #expect(markdown.contains("- Sam Ortiz (Denver Health) — may use Dana Lee's name"))
        #expect(markdown.contains("- [ ] shadow a charge nurse"))
    }

    @Test func thankYouNamesTheChosenPointInItsWordsAndTheReferral() {
        let text = ThankYouDraft.text(record(), signOff: "Alex Kim\nalex@example.com", point: "shadow a charge nurse.")
        #expect(text.hasPrefix("Dear Dana,"))
        #expect(text.contains("One thing you said has stayed with me — your suggestion to shadow a charge nurse — and I am already acting on it."))
        #expect(!text.contains(ThankYouDraft.referralAsk), "names were given: no need to ask again")
        #expect(text.contains("Sam Ortiz"))
        #expect(text.hasSuffix("With thanks,\nAlex Kim\nalex@example.com\n"))
    }

    @Test func thankYouWithoutAChosenPointPastesNoCallTextButAPlaceholder() {
        let text = ThankYouDraft.text(record(), signOff: nil, point: nil)
        #expect(text.contains(ThankYouDraft.pointPlaceholder))
        for note in ["started in the ER", "warm, direct", "shadow a charge nurse"] { #expect(!text.contains(note)) }
        #expect(text.hasSuffix("[your name]\n"))
    }

    /// `end` says to ask for names in the thank-you when the call did not: the draft asks; what you
    /// promised to send is in it, addressed to them; a note that cannot be reworded is a placeholder.
    @Test func thankYouAsksForNamesAndKeepsYourPromises() {
        let full = record()
        let events = full.events + [CallEvent(callID: 7, kind: .todo, planItemID: nil, text: "send her my portfolio link", at: start)]
        let noNames = CallRecord(contact: full.contact, call: full.call, plan: full.plan, events: events, referrals: [])
        let text = ThankYouDraft.text(noNames, signOff: nil, point: "warm, direct", askForReferral: true)
        #expect(text.contains(ThankYouDraft.referralAsk))
        #expect(text.contains("As promised, I will send you my portfolio link."))
        #expect(!text.contains("shadow a charge nurse"), "a to-do that is no promise to them stays out")
        #expect(text.contains("— [in your words, what they said that your note records: warm, direct] —"))
        #expect(!text.contains("“"))
        var inc = full.contact
        inc.company = "Brightwave Software, Inc."
        let atInc = CallRecord(contact: inc, call: full.call, plan: full.plan, events: full.events, referrals: [])
        #expect(ThankYouDraft.text(atInc, signOff: nil, point: nil).contains("your work at Brightwave Software, Inc.\n"))
    }

    @Test func summaryKeepsTheAskedWordsWhenThePlanItemIsGone() {
        let full = record()
        let withoutPlan = CallRecord(contact: full.contact, call: full.call, plan: [], events: full.events,
                                     referrals: full.referrals)
        #expect(CallSummary.markdown(withoutPlan).contains("1. How did you start?\n   - started in the ER"))
    }


    @Test func iCalendarFoldsEscapesAndUsesCRLF() {
        let long = String(repeating: "é", count: 60)
        let calendar = ICalendar(events: [ICalendar.Event(uid: "u1@prepcoach", day: start, summary: "Thanks, Dana; now",
                                                          description: long, repeatEveryMonths: 3)], createdAt: start)
        let text = calendar.text
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.contains("SUMMARY:Thanks\\, Dana\\; now\r\n"))
        #expect(text.contains("RRULE:FREQ=MONTHLY;INTERVAL=3\r\n"))
        #expect(text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(text.contains("\r\n é"))
    }
}
