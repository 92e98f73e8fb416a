import Foundation

/// Checks everything a person may edit: notes, intent examples and slot lexicons.
public enum DataLinter {
    public struct Report: Sendable {
        public var problems: [DataError] = []
        public var notes = 0
        public var passages = 0
        public var examples = 0
        public var phrases = 0
    }

    /// SPEC §2 asks for at least this many examples per intent.
    public static let minimumExamples = 30

    public static func lint(_ bundle: PainChat.Bundle) throws -> Report {
        var report = Report()
        let (notes, corpusProblems) = try CorpusLoader.read(bundle.corpora)
        report.problems += corpusProblems
        report.notes = notes.count
        report.passages = notes.reduce(0) { $0 + $1.passages.count }
        lintIntents(bundle.intents, into: &report)
        lintLexicons(bundle.intents.appendingPathComponent("slots"), into: &report)
        return report
    }

    static func lintIntents(_ directory: URL, into report: inout Report) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else {
            report.problems.append(DataError(file: directory.path, problem: "intents folder not found",
                                             fix: "create Intents/ with one <intent>.txt per intent"))
            return
        }
        var seen: [String: String] = [:]
        var present: Set<Intent> = []
        for name in names.filter({ $0.hasSuffix(".txt") }).sorted() {
            let path = directory.appendingPathComponent(name).path
            guard let intent = Intent(rawValue: String(name.dropLast(4))) else {
                report.problems.append(DataError(file: path, problem: "'\(name)' is not an intent of SPEC §2",
                                                 fix: "rename it to <intent>.txt"))
                continue
            }
            present.insert(intent)
            guard let text = try? IntentExamples.readText(path) else {
                report.problems.append(DataError(file: path, problem: "cannot be read as UTF-8 text", fix: "save it as UTF-8"))
                continue
            }
            let examples = IntentExamples.parse(text, intent: intent, file: path)
            report.examples += examples.count
            if examples.count < minimumExamples {
                report.problems.append(DataError(file: path, problem: "\(examples.count) examples",
                                                 fix: "write at least \(minimumExamples) varied examples"))
            }
            for example in examples {
                let key = normalised(example.text)
                if let other = seen[key] {
                    report.problems.append(DataError(file: path, line: example.line, problem: "duplicate example (also at \(other))",
                                                     fix: "delete one, or reword it"))
                } else {
                    seen[key] = "\(name):\(example.line)"
                }
            }
        }
        for intent in Intent.allCases where !present.contains(intent) {
            report.problems.append(DataError(file: directory.appendingPathComponent("\(intent.rawValue).txt").path,
                                             problem: "missing", fix: "create it with one example utterance per line"))
        }
    }

    static func lintLexicons(_ directory: URL, into report: inout Report) {
        for slot in SlotName.lexical {
            let path = directory.appendingPathComponent("\(slot.rawValue).yaml").path
            do {
                let lexicon = try SlotLexicon.load(slot: slot, path: path)
                report.phrases += lexicon.entries.count
                var owner: [String: String] = [:]
                for entry in lexicon.entries {
                    if let other = owner[entry.phrase], other != entry.value {
                        report.problems.append(DataError(file: path, line: entry.line,
                                                         problem: "phrase '\(entry.phrase)' is listed under both \(other) and \(entry.value)",
                                                         fix: "keep it under one value"))
                    }
                    owner[entry.phrase] = entry.value
                }
                let values = Set(lexicon.entries.map(\.value))
                for value in slot.canonicalValues where !values.contains(value) {
                    report.problems.append(DataError(file: path, problem: "no phrases for \(slot.rawValue) value '\(value)'",
                                                     fix: "add `\(value):` with a list of phrases"))
                }
            } catch let error as DataError {
                report.problems.append(error)
            } catch {
                report.problems.append(DataError(file: path, problem: "cannot be read", fix: "check the file"))
            }
        }
    }

    static func normalised(_ text: String) -> String {
        text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == " " }
            .map(String.init).joined().split(separator: " ").joined(separator: " ")
    }
}
