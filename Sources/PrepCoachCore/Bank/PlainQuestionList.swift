/// The node tree of a piece of a question file in the plain shape, built
/// straight from its bytes: how `prepcoach-bench` writes its 100,000
/// questions and how the bundled banks are written. libyaml's events and
/// Yams' node tree cost several times as much (BENCHMARKS.md).
///
/// Only a narrow shape is recognised, one whose YAML meaning is plain to see,
/// line by line (blank lines and comment lines anywhere):
/// - `- key: value` at the list's indentation starts a question;
/// - `key: value` two columns further in is one of its fields;
/// - `- value`, further in still and all at one indentation, is an item of the
///   field before it, written `key:` with nothing after the colon.
///
/// A key is lowercase letters. A value is `"double-quoted"` (with no escape
/// but `\"` and `\\`), `[word, word]` or a word: letters, digits, `-` and `_`,
/// starting with a letter or digit. Nothing may follow a value but spaces.
/// Everything else (anchors, tags, other escapes, comments after a value,
/// tabs, control characters, the characters YAML takes for line breaks, a key
/// twice, a key without a value) gives nil, and the caller parses with libyaml
/// instead, which reads it, or reports its problem, exactly as before.
struct PlainQuestionList {
    typealias Position = PlainNode.Position

    private let bytes: UnsafeBufferPointer<UInt8>
    private var questions: [PlainNode] = []
    private var question: (position: Position, fields: [(key: PlainNode, value: PlainNode)])?
    /// A field written `key:`, waiting for its `- item` lines.
    private var openList: (key: PlainNode, items: [PlainNode], indent: Int?, position: Position?)?

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The root of a file holding `questions:` and the items in `range` of
    /// `bytes`, whose first line is line `firstLine` of the file and whose
    /// items start at column `indent + 1`; nil if any of it is not the plain shape.
    static func root(of bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, firstLine: Int, indent: Int) -> PlainNode? {
        var list = PlainQuestionList(bytes: bytes)
        var start = range.lowerBound, line = firstLine
        while start < range.upperBound {
            let end = min(bytes.offset(of: newline, from: start), range.upperBound)
            guard list.read(line: start..<end, number: line, indent: indent) else { return nil }
            start = end + 1
            line += 1
        }
        // No item at all is `questions:` with a null value, a problem libyaml reports.
        guard list.closeQuestion(), !list.questions.isEmpty else { return nil }
        let position = Position(line: firstLine, column: 1)
        return .mapping([(.scalar("questions", position), .sequence(list.questions, position))], position)
    }

