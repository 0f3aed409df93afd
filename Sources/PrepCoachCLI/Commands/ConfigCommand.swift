import ArgumentParser
import Foundation
import PrepCoachCore

/// `config`: where your settings live and who you are in the letters prepcoach drafts.
struct ConfigCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Your config file, and the name and signature letters use (`config set` changes them).",
        discussion: """
            The file is $PREPCOACH_CONFIG, else $XDG_CONFIG_HOME/prepcoach/config.yaml, else \
            ~/.config/prepcoach/config.yaml. Its `me:` section signs `request` and `wrap`; its `rules:` \
            section switches rules off or changes their severity.
            """,
        subcommands: [ConfigSetCommand.self])

    static let completion = CompletionSpec()

    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let path = try ConfigSetCommand.path(context)
        let me = context.userProfile()
        let style = context.console.style
        context.console.line(style.bold("Config file") + " \(path)" + (FileManager.default.fileExists(atPath: path) ? "" : style.dim(" (not created yet)")))
        context.console.line("  name:      " + (me.name ?? style.dim("not set: config set name Alex Kim")))
        context.console.line("  signature: " + (me.signature.map { $0.replacingOccurrences(of: "\n", with: " / ") }
            ?? style.dim(#"not set: config set signature "Alex Kim" "alex@example.com" (one argument a line)"#)))
        context.console.line("  background: " + (me.background
            ?? style.dim("not set: config set background I taught science for eight years (one line for your requests)")))
    }
}

struct ConfigSetCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set your name, signature or background for letters: config set name Alex Kim.")

    enum Key: String, CaseIterable, ExpressibleByArgument {
        case name, signature, background
    }

    static let completion = CompletionSpec(positional: .choices(Key.allCases.map(\.rawValue)))

    /// Under a draft still signed `[your name]`: the command that signs every letter,
    /// not YAML to write by hand.
    static func howToSign(_ environment: [String: String]) -> String {
        "Replace \(MeetingRequestDraft.yourName) with your name, or sign every letter once: "
            + #"`config set name Alex Kim` and `config set signature "Alex Kim" "alex@example.com"` (kept in "#
            + (RuleSettings.defaultPath(environment: environment) ?? "your config file") + ")."
    }

    @Argument(help: "name, signature or background (one line on where you come from, for requests).") var key: Key
    @Argument(help: "The value; for a signature, each argument is one line.") var value: [String] = []
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if value.joined().trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("give the \(key.rawValue), e.g. config set name Alex Kim")
        }
    }

    static func path(_ context: CommandContext) throws -> String {
        guard let path = RuleSettings.defaultPath(environment: context.environment) else {
            throw CommandFailure("no place for the config file: set HOME or PREPCOACH_CONFIG")
        }
        return path
    }

    func execute(in context: CommandContext) throws {
        let path = try Self.path(context)
        var me = context.userProfile()
        switch key {
        case .name: me.name = value.joined(separator: " ")
        case .signature: me.signature = value.joined(separator: "\n")
        case .background: me.background = value.joined(separator: " ")
        }
        let old = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try me.written(into: old).write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure("cannot write \(path): check the folder is yours and writable")
        }
        context.console.line("Saved your \(key.rawValue) in \(path); "
            + (key == .background ? "`request` says it after your name, and `rehearse` opens your introduction with it."
                                 : "`request` and `wrap` sign with it."))
    }
}
