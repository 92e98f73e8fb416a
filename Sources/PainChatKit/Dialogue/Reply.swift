/// What painchat says in one turn, as typed parts rendered to text only at the edge
/// (`ReplyRenderer`). Tests check the parts, not the wording.
public struct Reply: Sendable, Equatable {
    public enum Part: Sendable, Equatable {
        case greeting
        case thanks
        /// One sentence acknowledging frustration, then the conversation goes on.
        case acknowledgeVent
        /// A slot the person could not answer is noted and skipped.
        case notedUnknown(SlotName)
        /// "yes"/"no" with nothing pending.
        case acknowledge
        case question(Question)
        case answer(Answer)
        case urgent(DangerSign)
        /// A danger sign only the safety net (or the intent model) suspects: one plain
        /// yes-or-no question before escalating.
        case check(DangerCheck)
        /// Not understood. `variant` rotates the wording so two in a row differ.
        case fallback(variant: Int)
        case outOfScope
        /// After a general question answered at once: one line offering to look at the
        /// person's own pain.
        case offerToLook
        case help
        case whyAsked(SlotName?)
        case sources([SourceEntry])
        /// "tell me more" with nothing left, or before any answer.
        case noMore
        /// "what's your source?" before any answer.
        case nothingCited
        case trace(TurnTrace)
        case reset
        case unknownCommand(String)
        /// The input was longer than `PainChat.maximumInputLength` and was cut.
        case truncated(Int)
        case ended
    }

    public var parts: [Part]

    public init(_ parts: [Part]) { self.parts = parts }

    /// The question this reply asks, if any.
    public var question: Question? {
        for case .question(let q) in parts { return q }
        return nil
    }

    /// The answer this reply gives (full, side or more), if any.
    public var answer: Answer? {
        for case .answer(let a) in parts { return a }
        return nil
    }

    public var urgent: DangerSign? {
        for case .urgent(let sign) in parts { return sign }
        return nil
    }

    public var check: DangerCheck? {
        for case .check(let check) in parts { return check }
        return nil
    }

    public var isFallback: Bool { parts.contains { if case .fallback = $0 { return true } else { return false } } }
    public var ends: Bool { parts.contains(.ended) }

    /// Note ids this reply names as sources (quoted passages or the sources list).
    public var citedNotes: [String] {
        var ids: [String] = []
        for part in parts {
            switch part {
            case .answer(let a): ids += a.citedNotes
            case .sources(let entries): ids += entries.map(\.noteID)
            default: break
            }
        }
        return ids
    }
}

/// What happened inside one turn, for `/why`, `classify` and tests.
public struct TurnTrace: Sendable, Equatable {
    public var utterance: String
    public var ranking: [IntentScore]
    /// The intent acted on, after context (a bare "walking" after a question is `inform`).
    public var intent: Intent
    public var classifierFellBack: Bool
    public var extraction: SlotExtraction
    public var danger: DangerSign?
    public var frame: Frame
    public var retrievalTerms: [String]
    /// The passages the turn's answer quoted, with their scores and what their notes fit.
    public var cited: [CitedPassage] = []
}
