import ArgumentParser
import Foundation
import PrepCoachCore

/// `rehearse NAME`: both sides of the call, aloud and timed — your 30-second
/// introduction, what they will ask you back, then your own questions.
struct RehearseCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse", abstract: "Rehearse the call aloud: your introduction, what they ask you, your questions.",
        discussion: """
            Three parts, each timed at a normal speaking pace (about 150 words a minute): \
            1. your 30-second introduction, drafted from your `prep` answers, the contact and the background in \
            your config (`config set background …`); `e` edits it, and it is kept for this contact; \
            2. what they will ask you back (QuestionBanks/asked-back.yaml, for your stage): answer aloud and press \
            Enter, or type a crib answer to keep; \
            3. your questions. 's' stops. A run said aloud to the end is saved and compared with the runs before; \
            one much quicker than speaking is not. --speak reads their questions aloud with espeak-ng.
            """)

    static let completion = CompletionSpec(options: ["--speak": nil], positional: .contacts)

    @Argument(help: "The contact's name (Tab completes names).") var name: String
    @Flag(help: "Read their questions to you aloud with espeak-ng (sudo apt-get install espeak-ng).") var speak = false
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        let contact = try ContactLookup(store: store).contact(named: name)
        guard let id = contact.id else { return }
        let plan = try store.plan(contactID: id)
        guard !plan.isEmpty else {
            throw CommandFailure("\(contact.name) has no question plan yet; pick one first: "
                                 + "pick --contact \(contact.commandArgument)")
        }
        let banks = context.banks(adding: global.banks)
        var speaker: Speaker?
        if speak {
            speaker = Speaker.find(environment: context.environment)
            if speaker == nil { context.console.warning(Speaker.installAdvice) }
        }
        let session = try RehearsalSession(context: context, store: store, contact: contact, banks: banks, speaker: speaker)
        let previous = try store.rehearsals(contactID: id)
        let result = try session.run(plan: plan)
        let run = result.rehearsal(contactID: id, at: context.now())
        if let run, result.finished, run.isFullRun { try store.add(run) }
        let missing = try session.unanswered()
        context.console.write(RehearsalFormatter(style: context.console.style, columns: context.console.columns())
            .format(result, contact: contact, previous: previous.filter(\.isFullRun), unanswered: missing,
                    planMinutes: plan.reduce(0) { $0 &+ max($1.minutes, 0) }))
    }
}

/// One thing said (or typed) in a rehearsal, with the time saying it should take.
struct RehearsalStep {
    enum Part: Int, CaseIterable {
        case introduction, answers, questions
    }

    struct Timing {
        let step: RehearsalStep
        /// Nil for a crib answer typed instead of said: typing is not speaking.
        let seconds: Int?
    }

    let part: Part
    let label: String
    let text: String
    /// How long saying it should take.
    let budgetSeconds: Int
}

/// The steps a rehearsal went through, and whether it reached the end.
struct RehearsalResult {
    var timings: [RehearsalStep.Timing] = []
    var stepCount = 0
    var finished: Bool { timings.count == stepCount }

    /// The steps said aloud.
    var spoken: [(step: RehearsalStep, seconds: Int)] {
        timings.compactMap { timing in timing.seconds.map { (timing.step, $0) } }
    }

    func seconds(of part: RehearsalStep.Part? = nil) -> Int {
        spoken.filter { part == nil || $0.step.part == part }.reduce(0) { $0 + $1.seconds }
    }

    func budget(of part: RehearsalStep.Part? = nil) -> Int {
        spoken.filter { part == nil || $0.step.part == part }.reduce(0) { $0 + $1.step.budgetSeconds }
    }

    /// What is saved of a run said aloud; nil when nothing was said.
    func rehearsal(contactID: Int64, at date: Date) -> Rehearsal? {
        guard !spoken.isEmpty else { return nil }
        return Rehearsal(contactID: contactID, at: date, seconds: seconds(), budgetSeconds: budget(),
                         introSeconds: seconds(of: .introduction), answersSeconds: seconds(of: .answers),
                         questionsSeconds: seconds(of: .questions))
    }
}

/// Runs the three parts of a rehearsal at the prompt, keeping the introduction and crib answers as they come.
final class RehearsalSession {
    private let context: CommandContext
    private let store: CoachStore
    private let contact: Contact
    private let banks: Banks
    private let speaker: Speaker?
    private let lint: (String) -> [Finding]
    private let concreteAsk: ConcreteAskMatcher
    private let askedBack: [AskedBackQuestion]
    private var result = RehearsalResult()

    init(context: CommandContext, store: CoachStore, contact: Contact, banks: Banks, speaker: Speaker?) throws {
        self.context = context
        self.store = store
        self.contact = contact
        self.banks = banks
        self.speaker = speaker
        lint = try context.linter(banks: banks, company: contact.company)
        concreteAsk = banks.concreteAsk.matcher(macros: banks.macros)
        askedBack = banks.askedBack(stage: contact.stage)
    }

