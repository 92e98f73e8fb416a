import Foundation

/// One example message of `Intents/danger/examples/<category>.txt`: a `+` line must raise
/// its category, a `-` line (a near-miss twin) must raise nothing. The same lines train
/// the safety net (`DangerNet`).
public struct DangerExample: Sendable, Hashable {
    public var text: String
    /// The category a `+` line must raise, or nil for a twin that must raise nothing.
    public var category: DangerCategory?
    public var file: String
    public var line: Int
}

public enum DangerExamples {
    /// Reads every `<category>.txt` of `directory`; a file named for no category, or a
    /// line that is neither `+ ` nor `- `, is a problem naming file and line.
    public static func read(from directory: URL, categories: [DangerCategory]) -> ([DangerExample], [DataError]) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
        var examples: [DangerExample] = []
        var problems: [DataError] = []
        for name in names {
            let path = directory.appendingPathComponent(name).path
            let category = DangerCategory(String(name.dropLast(4)))
            guard categories.contains(category) else {
                problems.append(DataError(file: path, problem: "'\(category)' is not a category of categories.yaml",
                                          fix: "name the file <category>.txt: \(categories.map(\.rawValue).joined(separator: " "))"))
                continue
            }
            guard let text = try? IntentExamples.readText(path) else {
                problems.append(DataError(file: path, problem: "cannot be read as UTF-8 text", fix: "save it as UTF-8"))
                continue
            }
            for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line.hasPrefix("#") { continue }
                let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
                guard let mark = line.first, mark == "+" || mark == "-", !body.isEmpty else {
                    problems.append(DataError(file: path, line: offset + 1, problem: "a line that is neither `+ message` nor `- message`",
                                              fix: "start it with `+ ` (must raise \(category)) or `- ` (must raise nothing)"))
                    continue
                }
                examples.append(DangerExample(text: body, category: mark == "+" ? category : nil, file: path, line: offset + 1))
            }
        }
        return (examples, problems)
    }

    /// A labelled danger set: `category<TAB>text` lines, `none` for a message that must
    /// raise nothing (header, blank and `#` lines skipped), as in `Tests/HeldOut/`.
    public static func loadTestSet(path: String, categories: [DangerCategory]) throws -> [DangerExample] {
        let text = try IntentExamples.readText(path)
        var result: [DangerExample] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || line == "category\ttext" { continue }
            let parts = line.split(separator: "\t", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw DataError(file: path, line: offset + 1, problem: "expected category<TAB>text",
                                fix: "put the category (or none), one tab, then the message")
            }
            let category = parts[0] == "none" ? nil : DangerCategory(parts[0])
            if let category, !categories.contains(category) {
                throw DataError(file: path, line: offset + 1, problem: "'\(parts[0])' is not a danger category",
                                fix: "use none or one of: \(categories.map(\.rawValue).joined(separator: " "))")
            }
            result.append(DangerExample(text: parts[1], category: category, file: path, line: offset + 1))
        }
        guard !result.isEmpty else {
            throw DataError(file: path, problem: "has no labelled messages", fix: "add category<TAB>text lines")
        }
        return result
    }
}
