import Yams

/// One thing to be sure of before a call, from `readiness.yaml`.
public struct ReadinessCheck: Sendable, Hashable {
    /// What prepcoach can work out for itself.
    public enum Computation: String, Sendable, CaseIterable {
        case planPicked = "plan-picked"
        case planClean = "plan-clean"
        case researchNotes = "research-notes"
        case planFits = "plan-fits"
    }

    public enum Kind: Sendable, Hashable {
        /// Answered yes or no, with an optional note.
        case ask
        /// Answered with a sentence (kept as the note), or no.
        case sentence
        case computed(Computation)
    }

    public let id: String
    public let kind: Kind
    public let prompt: String
    /// Why it matters, shown when the user asks (`?`).
    public let why: String
    /// What to do while the check is not passed, in the imperative; the file's `action`, else `why`.
    public let action: String
    /// Where it is defined, for a duplicate id.
    public let location: SourceLocation

    public init(id: String, kind: Kind, prompt: String, why: String, action: String? = nil, location: SourceLocation) {
        self.id = id
        self.kind = kind
        self.prompt = prompt
        self.why = why
        self.action = action ?? why
        self.location = location
    }

    /// The user answers it (not worked out by prepcoach).
    public var isAsked: Bool {
        switch kind {
        case .ask, .sentence: true
        case .computed: false
        }
    }
}

/// Reads the `checks:` list of a readiness file.
struct ReadinessReader {
    static func read(_ document: YAMLDocument, reader: inout NodeReader) -> [ReadinessCheck] {
        guard let top = reader.fields(of: document.root, describing: "the readiness file", known: ["checks"]),
              let list = top.required("checks", reader: &reader),
              let entries = reader.sequence(list, field: "checks") else { return [] }
        return entries.compactMap { check($0, reader: &reader) }
    }

    private static func check(_ node: Node, reader: inout NodeReader) -> ReadinessCheck? {
        guard let fields = reader.fields(of: node, describing: "a readiness check",
                                         known: ["id", "kind", "compute", "prompt", "why", "action"]) else { return nil }
        let before = reader.diagnostics.count
        let id = fields.required("id", reader: &reader).flatMap { reader.string($0, field: "id") }
        let prompt = fields.required("prompt", reader: &reader).flatMap { reader.string($0, field: "prompt") }
        let why = fields.required("why", reader: &reader).flatMap { reader.string($0, field: "why") }
        let action = fields["action"].flatMap { reader.string($0, field: "action") }
        var kind: ReadinessCheck.Kind?
        if let kindNode = fields.required("kind", reader: &reader), let name = reader.string(kindNode, field: "kind") {
            switch name {
            case "ask": kind = .ask
            case "sentence": kind = .sentence
            case "computed":
                guard let computeNode = fields.required("compute", reader: &reader),
                      let computeName = reader.string(computeNode, field: "compute") else { break }
                if let computation = ReadinessCheck.Computation(rawValue: computeName) {
                    kind = .computed(computation)
                } else {
                    let names = ReadinessCheck.Computation.allCases.map(\.rawValue)
                    reader.error(at: computeNode, "unknown computation '\(computeName)'"
                                 + "\(Suggestion.hint(for: computeName, among: names)); use one of: \(names.joined(separator: ", "))")
                }
            default:
                reader.error(at: kindNode, "kind must be 'ask', 'sentence' or 'computed', not '\(name)'")
            }
        }
        guard reader.diagnostics.count == before, let id, let prompt, let why, let kind else { return nil }
        return ReadinessCheck(id: id, kind: kind, prompt: prompt, why: why, action: action,
                              location: reader.location(of: node))
    }
}
