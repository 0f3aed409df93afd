/// Control characters (C0, DEL, C1, bidi controls) in text that came from a user, a database
/// or a file. Written raw to a terminal they are commands (`ESC ]0;…` retitles
/// the window, `ESC [2J` clears it, CR overwrites the line); written raw to a
/// Markdown or iCalendar file they break its format. So they are shown as
/// visible escapes, `\u{1B}`, in the notation of Swift string literals.
public enum ControlCharacters {
    /// Whether a scalar is a control character: U+0000–U+001F, U+007F–U+009F, the line and
    /// paragraph separators, and the bidirectional controls, which reorder what a terminal
    /// shows (U+202E makes `exe.txt` read `txt.exe`) and so are treated the same way.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// A control character that breaks a line: LF, VT, FF, CR, NEL, U+2028, U+2029.
    public static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains(scalar.value)
    }

    /// True when the text holds a control character (a newline included) not in `kept`.
    public static func contains(_ text: String, except kept: Set<Unicode.Scalar> = []) -> Bool {
        text.unicodeScalars.contains { isControl($0) && !kept.contains($0) }
    }

    /// The text with every control character but those in `kept` made visible.
    public static func escaped(_ text: String, keeping kept: Set<Unicode.Scalar> = []) -> String {
        guard contains(text, except: kept) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) && !kept.contains(scalar) {
                result.append(contentsOf: visible(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `\u{1B}`: two hex digits at least, upper case.
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u{" + (hex.count < 2 ? "0" + hex : hex) + "}"
    }

    /// For input that becomes a single-line field (a name, role, company): a one-line
    /// reason when it holds a control character not `allowed`, else nil.
    public static func problem(inField field: String, _ text: String, allowing allowed: Set<Unicode.Scalar> = []) -> String? {
        guard let scalar = text.unicodeScalars.first(where: { isControl($0) && !allowed.contains($0) }) else { return nil }
        let what = isLineBreak(scalar) ? "a line break" : "a control character (\(visible(scalar)))"
        return "the \(field) contains \(what); type it on one line without control characters"
    }
}
