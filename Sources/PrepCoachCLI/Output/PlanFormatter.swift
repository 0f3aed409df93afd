import Foundation
import PrepCoachCore

/// Renders a plan as the numbered, topic-grouped list a person reads before and during a call.
struct PlanFormatter {
    let style: Style
    let vocabulary: TagVocabulary
    /// Who the plan is for, as `PersonPhrase.describe` words it.
    var person: String?

    func format(_ plan: Plan) -> String {
        let request = plan.request
        let stage = vocabulary.tag(.stage, id: request.stage)?.phrase ?? request.stage
        let industry = vocabulary.tag(.industry, id: request.industry)?.phrase ?? request.industry
        var lines = [style.bold("Plan for the \(stage) stage in \(industry)"
                                + (person.map { ", talking to \($0)" } ?? "")) + style.dim(
            " · \(plan.questions.count.counted("question")) · \(plan.totalMinutes) min of questions in a "
                + "\(request.meetingMinutes)-min meeting (\(request.reservedMinutes) kept for introductions and thanks)")]
        var currentTopic: String?
        // The referral's topic reads as one part: "may I use your name?" stays with the names.
        let referralTopic = plan.questions.first(where: \.isReferral)?.topic
        for (number, question) in zip(1..., plan.questions) {
            let heading = question.topic == referralTopic ? "Who else to talk to" : topicTitle(question.topic)
            if heading != currentTopic {
                lines.append("")
                lines.append(style.accent(heading))
                currentTopic = heading
            }
            lines.append(QuestionFormatter(style: style).numbered(question, number: number))
        }
        lines.append("")
        lines.append(style.dim("Seed \(request.seed): add --seed \(request.seed) to get this plan again."))
        return lines.joined(separator: "\n") + "\n"
    }

    private func topicTitle(_ id: String) -> String {
        let words = id.replacingOccurrences(of: "-and-", with: " & ").replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

/// One question in lists, plans and `show`.
struct QuestionFormatter {
    let style: Style

    func numbered(_ question: Question, number: Int) -> String {
        var text = "\(String(number).leftPadded(to: 3)). \(question.text) " + style.dim("(\(question.minutes) min · \(question.id))")
        for followup in question.followups {
            text += "\n       " + style.dim("↳ \(followup)")
        }
        return text
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
