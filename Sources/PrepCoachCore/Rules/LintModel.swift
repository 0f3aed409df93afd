import Foundation

/// A learned second opinion beside the rules: for each category, a logistic
/// regression over hashed word and letter n-grams (`LintFeatures`), trained by
/// `prepcoach train` from labelled questions (`LintModelTrainer`). It catches
/// new phrasings the rules' patterns never spelled out; the rules stay the
/// errors and the explanation.
///
/// Stored as `model/lint-model.bin` next to the data it was trained from, in a
/// compact little-endian binary file read in one go: `PCLM`, version, bucket
/// bits, category count, then per category its name (length-prefixed UTF-8),
/// bias and one Float32 weight per bucket.
public struct LintModel: Sendable, Equatable {
    public struct Weights: Sendable, Equatable {
        public let category: RuleCategory
        let bias: Float
        let weights: [Float]
    }

    /// The folder of a bank folder that holds the model and its labelled questions.
    public static let folder = "model"
    public static let fileName = "lint-model.bin"
    /// Picked by five-fold cross-validation over the development sets (out-of-fold
    /// probabilities, rules and model together): where precision and recall meet.
    public static let defaultThreshold = 0.5
    private static let magic = Array("PCLM".utf8)
    private static let version: UInt32 = 1

    public let categories: [Weights]

    init(categories: [Weights]) { self.categories = categories }

    /// One probability per category (in `categories` order) for a normalised question.
    func probabilities(_ text: UnsafeBufferPointer<UInt8>) -> [Double] {
        var sums = [Float](repeating: 0, count: categories.count)
        var count = 0
        LintFeatures.forEach(in: text) { bucket, _, _ in
            count += 1
            for index in categories.indices { sums[index] += categories[index].weights[bucket] }
        }
        let scale = count == 0 ? 0 : 1 / Float(count).squareRoot()
        return categories.indices.map { Self.sigmoid(Double(categories[$0].bias + scale * sums[$0])) }
    }

    static func sigmoid(_ value: Double) -> Double { 1 / (1 + exp(-value)) }

    /// The words and word pairs that pushed a question most towards a category, strongest first.
    func weightiestWords(in text: UnsafeBufferPointer<UInt8>, category index: Int, limit: Int = 3) -> [String] {
        var words: [(weight: Float, text: String)] = []
        LintFeatures.forEach(in: text) { bucket, kind, range in
            let weight = categories[index].weights[bucket]
            guard kind != .letters, weight > 0 else { return }
            let phrase = String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
            // "what" and "is the" weigh in, but explain nothing to a reader.
            guard phrase.split(separator: " ").contains(where: { !ResearchAnswerCheck.common.contains(String($0)) }) else { return }
            words.append((weight, phrase))
        }
        var seen: Set<String> = []
        return words.sorted { $0.weight > $1.weight }.map(\.text).filter { seen.insert($0).inserted }.prefix(limit)
            .map { $0 }
    }
}

public struct LintModelError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

extension LintModel {
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LintModelError(description: "\(path): cannot read the lint model")
        }
        try self.init(data: data, file: path)
    }

    /// The bytes of the model `file` (kept in the bank snapshot), with errors that name it.
    public init(data: Data, file path: String) throws(LintModelError) {
        do {
            try self.init(data: data)
        } catch {
            throw LintModelError(description: "\(path): \(error.description); run `prepcoach train` to rebuild it")
        }
    }

    public init(data: Data) throws(LintModelError) {
        var reader = ByteReader(bytes: data)
        guard reader.take(4) == Self.magic, reader.uint32() == Self.version else {
            throw LintModelError(description: "not a prepcoach lint model (or a newer version)")
        }
        guard reader.uint32() == UInt32(LintFeatures.bucketBits), let count = reader.uint32(), count <= 16 else {
            throw LintModelError(description: "the lint model was built for other features")
        }
        var categories: [Weights] = []
        for _ in 0..<count {
            guard let length = reader.uint32(), let name = reader.take(Int(length)),
                  let category = RuleCategory(rawValue: String(decoding: name, as: UTF8.self)),
                  let bias = reader.float(), let weights = reader.floats(LintFeatures.bucketCount) else {
                throw LintModelError(description: "the lint model is truncated or damaged")
            }
            categories.append(Weights(category: category, bias: bias, weights: weights))
        }
        guard reader.isAtEnd else { throw LintModelError(description: "the lint model has trailing bytes") }
        self.init(categories: categories)
    }

    /// The file's bytes: the same model always gives the same bytes.
    public var data: Data {
        var bytes = Self.magic
        func append(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        append(Self.version)
        append(UInt32(LintFeatures.bucketBits))
        append(UInt32(categories.count))
        for weights in categories {
            let name = Array(weights.category.rawValue.utf8)
            append(UInt32(name.count))
            bytes += name
            append(weights.bias.bitPattern)
            bytes.reserveCapacity(bytes.count + 4 * weights.weights.count)
            for weight in weights.weights { append(weight.bitPattern) }
        }
        return Data(bytes)
    }
}

/// Reads little-endian values from bytes (the snapshot's, mapped: not copied first), nil past the end.
private struct ByteReader {
    let bytes: Data
    private var offset = 0

    init(bytes: Data) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return bytes.withUnsafeBytes { Array($0[offset..<(offset + count)]) }
    }

    mutating func uint32() -> UInt32? {
        take(4).map { $0.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
    }

    mutating func float() -> Float? { uint32().map(Float.init(bitPattern:)) }

    /// Many floats at once: the weights are most of the file, so they are copied, not assembled byte by byte.
    mutating func floats(_ count: Int) -> [Float]? {
        guard bytes.count - offset >= 4 * count else { return nil }
        let values = bytes.withUnsafeBytes { raw in
            [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                #if _endian(little)
                // The file's order is the machine's: one copy.
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + 4 * count)]))
                #else
                for index in 0..<count {
                    buffer[index] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4 * index, as: UInt32.self)))
                }
                #endif
                initialized = count
            }
        }
        offset += 4 * count
        return values
    }
}
