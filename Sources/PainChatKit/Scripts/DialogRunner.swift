import Foundation

/// A failed expectation: which turn, what was expected, what happened.
public struct DialogFailure: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var utterance: String
    public var expectation: String
    public var actual: String

    public var description: String {
        "\(file):\(line): after \"\(utterance)\": expected `\(expectation)`, but \(actual)"
    }
}

/// The outcome of one script.
public struct DialogResult: Sendable, Equatable {
    public var file: String
    public var failures: [DialogFailure]
    /// What each turn got, in order, for measures across scripts (`AnswerEvaluation`).
    public var turns: [DialogRunner.TurnRecord] = []
    public var passed: Bool { failures.isEmpty }
}

/// Runs `.dialog` scripts through the real engine, one fresh conversation per script.
public struct DialogRunner: Sendable {
    public let engine: PainChat
    private let renderer = ReplyRenderer(width: 100_000)

    public init(engine: PainChat) { self.engine = engine }

    /// One turn as it ran: the reply, its length in words, and the passages it showed
    /// that an earlier reply of the conversation had shown already.
    public struct TurnRecord: Sendable, Equatable {
        public var file: String
        public var line: Int
        public var utterance: String
        public var reply: Reply
        public var words: Int
        public var repeated: [String]
    }

    /// Words as a reader counts them: runs of letters or digits.
    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }.count
    }

    public func run(_ script: DialogScript) -> DialogResult {
        var state = ConversationState()
        var failures: [DialogFailure] = []
        var records: [TurnRecord] = []
        var shown: Set<String> = []
        for turn in script.turns {
            let (next, reply) = engine.respond(to: turn.utterance, in: state)
            state = next
            let text = renderer.render(reply)
            let ids = reply.answer?.passages.map(\.id) ?? []
            let record = TurnRecord(file: script.file, line: turn.line, utterance: turn.utterance, reply: reply,
                                    words: DialogRunner.wordCount(text), repeated: ids.filter(shown.contains))
            shown.formUnion(ids)
            records.append(record)
            for expectation in turn.expectations {
                let (holds, actual) = evaluate(expectation.check, reply: reply, text: text, state: state, record: record)
                if holds == expectation.negated {
                    failures.append(DialogFailure(file: script.file, line: expectation.line, utterance: turn.utterance,
                                                  expectation: expectation.source,
                                                  actual: expectation.negated ? "it did (\(actual))" : actual))
                }
            }
        }
        return DialogResult(file: script.file, failures: failures, turns: records)
    }

    /// Whether a check holds, and a description of what actually happened.
    func evaluate(_ check: Expectation.Check, reply: Reply, text: String, state: ConversationState, record: TurnRecord) -> (Bool, String) {
        switch check {
        case .explains(let notes), .suggests(let notes):
            if let unknown = notes.first(where: { engine.retriever.corpus.note($0) == nil }) {
                return (false, "'\(unknown)' is no note of the corpus (see `painchat search` or Corpus/)")
            }
            guard let answer = reply.answer else { return (false, "it quoted nothing") }
            if case .explains = check {
                let first = answer.explanations.first?.noteID
                return (first.map(notes.contains) ?? false,
                        first.map { "the first explanation came from \($0) (explained: \(answer.explanations.map(\.noteID).joined(separator: ", ")))" }
                            ?? "it gave no explanation")
            }
            let care = answer.selfCare.map(\.noteID)
            return (care.contains(where: notes.contains), care.isEmpty ? "it suggested no self-care" : "its self-care came from \(care.joined(separator: ", "))")
        case .repeats:
            return (!record.repeated.isEmpty, record.repeated.isEmpty ? "it showed no passage again" : "it showed again \(record.repeated.joined(separator: ", "))")
        case .wordsBelow(let limit):
            return (record.words < limit, "the reply was \(record.words) words")
        case .intent(let intent):
            let actual = state.lastTrace?.intent
            let confidence = state.lastTrace?.ranking.first.map { String(format: " (top %@ %.2f)", $0.intent.rawValue, $0.confidence) } ?? ""
            return (actual == intent, "the intent was \(actual?.rawValue ?? "none")\(confidence)")
        case .slot(let slot, let values):
            let held = state.frame.values(of: slot)
            return (values.allSatisfy(held.contains), "\(slot.rawValue) holds [\(held.joined(separator: ", "))]")
        case .asks(let slot):
            let asked = reply.question?.slot
            return (asked == slot, asked.map { "it asked about \($0.rawValue)" } ?? "it asked nothing")
        case .answers:
            let count = reply.answer?.passages.count ?? 0
            return (count > 0, "it quoted \(count) passages")
        case .cites(let note):
            let cited = reply.citedNotes
            let holds = note.map { cited.contains($0) } ?? !cited.isEmpty
            return (holds, cited.isEmpty ? "it cited nothing" : "it cited \(cited.joined(separator: ", "))")
        case .urgent(let category?) where engine.understanding.danger.rulebook.category(category) == nil,
             .checks(let category?) where engine.understanding.danger.rulebook.category(category) == nil:
            let known = engine.understanding.danger.rulebook.categories.map(\.name.rawValue).joined(separator: " ")
            return (false, "'\(category)' is no danger category of Intents/danger/categories.yaml (\(known))")
        case .checks(let category):
            let check = reply.check
            let holds = check != nil && (category == nil || check?.category == category)
            return (holds, check.map { "it asked a check question for \($0.category.rawValue)" } ?? "it asked no check question")
        case .urgent(let category):
            let sign = reply.urgent
            let holds = sign != nil && (category == nil || sign?.category == category)
            return (holds, sign.map { "it was urgent: \($0.category.rawValue)" } ?? "it was not urgent")
        case .says(let pattern, let isRegex):
            let holds: Bool
            if isRegex {
                holds = (try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]))
                    .map { $0.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil } ?? false
            } else {
                holds = text.range(of: pattern, options: [.caseInsensitive]) != nil
            }
            return (holds, "the reply was: \(text.prefix(300).replacingOccurrences(of: "\n", with: " "))")
        case .fallback:
            return (reply.isFallback, reply.isFallback ? "it fell back" : "it did not fall back")
        case .ends:
            return (reply.ends, reply.ends ? "it ended" : "it did not end")
        }
    }
}
