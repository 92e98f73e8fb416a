import Foundation
import Yams

/// The phrases that name each canonical value of one slot, from `Intents/slots/<slot>.yaml`.
public struct SlotLexicon: Sendable {
    public struct Entry: Sendable, Hashable {
        public var value: String
        public var phrase: String
        /// 1-based line of the phrase in its file, for lint messages.
        public var line: Int
    }

    public var slot: SlotName
    public var entries: [Entry]
    public var file: String

    public init(slot: SlotName, entries: [Entry], file: String = "") {
        self.slot = slot
        self.entries = entries
        self.file = file
    }

    /// Loads every `<slot>.yaml` for the lexical slots from `directory`.
    public static func loadAll(from directory: URL) throws -> [SlotLexicon] {
        try SlotName.lexical.map { slot in
            let path = directory.appendingPathComponent("\(slot.rawValue).yaml").path
            return try load(slot: slot, path: path)
        }
    }

    /// Parses one lexicon: a mapping from canonical value to a list of phrases.
    public static func load(slot: SlotName, path: String) throws -> SlotLexicon {
        let text = try IntentExamples.readText(path)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DataError(file: path, line: yamlLine(error), problem: "is not valid YAML (\(yamlSummary(error)))",
                            fix: "write `value:` lines each followed by a list of phrases")
        }
        guard let mapping = node?.mapping else {
            throw DataError(file: path, line: 1, problem: "is not a mapping of values to phrases",
                            fix: "write `value:` lines each followed by `  - phrase` lines")
        }
        let allowed = Set(slot.canonicalValues)
        var entries: [Entry] = []
        for (key, value) in mapping {
            let line = key.mark.map { $0.line } ?? 1
            guard let name = key.string, allowed.contains(name) else {
                throw DataError(file: path, line: line, problem: "'\(key.string ?? "?")' is not a \(slot.rawValue) value of SPEC §3",
                                fix: "use one of: \(slot.canonicalValues.joined(separator: " "))")
            }
            guard let phrases = value.sequence else {
                throw DataError(file: path, line: line, problem: "'\(name)' has no list of phrases",
                                fix: "follow it with `  - phrase` lines")
            }
            for phraseNode in phrases {
                guard let phrase = phraseNode.string?.trimmingCharacters(in: .whitespaces), !phrase.isEmpty else {
                    throw DataError(file: path, line: phraseNode.mark?.line ?? line, problem: "an empty or non-text phrase",
                                    fix: "write each phrase as plain text")
                }
                entries.append(Entry(value: name, phrase: phrase.lowercased(), line: phraseNode.mark?.line ?? line))
            }
        }
        return SlotLexicon(slot: slot, entries: entries, file: path)
    }

    static func yamlLine(_ error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    static func yamlSummary(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(error)".split(separator: "\n").first.map(String.init) ?? "syntax error"
        }
    }
}
