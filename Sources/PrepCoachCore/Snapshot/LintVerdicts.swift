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
    static let magic = Array("prepcoach-verdicts-1\n".utf8)
    /// Past this many questions the file starts afresh rather than grow without end.
    static let limit = 1 << 20
    static let entrySize = 9

    /// Where they are kept; nil: in memory only.
    public let file: URL?
    let engine: UInt64
    private var clean: [UInt64: Bool] = [:]
    private var changed = false

    /// The verdicts in `file` if they were made under the engine `engine`
    /// describes (every input it is built from, in a fixed order), else none.
    public init(file: URL?, engine description: [String]) {
        self.file = file
        engine = Array(description.joined(separator: "\n").utf8).withUnsafeBytes(Checksum.of)
        clean = file.flatMap { Self.read($0, engine: engine) } ?? [:]
    }

    /// True: clean; false: flagged; nil: not linted under this engine yet.
    public func verdict(for question: String) -> Bool? { clean[StableHash.fnv1a(question)] }

    public mutating func record(clean isClean: Bool, for question: String) {
        if clean.count >= Self.limit { clean = [:] }
        clean[StableHash.fnv1a(question)] = isClean
        changed = true
    }

    /// Writes the file when a verdict was added (atomically: a reader sees the old file or the new).
    public func saveIfChanged() {
        guard changed, let file else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        try? Data(Self.encode(clean, engine: engine)).write(to: file, options: .atomic)
    }

    // MARK: Format
    // magic; the engine fingerprint; the count; per question the hash of its
    // text and 1 (clean) or 0 (flagged), by hash; a checksum of all before it.

    static func encode(_ clean: [UInt64: Bool], engine: UInt64) -> [UInt8] {
        var bytes = magic
        bytes.reserveCapacity(magic.count + 24 + clean.count * entrySize)
        func append(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        append(engine)
        append(UInt64(clean.count))
        for (hash, isClean) in clean.sorted(by: { $0.key < $1.key }) {
            append(hash)
            bytes.append(isClean ? 1 : 0)
        }
        append(bytes.withUnsafeBytes(Checksum.of))
        return bytes
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, engine: UInt64) -> [UInt64: Bool]? {
        func word(at offset: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        let header = magic.count + 16
        guard bytes.count >= header + 8, bytes.prefix(magic.count).elementsEqual(magic),
              word(at: magic.count) == engine else { return nil }
        let count = word(at: magic.count + 8)
        guard count <= UInt64(limit), bytes.count == header + Int(count) * entrySize + 8,
              word(at: bytes.count - 8) == Checksum.of(UnsafeRawBufferPointer(rebasing: bytes.dropLast(8))) else { return nil }
        var clean: [UInt64: Bool] = [:]
        clean.reserveCapacity(Int(count))
        for offset in stride(from: header, to: bytes.count - 8, by: entrySize) {
            clean[word(at: offset)] = bytes[offset + 8] == 1
        }
        return clean
    }

    /// Only a regular file is read: a FIFO or a device in its place must not block or flood the start.
    private static func read(_ file: URL, engine: UInt64) -> [UInt64: Bool]? {
        var info = stat()
        guard stat(file.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              info.st_size <= off_t(magic.count + 24 + limit * entrySize),
              let data = try? Data(contentsOf: file) else { return nil }
        return data.withUnsafeBytes { decode($0, engine: engine) }
    }
}
