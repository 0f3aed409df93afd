import Foundation

/// The normalised form of a question that rule patterns see: lower case,
/// accents folded, contractions expanded, punctuation gone, single spaces,
/// one space of padding at each end — so patterns need not spell out case,
/// punctuation or "what's"/"what is". Documented in QuestionBanks/README.md.
public enum QuestionText {
    /// Normalised text as UTF-8 bytes, ready for the automaton.
    public static func normalize(_ text: String) -> [UInt8] {
        var output: [UInt8] = [0x20]
        output.reserveCapacity(text.utf8.count + 16)
        var word: [UInt8] = []
        var apostrophe: Int?  // position of the last apostrophe in `word`

        func flush() {
            guard !word.isEmpty else { return }
            if let cut = apostrophe {
                // y'all's: the last apostrophe decides the suffix; earlier ones split words.
                let base = word[..<cut].map { $0 == 0x27 ? 0x20 : $0 }
                appendContraction(base: base, suffix: Array(word[(cut + 1)...]), to: &output)
            } else if word == Array("cannot".utf8) {
                output += Array("can not ".utf8)
            } else {
                output += word
                output.append(0x20)
            }
            word.removeAll(keepingCapacity: true)
            apostrophe = nil
        }

        let source = text.utf8.allSatisfy { $0 < 0x80 } ? text : folded(text)
        for byte in source.utf8 {
            switch byte {
            case 0x41...0x5A: word.append(byte | 0x20)
            case 0x61...0x7A, 0x30...0x39: word.append(byte)
            case 0x27 where !word.isEmpty:
                apostrophe = word.count
                word.append(byte)
            default: flush()
            }
        }
        flush()
        return output
    }

    /// Non-ASCII text: curly quotes straightened, accents folded (résumé → resume).
    private static func folded(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{2018}", with: "'")
            .replacingOccurrences(of: "\u{02BC}", with: "'")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
    }

    /// Words whose `'s` means "is" (or "us" for let's); elsewhere it is a possessive.
    private static let isContractions: Set<[UInt8]> = Set([
        "what", "how", "who", "where", "when", "why", "that", "it", "there", "here", "he", "she", "this",
        "everyone", "everybody", "someone", "somebody", "nobody", "something", "nothing", "one",
    ].map { Array($0.utf8) })

    private static func appendContraction(base: [UInt8], suffix: [UInt8], to output: inout [UInt8]) {
        func emit(_ words: String...) {
            for word in words where !word.isEmpty {
                output += Array(word.utf8)
                output.append(0x20)
            }
        }
        let baseText = String(decoding: base, as: UTF8.self)
        let suffixText = String(decoding: suffix.filter { $0 != 0x27 }, as: UTF8.self)
        switch suffixText {
        case "s" where baseText == "let": emit("let", "us")
        case "s" where isContractions.contains(base): emit(baseText, "is")
        case "s", "": emit(baseText)
        case "re": emit(baseText, "are")
        case "ve": emit(baseText, "have")
        case "ll": emit(baseText, "will")
        case "d": emit(baseText, "would")
        case "m": emit(baseText, "am")
        case "t" where baseText == "won": emit("will", "not")
        case "t" where baseText == "can": emit("can", "not")
        case "t" where baseText == "shan": emit("shall", "not")
        case "t" where baseText == "ain": emit("is", "not")
        case "t" where baseText.hasSuffix("n"): emit(String(baseText.dropLast()), "not")
        default: emit(baseText, suffixText)  // y'all → y all, o'clock → o clock
        }
    }

    /// The normalised text as a string, for messages and tests.
    public static func normalizedString(_ text: String) -> String {
        String(decoding: normalize(text), as: UTF8.self)
    }
}
