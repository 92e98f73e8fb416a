/// Everything painchat remembers of a conversation. A turn maps (state, utterance) to
/// (new state, reply) and nothing else changes.
public struct ConversationState: Sendable, Equatable {
    /// The complaint being discussed.
    public var frame = Frame()
    /// Earlier complaints, oldest first.
    public var pastComplaints: [Frame] = []
    /// The question waiting for an answer.
    public var pending: Question?
    /// A check question for a suspected danger sign, waiting for its yes or no. The
    /// question pending before it stays in `pending`: a no carries on from there.
    public var pendingCheck: DangerCheck?
    /// Questions already asked about this complaint (never asked twice).
    public var asked: Set<SlotName> = []
    /// Questions already asked a second time, after a reply that said something else.
    public var repeated: Set<SlotName> = []
    /// The complaint has been answered; a new body part now starts a new complaint.
    public var answered = false
    /// What the person said about this complaint (questions and descriptions), which
    /// joins the frame's words in the retrieval query ("why does it come back").
    public var complaintText: [String] = []
    /// What the person wants to know about this complaint (`ask_cause`, `ask_self_care`).
    public var topic: Intent = .askCause
    /// Every passage shown in this conversation, in order: none is shown twice unless
    /// asked for again ("tell me more").
    public var shownPassages: [String] = []
    /// The last answer, for "tell me more" and "what's your source?".
    public var lastAnswer: AnswerRecord?
    /// Fallbacks in a row, so the next one is worded differently.
    public var consecutiveFallbacks = 0
    public var lastTrace: TurnTrace?
    public var danger: [DangerCategory] = []
    public var ended = false
    public var turns = 0
    /// The day the conversation is held on, if known: "since Monday" is then a number of
    /// days. Set by whoever starts the conversation, so a turn never reads the clock.
    public var today: CalendarDay?

    public init() {}
}

/// What was shown in the last answer.
public struct AnswerRecord: Sendable, Equatable {
    public var request: RetrievalRequestSnapshot
    public var shown: [String]
    public var notes: [String]
}

/// The parts of a retrieval request needed to fetch more of the same.
public struct RetrievalRequestSnapshot: Sendable, Equatable {
    public var text: String
    public var frame: Frame
    public var topic: Intent
}
