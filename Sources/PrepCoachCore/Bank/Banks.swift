/// Everything loaded from the bank folders: the vocabulary, the questions,
/// and every problem found on the way.
public struct Banks: Sendable {
    public internal(set) var vocabulary = TagVocabulary()
    /// In load order: bundled folder first, then user folders, files sorted by path.
    public internal(set) var questions: [Question] = []
    /// Lint rules from every `rules/` file, in load order.
    public internal(set) var rules: [Rule] = []
    public internal(set) var macros = PatternMacros()
    /// How `lint`'s `try:` lines are written for the question (`rules/suggestions.yaml`).
    public internal(set) var suggestionRules = SuggestionRules()
    /// How job titles are read: occupations and title words.
    public internal(set) var titles = TitleVocabulary()
    /// What `prep` walks through before a call.
    public internal(set) var readinessChecks: [ReadinessCheck] = []
    /// What the person you talk to asks you back (`asked-back:` files), for `rehearse`.
    public internal(set) var askedBackQuestions: [AskedBackQuestion] = []
    /// What a concrete ask names, for the answer to "How can I help?".
    public internal(set) var concreteAsk = ConcreteAsk()
    public internal(set) var diagnostics: [Diagnostic] = []
    /// Rule automata compiled in an earlier run (from the snapshot).
    public internal(set) var precompiledRules = PrecompiledRules()
    /// Labelled questions for the lint model (`model/*.yaml` in a bank folder), read only to train it.
    public internal(set) var trainingFiles: [String] = []
    /// The lint model: the last `model/lint-model.bin` found, so a user's own replaces the bundled one.
    public internal(set) var modelFile: String?
    /// The data files read, for `check-banks` to report on.
    public internal(set) var files: [String] = []
    private var indexByID: [String: Int] = [:]
    /// Built from `questions` on first use, once loading is done.
    let indexes = QuestionIndexes()

    public init() {}

    public func question(id: String) -> Question? {
        indexByID[id].map { questions[$0] }
    }

    /// Where the question with this id is in `questions`.
    func index(ofQuestion id: String) -> Int? { indexByID[id] }

    public var questionIDs: [String] { questions.map(\.id) }

    /// The question ids sorted, for completing a prefix.
    public var idIndex: SortedQuestionIDs { indexes.sortedIDs.value { SortedQuestionIDs(questions) } }

    var pickerColumns: PickerColumns { indexes.pickerColumns.value { PickerColumns(self) } }

    /// Builds the indexes now (e.g. on another thread while the shell waits for input).
    public func prepareIndexes() {
        _ = idIndex
        _ = pickerColumns
        _ = searchIndex
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public func rule(id: String) -> Rule? { rules.first { $0.id == id } }

    /// Every rule `lint` runs: the banks' own, the research-notes check and the lint model's.
    public var lintRules: [Rule] { rules + [ResearchAnswerCheck.rule] + ModelOpinion.rules }

    /// Sets all the questions at once (from a snapshot); false if two share an id.
    mutating func setQuestions(_ all: [Question]) -> Bool {
        questions = all
        indexByID = Dictionary(minimumCapacity: all.count)
        for (index, question) in all.enumerated() where indexByID.updateValue(index, forKey: question.id) != nil {
            return false
        }
        return true
    }

    /// Room for `count` more questions: adding 100,000 one by one would regrow the id index again and again.
    mutating func reserveCapacity(forQuestions count: Int) {
        questions.reserveCapacity(questions.count + count)
        indexByID.reserveCapacity(indexByID.count + count)
    }

    /// Adds a question unless its id is taken; returns the question already holding the id.
    mutating func add(_ question: Question) -> Question? {
        if let existing = self.question(id: question.id) { return existing }
        indexByID[question.id] = questions.count
        questions.append(question)
        return nil
    }
}
