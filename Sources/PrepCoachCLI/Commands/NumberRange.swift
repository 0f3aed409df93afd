import ArgumentParser

/// The range check of every whole-number option, with one wording. Such options are
/// declared with `parsing: .unconditional`: otherwise ArgumentParser takes `-5` in
/// `--minutes -5` for an option and says "Missing value" instead of what is wrong.
enum NumberRange {
    static func check(_ value: Int?, _ option: String, _ range: ClosedRange<Int>) throws {
        guard let value, !range.contains(value) else { return }
        throw ValidationError(range.upperBound == Int.max
            ? "\(option) must be at least \(range.lowerBound)"
            : "\(option) must be from \(range.lowerBound) to \(range.upperBound)")
    }
}
