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

    /// Columns the text takes on a terminal once made safe: East Asian wide
    /// characters and emoji take two, combining marks none. Every table pads with this.
    static func width(_ text: String) -> Int {
        ControlCharacters.escaped(text).reduce(0) { $0 + width(of: $1) }
    }

    private static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains("\u{FE0F}") || first.properties.isEmojiPresentation || isWide(first) { return 2 }
        if first.properties.generalCategory == .nonspacingMark || first == "\u{200B}" { return 0 }
        return 1
    }

    /// East Asian Wide and Fullwidth blocks (Unicode TR 11), as terminals draw them.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            true
        default:
            false
        }
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
