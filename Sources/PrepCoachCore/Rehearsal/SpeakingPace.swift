import Foundation

/// How long words take to say at a normal speaking rate: about 150 words a
/// minute in conversation, which is also the pace a 30-second introduction is
/// written for (about 75 words).
public enum SpeakingPace {
    public static let wordsPerMinute = 150
    /// A breath and a lead-in before a question ("So, …"), which the words alone leave out.
    public static let leadInSeconds = 2

    public static func words(in text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count { $0.contains(where: { $0.isLetter || $0.isNumber }) }
    }

    /// Seconds to say these words, rounded to the nearest second.
    public static func seconds(forWords words: Int) -> Int {
        (words * 60 + wordsPerMinute / 2) / wordsPerMinute
    }

    public static func seconds(for text: String) -> Int { seconds(forWords: words(in: text)) }

    /// Seconds to ask a question aloud: its words at the normal pace plus the lead-in.
    public static func askingSeconds(_ question: String) -> Int { seconds(for: question) + leadInSeconds }

    /// The words that fit in so many seconds.
    public static func words(inSeconds seconds: Int) -> Int { seconds * wordsPerMinute / 60 }

    /// A run this much faster than the pace was not said aloud (nobody speaks at 300 words a minute):
    /// it was clicked through.
    public static let fastestRealShare = 0.5
}

/// A text cut into sentences at `.`, `!` or `?` followed by a space or the end.
public enum Sentences {
    public static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var previousEnds = false
        for character in text {
            if previousEnds, character.isWhitespace {
                sentences.append(current)
                current = ""
                previousEnds = false
                continue
            }
            current.append(character)
            previousEnds = ".!?".contains(character) || (previousEnds && "\"”’')".contains(character))
        }
        sentences.append(current)
        return sentences.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
