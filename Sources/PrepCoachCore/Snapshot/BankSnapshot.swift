import Foundation

/// Everything loaded from one set of bank folders, kept between runs in one
/// file (in a `CacheFolder`, which says whose files are read), so a start reads one buffer instead of parsing YAML and checking
/// every question, tag and rule pattern again (BENCHMARKS.md).
///
/// The snapshot is used only while it is whole (its length and checksum
/// match) and still describes the files: the same data files, each with the
/// same size and modification time, read by the same program build. Otherwise
/// the folders are loaded from their files and the snapshot rewritten.
public struct BankSnapshot: Sendable {
    /// Bump when the stored types or their encodings change.
    static let formatVersion = 5
    static let magic = Array("prepcoach-banks\n".utf8)
    static let headerSize = magic.count + 32

    public let folder: URL
    /// The running program's file: a rebuilt program may read banks differently.
    let program: String?

    public init(folder: URL, program: String? = nil) {
        self.folder = folder
        self.program = program
    }

    /// This program's file, to stamp snapshots with.
    public static var runningProgram: String? {
        #if os(Linux)
        "/proc/self/exe"  // stat follows the link to the executable
        #else
        Bundle.main.executablePath
        #endif
    }

    /// `$XDG_CACHE_HOME/prepcoach/snapshots`, by default `~/.cache/prepcoach/snapshots`.
    public static func defaultFolder(environment: [String: String]) -> URL? {
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.cache" }
        return base.map { URL(fileURLWithPath: $0).appendingPathComponent("prepcoach/snapshots") }
    }

    /// The banks of `paths`, from the snapshot when it is valid, else loaded
    /// from the files (and the snapshot rewritten).
    public func load(_ paths: [String]) -> Banks {
        let sources = Sources(paths: paths, program: program)
        // Mapped, not copied: the rules' part is only touched by a command that lints.
        let snapshot = file(for: paths)
        if CacheFolder.isTrusted(file: snapshot), let data = try? Data(contentsOf: snapshot, options: .alwaysMapped),
           let banks = try? Self.decode(data, expecting: sources) {
            return banks
        }
        let banks = BankLoader.load(paths).compilingRules()
        save(banks, sources: sources)
        return banks
    }

    /// Writes the snapshot (0600); one that cannot be written is simply not used.
    func save(_ banks: Banks, sources: Sources) {
        _ = CacheFolder.replace(file(for: sources.paths), with: Self.encode(banks, sources: sources))
    }

    func file(for paths: [String]) -> URL {
        named(by: paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }, extension: "snapshot")
    }

    /// Where the lint verdicts for the questions of the banks read from `files` are kept (see `LintVerdicts`).
    public func verdictsFile(forBankFiles files: [String]) -> URL {
        named(by: files, extension: LintVerdicts.fileExtension)
    }

    /// A file in the folder named by a hash of `paths`: one per set of folders or files.
    private func named(by paths: [String], extension: String) -> URL {
        folder.appendingPathComponent(String(StableHash.fnv1a(paths.joined(separator: "\n")), radix: 16) + "." + `extension`)
    }

    // MARK: Format
    // magic; the length and checksum of the banks part, then of the compiled
    // rules part (8 bytes each); the banks part: a string table, the sources it
    // was made from, the banks; then the compiled rules, checked and decoded
    // only when a command builds the rule engine.

    static func encode(_ banks: Banks, sources: Sources) -> Data {
        // Reserved up front: a 100,000-question snapshot is tens of MB, each regrowth a copy.
        var body = SnapshotWriter(expectedStrings: 2 * banks.questions.count)
        body.write(sources)
        body.write(banks)
        var payload = SnapshotWriter.stringTable(body.strings, reserving: body.bytes.count)
        payload += body.bytes
        let rules = banks.precompiledRules
        var data = Data(capacity: headerSize + payload.count + rules.bytes.count)
        data.append(contentsOf: magic)
        for field in [UInt64(payload.count), payload.withUnsafeBytes(Checksum.of), UInt64(rules.bytes.count), rules.checksum] {
            withUnsafeBytes(of: field.littleEndian) { data.append(contentsOf: $0) }
        }
        data.append(contentsOf: payload)
        data.append(rules.bytes)
        return data
    }

    static func decode(_ data: Data, expecting sources: Sources) throws(SnapshotError) -> Banks {
        let header = data.withUnsafeBytes { bytes -> [UInt64]? in
            guard bytes.count >= headerSize, bytes.prefix(magic.count).elementsEqual(magic) else { return nil }
            return (0..<4).map { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: magic.count + $0 * 8, as: UInt64.self)) }
        }
        // The two parts fill the rest exactly (a damaged header must not overflow the sum).
        guard let header, header[0] <= UInt64(data.count - headerSize),
              header[2] == UInt64(data.count - headerSize) - header[0] else { throw SnapshotError() }
        let banksEnd = data.startIndex + headerSize + Int(header[0])
        let result = data[(data.startIndex + headerSize)..<banksEnd].withUnsafeBytes { payload -> Result<Banks, SnapshotError> in
            do throws(SnapshotError) {
                return .success(try decode(payload, checksum: header[1], expecting: sources))
            } catch {
                return .failure(error)
            }
        }
        var banks = try result.get()
        banks.precompiledRules = PrecompiledRules(bytes: data[banksEnd...], checksum: header[3])
        return banks
    }

    private static func decode(_ payload: UnsafeRawBufferPointer, checksum: UInt64,
                               expecting sources: Sources) throws(SnapshotError) -> Banks {
        guard Checksum.of(payload) == checksum else { throw SnapshotError() }
        var offset = 0
        let strings = try SnapshotReader.strings(in: payload, from: &offset)
        var reader = SnapshotReader(bytes: payload, offset: offset, strings: strings)
        guard try reader.read() as Sources == sources else { throw SnapshotError() }
        let banks: Banks = try reader.read()
        guard reader.isAtEnd else { throw SnapshotError() }
        return banks
    }
}

