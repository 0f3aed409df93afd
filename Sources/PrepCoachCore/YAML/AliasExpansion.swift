import CYaml

/// Yams copies the anchored value at every `*alias` and hashes mapping keys to
/// find duplicates, so a few lines of aliases of aliases ("billion laughs")
/// expand to billions of values and hang the parse. libyaml's events are read
/// first and the expansion counted, so such a file is refused before Yams builds it.
enum AliasExpansion {
    /// Values that aliases may add to one file: far more than sharing a few lists needs.
    static let limit = 10_000

    /// The line and column (from 1) of the alias that takes the expansion past `limit`,
    /// or nil when it stays within it (or the file has a syntax error, which Yams reports).
    static func excess(in contents: String) -> (line: Int, column: Int)? {
        // An alias is written `*name`: most files have no `*` at all.
        let star = UInt8(ascii: "*")
        guard contents.utf8.withContiguousStorageIfAvailable({ $0.offset(of: star, from: 0) < $0.count })
                ?? contents.utf8.contains(star) else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return Array(contents.utf8).withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            return scan(&parser)
        }
    }

    private static func scan(_ parser: inout yaml_parser_t) -> (line: Int, column: Int)? {
        var sizes: [String: Int] = [:]  // values under each anchor, aliases expanded
        var open: [(anchor: String?, size: Int)] = []
        var expanded = 0
        func add(_ size: Int, anchor: String?) {
            if let anchor { sizes[anchor] = size }
            if !open.isEmpty { open[open.count - 1].size += size }
        }
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                add(1, anchor: name(event.data.scalar.anchor))
            case YAML_SEQUENCE_START_EVENT:
                open.append((name(event.data.sequence_start.anchor), 1))
            case YAML_MAPPING_START_EVENT:
                open.append((name(event.data.mapping_start.anchor), 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let closed = open.popLast() { add(closed.size, anchor: closed.anchor) }
            case YAML_ALIAS_EVENT:
                let size = name(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1
                expanded += size
                if expanded > limit {
                    return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
                }
                add(size, anchor: nil)
            default:
                break
            }
        }
        return nil
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }
}
