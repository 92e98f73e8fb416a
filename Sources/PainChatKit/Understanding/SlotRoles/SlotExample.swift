import Foundation

/// One annotated message of `Intents/slots/examples/`: the plain text and the phrases
/// marked in it, `[words](slot:value)` for a phrase that fills a slot and `[words](none)`
/// for one that looks like a slot word but fills nothing (negated, figurative, someone
/// else's, corrected, long over).
public struct SlotExample: Sendable {
    public struct Span: Sendable, Hashable {
        /// Offsets in `text`, in Unicode scalars (as `Token.range`).
        public var range: Range<Int>
        /// nil for `(none)`.
        public var slot: SlotName?
        public var value: String?
    }

    public var text: String
    public var spans: [Span]
    public var file: String
    public var line: Int

    /// Parses one marked-up line; a malformed one is a `DataError` at `file:line` naming the fix.
    public static func parse(_ line: String, file: String, lineNumber: Int) throws -> SlotExample {
        func problem(_ what: String, _ fix: String) -> DataError { DataError(file: file, line: lineNumber, problem: what, fix: fix) }
        let scalars = Array(line.unicodeScalars)
        var plain = String.UnicodeScalarView()
        var plainCount = 0
        var spans: [Span] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            guard c == "[" else {
                if c == "]" { throw problem("has a ']' with no '['", "mark a phrase as [words](slot:value)") }
                plain.append(c); plainCount += 1; i += 1
                continue
            }
            guard let close = scalars[(i + 1)...].firstIndex(of: "]") else {
                throw problem("has a '[' that is never closed", "end the phrase with ](slot:value)")
            }
            if scalars[(i + 1)..<close].contains("[") {
                throw problem("has a '[' inside a marked phrase", "marked phrases do not nest: mark the smallest phrase")
            }
            let words = String(String.UnicodeScalarView(scalars[(i + 1)..<close]))
            guard !words.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw problem("marks an empty phrase", "put the words inside the brackets: [words](slot:value)")
            }
            guard close + 1 < scalars.count, scalars[close + 1] == "(",
                  let end = scalars[(close + 2)...].firstIndex(of: ")") else {
                throw problem("marks '\(words)' with no (slot:value) after it", "write [\(words)](slot:value) or [\(words)](none)")
            }
            let label = String(String.UnicodeScalarView(scalars[(close + 2)..<end])).trimmingCharacters(in: .whitespaces)
            let (slot, value) = try parseLabel(label, words: words, problem: problem)
            let start = plainCount
            for s in scalars[(i + 1)..<close] { plain.append(s); plainCount += 1 }
            spans.append(Span(range: start..<plainCount, slot: slot, value: value))
            i = end + 1
        }
        return SlotExample(text: String(plain), spans: spans, file: file, line: lineNumber)
    }

    private static func parseLabel(_ label: String, words: String,
                                   problem: (String, String) -> DataError) throws -> (SlotName?, String?) {
        if label == "none" { return (nil, nil) }
        let parts = label.split(separator: ":", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
        let slots = [SlotName.location, .side, .trigger, .relief, .quality, .intensity, .durationDays]
        guard parts.count == 2, let slot = SlotName(rawValue: parts[0]), slots.contains(slot) else {
            throw problem("marks '\(words)' as '\(label)', which is not slot:value or none",
                          "use none or one of \(slots.map(\.rawValue).joined(separator: " ")) followed by :value")
        }
        let value = parts[1]
        switch slot {
        case .intensity:
            guard let n = Int(value), (0...10).contains(n) else {
                throw problem("marks '\(words)' with intensity '\(value)'", "write a whole number from 0 to 10")
            }
        case .durationDays:
            guard let n = Int(value), n >= 0 else {
                throw problem("marks '\(words)' with duration_days '\(value)'", "write a whole number of days")
            }
        default:
            guard slot.canonicalValues.contains(value) else {
                throw problem("marks '\(words)' with '\(value)', which is not a value of \(slot.rawValue)",
                              "use one of: \(slot.canonicalValues.joined(separator: " "))")
            }
        }
        return (slot, value)
    }
}

/// The annotated slot examples of a folder (`Intents/slots/examples/*.txt`).
public enum SlotExamples {
    /// Every example of every `.txt` file, in file then line order, with the problems of
    /// the lines that could not be read (each a `file:line` error).
    public static func read(from folder: URL) -> (examples: [SlotExample], problems: [DataError]) {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
        var examples: [SlotExample] = []
        var problems: [DataError] = []
        for name in files {
            let path = folder.appendingPathComponent(name).path
            let content: String
            do { content = try IntentExamples.readText(path) } catch let error as DataError {
                problems.append(error); continue
            } catch {
                problems.append(DataError(file: path, problem: "cannot be read", fix: "check the file's permissions")); continue
            }
            for (index, raw) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line.hasPrefix("#") { continue }
                do { examples.append(try SlotExample.parse(line, file: path, lineNumber: index + 1)) } catch let error as DataError {
                    problems.append(error)
                } catch {}
            }
        }
        return (examples, problems)
    }
}