extension BankSnapshot {
    /// What a snapshot was made from: if any of it differs now, the snapshot is stale.
    struct Sources: Equatable, SnapshotCodable {
        let paths: [String]
        /// Whether each path exists: when a missing folder appears, the snapshot is stale.
        /// (Not a folder's modification time: an editor's swap file would change it.)
        let present: [Bool]
        /// Each data file under the paths, the lint model's files (a model that
        /// appears counts too), and the program, with its size and modification time.
        let stamps: [FileStamp]

        init(paths: [String], program: String?) {
            self.paths = paths
            present = paths.map { access($0, F_OK) == 0 }
            var ignored: [Diagnostic] = []
            let files = BankLoader.dataFiles(in: paths, diagnostics: &ignored)
            let model = paths.flatMap { path in
                let files = BankLoader.modelFiles(in: path)
                return files.training + [files.model]
            }
            stamps = ([program].compactMap { $0 } + files + model).map(FileStamp.init)
        }

        init(from reader: inout SnapshotReader) throws(SnapshotError) {
            guard try reader.read() as Int == BankSnapshot.formatVersion else { throw SnapshotError() }
            paths = try reader.read()
            present = try reader.read()
            stamps = try reader.read()
        }

        func encode(to writer: inout SnapshotWriter) {
            writer.write(BankSnapshot.formatVersion)
            writer.write(paths)
            writer.write(present)
            writer.write(stamps)
        }
    }

    /// A file's path, size and modification time (nanoseconds); -1s when it does not exist.
    struct FileStamp: Equatable, SnapshotCodable {
        let path: String
        let size: Int
        let modified: Int

        init(_ path: String) {
            self.path = path
            var status = stat()
            guard stat(path, &status) == 0 else {
                (size, modified) = (-1, -1)
                return
            }
            size = Int(status.st_size)
            #if os(Linux)
            modified = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
            #else
            modified = Int(status.st_mtimespec.tv_sec) * 1_000_000_000 + Int(status.st_mtimespec.tv_nsec)
            #endif
        }

        init(from reader: inout SnapshotReader) throws(SnapshotError) {
            path = try reader.read()
            size = try reader.read()
            modified = try reader.read()
        }

        func encode(to writer: inout SnapshotWriter) {
            writer.write(path)
            writer.write(size)
            writer.write(modified)
        }
    }
}

/// A 64-bit checksum of a whole snapshot, eight bytes at a step in four
/// independent lanes (FxHash's rotate-xor-multiply each; the lanes let the
/// processor overlap the multiplications): fast enough to check 20 MB on every
/// start, and any change to one word, or to the length, changes it.
enum Checksum {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x517C_C1B7_2722_0A95
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (UInt64(bytes.count), 1, 2, 3)
        func mix(_ hash: inout UInt64, _ word: UInt64) { hash = (((hash << 5) | (hash >> 59)) ^ word) &* multiplier }
        func word(at offset: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        var offset = 0
        while offset + 32 <= bytes.count {
            mix(&lanes.0, word(at: offset))
            mix(&lanes.1, word(at: offset + 8))
            mix(&lanes.2, word(at: offset + 16))
            mix(&lanes.3, word(at: offset + 24))
            offset += 32
        }
        var hash = lanes.0
        for lane in [lanes.1, lanes.2, lanes.3] { mix(&hash, lane) }
        while offset + 8 <= bytes.count {
            mix(&hash, word(at: offset))
            offset += 8
        }
        var tail: UInt64 = 0
        for (shift, byte) in bytes[offset...].enumerated() { tail |= UInt64(byte) << UInt64(shift * 8) }
        mix(&hash, tail)
        return hash
    }
}
