import ArgumentParser
import PrepCoachCore

/// Options every command takes, so they work one-shot (`prepcoach pick --bank DIR …`)
/// and in the REPL alike.
public struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("bank"), help: ArgumentHelp(
        "Also load the question banks and rules in DIR (repeatable; PREPCOACH_BANKS adds more).",
        valueName: "DIR"))
    var banks: [String] = []

    @Flag(name: .customLong("no-color"), help: "Never colour the output (also: NO_COLOR=1).")
    var noColor = false

    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The database of contacts and calls (default: $XDG_DATA_HOME/prepcoach/prepcoach.sqlite).", valueName: "PATH"))
    var database: String?

    public init() {}
}

/// A prepcoach command: parsed by ArgumentParser, run against a shared context
/// (the REPL keeps banks loaded between commands; one-shot runs load them once).
protocol CoachCommand: ParsableCommand {
    var global: GlobalOptions { get }
    /// What Tab completes for this command's options and positional arguments.
    static var completion: CompletionSpec { get }
    func execute(in context: CommandContext) throws
}

/// A user-facing failure: printed as `error: message`, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Sources of completion candidates.
enum CompletionSource: Sendable {
    case tags(TagKind)
    case tagKinds
    case questionIDs
    case commands
    case files
    /// Names of the user's contacts, from the database.
    case contacts
    /// Companies of contacts and of research notes.
    case companies
    /// Ids of the lint rules.
    case ruleIDs
    /// A fixed set of values, e.g. a channel.
    case choices([String])
}

/// Per command: its options (with the source of their values, nil for flags) and
/// what its positional arguments are. Kept beside each command's declarations.
struct CompletionSpec: Sendable {
    var options: [String: CompletionSource?] = [:]
    var positional: CompletionSource?
    /// What the positional argument after the first one is (`plan NAME drop`), when it differs.
    var followedBy: CompletionSource?

    static let global: [String: CompletionSource?] = ["--bank": .files, "--no-color": nil, "--db": .files, "--help": nil]

    var allOptions: [String: CompletionSource?] { options.merging(Self.global) { first, _ in first } }
}

extension TagVocabulary {
    /// Resolves an optional user-typed tag, turning an unknown one into a clear error.
    func require(_ kind: TagKind, optional name: String?) throws -> String? {
        try name.map { try require(kind, $0) }
    }
}