    private var console: Console { context.console }
    private var style: Style { console.style }
    private var width: Int? { TextWrap.answeringWidth() }
    private var contactID: Int64 { contact.id! }

    private func show(_ text: String, indent: String = "") {
        console.line(TextWrap.wrapped(text, width: width, indent: indent, firstIndent: indent))
    }

    /// Introduction, questions asked back, your questions; stops early at 's', Ctrl-C or end of input.
    func run(plan: [PlanItem]) throws -> RehearsalResult {
        result.stepCount = 1 + askedBack.count + plan.count
        show(style.bold("Rehearsing your call with \(contact.name)") + ": 1. your introduction, 2. what they may ask you ("
             + "\(askedBack.count)), 3. your questions (\(plan.count)). Say each aloud at your normal pace; 's' stops.")
        guard try introduction() else { return result }
        if !askedBack.isEmpty {
            console.line()
            show(style.bold("2. What they may ask you") + style.dim(" — answer aloud, or type a crib answer to keep"))
            for (index, question) in askedBack.enumerated() {
                guard try answer(question, number: index + 1) else { return result }
            }
        }
        console.line()
        show(style.bold("3. Your questions") + style.dim(" — ask each aloud, as you would on the call"))
        for (index, item) in plan.enumerated() {
            let step = RehearsalStep(part: .questions, label: "Q\(index + 1)", text: item.text,
                                     budgetSeconds: SpeakingPace.askingSeconds(item.text))
            show("\(step.label)/\(plan.count) (ask in ~\(RehearsalFormatter.clock(step.budgetSeconds))) \(step.text)")
            guard let seconds = try timed("ask it aloud, Enter for the next, 's' to stop: ") else { return result }
            result.timings.append(.init(step: step, seconds: seconds))
        }
        return result
    }

    /// What a prompt got: Enter after so many seconds, a typed line, or a stop.
    private enum Reply {
        case said(seconds: Int)
        case typed(String)
        case stop
    }

    private func ask(_ prompt: String, completions: [String] = ["s"]) throws -> Reply {
        let started = context.now()
        guard case let .line(text) = try context.ask(prompt, completions: completions) else { return .stop }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "s" { return .stop }
        if trimmed.isEmpty { return .said(seconds: Int(context.now().timeIntervalSince(started).rounded())) }
        return .typed(trimmed)
    }

    /// Seconds until Enter; nil on a stop. A typed line counts as Enter (it was said, with a note).
    private func timed(_ prompt: String) throws -> Int? {
        let started = context.now()
        switch try ask(prompt) {
        case let .said(seconds): return seconds
        case .typed: return Int(context.now().timeIntervalSince(started).rounded())
        case .stop: return nil
        }
    }

    // MARK: 1. Your introduction

    private func introduction() throws -> Bool {
        let kept = try store.introduction(contactID: contactID)?.text
        let sources = kept == nil ? try draftSources() : Introduction.Sources()
        var text = kept ?? Introduction.draft(for: contact, from: sources)
        let budget = Introduction.seconds
        console.line()
        show(style.bold("1. Your introduction") + style.dim(" — who you are, why them, what you hope to learn; "
             + "aim for \(RehearsalFormatter.clock(budget)), about \(SpeakingPace.words(inSeconds: budget)) words"))
        if kept == nil { showWhatWouldMakeTheDraftYours(sources) }
        while true {
            show(text, indent: "   ")
            showReview(of: text)
            switch try ask("say it aloud, Enter when done · e edits · s stops: ", completions: ["e", "s"]) {
            case .stop:
                return false
            case let .said(seconds):
                try store.save(IntroductionText(contactID: contactID, text: text, updatedAt: context.now()))
                let step = RehearsalStep(part: .introduction, label: "Intro", text: text, budgetSeconds: budget)
                result.timings.append(.init(step: step, seconds: seconds))
                return true
            case let .typed(line) where line.lowercased() == "e":
                switch try ask("your introduction, on one line (Enter keeps it as it is): ", completions: []) {
                case .stop:
                    return false
                case .said:
                    continue
                case let .typed(edited):
                    text = String(edited.prefix(Introduction.maxLength))
                    try store.save(IntroductionText(contactID: contactID, text: text, updatedAt: context.now()))
                    console.line(style.good("✓ kept") + style.dim(" as your introduction to \(contact.name)"))
                }
            case .typed:
                show(style.dim("Say it aloud and press Enter; `e` edits it, `s` stops."), indent: "   ")
            }
        }
    }

