import Foundation

/// One labelled training utterance and where it was written.
public struct IntentExample: Sendable, Hashable {
    public var text: String
    public var intent: Intent
    public var file: String
    public var line: Int
}

/// The training data of `Intents/<intent>.txt`: one example per line, `#` comments and
/// blank lines ignored.
public enum IntentExamples {
    /// Reads every `<intent>.txt` in `directory`. Fails on a missing intent file, an unknown
    /// file name or an intent with too few examples, naming the file.
    public static func load(from directory: URL, minimumPerIntent: Int = 10) throws -> [IntentExample] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DataError(file: directory.path, problem: "intents folder not found",
                            fix: "pass --intents DIR pointing at a folder of <intent>.txt files")
        }
        let names = try fm.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
        var examples: [IntentExample] = []
        var seen: Set<Intent> = []
        for name in names {
            let path = directory.appendingPathComponent(name).path
            let stem = String(name.dropLast(4))
            guard let intent = Intent(rawValue: stem) else {
                throw DataError(file: path, problem: "'\(stem)' is not an intent of SPEC §2",
                                fix: "rename the file to one of: \(Intent.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let text = try readText(path)
            let parsed = parse(text, intent: intent, file: path)
            if parsed.count < minimumPerIntent {
                throw DataError(file: path, problem: "only \(parsed.count) examples",
                                fix: "add at least \(minimumPerIntent) example utterances, one per line")
            }
            examples += parsed
            seen.insert(intent)
        }
        if let missing = Intent.allCases.first(where: { !seen.contains($0) }) {
            throw DataError(file: directory.appendingPathComponent("\(missing.rawValue).txt").path,
                            problem: "missing training file for intent \(missing.rawValue)",
                            fix: "create it with one example utterance per line")
        }
        return examples
    }

    /// Examples of one file's text: trimmed non-empty lines that are not `#` comments.
    public static func parse(_ text: String, intent: Intent, file: String) -> [IntentExample] {
        var result: [IntentExample] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            result.append(IntentExample(text: line, intent: intent, file: file, line: offset + 1))
        }
        return result
    }

    /// A labelled test set: a TSV file of `intent<TAB>text` lines (a header line
    /// `intent<TAB>text`, blank lines and `#` comments are skipped). Fails on an unknown
    /// intent or a line without a tab, naming the file and line.
    /// The rows of a labelled TSV file: `LABEL<TAB>text` lines, skipping a header line
    /// `LABEL<TAB>text`, blank lines and `#` comments. A line without a tab and a text
    /// fails, naming the file and line.
    /// `labelHint` says what goes first in the fix ("category (or none)").
    static func labelledRows(path: String, label: String, labelHint: String? = nil) throws -> [(label: String, text: String, line: Int)] {
        let text = try readText(path)
        var rows: [(label: String, text: String, line: Int)] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || line == "\(label)\ttext" { continue }
            let parts = line.split(separator: "\t", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw DataError(file: path, line: offset + 1, problem: "expected \(label)<TAB>text",
                                fix: "put the \(labelHint ?? label), one tab, then the message")
            }
            rows.append((parts[0], parts[1], offset + 1))
        }
        return rows
    }

    public static func loadTestSet(path: String) throws -> [IntentExample] {
        var result: [IntentExample] = []
        for row in try labelledRows(path: path, label: "intent") {
            guard let intent = Intent(rawValue: row.label) else {
                throw DataError(file: path, line: row.line, problem: "'\(row.label)' is not an intent of SPEC §2",
                                fix: "use one of: \(Intent.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            result.append(IntentExample(text: row.text, intent: intent, file: path, line: row.line))
        }
        guard !result.isEmpty else {
            throw DataError(file: path, problem: "has no labelled messages", fix: "add intent<TAB>text lines")
        }
        return result
    }

    static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(file: path, problem: "cannot be read", fix: "check that the file exists and is readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataError(file: path, problem: "is not valid UTF-8 text", fix: "save it as UTF-8")
        }
        return text
    }
}
