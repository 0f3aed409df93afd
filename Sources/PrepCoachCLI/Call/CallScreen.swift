import LineEditor
import PrepCoachCore

/// How call mode lays text out: wrapped to the terminal's width, and the
/// now/next block that keeps the current and next question (with their
/// follow-ups) in view. Without a terminal (`columns` nil) text is left as is.
struct CallScreen {
    let columns: Int?
    let style: Style

    func wrapped(_ text: String, indent: String = "", firstIndent: String? = nil) -> String {
        TextWrap.wrapped(text, width: columns, indent: indent, firstIndent: firstIndent)
    }

    /// `now  ▸ 2. …` and `next   3. …`, each followed by its follow-ups.
    func nowAndNext(current: (number: Int, item: PlanItem, followups: [String])?,
                    next: (number: Int, item: PlanItem, followups: [String])?) -> String {
        var lines: [String] = []
        if let current {
            lines += question(label: "now  ▸", current, emphasis: style.bold)
        } else {
            lines.append(style.dim("now    — `next` asks the first question"))
        }
        if let next {
            lines += question(label: "next  ", next, emphasis: style.accent)
        } else {
            lines.append(style.dim("next   — every question asked or skipped: `ref NAME`, then `end`"))
        }
        return lines.joined(separator: "\n")
    }

    private func question(label: String, _ entry: (number: Int, item: PlanItem, followups: [String]),
                          emphasis: (String) -> String) -> [String] {
        let head = "\(label) \(entry.number). "
        let indent = String(repeating: " ", count: DisplayWidth.of(head))
        var lines = TextWrap.lines(entry.item.text, width: columns ?? Int.max / 2, indent: indent, firstIndent: head)
            .map { emphasis($0) }
        for followup in entry.followups {
            lines += TextWrap.lines(followup, width: columns ?? Int.max / 2, indent: indent + "  ", firstIndent: indent + "· ")
                .map { style.dim($0) }
        }
        return lines
    }
}
