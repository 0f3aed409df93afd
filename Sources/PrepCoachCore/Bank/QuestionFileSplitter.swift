/// Cuts a large question file into pieces that parse on their own, so the
/// cores share the YAML parse of one big file and each piece's node tree is
/// freed as soon as its questions are read.
///
/// A piece is `questions:` followed by its items; `lineOffset` turns a line in
/// the piece into the line in the file (columns are unchanged). Only
/// the plain shape is cut: one top-level `questions:` line, then list items at
/// one indentation, with nothing else at the left margin. Anything else (or a
/// piece that fails to parse, e.g. an alias to an anchor in another piece, or
/// a file whose aliases expand too far) is parsed whole, which reports
/// problems exactly as before.
enum QuestionFileSplitter {
    /// Files smaller than this parse fast enough whole.
    static let minimumSize = 256 * 1024

    /// The pieces, or nil if the file should be parsed whole.
    static func pieces(of text: String, count: Int) -> [(text: String, lineOffset: Int)]? {
        let utf8 = text.utf8
        guard utf8.count >= minimumSize, count > 1 else { return nil }
        // Aliases are counted over the whole file (each piece alone could stay under the limit).
        guard AliasExpansion.excess(in: text) == nil else { return nil }
        let lines = utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let header = lines.firstIndex(where: { !isBlankOrComment($0) }),
              lines[header].elementsEqual("questions:".utf8) else { return nil }
        // Item starts: "- " at the indentation of the first item.
        guard let first = lines[(header + 1)...].firstIndex(where: { !isBlankOrComment($0) }) else { return nil }
        let indent = lines[first].prefix { $0 == UInt8(ascii: " ") }.count
        var starts: [Int] = []
        for index in first..<lines.count {
            let line = lines[index]
            if isBlankOrComment(line) { continue }
            let lineIndent = line.prefix { $0 == UInt8(ascii: " ") }.count
            if lineIndent == indent && line.dropFirst(indent).starts(with: "- ".utf8) {
                starts.append(index)
            } else if lineIndent <= indent {
                return nil  // another top-level key, a document marker, or a misindented line
            }
        }
        guard starts.count >= count * 2, starts.first == first else { return nil }
        let step = (starts.count + count - 1) / count
        let bounds = stride(from: 0, to: starts.count, by: step).map { starts[$0] } + [lines.count]
        return zip(bounds, bounds.dropFirst()).map { start, end in
            // The piece's line 2 is line `start + 1` of the file.
            ("questions:\n" + String(Substring(utf8[lines[start].startIndex..<lines[end - 1].endIndex])), start - 1)
        }
    }

    private static func isBlankOrComment(_ line: Substring.UTF8View) -> Bool {
        guard let first = line.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) else { return true }
        return first == UInt8(ascii: "#")
    }
}
