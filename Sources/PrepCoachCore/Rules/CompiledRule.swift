import Foundation
import SafeRegex

/// A rule's automata as compiled in an earlier run, kept in the bank snapshot
/// so a start builds the rule engine without parsing or compiling a pattern.
/// Valid while the rule's patterns and the macros they use are unchanged.
public struct CompiledRule: Sendable {
    let patterns: [String]
    let exceptions: [String]
    /// Each macro the patterns use, with its value when they were compiled.
    let macros: [String: String]
    let patternSet: CompiledPatternSet
    let exceptionSet: CompiledPatternSet?

    init(patterns: [String], exceptions: [String], macros: [String: String], patternSet: CompiledPatternSet,
         exceptionSet: CompiledPatternSet?) {
        self.patterns = patterns
        self.exceptions = exceptions
        self.macros = macros
        self.patternSet = patternSet
        self.exceptionSet = exceptionSet
    }

    /// Compiles a rule's patterns with these macros.
    init(_ rule: Rule, macros: PatternMacros) throws {
        let used = Set((rule.patterns + rule.exceptions).flatMap(PatternMacros.references(in:)))
        self.init(patterns: rule.patterns, exceptions: rule.exceptions,
                  macros: macros.values.filter { used.contains($0.key) },
                  patternSet: try CompiledPatternSet(rule.patterns.map { try macros.expand($0).text }),
                  exceptionSet: rule.exceptions.isEmpty ? nil
                      : try CompiledPatternSet(rule.exceptions.map { try macros.expand($0).text }))
    }

    /// Whether these automata are what compiling `rule` with `macros` would give.
    func matches(_ rule: Rule, macros current: PatternMacros) -> Bool {
        patterns == rule.patterns && exceptions == rule.exceptions
            && macros.allSatisfy { current.values[$0.key] == $0.value }
    }
}

/// The compiled rules as the snapshot stores them, decoded only when a
/// command builds the rule engine: `tags` or `list` never pay for it.
public struct PrecompiledRules: Sendable {
    let bytes: Data
    /// Of `bytes`, checked before they are decoded.
    let checksum: UInt64

    init(bytes: Data = Data(), checksum: UInt64? = nil) {
        self.bytes = bytes
        self.checksum = checksum ?? bytes.withUnsafeBytes(Checksum.of)
    }

    /// Every rule compiled with these macros.
    init(_ rules: [Rule], macros: PatternMacros) {
        var writer = SnapshotWriter()
        let compiled = rules.compactMap { rule in (try? CompiledRule(rule, macros: macros)).map { (rule.id, $0) } }
        writer.write(compiled.map(\.0))
        writer.write(compiled.map(\.1))
        self.init(bytes: Data(SnapshotWriter.stringTable(writer.strings) + writer.bytes))
    }

    /// By rule id; empty if there are none or they do not decode.
    public func decoded() -> [String: CompiledRule] {
        (try? bytes.withUnsafeBytes(decode)) ?? [:]
    }

    private func decode(_ bytes: UnsafeRawBufferPointer) throws(SnapshotError) -> [String: CompiledRule] {
        guard !bytes.isEmpty, Checksum.of(bytes) == checksum else { throw SnapshotError() }
        var offset = 0
        let strings = try SnapshotReader.strings(in: bytes, from: &offset)
        var reader = SnapshotReader(bytes: bytes, offset: offset, strings: strings)
        let ids: [String] = try reader.read()
        let rules: [CompiledRule] = try reader.read()
        guard ids.count == rules.count, reader.isAtEnd else { throw SnapshotError() }
        return Dictionary(zip(ids, rules)) { first, _ in first }
    }
}

extension Banks {
    /// The banks with every rule compiled with their own macros, for the snapshot.
    func compilingRules() -> Banks {
        var banks = self
        banks.precompiledRules = PrecompiledRules(rules, macros: macros)
        return banks
    }
}
