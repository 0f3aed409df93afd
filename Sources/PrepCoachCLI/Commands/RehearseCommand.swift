import ArgumentParser
import Foundation
import PrepCoachCore

/// `rehearse NAME`: say your introduction and each planned question aloud, one
/// at a time, against the time asking it should take — the answers are theirs to give,
/// so a rehearsal times only what you say.
struct RehearseCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse", abstract: "Rehearse asking a contact's questions aloud, timed.",
        discussion: """
            Press Enter after each step; 's' stops. Each question is timed against a calm asking time \
            (its words at about 130 a minute, plus a few seconds to lead in: 15 to 30 seconds), not the \
            minutes its answer takes. A finished run is saved; `contact show` counts them.
            """)

    static let completion = CompletionSpec(positional: .contacts)

    @Argument(help: "The contact's name (Tab completes names).") var name: String
    @OptionGroup var global: GlobalOptions

    /// Seconds allowed for the introduction.
    static let introductionSeconds = 30

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        let contact = try ContactLookup(store: store).contact(named: name)
        guard let id = contact.id else { return }
        let plan = try store.plan(contactID: id)
        guard !plan.isEmpty else {
            throw CommandFailure("\(contact.name) has no question plan yet; pick one first: "
                                 + "pick --contact \(contact.commandArgument)")
        }
        let steps = [RehearsalStep(label: "Intro", text: "your 30-second introduction",
                                   budgetSeconds: Self.introductionSeconds)]
            + plan.enumerated().map { index, item in
                RehearsalStep(label: "Q\(index + 1)", text: item.text, budgetSeconds: RehearsalStep.askingSeconds(item.text))
            }
        let timings = try run(steps, context: context, questionCount: plan.count)
        let finished = timings.count == steps.count
        let budget = steps.reduce(0) { $0 + $1.budgetSeconds }
        let total = timings.reduce(0) { $0 + $1.seconds }
        if finished {
            try store.add(Rehearsal(contactID: id, at: context.now(), seconds: total, budgetSeconds: budget))
        }
        let planMinutes = plan.reduce(0) { $0 &+ max($1.minutes, 0) }
        context.console.write(RehearsalFormatter(style: context.console.style, columns: context.console.columns())
            .format(timings, of: steps.count, contact: contact, budgetSeconds: budget, planMinutes: planMinutes))
    }

    /// Times each step from its prompt to Enter; stops at 's', Ctrl-C or end of input.
    private func run(_ steps: [RehearsalStep], context: CommandContext, questionCount: Int) throws -> [RehearsalStep.Timing] {
        var timings: [RehearsalStep.Timing] = []
        for (index, step) in steps.enumerated() {
            context.console.line(TextWrap.wrapped(index == 0
                ? "Say your 30-second introduction aloud, then press Enter."
                : "\(step.label)/\(questionCount) (ask in ~\(RehearsalFormatter.clock(step.budgetSeconds))) \(step.text)",
                width: TextWrap.answeringWidth()))
            let started = context.now()
            let input = try context.ask(index == 0 ? "Enter when done, 's' to stop: "
                                                   : "ask it aloud, Enter for the next, 's' to stop: ",
                                        completions: ["s"])
            guard case let .line(text) = input, text.trimmingCharacters(in: .whitespaces).lowercased() != "s" else {
                break
            }
            timings.append(.init(step: step, seconds: Int(context.now().timeIntervalSince(started).rounded())))
        }
        return timings
    }
}

/// One thing said aloud in a rehearsal, with the time it should take.
struct RehearsalStep {
    struct Timing {
        let step: RehearsalStep
        let seconds: Int
    }

    let label: String
    let text: String
    /// How long saying it should take.
    let budgetSeconds: Int

    /// Seconds to ask a question aloud: its words at a calm speaking pace (130 a
    /// minute) plus 10 seconds to lead into it, kept between 15 and 30.
    static func askingSeconds(_ text: String) -> Int {
        let words = text.split(whereSeparator: \.isWhitespace).count
        return min(max(words * 60 / 130 + 10, 15), 30)
    }
}

/// The end of a rehearsal: total against budget, then each step over or under its estimate.
struct RehearsalFormatter {
    let style: Style
    /// The terminal's width, to wrap the sentences at words (nil: lines left whole).
    var columns: Int? = nil
    /// A step this close to its time (seconds either way) is on pace: nobody speaks to the second.
    static let tolerance = 5

    func format(_ timings: [RehearsalStep.Timing], of stepCount: Int, contact: Contact, budgetSeconds: Int,
                planMinutes: Int) -> String {
        let finished = timings.count == stepCount
        let total = timings.reduce(0) { $0 + $1.seconds }
        var lines = [""]
        if finished {
            lines.append(TextWrap.wrapped(style.bold("Rehearsal for \(contact.name): asking took \(Self.clock(total)) of about "
                                    + Self.clock(budgetSeconds)) + " — " + difference(total - budgetSeconds), width: columns))
        } else {
            lines.append(TextWrap.wrapped(style.bold("Rehearsal for \(contact.name) stopped after \(timings.count) of \(stepCount) steps")
                         + " (\(Self.clock(total)) so far; not saved)", width: columns))
        }
        let width = timings.map(\.step.label.count).max() ?? 0
        for timing in timings {
            lines.append("  \(timing.step.label.rightPadded(to: width + 2))\(Self.clock(timing.seconds)) of "
                         + "\(Self.clock(timing.step.budgetSeconds))  " + difference(timing.seconds - timing.step.budgetSeconds))
        }
        if finished {
            let answers = max(min(planMinutes, 24 * 60) * 60 - total, 0)  // bounded: minutes come from the database
            lines.append(TextWrap.wrapped(style.dim("Saved. Of the plan's \(planMinutes.counted("minute")), that leaves about "
                + "\(Self.clock(answers)) for their answers; a question that ran over is worth shortening."), width: columns))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func difference(_ seconds: Int) -> String {
        if abs(seconds) <= Self.tolerance { return "on pace" }
        return seconds > 0 ? style.warning("\(Self.clock(seconds)) over") : style.good("\(Self.clock(-seconds)) under")
    }

    /// "2:05": minutes and seconds.
    static func clock(_ seconds: Int) -> String {
        "\(seconds / 60):" + String(format: "%02d", seconds % 60)
    }
}
