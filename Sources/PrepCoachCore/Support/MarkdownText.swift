/// Text from a user, a database or an import placed in a Markdown file (a plan
/// export, a call summary): one line, with every character Markdown would read as
/// formatting, a link, an image or raw HTML backslash-escaped, so a note holding
/// `<script>`, `[x](javascript:…)`, `![](https://…)` or a line break and `## …`
/// stays text where it is.
public enum MarkdownText {
    public static func escaped(_ text: String) -> String {
        var escaped = ""
        for character in text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ") {
            if "\\`*_[]<>#|".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
