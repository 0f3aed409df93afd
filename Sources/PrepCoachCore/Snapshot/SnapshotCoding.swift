import Foundation

/// The byte format of bank snapshots: little-endian integers in LEB128
/// varints, strings as an index into a table of unique strings.
///
/// Hand-rolled rather than `Codable` (JSON or property lists): decoding
/// 100,000 questions through `Decoder` containers costs hundreds of
/// milliseconds, while this is a bounds-checked walk over one buffer, and the
/// string table makes the many repeated tag ids and file paths one `String` each.
///
/// A type joins the format through `SnapshotCodable`: one `write` per field in
/// `encode`, one `read` per field, in the same order, in `init(from:)`.
protocol SnapshotCodable {
    func encode(to writer: inout SnapshotWriter)
    init(from reader: inout SnapshotReader) throws(SnapshotError)
}

/// The snapshot does not decode: truncated, damaged or from another version.
struct SnapshotError: Error, Sendable {}

struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []
    private(set) var strings: [String] = []
    private var stringIndex: [String: Int] = [:]

    init() {}

    /// Room for about `count` distinct strings: a 100,000-question bank would regrow the index again and again.
    init(expectedStrings count: Int) {
        strings.reserveCapacity(count)
        stringIndex.reserveCapacity(count)
    }

    mutating func write(_ value: Int) {
        // Zigzag, so small negative numbers stay short too.
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func write(_ value: String) {
        // One hash lookup, which adds the string when it is new (a 100,000-question bank has over 100,000).
        let next = strings.count
        let index = { (slot: inout Int) in slot }(&stringIndex[value, default: next])
        if index == next { strings.append(value) }
        write(index)
    }

    mutating func write<Value: SnapshotCodable>(_ value: Value) { value.encode(to: &self) }

    mutating func write<Value: SnapshotCodable>(_ value: Value?) {
        write(value != nil)
        value?.encode(to: &self)
    }

    /// Integers at full width, copied in and out in one go (compiled automata
    /// are long lists of them). Native byte order: a snapshot never leaves its machine.
    mutating func write(integers: [Int32]) {
        integers.withUnsafeBytes { write(raw: $0) }
    }

    mutating func write(raw: some Collection<UInt8>) {
        write(raw.count)
        bytes += raw
    }

    mutating func write(raws: [[UInt8]]) {
        write(raws.count)
        for raw in raws { write(raw: raw) }
    }
}

struct SnapshotReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset: Int
    private let strings: [String]
    /// The `Data` that `bytes` point into, if any: what `readIntegerBytes` slices, not copies.
    private let data: Data?

    init(bytes: UnsafeRawBufferPointer, offset: Int = 0, strings: [String] = [], data: Data? = nil) {
        self.bytes = bytes
        self.offset = offset
        self.strings = strings
        self.data = data
    }

    var isAtEnd: Bool { offset == bytes.count }
    var position: Int { offset }

    mutating func read() throws(SnapshotError) -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw SnapshotError() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let value = Int64(bitPattern: result)
        return Int((value >> 1) ^ -(value & 1))
    }

    /// A count of items that each take at least one byte: never more than the bytes left.
    mutating func readCount() throws(SnapshotError) -> Int {
        let count: Int = try read()
        guard count >= 0, count <= bytes.count - offset else { throw SnapshotError() }
        return count
    }

    mutating func read() throws(SnapshotError) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw SnapshotError() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func read() throws(SnapshotError) -> String {
        let index: Int = try read()
        guard strings.indices.contains(index) else { throw SnapshotError() }
        return strings[index]
    }

    mutating func read<Value: SnapshotCodable>() throws(SnapshotError) -> Value { try Value(from: &self) }

    mutating func read<Value: SnapshotCodable>() throws(SnapshotError) -> Value? {
        try read() ? try Value(from: &self) : nil
    }

    /// An enum stored as its name.
    mutating func read<Value: RawRepresentable>() throws(SnapshotError) -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: try read()) else { throw SnapshotError() }
        return value
    }

    mutating func readRaw() throws(SnapshotError) -> UnsafeRawBufferPointer {
        let count = try readCount()
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
    }

    mutating func readRaws() throws(SnapshotError) -> [[UInt8]] {
        let count = try readCount()
        var raws: [[UInt8]] = []
        raws.reserveCapacity(count)
        for _ in 0..<count { raws.append(Array(try readRaw())) }
        return raws
    }

    /// What `write(raw:)` wrote, as `Data`: a slice of `data` when there is one (of a
    /// mapped file: nothing is read until it is used).
    mutating func readBytes() throws(SnapshotError) -> Data {
        let raw = try readRaw()
        guard let data else { return Data(raw) }
        let first = data.startIndex + offset - raw.count
        return data[first..<(first + raw.count)]
    }

    /// What `write(integers:)` wrote, still as bytes (see `readBytes`).
    mutating func readIntegerBytes() throws(SnapshotError) -> Data {
        let bytes = try readBytes()
        guard bytes.count % MemoryLayout<Int32>.size == 0 else { throw SnapshotError() }
        return bytes
    }

    /// The string table: a count, then each string's byte length and bytes.
    static func strings(in bytes: UnsafeRawBufferPointer, from offset: inout Int) throws(SnapshotError) -> [String] {
        var reader = SnapshotReader(bytes: bytes, offset: offset)
        let count = try reader.readCount()
        var strings: [String] = []
        strings.reserveCapacity(count)
        for _ in 0..<count {
            let utf8 = try reader.readRaw()
            strings.append(String(decoding: utf8, as: UTF8.self))
        }
        offset = reader.offset
        return strings
    }
}

extension Data {
    /// Integers as `SnapshotWriter.write(integers:)` wrote them (a whole number of them).
    var integers: [Int32] {
        let length = count / MemoryLayout<Int32>.size
        return [Int32](unsafeUninitializedCapacity: length) { buffer, initialized in
            withUnsafeBytes { bytes in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: bytes.prefix(length * MemoryLayout<Int32>.size)))
            }
            initialized = length
        }
    }
}

extension SnapshotWriter {
    /// The string table as `SnapshotReader.strings(in:from:)` reads it.
    /// `extra`: room for bytes to be appended after it, so they are not copied twice.
    static func stringTable(_ strings: [String], reserving extra: Int = 0) -> [UInt8] {
        var table = SnapshotWriter()
        table.bytes.reserveCapacity(strings.reduce(10 + extra) { $0 + $1.utf8.count + 5 })
        table.write(strings.count)
        for string in strings { table.write(raw: string.utf8) }
        return table.bytes
    }
}

extension Int: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) { writer.write(self) }
    init(from reader: inout SnapshotReader) throws(SnapshotError) { self = try reader.read() }
}

extension Bool: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) { writer.write(self) }
    init(from reader: inout SnapshotReader) throws(SnapshotError) { self = try reader.read() }
}

extension String: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) { writer.write(self) }
    init(from reader: inout SnapshotReader) throws(SnapshotError) { self = try reader.read() }
}

extension Array: SnapshotCodable where Element: SnapshotCodable {
    func encode(to writer: inout SnapshotWriter) {
        writer.write(count)
        // By index: iterating would copy each element first (100,000 questions, a retain per field).
        for index in indices { self[index].encode(to: &writer) }
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        let count = try reader.readCount()
        self.init()
        reserveCapacity(count)
        for _ in 0..<count { append(try Element(from: &reader)) }
    }
}
