import Foundation
import Yams

/// Reads one note file: YAML front matter between `---` lines, then a body split into
/// passages at blank lines. Problems come back as `DataError`s with file and line, so
/// `painchat lint` can list them all and loading can stop at the first.
public enum NoteParser {
    public static func parse(text: String, id: String, file: String) -> (note: Note?, problems: [DataError]) {
        var problems: [DataError] = []
        func problem(_ line: Int?, _ what: String, _ fix: String) {
            problems.append(DataError(file: file, line: line, problem: what, fix: fix))
        }
        let unixText = text.utf8.contains(13) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        // Split on the newline byte: splitting on Characters costs a grapheme walk of the whole file.
        let lines = unixText.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard lines.first?.trimmingSpaces() == "---" else {
            problem(1, "no front matter", "start the note with a `---` line, YAML fields (title, kind, regions, sources), and another `---`")
            return (nil, problems)
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingSpaces() == "---" }) else {
            problem(1, "front matter is not closed", "add a `---` line after the YAML fields")
            return (nil, problems)
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let mapping: Node.Mapping
        do {
            // Every field is text or a list of text: the basic resolver reads scalars as
            // strings without trying each YAML type's pattern, and naming the encoding
            // spares a look at the environment for every note.
            guard let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8), let m = node.mapping else {
                problem(2, "front matter is not a YAML mapping", "write `field: value` lines")
                return (nil, problems)
            }
            mapping = m
        } catch let error as YamlError {
            problem((SlotLexicon.yamlLine(error) ?? 1) + 1, "front matter is not valid YAML (\(SlotLexicon.yamlSummary(error)))",
                    "fix the YAML between the `---` lines")
            return (nil, problems)
        } catch {
            problem(2, "front matter cannot be read", "fix the YAML between the `---` lines")
            return (nil, problems)
        }
        func line(of key: String) -> Int {
            for (k, _) in mapping where k.string == key { return (k.mark?.line ?? 1) + 1 }
            return 2
        }
        func string(_ key: String) -> String? { mapping[key]?.string?.trimmingSpaces() }
        func list(_ key: String) -> [String]? {
            guard let node = mapping[key] else { return nil }
            if let seq = node.sequence { return seq.compactMap { $0.string?.trimmingSpaces() } }
            if let single = node.string { return [single] }
            return nil
        }

        let known = ["title", "kind", "regions", "muscles", "triggers", "eases", "qualities", "sources"]
        for (key, _) in mapping {
            if let name = key.string, !known.contains(name) {
                problem((key.mark?.line ?? 1) + 1, "unknown front-matter field '\(name)'",
                        "use only \(known.joined(separator: ", "))")
            }
        }
        let title = string("title") ?? ""
        if title.isEmpty { problem(line(of: "title"), "missing `title`", "add `title: A short human title`") }
        let kindText = string("kind") ?? ""
        let kind = NoteKind(rawValue: kindText)
        if kind == nil {
            problem(line(of: "kind"), kindText.isEmpty ? "missing `kind`" : "unknown kind '\(kindText)'",
                    "set `kind:` to one of \(NoteKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let regions = list("regions") ?? []
        if regions.isEmpty { problem(line(of: "regions"), "missing `regions`", "list the body regions, e.g. `regions: [hip, buttock]`") }
        let allowedRegions = Set(SlotName.location.canonicalValues)
        for region in regions where !allowedRegions.contains(region) {
            problem(line(of: "regions"), "unknown region '\(region)'",
                    "use location values of SPEC §3: \(SlotName.location.canonicalValues.joined(separator: " "))")
        }
        let triggers = list("triggers") ?? []
        let allowedTriggers = Set(SlotName.trigger.canonicalValues)
        for trigger in triggers where !allowedTriggers.contains(trigger) {
            problem(line(of: "triggers"), "unknown trigger '\(trigger)'",
                    "use trigger values of SPEC §3: \(SlotName.trigger.canonicalValues.joined(separator: " "))")
        }
        /// `eases` and `qualities` hold slot values too (what relieves it, what it feels like).
        func slotValues(_ key: String, _ slot: SlotName) -> [String] {
            let values = list(key) ?? []
            let allowed = Set(slot.canonicalValues)
            for value in values where !allowed.contains(value) {
                problem(line(of: key), "unknown \(slot.rawValue) value '\(value)' in `\(key)`",
                        "use \(slot.rawValue) values of SPEC §3: \(slot.canonicalValues.joined(separator: " "))")
            }
            return values.filter(allowed.contains)
        }
        let eases = slotValues("eases", .relief)
        let qualities = slotValues("qualities", .quality)
        let sources = list("sources") ?? []
        if sources.isEmpty { problem(line(of: "sources"), "missing `sources`", "name the published works the facts come from") }

        let passages = splitPassages(lines: lines, from: close + 1, noteID: id)
        if passages.isEmpty { problem(close + 2, "the note has no passages", "write at least one paragraph after the front matter") }
        var seenTexts: [String: Int] = [:]
        for passage in passages {
            let key = passage.text.lowercased()
            if let earlier = seenTexts[key] {
                problem(passage.line, "duplicate passage (same text as line \(earlier))", "delete or rewrite one of them")
            } else {
                seenTexts[key] = passage.line
            }
        }
        guard let kind, !title.isEmpty else { return (nil, problems) }
        let note = Note(id: id, title: title, kind: kind, regions: regions, muscles: list("muscles") ?? [],
                        triggers: triggers, eases: eases, qualities: qualities, sources: sources, file: file, passages: passages)
        return (note, problems)
    }

    /// Paragraphs separated by blank lines; `#` heading lines start a section and are not
    /// passages themselves.
    static func splitPassages(lines: [String], from start: Int, noteID: String) -> [Passage] {
        var passages: [Passage] = []
        var current: [String] = []
        var currentLine = 0
        var heading: String? = nil
        func flush() {
            let text = current.joined(separator: " ").trimmingSpaces()
            if !text.isEmpty {
                passages.append(Passage(noteID: noteID, number: passages.count + 1, text: text, heading: heading, line: currentLine))
            }
            current.removeAll()
        }
        var index = start
        while index < lines.count {
            let line = lines[index].trimmingSpaces()
            if line.isEmpty {
                flush()
            } else if line.hasPrefix("#") {
                flush()
                heading = line.drop(while: { $0 == "#" }).trimmingSpaces()
            } else {
                if current.isEmpty { currentLine = index + 1 }
                current.append(line)
            }
            index += 1
        }
        flush()
        return passages
    }
}
