import CLibEdit

/// How many terminal columns text takes: wide (CJK, emoji) characters take two,
/// combining marks and control characters none. Locale-independent, so prompts and
/// wrapped text line up the same under any LANG.
public enum DisplayWidth {
    public static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, first.value >= 0x20, first.value != 0x7F else { return 0 }
        if scalars.contains(where: isWide) { return 2 }
        return scalars.allSatisfy(isZeroWidth) ? 0 : 1
    }

    /// The width of a prompt, not counting the non-printing sequences (colours)
    /// wrapped in "\u{1}" … "\u{1}".
    public static func ofPrompt(_ prompt: String) -> Int {
        prompt.split(separator: "\u{1}", omittingEmptySubsequences: false)
            .enumerated().filter { $0.offset.isMultiple(of: 2) }
            .reduce(0) { $0 + of($1.element) }
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: true
        default: false
        }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isEmojiPresentation { return true }
        return wideRanges.contains { $0.contains(scalar.value) }
    }

    /// East Asian Wide and Fullwidth blocks (Hangul, CJK, kana, fullwidth forms).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x20000...0x3FFFD,
    ]
}

/// The terminal's size, when output goes to one.
public enum TerminalSize {
    /// Columns of the terminal on standard output; nil when it is not a terminal.
    public static func outputColumns() -> Int? {
        let columns = Int(clibedit_columns_of(1))
        return columns > 0 ? columns : nil
    }
}
