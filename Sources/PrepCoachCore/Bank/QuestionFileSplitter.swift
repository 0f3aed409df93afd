import Foundation

/// Cuts a large question file into pieces that parse on their own, so the
/// cores share the parse of one big file and each piece's node tree is freed
/// as soon as its questions are read.
///
/// A piece is a run of whole list items, kept as a range of the file's bytes
/// (no copy): `PlainQuestionList` reads it in place, or libyaml reads
/// `questions:` followed by its text. Only the plain shape is cut: one
/// top-level `questions:` line, then list items at one indentation, with
/// nothing else at the left margin. Anything else (or a piece that fails to
/// parse, e.g. an alias to an anchor in another piece, or a file whose aliases
/// expand too far, or that has a character libyaml takes for a line break
/// where an editor sees none) is parsed whole, which reports problems exactly as before.
enum QuestionFileSplitter {
    /// Files smaller than this parse fast enough whole.
    static let minimumSize = 256 * 1024

    struct Piece: Sendable {
        /// Byte offsets in the file's UTF-8.
        let bytes: Range<Int>
        /// The file's line number of the piece's first line.
        let firstLine: Int
        /// The items' indentation.
        let indent: Int

        /// Added to a line of `text(in:)` to give the file's line (its line 2 is `firstLine`).
        var lineOffset: Int { firstLine - 2 }

        /// A file of its own: `questions:` and the piece's items.
        func text(in file: String) -> String {
            let utf8 = file.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)
            return "questions:\n" + String(Substring(utf8[start..<utf8.index(start, offsetBy: bytes.count)]))
        }
    }

    /// The pieces, or nil if the file should be parsed whole.
    static func pieces(of text: String, count: Int) -> [Piece]? {
        guard text.utf8.count >= minimumSize, count > 1 else { return nil }
        // Aliases are counted over the whole file (each piece alone could stay under the limit).
        guard AliasExpansion.excess(in: text) == nil else { return nil }
        return text.utf8.withContiguousStorageIfAvailable { pieces(of: $0, count: count) } ?? nil
    }

    /// One piece per list item, whatever the file's size: a file with a syntax error is read item
    /// by item, so one bad item costs only itself. Nil when the file is not in the plain shape.
    static func items(of text: String) -> [Piece]? {
        text.utf8.withContiguousStorageIfAvailable { pieces(of: $0, count: nil) } ?? nil
    }

    /// `count` pieces of whole items (each piece at least two items); nil: one piece per item.
    private static func pieces(of utf8: UnsafeBufferPointer<UInt8>, count: Int?) -> [Piece]? {
        let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")
        var header = false
        var indent: Int?
        var starts: [(offset: Int, line: Int)] = []  // item starts: "- " at the indentation of the first item
        var start = 0, line = 1
        // libyaml also breaks lines at U+0085, U+2028 and U+2029: a piece would misnumber the lines after one.
        guard !containsOtherLineBreaks(utf8) else { return nil }
        while start < utf8.count {
            let end = utf8.offset(of: newline, from: start)
            defer { (start, line) = (end + 1, line + 1) }
            let content = utf8[start..<end]
            guard let first = content.firstIndex(where: { $0 != space && $0 != UInt8(ascii: "\r") }),
                  utf8[first] != UInt8(ascii: "#") else { continue }  // blank or comment
            guard header else {
                guard content.elementsEqual("questions:".utf8) else { return nil }
                header = true
                continue
            }
            let lineIndent = first - start
            let itemIndent = indent ?? lineIndent
            indent = itemIndent
            if lineIndent == itemIndent && content.dropFirst(itemIndent).starts(with: "- ".utf8) {
                starts.append((start, line))
            } else if lineIndent <= itemIndent {
                return nil  // another top-level key, a document marker, or a misindented line
            }
        }
        guard let indent, !starts.isEmpty, starts.count >= (count ?? 0) * 2 else { return nil }
        let step = count.map { (starts.count + $0 - 1) / $0 } ?? 1
        let bounds = stride(from: 0, to: starts.count, by: step).map { starts[$0] } + [(offset: utf8.count, line: line)]
        return zip(bounds, bounds.dropFirst()).map { start, end in
            Piece(bytes: start.offset..<end.offset, firstLine: start.line, indent: indent)
        }
    }

    /// U+0085, U+2028 or U+2029 anywhere.
    private static func containsOtherLineBreaks(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let breaks: [[UInt8]] = [[0xC2, 0x85], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9]]
        return breaks.contains { sequence in
            var position = utf8.offset(of: sequence[0], from: 0)
            while position < utf8.count {
                if utf8[position...].starts(with: sequence) { return true }
                position = utf8.offset(of: sequence[0], from: position + 1)
            }
            return false
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The offset of the first `byte` at or after `start`, or `count` (memchr: tens of MB are searched).
    func offset(of byte: UInt8, from start: Int) -> Int {
        guard start < count, let base = baseAddress,
              let found = memchr(base + start, Int32(byte), count - start) else { return count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
