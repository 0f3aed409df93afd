import Foundation
import PrepCoachCore

/// The end of a rehearsal: each part's time against its time at a normal pace and
/// against the runs before, each step over or under, what still has no answer,
/// and whether the run was saved (and if not, why).
struct RehearsalFormatter {
    let style: Style
    /// The terminal's width, to wrap the sentences at words (nil: lines left whole).
    var columns: Int? = nil
    /// A step this close to its time (seconds either way) is on pace: nobody speaks to the second.
    static let tolerance = 5

    private static func name(of part: RehearsalStep.Part) -> String {
        switch part {
        case .introduction: "Introduction"
        case .answers: "Your answers"
        case .questions: "Your questions"
        }
    }

    private static func seconds(of part: RehearsalStep.Part, in run: Rehearsal) -> Int? {
        switch part {
        case .introduction: run.introSeconds
        case .answers: run.answersSeconds
        case .questions: run.questionsSeconds
        }
    }

    func format(_ result: RehearsalResult, contact: Contact, previous: [Rehearsal],
                unanswered: [(question: AskedBackQuestion, needsWork: Bool)], planMinutes: Int) -> String {
        let total = result.seconds(), budget = result.budget()
        let realEnough = Double(total) >= Double(budget) * SpeakingPace.fastestRealShare
        var lines = [""]
        func wrapped(_ text: String, indent: String = "") {
            lines.append(TextWrap.wrapped(text, width: columns, indent: indent + "  ", firstIndent: indent))
        }
        if result.finished {
            wrapped(style.bold("Rehearsal for \(contact.name): said aloud in \(Self.clock(total)) of about \(Self.clock(budget))")
                    + " — " + difference(total - budget))
        } else {
            wrapped(style.bold("Rehearsal for \(contact.name) stopped after \(result.timings.count) of \(result.stepCount) steps")
                    + " (\(Self.clock(total)) so far; not saved)")
        }
        let width = max(result.timings.map(\.step.label.count).max() ?? 0, 5)
        for part in RehearsalStep.Part.allCases {
            let steps = result.timings.filter { $0.step.part == part }
            guard !steps.isEmpty else { continue }
            let spoken = result.seconds(of: part), partBudget = result.budget(of: part)
            let typed = steps.count { $0.seconds == nil }
            var head = typed == steps.count ? "\(Self.name(of: part)): \(typed.counted("crib")) typed, none said aloud"
                : "\(Self.name(of: part)): \(Self.clock(spoken)) of \(Self.clock(partBudget)) — \(difference(spoken - partBudget))"
            let before = previous.compactMap { Self.seconds(of: part, in: $0) }
            if result.finished, let last = before.last, let best = before.min() {
                head += style.dim(before.count == 1 ? "; last run \(Self.clock(last))"
                                  : "; last run \(Self.clock(last)), best \(Self.clock(best)) of \(before.count)")
            }
            wrapped(head, indent: "  ")
            for timing in steps {
                let label = timing.step.label.rightPadded(to: width + 2)
                if let seconds = timing.seconds {
                    lines.append("    \(label)\(Self.clock(seconds)) of \(Self.clock(timing.step.budgetSeconds))  "
                                 + difference(seconds - timing.step.budgetSeconds))
                } else {
                    lines.append("    \(label)" + style.dim("crib typed, not timed"))
                }
            }
        }
        // Only once their questions came up: a run stopped at the introduction has not asked them yet.
        if !unanswered.isEmpty, result.finished || result.timings.contains(where: { $0.step.part != .introduction }) {
            wrapped(style.bold("No answer yet") + " (type a crib at the prompt next time):", indent: "  ")
            for (question, needsWork) in unanswered {
                wrapped("· “\(question.text)”" + (needsWork ? style.warning(" — your crib needs work") : ""), indent: "    ")
            }
        }
        if result.finished && realEnough && total > 0 {
            let answers = max(min(planMinutes, 24 * 60) * 60 - result.seconds(of: .questions), 0)  // minutes come from the database
            wrapped(style.dim("Saved (\((previous.count + 1).counted("full run"))). Of the plan's "
                              + "\(planMinutes.counted("minute")), asking leaves about \(Self.clock(answers)) for their "
                              + "answers; a step that ran over is worth shortening."))
        } else if result.finished {
            wrapped(style.warning("Not saved as a rehearsal") + ": it took \(Self.clock(total)), under half of the "
                    + "\(Self.clock(budget)) saying it takes at a normal pace (\(SpeakingPace.wordsPerMinute) words a minute). "
                    + "Say each part aloud before pressing Enter; `next` counts a contact as rehearsed after a full run.")
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
