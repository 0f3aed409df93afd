import Foundation
import Testing
@testable import PrepCoachCore

/// The bank folders are listed without Foundation's enumerator (start-up time):
/// the listing must still be what the enumerator gave.
@Suite struct FolderListingTests {
    @Test func listsWhatFileManagersEnumeratorLists() throws {
        let bank = try TemporaryBank(["tags.yaml": "", "questions/a.yaml": "", "questions/deep/b.yml": "",
                                      ".hidden.yaml": "", "model/train.yaml": "", "notes.txt": "",
                                      "folder.yaml/inside.yaml": ""])
        try FileManager.default.createSymbolicLink(atPath: bank.file("linked"), withDestinationPath: bank.file("questions"))
        let expected = (FileManager.default.enumerator(atPath: bank.path)?.compactMap { $0 as? String } ?? []).sorted()
        #expect(FolderListing.everything(under: bank.path).sorted() == expected)
        #expect(expected.contains("questions/deep/b.yml") && expected.contains("linked") && !expected.contains("linked/a.yaml"))
        #expect(FolderListing.entries(of: bank.file("questions"))?.map(\.name).sorted() == ["a.yaml", "deep"])
        #expect(FolderListing.entries(of: bank.file("nowhere")) == nil)
    }

    @Test func bankFilesAreTheYAMLFilesOutsideTheModelFolder() throws {
        let bank = try TemporaryBank(["tags.yaml": "", "questions/a.yaml": "", "questions/deep/b.yml": "",
                                      "model/train.yaml": "", "notes.txt": ""])
        var diagnostics: [Diagnostic] = []
        #expect(BankLoader.dataFiles(in: [bank.path], diagnostics: &diagnostics)
            == ["questions/a.yaml", "questions/deep/b.yml", "tags.yaml"].map(bank.file))
        #expect(BankLoader.modelFiles(in: bank.path).training == [bank.file("model/train.yaml")])
        #expect(diagnostics.isEmpty)
    }
}
