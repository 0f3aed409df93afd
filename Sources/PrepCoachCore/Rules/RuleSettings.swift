import Foundation
import Yams

/// The user's choices about rules, from a config file such as
/// `~/.config/prepcoach/config.yaml`:
///
///     rules:
///       closed-question: off       # switch a rule off
///       self-focused: error        # or change its severity
///       job-ask-model: off         # the lint model's findings are rules too
///     model-threshold: 0.7         # how sure the lint model must be to speak up
///
/// The ids are the ones `lint` prints.
public struct RuleSettings: Sendable {
    public enum Choice: Sendable, Hashable {
        case off
        case severity(RuleSeverity)
    }

    public private(set) var choices: [String: Choice] = [:]
    /// The probability from which the lint model's findings show (`model-threshold:`).
    public private(set) var modelThreshold = LintModel.defaultThreshold
    /// Where each choice was made, to point at an id that names no rule.
    private var places: [String: SourceLocation] = [:]

    public init(_ choices: [String: Choice] = [:]) { self.choices = choices }

    /// `$PREPCOACH_CONFIG`, else `$XDG_CONFIG_HOME/prepcoach/config.yaml`, else `~/.config/prepcoach/config.yaml`.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let path = environment["PREPCOACH_CONFIG"], !path.isEmpty { return path }
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.config" }
        return base.map { $0 + "/prepcoach/config.yaml" }
    }

    /// Reads a config file; a missing file means no choices. Problems come back as diagnostics.
    public static func load(path: String) -> (RuleSettings, [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else { return (RuleSettings(), []) }
        switch YAMLDocument.parse(path: path, contents: String(decoding: data, as: UTF8.self)) {
        case let .failure(diagnostic): return (RuleSettings(), [diagnostic])
        case .success(nil): return (RuleSettings(), [])
        case let .success(document?):
            var reader = NodeReader(file: path)
            var settings = RuleSettings()
            guard let top = reader.fields(of: document.root, describing: "the config file",
                                          known: ["rules", "me", "model-threshold"]) else { return (settings, reader.diagnostics) }
            if let node = top["model-threshold"] {
                if let value = node.scalar.flatMap({ Double($0.string.trimmingWhitespace) }), (0...1).contains(value) {
                    settings.modelThreshold = value
                } else {
                    reader.error(at: node, "'model-threshold' must be a probability from 0 to 1, like 0.6")
                }
            }
            guard let rules = top["rules"] else { return (settings, reader.diagnostics) }
            guard case let .mapping(mapping) = rules else {
                reader.error(at: rules, "'rules' must map rule ids to off, error, warning or suggestion")
                return (settings, reader.diagnostics)
            }
            for (key, value) in mapping {
                guard let id = key.scalar?.string, let word = value.scalar?.string.lowercased() else { continue }
                if let severity = RuleSeverity(rawValue: word) {
                    settings.choices[id] = .severity(severity)
                } else if ["off", "false", "no", "disabled"].contains(word) {
                    settings.choices[id] = .off
                } else {
                    reader.error(at: value, "rule '\(id)' is set to '\(word)'; use off, error, warning or suggestion")
                    continue
                }
                settings.places[id] = reader.location(of: key)
            }
            return (settings, reader.diagnostics)
        }
    }

    /// The rules with the user's choices applied, and a warning for each id that names no rule.
    public func apply(to rules: [Rule]) -> (rules: [Rule], unknown: [Diagnostic]) {
        let ids = Set(rules.map(\.id))
        let unknown = choices.keys.filter { !ids.contains($0) }.sorted().map { id in
            Diagnostic(.warning, at: places[id] ?? SourceLocation(file: "config", line: 1, column: 1),
                       "no rule has the id '\(id)'\(Suggestion.hint(for: id, among: ids))")
        }
        let applied = rules.compactMap { rule -> Rule? in
            switch choices[rule.id] {
            case .off: return nil
            case let .severity(severity):
                var changed = rule
                changed.severity = severity
                return changed
            case nil: return rule
            }
        }
        return (applied, unknown)
    }
}
