import Foundation
import Testing
@testable import PrepCoachCore

@Suite struct ControlCharactersTests {
    @Test func escapesEveryControlCharacterButThoseKept() {
        #expect(ControlCharacters.escaped("a\u{0}b\u{1B}c\u{7F}\u{85}\n") == #"a\u{00}b\u{1B}c\u{7F}\u{85}\u{0A}"#)
        #expect(ControlCharacters.escaped("a\nb", keeping: ["\n"]) == "a\nb")
        #expect(ControlCharacters.contains("x\ty") && !ControlCharacters.contains("café 王 🙂"))
    }

    @Test func calendarTextCarriesNoRawControlCharacters() {
        let event = ICalendar.Event(uid: "u", day: Date(timeIntervalSince1970: 0), summary: "Thank \u{1B}]0;x\u{07}\rEve",
                                    description: "line one\nline two")
        let text = ICalendar(events: [event], createdAt: Date(timeIntervalSince1970: 0)).text
        let withoutLineEnds = text.replacingOccurrences(of: "\r\n", with: "")
        #expect(!ControlCharacters.contains(withoutLineEnds))
        #expect(text.contains(#"SUMMARY:Thank \\u{1B}]0\;x\\u{07}\\u{0D}Eve"#))
        #expect(text.contains(#"DESCRIPTION:line one\nline two"#))
    }

    @Test func storingANameWithALineBreakIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("control-\(UUID().uuidString)")
        let store = try CoachStore(path: folder.appendingPathComponent("coach.sqlite").path)
        #expect(throws: StoreError.self) { try store.add(Contact(name: "Ann\nLee", createdAt: Date())) }
        #expect(throws: StoreError.self) { try store.add(Contact(name: "Ann", company: "A\u{1B}[2J", createdAt: Date())) }
        #expect(throws: StoreError.self) { try store.addResearch(company: "Acme\r", text: "x", at: Date()) }
        var ann = try store.add(Contact(name: "Ann Lee", createdAt: Date()))
        ann.role = "nurse\nmanager"
        #expect(throws: StoreError.self) { try store.update(ann) }
    }
}
