import Foundation
import Testing

/// `make install PREFIX=…` by its own steps (scripts/install.sh, which the Makefile runs
/// after the release build): the installed binary, run from another folder, finds the
/// banks installed beside it, and the shell completion scripts work.
@Suite(.serialized) struct InstallTests {
    static let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func shell(_ script: String, in folder: URL, environment: [String: String] = [:]) throws -> Binary.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = folder
        process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
            .merging(environment) { _, new in new }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Binary.Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                             stderr: String(decoding: err, as: UTF8.self))
    }

    @Test func installedBinaryFindsItsBanksAndCompletesInBash() throws {
        let prefix = try Binary.isolatedHome()
        let elsewhere = try Binary.isolatedHome()
        let home = try Binary.isolatedHome()
        let install = try shell("scripts/install.sh \(TmuxSession.shellQuoted(prefix.path)) \(TmuxSession.shellQuoted(Binary.path))",
                                in: Self.sourceRoot)
        #expect(install.status == 0, "\(install.stderr)")
        let installed = prefix.appendingPathComponent("bin/prepcoach").path
        let environment = Binary.environment(home: home)

        let tags = try shell("\(installed) tags stages", in: elsewhere, environment: environment)
        #expect(tags.status == 0 && tags.stdout.contains("career-changer"), "\(tags.stderr)")
        let pick = try shell("\(installed) pick --stage student --industry law --seed 1", in: elsewhere,
                             environment: environment)
        #expect(pick.status == 0 && pick.stdout.contains("Plan for the student stage in law"), "\(pick.stderr)")

        // Contact names come from the database, through `prepcoach __complete`.
        #expect(try shell("\(installed) contact add 'Priya Shah'", in: elsewhere, environment: environment).status == 0)
        let bash = prefix.appendingPathComponent("share/bash-completion/completions/prepcoach").path
        let completion = try shell("""
            PATH=\(TmuxSession.shellQuoted(prefix.path))/bin:$PATH
            source \(TmuxSession.shellQuoted(bash))
            complete -p prepcoach
            complete_words() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _prepcoach; printf '%s\\n' "${COMPREPLY[@]}"; }
            complete_words prepcoach pi
            complete_words prepcoach pick --industry he
            complete_words prepcoach request pri
            """, in: elsewhere, environment: environment)
        #expect(completion.status == 0, "\(completion.stderr)")
        #expect(completion.stdout == "complete -F _prepcoach prepcoach\npick\nhealthcare\nPriya\\ Shah\n")
        for file in ["share/zsh/site-functions/_prepcoach", "share/fish/vendor_completions.d/prepcoach.fish",
                     "share/prepcoach/QuestionBanks/tags.yaml"] {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file)")
        }

        let uninstall = try shell("scripts/install.sh --uninstall \(TmuxSession.shellQuoted(prefix.path))", in: Self.sourceRoot)
        #expect(uninstall.status == 0)
        #expect(!FileManager.default.fileExists(atPath: installed))
        #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/prepcoach").path))
    }

    /// bash added a candidate ending in `/` unquoted: a contact named `Zed $(touch …)/`, completed and
    /// run, ran the command. Every candidate is one quoted word that the shell reads back as the name.
    @Test func hostileNamesAreCompletedAsQuotedWordsInBash() throws {
        let home = try Binary.isolatedHome()
        let marker = home.appendingPathComponent("PWNED").path
        let names = ["Zed $(touch \(marker))/", "Zoe `touch \(marker)`", "Zia; touch \(marker)", "Zak 'quoted\" name",
                     "Zu  two  spaces", "Zo\\n"]
        for name in names {
            #expect(try Binary.run(["contact", "add", "--", name], home: home).status == 0, "\(name)")
        }
        let bash = Self.sourceRoot.appendingPathComponent("scripts/completions/prepcoach.bash").path
        let folder = (Binary.path as NSString).deletingLastPathComponent
        let result = try shell("""
            PATH=\(TmuxSession.shellQuoted(folder)):$PATH
            source \(TmuxSession.shellQuoted(bash))
            COMP_WORDS=(prepcoach contact show Z); COMP_CWORD=3; _prepcoach
            for reply in "${COMPREPLY[@]}"; do eval "printf '%s\\n' $reply"; done
            """, in: home, environment: Binary.environment(home: home))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Set(result.stdout.split(separator: "\n").map(String.init)) == Set(names), "\(result.stdout)")
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    /// A copied binary with no banks anywhere says where it looked, once.
    @Test func aBinaryWithoutBanksNamesTheSearchPath() throws {
        let folder = try Binary.isolatedHome()
        let copy = folder.appendingPathComponent("prepcoach")
        try FileManager.default.copyItem(atPath: Binary.path, toPath: copy.path)
        let result = try shell("\(copy.path) pick --stage student --industry law", in: folder,
                               environment: Binary.environment(home: folder))
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("error: no bundled question banks (QuestionBanks/ with a tags.yaml) in \(folder.path)/QuestionBanks, "),
                "\(result.stderr)")
        #expect(result.stderr.contains("PREPCOACH_BUNDLED_BANKS=DIR"))
    }
}
