import Foundation
import SafeRegex

// How each loaded type is stored in a bank snapshot. A new field is one
// `writer.write(field)` in `encode` and one `try reader.read()` at the same
// place in `init(from:)`; then bump `BankSnapshot.formatVersion`.

extension Banks: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) {
        writer.write(vocabulary)
        writer.write(questions)
        writer.write(rules)
        writer.write(macros)
        writer.write(suggestionRules.attributes)
        writer.write(suggestionRules.reopenings)
        writer.write(titles)
        writer.write(readinessChecks)
        writer.write(askedBackQuestions)
        writer.write(concreteAsk)
        writer.write(diagnostics)
        writer.write(trainingFiles)
        writer.write(modelFile)
        writer.write(files)
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        self.init()
        vocabulary = try reader.read()
        let questions: [Question] = try reader.read()
        rules = try reader.read()
        macros = try reader.read()
        suggestionRules.attributes = try reader.read()
        suggestionRules.reopenings = try reader.read()
        titles = try reader.read()
        readinessChecks = try reader.read()
        askedBackQuestions = try reader.read()
        concreteAsk = try reader.read()
        diagnostics = try reader.read()
        trainingFiles = try reader.read()
        modelFile = try reader.read()
        files = try reader.read()
        // Duplicates were left out before the snapshot was written.
        guard setQuestions(questions) else { throw SnapshotError() }
    }
}

extension TagVocabulary: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) {
        for kind in TagKind.allCases { writer.write(tags(kind)) }
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        self.init()
        for kind in TagKind.allCases {
            let tags: [Tag] = try reader.read()
            for tag in tags {
                if add(tag, kind: kind) != nil { throw SnapshotError() }
            }
        }
    }
}

extension TitleVocabulary: SnapshotCodable {
    // Stored as read, in order; the lookups are rebuilt by adding each piece again.
    func encode(to writer: inout SnapshotWriter) {
        writer.write(functions.count)
        for function in functions {
            writer.write(function.id)
            writer.write(function.families.map(\.industry))
            writer.write(function.families.map(\.family))
            writer.write(function.titles)
            writer.write(function.subjects)
        }
        let support = supportFamilies.sorted { $0.key < $1.key }
        writer.write(support.map(\.key))
        writer.write(support.map(\.value))
        for list in TitleWords.List.allCases {
            writer.write(words[list].map(\.phrase))
            writer.write(words[list].map(\.value))
        }
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        self.init()
        for _ in 0..<(try reader.readCount()) {
            let id: String = try reader.read()
            let industries: [String] = try reader.read()
            let families: [String] = try reader.read()
            guard industries.count == families.count else { throw SnapshotError() }
            let rules = zip(industries, families).map { FamilyRule(industry: $0, family: $1) }
            let function = Function(id: id, families: rules, titles: try reader.read(),
                                    subjects: try reader.read())
            guard add(function) else { throw SnapshotError() }
        }
        let industries: [String] = try reader.read()
        let families: [String] = try reader.read()
        guard industries.count == families.count else { throw SnapshotError() }
        for (industry, family) in zip(industries, families) { setSupportFamily(family, for: industry) }
        for list in TitleWords.List.allCases {
            let phrases: [String] = try reader.read()
            let values: [String] = try reader.read()
            guard phrases.count == values.count else { throw SnapshotError() }
            // Stored already normalised: adding them again leaves them as they are.
            for (phrase, value) in zip(phrases, values) { add([phrase], to: list, value: value) }
        }
    }
}

extension Tag: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) {
        writer.write(id)
        writer.write(aliases)
        writer.write(description)
        writer.write(planLimit)
        writer.write(industry)
        writer.write(wording)
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try reader.read(), aliases: try reader.read(), description: try reader.read(),
                  planLimit: try reader.read(), industry: try reader.read(), wording: try reader.read())
    }
}

extension Question: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) {
        writer.write(id)
        writer.write(text)
        writer.write(topic)
        writer.write(stages)
        writer.write(industries)
        writer.write(minutes)
        writer.write(isReferral)
        writer.write(followups)
        writer.write(assumes)
        writer.write(location)
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try reader.read(), text: try reader.read(), topic: try reader.read(), stages: try reader.read(),
                  industries: try reader.read(), minutes: try reader.read(), isReferral: try reader.read(),
                  followups: try reader.read(), assumes: try reader.read(), location: try reader.read())
    }
}

extension Assumptions: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) {
        // Each assumable kind in a fixed order, its ids sorted, so equal assumptions are equal bytes.
        for kind in TagKind.assumable { writer.write(self[kind]?.sorted()) }
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        var values: [TagKind: Set<String>] = [:]
        for kind in TagKind.assumable {
            let ids: [String]? = try reader.read()
            values[kind] = ids.map(Set.init)
        }
        self.init(values: values)
    }
}

extension TagSet: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) {
        // `any` as -1; otherwise the sorted ids, so equal sets are equal bytes.
        switch self {
        case .any: writer.write(-1)
        case let .only(ids):
            writer.write(ids.count)
            for id in ids.sorted() { writer.write(id) }
        }
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        let count: Int = try reader.read()
        guard count >= 0 else {
            guard count == -1 else { throw SnapshotError() }
            self = .any
            return
        }
        var ids = Set<String>(minimumCapacity: count)
        for _ in 0..<count { ids.insert(try reader.read()) }
        self = .only(ids)
    }
}

extension SourceLocation: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) {
        writer.write(file)
        writer.write(line)
        writer.write(column)
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        self.init(file: try reader.read(), line: try reader.read(), column: try reader.read())
    }
}

extension Diagnostic: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) {
        writer.write(severity.rawValue)
        writer.write(location)
        writer.write(message)
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        let severity: Severity = try reader.read()
        self.init(severity, at: try reader.read(), try reader.read())
    }
}

