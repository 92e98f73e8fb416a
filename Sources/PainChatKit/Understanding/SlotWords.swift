import Foundation
import Yams

/// The word lists of `Intents/slots/words.yaml`: what the slot reader takes as cue words
/// around a phrase, as corrections, and as a body part's neighbours.
public struct SlotWords: Sendable, Equatable {
    public var reliefCues: [String] = []
    public var strongTriggerCues: [String] = []
    public var weakTriggerCues: [String] = []
    public var worseWords: [String] = []
    public var backVerbs: [String] = []
    public var correctionCues: [String] = []
    public var bodyPartBefore: [String] = []
    public var bodyPartAfter: [String] = []

    public init() {}

    // Key paths are immutable values; the array is never written.
    nonisolated(unsafe) static let keys: [(String, WritableKeyPath<SlotWords, [String]>)] = [
        ("relief_cues", \.reliefCues), ("strong_trigger_cues", \.strongTriggerCues), ("weak_trigger_cues", \.weakTriggerCues),
        ("worse_words", \.worseWords), ("back_verbs", \.backVerbs), ("correction_cues", \.correctionCues),
        ("body_part_before", \.bodyPartBefore), ("body_part_after", \.bodyPartAfter),
    ]

    /// Every list in `keys` order, for the engine cache.
    var lists: [[String]] { SlotWords.keys.map { self[keyPath: $0.1] } }

    init(lists: [[String]]) throws {
        guard lists.count == SlotWords.keys.count else { throw BinaryReader.Corrupt() }
        for ((_, path), list) in zip(SlotWords.keys, lists) { self[keyPath: path] = list }
    }

    /// Reads `words.yaml`; a missing, unknown or malformed list is a `DataError` at its line.
    public static func load(path: String) throws -> SlotWords {
        let text = try IntentExamples.readText(path)
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw DataError(file: path, problem: "is not valid YAML (\(error))", fix: "write `name: [word, word, ...]` lists")
        }
        guard let mapping = root?.mapping else {
            throw DataError(file: path, problem: "is not a mapping of word lists", fix: "write `name: [word, word, ...]` lists")
        }
        let allowed = Set(keys.map(\.0))
        for (key, _) in mapping {
            guard let name = key.string, allowed.contains(name) else {
                throw DataError(file: path, line: key.mark?.line, problem: "has an unknown list '\(key.string ?? "?")'",
                                fix: "use one of: \(keys.map(\.0).joined(separator: " "))")
            }
        }
        var words = SlotWords()
        for (name, path_) in keys {
            guard let node = mapping[name] else {
                throw DataError(file: path, problem: "has no `\(name)` list", fix: "add `\(name): [word, ...]`")
            }
            guard let items = node.sequence else {
                throw DataError(file: path, line: node.mark?.line, problem: "`\(name)` is not a list", fix: "write `\(name): [word, ...]`")
            }
            var list: [String] = []
            for item in items {
                guard let word = item.string?.trimmingCharacters(in: .whitespaces).lowercased(), !word.isEmpty,
                      !word.contains(" ") else {
                    throw DataError(file: path, line: item.mark?.line, problem: "`\(name)` holds '\(item.string ?? "?")', which is not one word",
                                    fix: "list single words, lowercase, without apostrophes")
                }
                list.append(word)
            }
            words[keyPath: path_] = list
        }
        return words
    }
}
