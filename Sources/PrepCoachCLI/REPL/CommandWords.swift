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
    /// accepting an open quote (which `openQuote` gives), for Tab completion.
    static func partial(_ line: String) -> (complete: [String], current: String, openQuote: Character?) {
        var (words, quote) = scan(line)
        let endsInWord = quote != nil || (line.last.map { !$0.isWhitespace } ?? false)
        let current = endsInWord ? (words.popLast() ?? "") : ""
        return (words, current, quote)
    }

    /// The word as typed after an opening `quote`, closed unless it is a folder (Tab goes on
    /// into it): `"Tom O'Brien"`, `'Tom O'\''Brien'`.
    static func quoted(_ word: String, in quote: Character) -> String {
        let closing = word.hasSuffix("/") ? "" : String(quote)
        if quote == "'" { return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + closing }
        return "\"" + insideDoubleQuotes(word) + closing
    }

    /// The word as typed back on a command line, backslash-escaping what `split`
    /// would otherwise break or strip (spaces, quotes, backslashes): for Tab completion.
    static func escaped(_ word: String) -> String {
        var result = ""
        for character in word {
            if character.isWhitespace || character == "\\" || character == "'" || character == "\"" {
                result.append("\\")
            }
            result.append(character)
        }
        return result
    }

    /// The word in double quotes when it needs them, for commands shown in messages: `prep "Ann Lee"`.
    static func quoted(_ word: String) -> String {
        let special = word.isEmpty || word.contains { $0.isWhitespace || $0 == "\\" || $0 == "'" || $0 == "\"" }
        guard special else { return word }
        return "\"" + insideDoubleQuotes(word) + "\""
    }

    private static func insideDoubleQuotes(_ word: String) -> String {
        word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
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
