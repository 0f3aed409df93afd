import Foundation

/// Who you are, for the letters prepcoach drafts — set once in the config file
/// (the same one as the rule choices, `RuleSettings.defaultPath`):
///
///     me:
///       name: Alex Kim
///       signature: "Alex Kim\nalex@example.com"
///
/// The signature closes a letter; without one, the name does.
public struct UserProfile: Sendable, Hashable {
    public var name: String?
    public var signature: String?

    public init(name: String? = nil, signature: String? = nil) {
        self.name = name
        self.signature = signature
    }

    /// What closes a letter: the signature, else the name, else nil (the caller shows a placeholder).
    public var signOff: String? { signature ?? name }

    /// The config file's text with its `me:` section replaced by this profile (or added at the
    /// end); everything else — rule choices, comments — is kept as it was.
    public func written(into config: String) -> String {
        var lines = config.isEmpty ? [] : config.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        var block = ["me:"]
        if let name { block.append("  name: \(Self.quoted(name))") }
        if let signature { block.append("  signature: \(Self.quoted(signature))") }
        if let start = lines.firstIndex(where: { $0.hasPrefix("me:") }) {
            // The section runs to the next line that starts a new top-level key.
            let end = lines[(start + 1)...].firstIndex { !$0.isEmpty && !$0.hasPrefix(" ") && !$0.hasPrefix("\t") }
                ?? lines.count
            lines.replaceSubrange(start..<end, with: block)
        } else {
            lines += block
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar (JSON's string escapes are a subset of YAML's).
    private static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads the `me:` section of a config file; a missing file or section means an empty profile.

    public static func load(path: String) -> (UserProfile, [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path),
              case let .success(document?) = YAMLDocument.parse(path: path, contents: String(decoding: data, as: UTF8.self)),
              case let .mapping(top) = document.root,
              let me = top.first(where: { $0.key.scalar?.string == "me" })?.value
        else { return (UserProfile(), []) }  // a file that does not parse is reported by the rule settings
        var reader = NodeReader(file: path)
        var profile = UserProfile()
        if let fields = reader.fields(of: me, describing: "'me' (your name and signature)", known: ["name", "signature"]) {
            profile.name = fields["name"].flatMap { reader.string($0, field: "name") }
            profile.signature = fields["signature"].flatMap { reader.string($0, field: "signature", multiline: true) }
        }
        return (profile, reader.diagnostics)
    }
}
