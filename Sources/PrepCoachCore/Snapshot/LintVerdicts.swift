import Foundation

/// Which bank questions one rule engine left clean, remembered between runs.
///
/// `pick` keeps only questions no rule flags, and most of a one-shot `pick`
/// went into building the engine and warming its automata for the dozen
/// questions it considers. The verdicts depend on nothing but the engine
/// (its compiled rules and model, the rules the config leaves on, the model's
/// threshold, the companies it masks: `engine`, a fingerprint of all that)
/// and the question's text, so once a question has been linted under an
/// engine, the answer is read back instead; with another engine the file
/// starts afresh.
///
/// The file sits beside the bank snapshot it serves. One that is damaged,
/// unreadable or for another engine is ignored and rewritten; one that cannot
/// be written only costs the next run the linting.
public struct LintVerdicts {
    public static let fileExtension = "verdicts"
    static let magic = Array("prepcoach-verdicts-1\n".utf8)
    static let headerSize = magic.count + 16
    /// Past this many questions the file starts afresh rather than grow without end.
    static let limit = 1 << 20
    static let entrySize = 9

    /// Where they are kept; nil: in memory only.
    public let file: URL?
    let engine: UInt64
    /// The file's entries, sorted by hash: looked up in place, so a file of
    /// every question of a 100,000-question bank costs a start no decoding.
    private var stored = StoredVerdicts()
    /// Verdicts made in this run.
    private var added: [UInt64: Bool] = [:]

    /// The verdicts in `file` if they were made under the engine `engine`
    /// describes (every input it is built from, in a fixed order), else none.
    public init(file: URL?, engine description: [String]) {
        self.file = file
        engine = Array(description.joined(separator: "\n").utf8).withUnsafeBytes(Checksum.of)
        stored = file.flatMap { Self.read($0, engine: engine) } ?? StoredVerdicts()
    }

    /// True: clean; false: flagged; nil: not linted under this engine yet.
    public func verdict(for question: String) -> Bool? {
        let hash = StableHash.fnv1a(question)
        return added[hash] ?? stored.verdict(for: hash)
    }

    public mutating func record(clean: Bool, for question: String) {
        added[StableHash.fnv1a(question)] = clean
    }

    /// Writes the file when a verdict was added (atomically: a reader sees the old file or the new).
    public func saveIfChanged() {
        guard !added.isEmpty, let file else { return }
        var all = stored.count + added.count > Self.limit ? [:] : stored.dictionary
        all.merge(added) { _, new in new }
        // Not synced to disk (Foundation's atomic write is, a millisecond of `pick`): verdicts lost in a
        // crash are only linted again.
        _ = CacheFolder.replace(file, with: Self.encode(all, engine: engine))
    }

    // MARK: Format
    // magic; the engine fingerprint; the count; per question the hash of its
    // text and 1 (clean) or 0 (flagged), by hash; a checksum of all before it.

    static func encode(_ verdicts: [UInt64: Bool], engine: UInt64) -> [UInt8] {
        var bytes = magic
        bytes.reserveCapacity(headerSize + verdicts.count * entrySize + 8)
        func append(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        append(engine)
        append(UInt64(verdicts.count))
        for (hash, clean) in verdicts.sorted(by: { $0.key < $1.key }) {
            append(hash)
            bytes.append(clean ? 1 : 0)
        }
        append(bytes.withUnsafeBytes(Checksum.of))
        return bytes
    }

    /// The entries of a whole file made under `engine`, else nil.
    static func entries(of data: Data, engine: UInt64) -> StoredVerdicts? {
        data.withUnsafeBytes { bytes -> StoredVerdicts? in
            func word(at offset: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
            guard bytes.count >= headerSize + 8, bytes.prefix(magic.count).elementsEqual(magic),
                  word(at: magic.count) == engine else { return nil }
            let count = word(at: magic.count + 8)
            guard count <= UInt64(limit), bytes.count == headerSize + Int(count) * entrySize + 8,
                  word(at: bytes.count - 8) == Checksum.of(UnsafeRawBufferPointer(rebasing: bytes.dropLast(8))) else { return nil }
            return StoredVerdicts(entries: data.dropFirst(headerSize).dropLast(8))
        }
    }

    /// Only a regular file is read (a FIFO or a device in its place must not block or flood the start),
    /// and only one the `CacheFolder` trusts: a planted "clean" would let a flagged question into a plan.
    private static func read(_ file: URL, engine: UInt64) -> StoredVerdicts? {
        var info = stat()
        guard CacheFolder.isTrusted(file: file), stat(file.path, &info) == 0,
              info.st_size <= off_t(headerSize + limit * entrySize + 8),
              let data = try? Data(contentsOf: file) else { return nil }
        return entries(of: data, engine: engine)
    }
}

/// A verdicts file's entries (hash, then 1 for clean), sorted by hash.
struct StoredVerdicts {
    private let entries: Data

    init(entries: Data = Data()) { self.entries = entries }

    var count: Int { entries.count / LintVerdicts.entrySize }

    func verdict(for hash: UInt64) -> Bool? {
        entries.withUnsafeBytes { bytes in
            var (low, high) = (0, count)
            while low < high {
                let middle = (low + high) / 2, offset = middle * LintVerdicts.entrySize
                let key = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                if key == hash { return bytes[offset + 8] == 1 }
                if key < hash { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    var dictionary: [UInt64: Bool] {
        entries.withUnsafeBytes { bytes in
            // A hash twice (a file not written by prepcoach) keeps its first verdict rather than trap.
            Dictionary((0..<count).map { index in
                let offset = index * LintVerdicts.entrySize
                return (UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)), bytes[offset + 8] == 1)
            }) { first, _ in first }
        }
    }
}
