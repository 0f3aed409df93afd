extension Int {
    /// "1 question", "3 questions": every count in a message goes through this.
    public func counted(_ noun: String, plural: String? = nil) -> String {
        "\(self) \(self == 1 ? noun : plural ?? noun + "s")"
    }
}
