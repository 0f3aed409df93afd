import Foundation
import PrepCoachCore

/// Renders a plan as the numbered, topic-grouped list a person reads before and during a call.
struct PlanFormatter {
    let style: Style
    let vocabulary: TagVocabulary
    /// Who the plan is for, as `PersonPhrase.describe` words it.
    var person: String?
    /// The terminal's width, to wrap to; nil: not a terminal.
    var width: Int?

    /// `saved`: the plan as stored for a contact (your own questions kept in it), when it differs from
    /// the picker's; the header counts what is shown.
    func format(_ plan: Plan, saved: [PlanEntry]? = nil) -> String {
        let request = plan.request
        let entries = saved ?? plan.questions.map(PlanEntry.init)
        let stage = vocabulary.tag(.stage, id: request.stage)?.phrase ?? request.stage
        let industry = vocabulary.tag(.industry, id: request.industry)?.phrase ?? request.industry
        let meeting = request.meetingMinutes
        let minutes = entries.reduce(0) { $0 + $1.minutes }
        var lines = [TextWrap.wrapped(style.bold("Plan for the \(stage) stage in \(industry)"
                                + (person.map { ", talking to \($0)" } ?? "")) + style.dim(
            " · \(entries.count.counted("question")) · \(minutes) min of questions in "
                + "\(meeting.indefiniteArticle) \(meeting)-min meeting (\(request.reservedMinutes) kept for introductions and thanks)"),
            width: width)]
        var currentTopic: String?
        // The referral's topic reads as one part: "may I use your name?" stays with the names.
        let referralTopic = entries.first(where: \.isReferral)?.topic
        for (number, entry) in zip(1..., entries) {
            // Your own question has no topic: it stays under the heading before it.
            if let topic = entry.topic {
                let heading = topic == referralTopic ? "Who else to talk to" : topicTitle(topic)
                if heading != currentTopic {
                    lines.append("")
                    lines.append(style.accent(heading))
                    currentTopic = heading
                }
            }
            lines.append(QuestionFormatter(style: style).numbered(entry, number: number, width: width))
        }
        lines.append("")
        lines.append(TextWrap.wrapped(style.dim("Seed \(request.seed): add --seed \(request.seed) to get this plan again."),
                                      width: width))
        return lines.joined(separator: "\n") + "\n"
    }

    private func topicTitle(_ id: String) -> String {
        let words = id.replacingEvery("-and-", with: " & ").replacingEvery("-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

/// One question of a plan as shown: a bank question, or your own (no topic, no follow-ups).
struct PlanEntry {
    let text: String
    let minutes: Int
    let source: String
    let topic: String?
    let followups: [String]
    let isReferral: Bool

    init(_ question: Question) {
        (text, minutes, source, topic) = (question.text, question.minutes, question.id, question.topic)
        (followups, isReferral) = (question.followups, question.isReferral)
    }

    /// A saved plan's item, with its bank question's topic and follow-ups where it has one.
    init(_ item: PlanItem, banks: Banks) {
        let question = item.questionID.flatMap(banks.question(id:))
        (text, minutes, source, topic) = (item.text, item.minutes, item.questionID ?? "your own", question?.topic)
        (followups, isReferral) = (question?.followups ?? [], question?.isReferral ?? false)
    }
}

/// One question in lists, plans and `show`.
struct QuestionFormatter {
    let style: Style

    func numbered(_ entry: PlanEntry, number: Int, width: Int? = nil) -> String {
        var text = item(number: number, text: entry.text, minutes: entry.minutes, source: entry.source, width: width)
        for followup in entry.followups {
            text += "\n" + TextWrap.wrapped(style.dim("↳ \(followup)"), width: width, indent: "         ", firstIndent: "       ")
        }
        return text
    }

    /// "  3. text (2 min · source)", wrapped with the text's later lines under its first word.
    func item(number: Int, text: String, minutes: Int, source: String, width: Int?) -> String {
        TextWrap.wrapped("\(text) " + style.dim("(\(minutes)\(TextWrap.noBreakSpace)min · \(source))"),
                         width: width, indent: "     ", firstIndent: "\(String(number).leftPadded(to: 3)). ")
    }

    func row(_ question: Question) -> String {
        "\(style.accent(question.id))  \(style.dim("[\(question.topic), \(question.minutes) min]"))  \(question.text)"
    }

    func details(_ question: Question) -> String {
        var lines = [style.bold(question.text), ""]
        lines.append("  id          \(question.id)")
        lines.append("  topic       \(question.topic)")
        lines.append("  stages      \(question.stages.names.joined(separator: ", "))")
        lines.append("  industries  \(question.industries.names.joined(separator: ", "))")
        lines.append("  minutes     \(question.minutes)")
        if question.isReferral { lines.append("  referral    yes") }
        if !question.assumes.isEmpty { lines.append("  assumes     \(question.assumes.ids.joined(separator: ", "))") }
        lines.append("  source      \(question.location)")
        if !question.followups.isEmpty {
            lines.append("  follow-ups")
            lines += question.followups.map { "    - \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