    private static let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), quote = UInt8(ascii: "\"")

    private mutating func read(line range: Range<Int>, number: Int, indent: Int) -> Bool {
        guard isPrintable(range) else { return false }
        let content = bytes[range].firstIndex { $0 != Self.space } ?? range.upperBound
        if content == range.upperBound || bytes[content] == UInt8(ascii: "#") { return true }
        let column = content - range.lowerBound
        let isItem = startsItem(at: content, in: range)
        if column == indent && isItem {
            guard closeQuestion() else { return false }
            question = (Position(line: number, column: column + 3), [])
            return field(at: content + 2, in: range, line: number)
        }
        if column == indent + 2 && question != nil {
            return closeList() && field(at: content, in: range, line: number)
        }
        guard column > indent + 2, isItem, var list = openList, list.indent == nil || list.indent == column,
              let value = value(at: content + 2, in: range, line: number, allowsList: false) else { return false }
        list.indent = column
        list.position = list.position ?? Position(line: number, column: column + 1)
        list.items.append(value)
        openList = list
        return true
    }

    /// `- ` followed by something other than a space.
    private func startsItem(at position: Int, in line: Range<Int>) -> Bool {
        position + 2 < line.upperBound && bytes[position] == UInt8(ascii: "-") && bytes[position + 1] == Self.space
            && bytes[position + 2] != Self.space
    }

    /// `key: value`, or `key:` opening a list.
    private mutating func field(at start: Int, in line: Range<Int>, line number: Int) -> Bool {
        var keyEnd = start
        while keyEnd < line.upperBound, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[keyEnd]) { keyEnd += 1 }
        guard keyEnd > start, keyEnd < line.upperBound, bytes[keyEnd] == UInt8(ascii: ":") else { return false }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<keyEnd]), as: UTF8.self)
        guard question?.fields.contains(where: { $0.key.text == name }) == false else { return false }
        let key = PlainNode.scalar(name, position(number, start, in: line))
        let rest = keyEnd + 1
        if bytes[rest..<line.upperBound].allSatisfy({ $0 == Self.space }) {
            openList = (key, [], nil, nil)
            return true
        }
        guard bytes[rest] == Self.space,
              let valueStart = bytes[rest..<line.upperBound].firstIndex(where: { $0 != Self.space }),
              let value = value(at: valueStart, in: line, line: number, allowsList: true) else { return false }
        question?.fields.append((key, value))
        return true
    }

    /// A quoted string, a flow list of words or a word, followed only by spaces.
    private func value(at start: Int, in line: Range<Int>, line number: Int, allowsList: Bool) -> PlainNode? {
        let parsed: (node: PlainNode, end: Int)?
        switch bytes[start] {
        case Self.quote: parsed = quoted(at: start, in: line, line: number)
        case UInt8(ascii: "[") where allowsList: parsed = flowList(at: start, in: line, line: number)
        default: parsed = word(at: start, in: line, line: number)
        }
        guard let parsed, bytes[parsed.end..<line.upperBound].allSatisfy({ $0 == Self.space }) else { return nil }
        return parsed.node
    }

    private func quoted(at start: Int, in line: Range<Int>, line number: Int) -> (node: PlainNode, end: Int)? {
        var text: [UInt8] = []
        var position = start + 1
        while position < line.upperBound {
            switch bytes[position] {
            case Self.quote:
                let string = String(decoding: text, as: UTF8.self)
                return (.scalar(string, self.position(number, start, in: line)), position + 1)
            case UInt8(ascii: "\\"):
                guard position + 1 < line.upperBound, [Self.quote, UInt8(ascii: "\\")].contains(bytes[position + 1])
                else { return nil }
                text.append(bytes[position + 1])
                position += 2
            case let byte:
                text.append(byte)
                position += 1
            }
        }
        return nil  // the string goes on to the next line
    }

    private func word(at start: Int, in line: Range<Int>, line number: Int) -> (node: PlainNode, end: Int)? {
        func isWordByte(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        guard isWordByte(bytes[start]), bytes[start] != UInt8(ascii: "-"), bytes[start] != UInt8(ascii: "_") else { return nil }
        let end = bytes[start..<line.upperBound].firstIndex { !isWordByte($0) } ?? line.upperBound
        let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return (.scalar(string, position(number, start, in: line)), end)
    }

    /// `[word, word]`: at least one word, no trailing comma.
    private func flowList(at start: Int, in line: Range<Int>, line number: Int) -> (node: PlainNode, end: Int)? {
        var items: [PlainNode] = []
        var position = start + 1
        while true {
            while position < line.upperBound && bytes[position] == Self.space { position += 1 }
            guard position < line.upperBound, let (item, end) = word(at: position, in: line, line: number) else { return nil }
            items.append(item)
            position = end
            while position < line.upperBound && bytes[position] == Self.space { position += 1 }
            guard position < line.upperBound else { return nil }
            if bytes[position] == UInt8(ascii: "]") {
                return (.sequence(items, self.position(number, start, in: line)), position + 1)
            }
            guard bytes[position] == UInt8(ascii: ",") else { return nil }
            position += 1
        }
    }

    /// Where `position` is: every byte before it on its line is ASCII, so the column counts bytes.
    private func position(_ line: Int, _ offset: Int, in range: Range<Int>) -> Position {
        Position(line: line, column: offset - range.lowerBound + 1)
    }

    /// Ends the field list that is open, if any: a `key:` without items has no value.
    private mutating func closeList() -> Bool {
        guard let list = openList else { return true }
        openList = nil
        guard let position = list.position else { return false }
        question?.fields.append((list.key, .sequence(list.items, position)))
        return true
    }

    private mutating func closeQuestion() -> Bool {
        guard closeList() else { return false }
        if let question {
            questions.append(.mapping(question.fields, question.position))
        }
        question = nil
        return true
    }

    /// No tab, carriage return or other control character, and none of the
    /// characters libyaml refuses (C1 controls, U+FEFF, U+FFFE, U+FFFF) or
    /// takes for a line break (U+0085, U+2028, U+2029). The text is valid UTF-8.
    private func isPrintable(_ line: Range<Int>) -> Bool {
        var position = line.lowerBound
        while position < line.upperBound {
            let byte = bytes[position]
            if byte < 0x80 {
                if byte < 0x20 || byte == 0x7F { return false }
            } else if position + 1 < line.upperBound {
                let next = bytes[position + 1], third = position + 2 < line.upperBound ? bytes[position + 2] : 0
                if byte == 0xC2 && next < 0xA0 { return false }
                if byte == 0xE2 && next == 0x80 && (third == 0xA8 || third == 0xA9) { return false }
                if byte == 0xEF && (next == 0xBB && third == 0xBF || next == 0xBF && third >= 0xBE) { return false }
            }
            position += 1
        }
        return true
    }
}

/// A value read by `PlainQuestionList`: a string, or a list or mapping of values.
enum PlainNode: YAMLNode {
    struct Position {
        let line: Int
        let column: Int
    }

    case scalar(String, Position)
    case sequence([PlainNode], Position)
    case mapping([(key: PlainNode, value: PlainNode)], Position)

    var text: String? {
        if case let .scalar(text, _) = self { text } else { nil }
    }

    var items: [PlainNode]? {
        if case let .sequence(items, _) = self { items } else { nil }
    }

    var pairs: [(key: PlainNode, value: PlainNode)]? {
        if case let .mapping(pairs, _) = self { pairs } else { nil }
    }

    var position: (line: Int, column: Int)? {
        switch self {
        case let .scalar(_, position), let .sequence(_, position), let .mapping(_, position):
            (position.line, position.column)
        }
    }

    var kindName: String {
        switch self {
        case .scalar: "value"
        case .sequence: "list"
        case .mapping: "mapping"
        }
    }
}
