import Foundation
import SafeRegex

/// A rule's automata as compiled in an earlier run, kept in the bank snapshot
/// so a start builds the rule engine without parsing or compiling a pattern.
/// Valid while the rule's patterns and the macros they use are unchanged.
///
/// From the snapshot, only the rule's literals are read at once: its automata
/// stay stored integers until a question holds one of them (most rules never
/// see such a question in a one-shot run).
public struct CompiledRule: Sendable {
    let patterns: [String]
    let exceptions: [String]
    /// Each macro the patterns use, with its value when they were compiled.
    let macros: [String: String]
    /// Literals one of which every text the patterns match holds.
    let prefilter: LiteralPrefilter
    let automata: Automata

    enum Automata: Sendable {
        case compiled(patterns: CompiledPatternSet, exceptions: CompiledPatternSet?)
        /// The bytes of `CompiledPatternSet.integers` (in the mapped snapshot), decoded on first use.
        case stored(patterns: Data, exceptions: Data?)
    }

    init(patterns: [String], exceptions: [String], macros: [String: String], prefilter: LiteralPrefilter,
         automata: Automata) {
        self.patterns = patterns
        self.exceptions = exceptions
        self.macros = macros
        self.prefilter = prefilter
        self.automata = automata
    }

    /// Compiles a rule's patterns with these macros.
    init(_ rule: Rule, macros: PatternMacros) throws {
        let used = Set((rule.patterns + rule.exceptions).flatMap(PatternMacros.references(in:)))
        let patternSet = try CompiledPatternSet(rule.patterns.map { try macros.expand($0).text })
        self.init(patterns: rule.patterns, exceptions: rule.exceptions,
                  macros: macros.values.filter { used.contains($0.key) }, prefilter: patternSet.prefilter,
                  automata: .compiled(patterns: patternSet, exceptions: rule.exceptions.isEmpty ? nil
                      : try CompiledPatternSet(rule.exceptions.map { try macros.expand($0).text })))
    }

    /// Whether these automata are what compiling `rule` with `macros` would give.
    func matches(_ rule: Rule, macros current: PatternMacros) -> Bool {
        patterns == rule.patterns && exceptions == rule.exceptions
            && macros.allSatisfy { current.values[$0.key] == $0.value }
    }

    enum Part { case patterns, exceptions }

    /// One part's automata, decoded if stored; nil when the rule has no
    /// exceptions, or the stored integers are malformed.
    func patternSet(_ part: Part) -> CompiledPatternSet? {
        switch (automata, part) {
        case let (.compiled(patterns, _), .patterns): patterns
        case let (.compiled(_, exceptions), .exceptions): exceptions
        case let (.stored(patterns, _), .patterns): CompiledPatternSet(integers: patterns.integers, prefilter: prefilter)
        case let (.stored(_, exceptions), .exceptions): exceptions.flatMap { CompiledPatternSet(integers: $0.integers) }
        }
    }
}

/// The compiled rules and the lint model as the snapshot stores them, decoded
/// only when a command builds the rule engine: `tags` or `list` never pay for it.
public struct PrecompiledRules: Sendable {
    let bytes: Data
    /// Of `bytes`, checked before they are decoded.
    let checksum: UInt64

    /// What a command that lints needs.
    public struct Decoded: Sendable {
        /// By rule id.
        public var rules: [String: CompiledRule] = [:]
        /// The lint model's file as it was when the snapshot was made (nil: none
        /// then, or nothing decoded: read the file), decoded as from the file.
        public var model: Data?
    }

    /// Identifies the compiled rules and model; nil when nothing was compiled.
    public var fingerprint: UInt64? { bytes.isEmpty ? nil : checksum }

    init(bytes: Data = Data(), checksum: UInt64? = nil) {
        self.bytes = bytes
        self.checksum = checksum ?? bytes.withUnsafeBytes(Checksum.of)
    }

    /// Every rule compiled with these macros, and the lint model's file if there is one.
    init(_ rules: [Rule], macros: PatternMacros, modelFile: String?) {
        var writer = SnapshotWriter()
        let compiled = rules.compactMap { rule in (try? CompiledRule(rule, macros: macros)).map { (rule.id, $0) } }
        writer.write(compiled.map(\.0))
        writer.write(compiled.map(\.1))
        let model = modelFile.flatMap { FileManager.default.contents(atPath: $0) }
        writer.write(model != nil)
        model.map { writer.write(raw: $0) }
        self.init(bytes: Data(SnapshotWriter.stringTable(writer.strings) + writer.bytes))
    }

    /// Empty if there is nothing stored or it does not decode.
    public func decoded() -> Decoded {
        (try? bytes.withUnsafeBytes(decode)) ?? Decoded()
    }

    private func decode(_ bytes: UnsafeRawBufferPointer) throws(SnapshotError) -> Decoded {
        guard !bytes.isEmpty, Checksum.of(bytes) == checksum else { throw SnapshotError() }
        var offset = 0
        let strings = try SnapshotReader.strings(in: bytes, from: &offset)
        var reader = SnapshotReader(bytes: bytes, offset: offset, strings: strings, data: self.bytes)
        let ids: [String] = try reader.read()
        let rules: [CompiledRule] = try reader.read()
        let model: Data? = try reader.read() ? try reader.readBytes() : nil
        guard ids.count == rules.count, reader.isAtEnd else { throw SnapshotError() }
        return Decoded(rules: Dictionary(zip(ids, rules)) { first, _ in first }, model: model)
    }
}

extension Banks {
    /// The banks with every rule compiled with their own macros, and the lint model read, for the snapshot.
    func compilingRules() -> Banks {
        var banks = self
        banks.precompiledRules = PrecompiledRules(rules, macros: macros, modelFile: modelFile)
        return banks
    }
}