    /// Your name and background from the config; why this field and what you hope to learn from `prep`
    /// (the readiness checks `why-interested` and `goal`).
    private func draftSources() throws -> Introduction.Sources {
        let me = context.userProfile()
        let answers = try store.readiness(contactID: contactID)
        let note = { (check: String) in answers[check].flatMap { $0.ready ? $0.note : nil } }
        return .init(yourName: me.name, background: me.background, why: note("why-interested"), hopeToLearn: note("goal"))
    }

    /// A draft with gaps says where its missing pieces come from.
    private func showWhatWouldMakeTheDraftYours(_ sources: Introduction.Sources) {
        let missing = [sources.yourName == nil ? "`config set name …`" : nil,
                       sources.background == nil ? "`config set background …` (one line about you)" : nil,
                       sources.why == nil || sources.hopeToLearn == nil
                           ? "`prep \(contact.commandArgument)` (why this field, what you hope to learn)" : nil]
            .compactMap { $0 }
        guard !missing.isEmpty else { return }
        show(style.dim("A first draft; to make it yours: " + missing.joined(separator: ", ") + ", or `e` to edit it."),
             indent: "   ")
    }

    private func showReview(of text: String) {
        let review = IntroductionReview(text, lint: lint)
        let pace = "\(review.words.counted("word")): about \(RehearsalFormatter.clock(review.seconds)) at a normal pace"
        show(review.isTooLong ? style.warning(pace + ", over \(RehearsalFormatter.clock(Introduction.seconds))")
             + style.dim(": cut about \(review.words - SpeakingPace.words(inSeconds: Introduction.seconds)) words")
             : style.dim(pace), indent: "   ")
        if review.isMostlyAboutYou {
            show(style.warning("mostly about you") + ": \(review.wordsAboutYou) of its \(review.words) words are about you; "
                 + "say more about why them and what you hope to learn from them", indent: "   ")
        }
        for (sentence, finding) in review.findings {
            let label = finding.rule.severity == .error ? style.error("error") : style.warning("warning")
            show("\(label) [\(finding.rule.id)] \(finding.message) " + style.dim("(in “\(sentence)”)"), indent: "   ")
        }
    }

    // MARK: 2. What they may ask you

    private func answer(_ question: AskedBackQuestion, number: Int) throws -> Bool {
        let step = RehearsalStep(part: .answers, label: "A\(number)", text: question.text, budgetSeconds: question.seconds)
        show("\(step.label)/\(askedBack.count) " + style.accent("They ask: “\(question.text)”")
             + style.dim(" (answer in ~\(RehearsalFormatter.clock(question.seconds)))"))
        show(style.dim("coach: \(question.note)"), indent: "   ")
        if let crib = try store.cribAnswers(contactID: contactID)[question.id] {
            show("your crib: \(crib.text)", indent: "   ")
            showProblems(of: crib.text, for: question)
        } else if let earlier = try store.latestCribAnswers()[question.id] {
            show("your crib for another call: \(earlier.text)", indent: "   ")
        }
        speaker?.say(question.text)
        while true {
            switch try ask("answer, Enter when done · or type a crib · s stops: ") {
            case .stop:
                return false
            case let .said(seconds):
                result.timings.append(.init(step: step, seconds: seconds))
                return true
            case let .typed(line):
                let text = String(line.prefix(Introduction.maxLength))
                try store.save(CribAnswer(contactID: contactID, questionID: question.id, text: text, answeredAt: context.now()))
                if showProblems(of: text, for: question) {
                    show(style.dim("Kept, but it still counts as unanswered: type a better one, or Enter to move on."),
                         indent: "   ")
                    continue
                }
                console.line(style.good("✓ kept") + style.dim(" as your crib for this question"))
                result.timings.append(.init(step: step, seconds: nil))
                return true
            }
        }
    }

    /// Shows what is wrong with a crib answer; true if anything is.
    @discardableResult
    private func showProblems(of answer: String, for question: AskedBackQuestion) -> Bool {
        let review = AskedBackAnswerReview(answer, to: question, concreteAsk: concreteAsk, lint: lint)
        for problem in review.problems { show(style.error("needs work") + ": \(problem)", indent: "   ") }
        for caution in review.cautions { show(style.warning("check") + ": \(caution)", indent: "   ") }
        return !review.isAccepted
    }

    /// The questions asked back with no crib answer for this contact, or one that needs work.
    func unanswered() throws -> [(question: AskedBackQuestion, needsWork: Bool)] {
        let cribs = try store.cribAnswers(contactID: contactID)
        return askedBack.compactMap { question in
            guard let crib = cribs[question.id] else { return (question, false) }
            let review = AskedBackAnswerReview(crib.text, to: question, concreteAsk: concreteAsk, lint: lint)
            return review.isAccepted ? nil : (question, true)
        }
    }
}
