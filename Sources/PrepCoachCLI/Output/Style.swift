/// ANSI styling, or none. Hand-rolled rather than a dependency: it is five
/// escape codes, and the on/off decision (the part that matters) is ours.
public struct Style: Sendable {
    public let enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    /// Colour only on a terminal, and never when the user or terminal says no.
    public static func colorWanted(environment: [String: String], outputIsTerminal: Bool) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return outputIsTerminal
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func error(_ text: String) -> String { wrap(text, "1;31") }
    public func warning(_ text: String) -> String { wrap(text, "1;33") }
    public func good(_ text: String) -> String { wrap(text, "32") }
    public func accent(_ text: String) -> String { wrap(text, "36") }

    /// Every escape sequence this type writes: the only ones `TerminalText` lets through.
    static let sequences: Set<String> = Set(["0", "1", "2", "1;31", "1;33", "32", "36"].map(sequence))

    private static func sequence(_ code: String) -> String { "\u{1B}[\(code)m" }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? Self.sequence(code) + text + Self.sequence("0") : text
    }
}
