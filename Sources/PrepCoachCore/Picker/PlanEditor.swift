/// Edits to a contact's saved plan, on its questions in order. Questions are
/// numbered from 1 as `plan NAME` shows them; `index(of:)` checks a number.
public struct PlanEditor: Sendable {
    public private(set) var items: [PlanItem]
    /// Whether a question belongs to the plan's ending (closing or referral),
    /// before which new questions go.
    private let isEnding: @Sendable (PlanItem) -> Bool

    public init(items: [PlanItem], isEnding: @escaping @Sendable (PlanItem) -> Bool) {
        self.items = items
        self.isEnding = isEnding
    }

    /// A plan whose ending is its last topic (the closing) and the topic of its referral
    /// question: a network question may follow the referral, and yours goes before both.
    public init(items: [PlanItem], banks: Banks) {
        let referralTopics = items.compactMap { $0.questionID.flatMap(banks.question(id:)) }.filter(\.isReferral).map(\.topic)
        let endingTopics = Set(referralTopics + [banks.vocabulary.ids(.topic).last ?? "closing"])
        self.init(items: items) { item in
            item.topic.map(endingTopics.contains) == true
                || item.questionID.flatMap { banks.question(id: $0)?.isReferral } == true
        }
    }

    public var totalMinutes: Int { items.reduce(0) { $0 + $1.minutes } }

    /// The array index of question `number`, or nil when the plan has no such question.
    public func index(of number: Int) -> Int? {
        items.indices.contains(number - 1) ? number - 1 : nil
    }

    /// Where a new question goes: before the closing and referral questions that end the plan.
    public var insertionIndex: Int {
        var index = items.count
        while index > 0, isEnding(items[index - 1]) { index -= 1 }
        return index
    }

    /// The number of a question already in the plan that is the same bank question
    /// or reads the same (ignoring case, punctuation and spacing), if any.
    public func duplicate(questionID: String?, text: String, ignoring ignored: Int? = nil) -> Int? {
        let normalized = QuestionText.normalizedString(text)
        return items.indices.first { index in
            index != ignored && ((questionID != nil && items[index].questionID == questionID)
                || QuestionText.normalizedString(items[index].text) == normalized)
        }.map { $0 + 1 }
    }

    /// Inserts before the ending; returns the new question's number.
    @discardableResult
    public mutating func insert(_ item: PlanItem) -> Int {
        let index = insertionIndex
        items.insert(item, at: index)
        return index + 1
    }

    public mutating func drop(at index: Int) {
        items.remove(at: index)
    }

    public mutating func move(from source: Int, to destination: Int) {
        items.insert(items.remove(at: source), at: destination)
    }

    /// The first two neighbouring questions with topics (your own have none)
    /// whose topics run against conversation order, as their places in the plan.
    public func firstOutOfOrder(topicOrder: (String) -> Int) -> (earlier: Int, later: Int)? {
        let placed = items.indices.compactMap { index in items[index].topic.map { (index: index, rank: topicOrder($0)) } }
        return zip(placed, placed.dropFirst()).first { earlier, later in later.rank < earlier.rank }
            .map { earlier, later in (earlier.index, later.index) }
    }

    public mutating func swapAt(_ first: Int, _ second: Int) {
        items.swapAt(first, second)
    }

    /// Puts a new question in the place of another; the old one's row goes, so calls keep their own record.
    public mutating func replace(at index: Int, with item: PlanItem) {
        items[index] = item
    }

    /// Questions that could make room for `overflow` minutes, as (number, item):
    /// ones long enough on their own, shortest first, else the longest few. The
    /// ending and the question being added (`keeping`) are never offered.
    public func dropCandidates(overflow: Int, keeping kept: Int?) -> [(number: Int, item: PlanItem)] {
        let offered = items.indices.filter { $0 != kept && !isEnding(items[$0]) }.map { (number: $0 + 1, item: items[$0]) }
        let enough = offered.filter { $0.item.minutes >= overflow }.sorted { $0.item.minutes < $1.item.minutes }
        if !enough.isEmpty { return Array(enough.prefix(3)).sorted { $0.number < $1.number } }
        return Array(offered.sorted { $0.item.minutes > $1.item.minutes }.prefix(3)).sorted { $0.number < $1.number }
    }
}
