import Foundation
import LineEditor
import PrepCoachCore

/// Where command output goes: standard output and standard error in the real
/// program, strings in tests. Colour is decided once, from the conventions
/// users know (NO_COLOR, TERM=dumb, not a terminal). Everything written is
/// made terminal-safe here (see `TerminalText`), so no command has to.
public final class Console {
    public let style: Style
    /// The width output is wrapped to, asked each time (the terminal may be resized); nil: not a terminal, no wrapping.
    let columns: () -> Int?
    private let writeOut: (String) -> Void
    private let writeErr: (String) -> Void

    public init(style: Style, columns: @escaping () -> Int? = { nil },
                out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        self.style = style
        self.columns = columns
        self.writeOut = { out(TerminalText.safe($0, colors: style.enabled)) }
        self.writeErr = { err(TerminalText.safe($0, colors: style.enabled)) }
    }

    /// A prompt made safe the same way, keeping libedit's non-printing markers.
    func safePrompt(_ prompt: String) -> String {
        TerminalText.safe(prompt, colors: style.enabled, promptMarkers: true)
    }

    /// The process's own standard output and error.
    public static func standard(colorAllowed: Bool, environment: [String: String]) -> Console {
        let color = colorAllowed && Style.colorWanted(environment: environment, outputIsTerminal: isatty(1) == 1)
        return Console(
            style: Style(enabled: color),
            columns: TerminalSize.outputColumns,
            out: { FileHandle.standardOutput.write(Data($0.utf8)) },
            err: { FileHandle.standardError.write(Data($0.utf8)) })
    }

    /// Writes a line (or several) to standard output.
    public func line(_ text: String = "") { writeOut(text + "\n") }

    /// Writes a paragraph word-wrapped to the terminal (as is when output is not one).
    func paragraph(_ text: String) { line(TextWrap.wrapped(text, width: columns())) }

    /// Writes text as is, for output assembled elsewhere.
    public func write(_ text: String) { writeOut(text) }

    public func error(_ message: String) { writeErr(style.error("error: ") + message + "\n") }

    public func warning(_ message: String) { writeErr(style.warning("warning: ") + message + "\n") }

    /// A diagnostic from a data file, in `file:line:col: severity: message` form.
    public func report(_ diagnostic: Diagnostic) {
        let label = diagnostic.severity == .error
            ? style.error("error:") : style.warning("warning:")
        writeErr("\(diagnostic.location): \(label) \(diagnostic.message)\n")
    }
}

