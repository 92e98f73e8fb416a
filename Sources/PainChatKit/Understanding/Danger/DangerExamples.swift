import Foundation

/// One example message of `Intents/danger/examples/<category>.txt`. The same lines train
/// the safety net (`DangerNet`), each as its category or as none.
///
/// - `+ ` a sign the rules must raise as this category;
/// - `~ ` a sign the rules do not name yet: it must at least get a check question;
/// - `- ` a near miss (a twin) that must raise nothing;
/// - `? ` a near miss the rules still raise, a known false alarm, kept so that it is
///   counted (`painchat lint` reports how many) until a rule is mended.
public struct DangerExample: Sendable, Hashable {
    public enum Mark: Character, Sendable, Hashable {
        case mustRaise = "+", mustReach = "~", mustNotRaise = "-", knownFalseAlarm = "?"
    }

    public var text: String
    /// The category of a sign (`+`, `~`), or nil for a near miss (`-`, `?`).
    public var category: DangerCategory?
    public var file: String
    public var line: Int
    public var mark: Mark = .mustRaise
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
                guard let first = line.first, let mark = DangerExample.Mark(rawValue: first), !body.isEmpty else {
                    problems.append(DataError(file: path, line: offset + 1, problem: "a line that starts with none of + ~ - ?",
                                              fix: "start it with `+ ` (the rules must raise \(category)), `~ ` (a sign the rules do not name yet), `- ` (must raise nothing) or `? ` (a known false alarm)"))
                    continue
                }
                let isSign = mark == .mustRaise || mark == .mustReach
                examples.append(DangerExample(text: body, category: isSign ? category : nil, file: path, line: offset + 1, mark: mark))
            }
        }
        return (examples, problems)
    }

    /// A labelled danger set: `category<TAB>text` lines, `none` for a message that must
    /// raise nothing (header, blank and `#` lines skipped), as in `Tests/HeldOut/`.
    public static func loadTestSet(path: String, categories: [DangerCategory]) throws -> [DangerExample] {
        var result: [DangerExample] = []
        for row in try IntentExamples.labelledRows(path: path, label: "category", labelHint: "category (or none)") {
            let category = row.label == "none" ? nil : DangerCategory(row.label)
            if let category, !categories.contains(category) {
                throw DataError(file: path, line: row.line, problem: "'\(row.label)' is not a danger category",
                                fix: "use none or one of: \(categories.map(\.rawValue).joined(separator: " "))")
            }
            result.append(DangerExample(text: row.text, category: category, file: path, line: row.line))
        }
        guard !result.isEmpty else {
            throw DataError(file: path, problem: "has no labelled messages", fix: "add category<TAB>text lines")
        }
        return result
    }
}
