import Foundation

/// Question files as already read and checked, kept between runs so a large
/// bank is parsed once, not at every start (100,000 questions take seconds in
/// YAML and a fraction of that from here; BENCHMARKS.md).
///
/// An entry is used only while the file's size and modification time, and the
/// tag vocabulary it was checked against, are unchanged; otherwise the file is
/// read again and the entry rewritten. The format is private and versioned: a
/// line per question or diagnostic, tab-separated, so decoding is a byte scan.
public struct BankCache: Sendable {
    static let format = "prepcoach-bank-cache 2"

    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// `$XDG_CACHE_HOME/prepcoach/banks`, by default `~/.cache/prepcoach/banks`.
    public static func defaultFolder(environment: [String: String]) -> URL? {
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.cache" }
        return base.map { URL(fileURLWithPath: $0).appendingPathComponent("prepcoach/banks") }
    }

    struct Entry {
        let vocabulary: UInt64
        let questions: [Question]
        let diagnostics: [Diagnostic]
    }

    /// The entry for a file, if it is still valid for the file as it is now.
    func entry(for file: String) -> Entry? {
        guard let stamp = Self.stamp(of: file), let data = FileManager.default.contents(atPath: cacheFile(for: file).path)
        else { return nil }
        return Self.decode(data, file: file, stamp: stamp)
    }

    /// Writes an entry; a cache that cannot be written is simply not used.
    func store(_ entry: Entry, for file: String) {
        guard let stamp = Self.stamp(of: file) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        try? Data(Self.encode(entry, stamp: stamp).utf8).write(to: cacheFile(for: file), options: .atomic)
    }

    private func cacheFile(for file: String) -> URL {
        let path = URL(fileURLWithPath: file).standardizedFileURL.path
        return folder.appendingPathComponent(String(StableHash.fnv1a(path), radix: 16) + ".cache")
    }

    /// Size and modification time, as text: what must not have changed.
    private static func stamp(of file: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
              let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date else { return nil }
        // Milliseconds: file systems and `setAttributes` keep different sub-second precision.
        return "\(size) \(Int64((modified.timeIntervalSince1970 * 1000).rounded(.down)))"
    }

    // MARK: Format

    static func encode(_ entry: Entry, stamp: String) -> String {
        var lines = ["\(format)\t\(stamp)\t\(entry.vocabulary)"]
        for diagnostic in entry.diagnostics {
            lines.append(["D", diagnostic.severity.rawValue, "\(diagnostic.location.line)", "\(diagnostic.location.column)",
                          escape(diagnostic.message)].joined(separator: "\t"))
        }
        for question in entry.questions {
            lines.append(["Q", question.id, escape(question.text), question.topic, tags(question.stages),
                          tags(question.industries), "\(question.minutes)", question.isReferral ? "1" : "0",
                          "\(question.location.line)", "\(question.location.column)",
                          question.followups.map(escape).joined(separator: "\u{1F}"),
                          assumptions(question.assumes)].joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func decode(_ data: Data, file: String, stamp: String) -> Entry? {
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"))[...]
        guard let header = lines.popFirst().map({ fields(of: $0) }), header.count == 3, header[0] == format,
              header[1] == stamp, let vocabulary = UInt64(header[2]) else { return nil }
        var questions: [Question] = []
        var diagnostics: [Diagnostic] = []
        // Few distinct stage and industry lists recur across thousands of questions.
        var tagSets: [String: TagSet] = [:]
        func tagSet(_ text: String) -> TagSet? {
            if let known = tagSets[text] { return known }
            let parsed = Self.tagSet(text)
            tagSets[text] = parsed
            return parsed
        }
        for line in lines {
            let field = fields(of: line)
            switch field.first {
            case "Q" where field.count == 12:
                guard let stages = tagSet(field[4]), let industries = tagSet(field[5]), let minutes = Int(field[6]),
                      let row = Int(field[8]), let column = Int(field[9]), let assumes = assumptions(field[11])
                else { return nil }
                questions.append(Question(
                    id: field[1], text: unescape(field[2]), topic: field[3], stages: stages, industries: industries,
                    minutes: minutes, isReferral: field[7] == "1",
                    followups: field[10].isEmpty ? [] : field[10].split(separator: "\u{1F}").map { unescape(String($0)) },
                    assumes: assumes, location: SourceLocation(file: file, line: row, column: column)))
            case "D" where field.count == 5:
                guard let severity = Diagnostic.Severity(rawValue: field[1]), let row = Int(field[2]),
                      let column = Int(field[3]) else { return nil }
                diagnostics.append(Diagnostic(severity, at: SourceLocation(file: file, line: row, column: column),
                                              unescape(field[4])))
            default:
                return nil  // damaged or from another version: read the file again
            }
        }
        return Entry(vocabulary: vocabulary, questions: questions, diagnostics: diagnostics)
    }

    private static func fields(of line: Substring.UTF8View.SubSequence) -> [String] {
        line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func tags(_ set: TagSet) -> String {
        switch set {
        case .any: "*"
        case let .only(ids): ids.sorted().joined(separator: ",")
        }
    }

    private static func tagSet(_ text: String) -> TagSet? {
        text == "*" ? .any : text.isEmpty ? nil : .only(Set(text.split(separator: ",").map(String.init)))
    }

    /// `role-family=design,engineering;employment=employee`, kinds in a fixed order.
    private static func assumptions(_ assumes: Assumptions) -> String {
        TagKind.assumable.compactMap { kind in
            assumes[kind].map { "\(kind.rawValue)=" + $0.sorted().joined(separator: ",") }
        }.joined(separator: ";")
    }

    private static func assumptions(_ text: String) -> Assumptions? {
        var values: [TagKind: Set<String>] = [:]
        for part in text.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, let kind = TagKind(rawValue: String(pair[0])) else { return nil }
            values[kind] = Set(pair[1].split(separator: ",").map(String.init))
        }
        return Assumptions(values: values)
    }

    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\u{1F}" }) else { return text }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\u{1F}", with: "\\u")
    }

    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                result.append(character == "t" ? "\t" : character == "n" ? "\n" : character == "u" ? "\u{1F}" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

extension TagVocabulary {
    /// Changes whenever a tag or alias is added, removed or renamed: cached
    /// questions were checked against exactly this vocabulary.
    var fingerprint: UInt64 {
        let names = TagKind.allCases.flatMap { kind in
            tags(kind).map { "\(kind.rawValue):\($0.industry ?? ""):\($0.id):\($0.aliases.joined(separator: ","))" }
        }
        return StableHash.fnv1a(names.joined(separator: "\n"))
    }
}
