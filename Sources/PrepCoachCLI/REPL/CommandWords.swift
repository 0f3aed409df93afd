/// Splits a typed command line into words the way a shell does: spaces
/// separate words, '…' and "…" keep spaces inside one word, \ escapes one character.
enum CommandWords {
    struct UnterminatedQuote: Error, CustomStringConvertible {
        let quote: Character
        var description: String { "missing closing \(quote) quote" }
    }

    static func split(_ line: String) throws(UnterminatedQuote) -> [String] {
        let (words, openQuote) = scan(line)
        if let openQuote { throw UnterminatedQuote(quote: openQuote) }
        return words
    }

    /// The words before the cursor and the word being typed ("" after a space),
    /// accepting an open quote, for Tab completion.
    static func partial(_ line: String) -> (complete: [String], current: String) {
        var (words, _) = scan(line)
        let endsInWord = line.last.map { !$0.isWhitespace } ?? false
        let current = endsInWord ? (words.popLast() ?? "") : ""
        return (words, current)
    }

    private static func scan(_ line: String) -> (words: [String], openQuote: Character?) {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                word.append(character)
                escaped = false
            } else if character == "\\" && quote != "'" {
                escaped = true
                inWord = true
            } else if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return (words, quote)
    }
}