extension Rule: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) {
        writer.write(id)
        writer.write(name)
        writer.write(category.rawValue)
        writer.write(severity.rawValue)
        writer.write(message)
        writer.write(suggestion)
        writer.write(rationale)
        writer.write(link)
        writer.write(patterns)
        writer.write(exceptions)
        writer.write(patternLocations)
        writer.write(exceptionLocations)
        writer.write(examples.flag)
        writer.write(examples.pass)
        writer.write(location)
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try reader.read(), name: try reader.read() as String, category: try reader.read(),
                  severity: try reader.read(), message: try reader.read(), suggestion: try reader.read(),
                  rationale: try reader.read(), link: try reader.read(), patterns: try reader.read(),
                  exceptions: try reader.read(), patternLocations: try reader.read(),
                  exceptionLocations: try reader.read(), examples: Examples(flag: try reader.read(), pass: try reader.read()), location: try reader.read())
    }
}

extension SuggestionRules.Attribute: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) {
        writer.write(name)
        writer.write(terms)
        writer.write(suggestion)
        writer.write(example)
        writer.write(location)
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        self.init(name: try reader.read(), terms: try reader.read(), suggestion: try reader.read(),
                  example: try reader.read(), location: try reader.read())
    }
}

extension SuggestionRules.Reopening: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) {
        writer.write(opener)
        writer.write(template)
        writer.write(example)
        writer.write(expected)
        writer.write(location)
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        self.init(opener: try reader.read(), template: try reader.read(), example: try reader.read(),
                  expected: try reader.read(), location: try reader.read())
    }
}

extension Rule.Example: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) {
        writer.write(text)
        writer.write(location)
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        self.init(text: try reader.read(), location: try reader.read())
    }
}

extension PatternMacros: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) {
        let names = values.keys.sorted()
        writer.write(names)
        writer.write(names.map { values[$0] ?? "" })
        for name in names { writer.write(locations[name]) }
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        let names: [String] = try reader.read()
        let values: [String] = try reader.read()
        guard names.count == values.count else { throw SnapshotError() }
        self.init(Dictionary(zip(names, values)) { first, _ in first })
        for (name, value) in zip(names, values) {
            let location: SourceLocation? = try reader.read()
            if let location { define(name, as: value, at: location) }
        }
    }
}

extension ReadinessCheck: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) {
        writer.write(id)
        switch kind {
        case .ask: writer.write("ask")
        case .sentence: writer.write("sentence")
        case let .computed(computation): writer.write(computation.rawValue)
        }
        writer.write(prompt)
        writer.write(why)
        writer.write(action)
        writer.write(location)
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        let id: String = try reader.read()
        let kindName: String = try reader.read()
        let kind: Kind
        if kindName == "ask" {
            kind = .ask
        } else if kindName == "sentence" {
            kind = .sentence
        } else if let computation = Computation(rawValue: kindName) {
            kind = .computed(computation)
        } else {
            throw SnapshotError()
        }
        self.init(id: id, kind: kind, prompt: try reader.read(), why: try reader.read(),
                  action: try reader.read() as String,  // not the init's optional (`why` when absent)
                  location: try reader.read())
    }
}

extension AskedBackQuestion: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) {
        writer.write(id)
        writer.write(text)
        writer.write(stages)
        writer.write(seconds)
        writer.write(note)
        writer.write(endsWithAsk)
        writer.write(location)
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try reader.read(), text: try reader.read(), stages: try reader.read(), seconds: try reader.read(),
                  note: try reader.read(), endsWithAsk: try reader.read(), location: try reader.read())
    }
}

extension ConcreteAsk: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) {
        writer.write(patterns)
        writer.write(concrete)
        writer.write(vague)
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        self.init()
        patterns = try reader.read()
        concrete = try reader.read()
        vague = try reader.read()
    }
}

extension CompiledRule: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) {
        writer.write(patterns)
        writer.write(exceptions)
        writer.write(PatternMacros(macros))
        writer.write(prefilter.patterns != nil)
        if let patterns = prefilter.patterns {
            writer.write(patterns.count)
            for pattern in patterns {
                writer.write(pattern.minLength)
                writer.write(pattern.literals.count)
                pattern.literals.forEach { writer.write(raws: $0) }
            }
        }
        switch automata {
        case let .compiled(patterns, exceptions):
            writer.write(integers: patterns.integers)
            writer.write(exceptions != nil)
            exceptions.map { writer.write(integers: $0.integers) }
        case let .stored(patterns, exceptions):
            writer.write(raw: patterns)
            writer.write(exceptions != nil)
            exceptions.map { writer.write(raw: $0) }
        }
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        let patterns: [String] = try reader.read(), exceptions: [String] = try reader.read()
        let macros: PatternMacros = try reader.read()
        var requirements: [LiteralPrefilter.Requirement]?
        if try reader.read() {
            requirements = try (0..<reader.readCount()).map { _ throws(SnapshotError) in
                LiteralPrefilter.Requirement(minLength: try reader.read(), literals: try (0..<reader.readCount()).map {
                    _ throws(SnapshotError) in try reader.readRaws()
                })
            }
        }
        // Neither decoded nor copied: `decoded()` does that when the rule is first needed.
        let patternIntegers = try reader.readIntegerBytes()
        let exceptionIntegers: Data? = try reader.read() ? try reader.readIntegerBytes() : nil
        self.init(patterns: patterns, exceptions: exceptions, macros: macros.values,
                  prefilter: LiteralPrefilter(patterns: requirements),
                  automata: .stored(patterns: patternIntegers, exceptions: exceptionIntegers))
    }
}
