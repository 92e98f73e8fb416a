import Foundation

/// One expectation of a slot test set: after the message, `slot` holds `value` (or, when
/// `mustHold` is false, does not: the word was negated, figurative, someone else's,
/// corrected or an idiom).
public struct SlotExpectation: Sendable, Hashable {
    public var slot: SlotName
    public var value: String
    public var mustHold: Bool
}

/// One line of a slot test set: `utterance<TAB>key=v1,v2 !key=v ...`.
public struct SlotTestCase: Sendable {
    public var text: String
    public var expectations: [SlotExpectation]
    public var line: Int

    /// Reads a slot test set; a bad line is a `file:line` error naming the fix.
    public static func load(path: String) throws -> [SlotTestCase] {
        let content = try IntentExamples.readText(path)
        var cases: [SlotTestCase] = []
        for (index, raw) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = raw.split(separator: "\t", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].trimmingCharacters(in: .whitespaces).isEmpty else {
                throw DataError(file: path, line: index + 1, problem: "is not utterance<TAB>expectations",
                                fix: "write the message, one tab, then items such as location=knee !relief=heat")
            }
            var expectations: [SlotExpectation] = []
            for item in parts[1].split(separator: " ") {
                let mustHold = !item.hasPrefix("!")
                let body = mustHold ? item[...] : item.dropFirst()
                let pair = body.split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2, let slot = SlotName(rawValue: pair[0]) else {
                    throw DataError(file: path, line: index + 1, problem: "'\(item)' is not slot=value",
                                    fix: "use one of \(SlotName.allCases.map(\.rawValue).joined(separator: " ")) as the slot")
                }
                for value in pair[1].split(separator: ",").map(String.init) {
                    let allowed = slot == .redFlags ? ["none"] : slot.canonicalValues
                    let numeric = slot == .intensity || slot == .durationDays
                    guard numeric ? Int(value) != nil : allowed.contains(value) else {
                        throw DataError(file: path, line: index + 1, problem: "'\(value)' is not a value of \(slot.rawValue)",
                                        fix: numeric ? "write a whole number" : "use one of: \(allowed.joined(separator: " "))")
                    }
                    expectations.append(SlotExpectation(slot: slot, value: value, mustHold: mustHold))
                }
            }
            guard !expectations.isEmpty else {
                throw DataError(file: path, line: index + 1, problem: "has no expectations", fix: "add at least one key=value item")
            }
            cases.append(SlotTestCase(text: parts[0], expectations: expectations, line: index + 1))
        }
        guard !cases.isEmpty else { throw DataError(file: path, problem: "has no messages", fix: "add utterance<TAB>expectations lines") }
        return cases
    }
}

/// How the slots do on a labelled set (`painchat eval --slots FILE`): each message is the
/// first turn of a conversation, and its expectations are checked on the frame after it.
public struct SlotEvaluation: Sendable {
    public struct Row: Sendable {
        public var testCase: SlotTestCase
        public var frame: Frame
        /// The expectations the frame breaks.
        public var wrong: [SlotExpectation]
    }

    public struct Tally: Sendable, Equatable {
        public var slot: SlotName
        public var right = 0
        public var total = 0
        public var negativeRight = 0
        public var negativeTotal = 0
    }

    public var rows: [Row]

    public static func score(_ cases: [SlotTestCase], engine: PainChat) -> SlotEvaluation {
        SlotEvaluation(rows: cases.map { testCase in
            let (state, _) = engine.respond(to: testCase.text, in: ConversationState())
            let wrong = testCase.expectations.filter { state.frame.values(of: $0.slot).contains($0.value) != $0.mustHold }
            return Row(testCase: testCase, frame: state.frame, wrong: wrong)
        })
    }

    public var messagesRight: Int { rows.filter(\.wrong.isEmpty).count }
    /// Values that must not be filled, right, over every slot.
    public var negativesRight: Int { tallies.reduce(0) { $0 + $1.negativeRight } }
    public var expectations: Int { rows.reduce(0) { $0 + $1.testCase.expectations.count } }
    public var expectationsRight: Int { expectations - rows.reduce(0) { $0 + $1.wrong.count } }

    public var tallies: [Tally] {
        var bySlot: [SlotName: Tally] = [:]
        for row in rows {
            for expectation in row.testCase.expectations {
                var tally = bySlot[expectation.slot] ?? Tally(slot: expectation.slot)
                let right = !row.wrong.contains(expectation)
                tally.total += 1
                if right { tally.right += 1 }
                if !expectation.mustHold {
                    tally.negativeTotal += 1
                    if right { tally.negativeRight += 1 }
                }
                bySlot[expectation.slot] = tally
            }
        }
        return SlotName.allCases.compactMap { bySlot[$0] }
    }
}
