extension Int {
    /// "1 question", "3 questions": every count in a message goes through this.
    public func counted(_ noun: String, plural: String? = nil) -> String {
        "\(self) \(self == 1 ? noun : plural ?? noun + "s")"
    }
}

extension Int {
    /// The article the number takes read aloud: "an 8-min meeting", "an 11-minute call", "a 30-min meeting".
    public var indefiniteArticle: String {
        let digits = String(magnitude)
        // Eight…, eighty…, eight hundred…; eleven and eighteen (thousand, million) only at the head of a group of three.
        let eleven = digits.count % 3 == 2 && (digits.hasPrefix("11") || digits.hasPrefix("18"))
        return digits.hasPrefix("8") || eleven ? "an" : "a"
    }
}
