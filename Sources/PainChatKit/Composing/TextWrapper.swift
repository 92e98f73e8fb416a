/// Wraps plain text to a terminal width at spaces. Each line of the input keeps its own
/// leading spaces; continuation lines start with `indent`.
public enum TextWrapper {
    public static func wrap(_ text: String, width: Int, indent: String = "") -> String {
        guard width > 20 else { return text }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let lead = String(paragraph.prefix(while: { $0 == " " }))
            var line = lead
            var hasWord = false
            for word in paragraph.split(separator: " ") {
                if hasWord && line.count + 1 + word.count > width {
                    lines.append(line)
                    line = indent
                    hasWord = false
                }
                if hasWord { line += " " }
                line += word
                hasWord = true
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
