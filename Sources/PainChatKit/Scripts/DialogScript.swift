import Foundation

/// One expectation on a turn of a `.dialog` script (SPEC §8).
public struct Expectation: Sendable, Equatable {
    public enum Check: Sendable, Equatable {
        case intent(Intent)
        case slot(SlotName, [String])
        case asks(SlotName)
        case answers
        case cites(String?)
        case urgent(DangerCategory?)
        /// A check question for a suspected danger sign (of this category).
        case checks(DangerCategory?)
        /// The reply's first explanation passage comes from one of these notes.
        case explains([String])
        /// A self-care passage of the reply comes from one of these notes.
        case suggests([String])
        /// The reply shows a passage already shown in this conversation.
        case repeats
        /// The reply is shorter than this many words.
        case wordsBelow(Int)
        case says(String, isRegex: Bool)
        case fallback
        case ends
    }

    public var check: Check
    public var negated: Bool
    public var line: Int
    /// The expectation as written, for failure messages.
    public var source: String
}

/// A user turn of a script and what its reply must satisfy.
public struct ScriptTurn: Sendable, Equatable {
    public var utterance: String
    public var line: Int
    public var expectations: [Expectation]
}

/// A scripted conversation: `> utterance` lines, each followed by indented expectations.
public struct DialogScript: Sendable, Equatable {
    public var file: String
    public var turns: [ScriptTurn]

    public static func load(path: String) throws -> DialogScript {
        try parse(IntentExamples.readText(path), file: path)
    }

    public static func parse(_ text: String, file: String) throws -> DialogScript {
        var turns: [ScriptTurn] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if raw.hasPrefix(">") {
                let utterance = raw.dropFirst().trimmingCharacters(in: .whitespaces)
                turns.append(ScriptTurn(utterance: utterance, line: line, expectations: []))
                continue
            }
            guard raw.first == " " || raw.first == "\t" else {
                throw DataError(file: file, line: line, problem: "'\(trimmed)' is neither a `> utterance` nor an indented expectation",
                                fix: "start user turns with `>` and indent expectations under them")
            }
            guard !turns.isEmpty else {
                throw DataError(file: file, line: line, problem: "expectation before any user turn",
                                fix: "put a `> utterance` line first")
            }
            turns[turns.count - 1].expectations.append(try parseExpectation(trimmed, file: file, line: line))
        }
        if turns.isEmpty {
            throw DataError(file: file, problem: "no user turns", fix: "add lines starting with `> `")
        }
        return DialogScript(file: file, turns: turns)
    }

    static func parseExpectation(_ text: String, file: String, line: Int) throws -> Expectation {
        var rest = Substring(text)
        var negated = false
        if rest.hasPrefix("not ") { negated = true; rest = rest.dropFirst(4).drop(while: { $0 == " " }) }
        let verb = rest.prefix(while: { $0 != " " })
        let argument = rest.dropFirst(verb.count).trimmingCharacters(in: .whitespaces)
        func fail(_ problem: String, _ fix: String) -> DataError { DataError(file: file, line: line, problem: problem, fix: fix) }
        let check: Expectation.Check
        switch verb {
        case "intent":
            guard let intent = Intent(rawValue: argument) else {
                throw fail("unknown intent '\(argument)'", "use one of: \(Intent.allCases.map(\.rawValue).joined(separator: " "))")
            }
            check = .intent(intent)
        case "slot":
            let name = argument.prefix(while: { $0 != " " })
            guard let slot = SlotName(rawValue: String(name)) else {
                throw fail("unknown slot '\(name)'", "use one of: \(SlotName.allCases.map(\.rawValue).joined(separator: " "))")
            }
            let values = argument.dropFirst(name.count).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !values.isEmpty else { throw fail("`slot \(name)` needs a value", "write `slot \(name) VALUE[, VALUE…]`") }
            let allowed = slot.canonicalValues
            if !allowed.isEmpty, let bad = values.first(where: { !allowed.contains($0) }) {
                throw fail("'\(bad)' is not a \(slot.rawValue) value", "use one of: \(allowed.joined(separator: " "))")
            }
            check = .slot(slot, values)
        case "asks":
            guard let slot = SlotName(rawValue: argument), [.location, .trigger, .relief, .redFlags].contains(slot) else {
                throw fail("`asks` needs location, trigger, relief or red_flags, not '\(argument)'", "write e.g. `asks relief`")
            }
            check = .asks(slot)
        case "answers": check = .answers
        case "cites": check = .cites(argument.isEmpty ? nil : argument)
        case "urgent", "checks":
            var category: DangerCategory?
            if !argument.isEmpty {
                // The categories are data; the runner checks the name against them.
                guard argument.range(of: "^[a-z][a-z_]*$", options: .regularExpression) != nil else {
                    throw fail("'\(argument)' is not a danger category name", "write e.g. `\(verb) cauda_equina`")
                }
                category = DangerCategory(argument)
            }
            check = verb == "urgent" ? .urgent(category) : .checks(category)
        case "says":
            guard !argument.isEmpty else { throw fail("`says` needs text or /regex/", "write `says some words` or `says /a|b/`") }
            if argument.count >= 2 && argument.hasPrefix("/") && argument.hasSuffix("/") {
                let pattern = String(argument.dropFirst().dropLast())
                do { _ = try NSRegularExpression(pattern: pattern) } catch {
                    throw fail("invalid regular expression /\(pattern)/", "fix the pattern between the slashes")
                }
                check = .says(pattern, isRegex: true)
            } else {
                check = .says(argument, isRegex: false)
            }
        case "explains", "suggests":
            let notes = argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !notes.isEmpty, notes.allSatisfy({ $0.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) != nil }) else {
                throw fail("`\(verb)` needs note ids, not '\(argument)'", "write e.g. `\(verb) gluteus-medius, gluteus-minimus`")
            }
            // The notes are data; the runner checks the ids against the corpus.
            check = verb == "explains" ? .explains(notes) : .suggests(notes)
        case "repeats":
            guard argument.isEmpty else { throw fail("`repeats` takes nothing after it", "write `repeats` or `not repeats`") }
            check = .repeats
        case "words":
            let parts = argument.split(separator: " ")
            guard parts.count == 2, parts[0] == "<", let limit = Int(parts[1]), limit > 0 else {
                throw fail("`words` needs `< N`, not '\(argument)'", "write e.g. `words < 250`")
            }
            check = .wordsBelow(limit)
        case "fallback": check = .fallback
        case "ends": check = .ends
        default:
            throw fail("unknown expectation '\(verb)'", "use intent, slot, asks, answers, cites, urgent, checks, explains, suggests, repeats, words, says, fallback or ends")
        }
        return Expectation(check: check, negated: negated, line: line, source: text)
    }
}
