import LineEditor
import PrepCoachCore

/// The one gate between text and the terminal: every control character is shown
/// escaped (`\u{1B}]0;PWNED\u{07}`), so nothing stored or typed — a contact's name,
/// a research note, a rule message — can retitle the window, clear the screen or
/// move the cursor. Kept: newlines and tabs, our own colours when colour is on, and in
/// prompts the marker libedit uses to skip them.
enum TerminalText {
    static let promptMarker: Unicode.Scalar = "\u{1}"

    static func safe(_ text: String, colors: Bool, promptMarkers: Bool = false) -> String {
        let kept: Set<Unicode.Scalar> = promptMarkers ? ["\n", "\t", promptMarker] : ["\n", "\t"]
        guard colors, text.contains("\u{1B}") else { return ControlCharacters.escaped(text, keeping: kept) }
        // Escape the text between our own colour sequences, and keep those.
        var result = ""
        var rest = Substring(text)
        while let start = rest.firstIndex(of: "\u{1B}") {
            result += ControlCharacters.escaped(String(rest[..<start]), keeping: kept)
            if let sequence = Style.sequences.first(where: { rest[start...].hasPrefix($0) }) {
                result += sequence
                rest = rest[rest.index(start, offsetBy: sequence.count)...]
            } else {
                result += ControlCharacters.visible("\u{1B}")
                rest = rest[rest.index(after: start)...]
            }
        }
        return result + ControlCharacters.escaped(String(rest), keeping: kept)
    }

    /// Columns the text takes on a terminal once made safe (escapes included): every
    /// table pads with this.
    static func width(_ text: String) -> Int {
        DisplayWidth.of(ControlCharacters.escaped(text, keeping: ["\t"]))
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - TerminalText.width(self))) + self
    }

    func rightPadded(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - TerminalText.width(self)))
    }
}
