/// Why a pattern was rejected, and where: `offset` is a byte offset into the
/// pattern's UTF-8 text (0 for problems with the pattern as a whole).
public struct PatternError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String
    public let offset: Int

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(message) (at offset \(offset))" }
}

/// A pattern of a `PatternSet` was rejected; `index` says which one.
public struct PatternSetError: Error, CustomStringConvertible, Equatable, Sendable {
    public let index: Int
    public let error: PatternError

    public init(index: Int, error: PatternError) {
        self.index = index
        self.error = error
    }

    public var description: String { "pattern #\(index): \(error)" }
}
