/// A passage quoted in an answer with its number in the reply.
public struct CitedPassage: Sendable, Equatable {
    public var number: Int
    public var passage: RetrievedPassage
    /// The sentences shown, when not the whole passage (short answers, SPEC §5).
    public var excerpt: String? = nil
    /// Why the passage's note was chosen, in the person's terms ("right hip", "comes on
    /// with walking"); empty when the note was chosen for the question's words alone.
    public var fits: [String] = []
    /// What the reply shows of the passage.
    public var shownText: String { excerpt ?? passage.passage.text }
    public var id: String { passage.passage.id }
    public var noteID: String { passage.passage.noteID }
}

/// Why painchat suggests seeing a professional, tailored to the frame.
public enum ProfessionalAdvice: Sendable, Equatable, Hashable {
    /// Leg or calf pain on walking that eases with rest: circulation (claudication) or
    /// spinal stenosis should be checked.
    case walkingPainEasedByRest
    /// Shooting, tingling or numb pain: a nerve may be involved.
    case nerveSymptoms
    /// More than about six weeks without settling.
    case longStanding(days: Int)
    /// Rated 8/10 or more.
    case severe(intensity: Int)
    /// The person could not rule out danger signs.
    case screeningUnanswered
    /// The general rule: worse, not better after a few weeks, new symptoms.
    case general
}

/// An answer built from the corpus (SPEC §5): a recap of what the person said, 1–2
/// numbered explanation passages, 2–4 self-care suggestions, when to see a professional
/// and how to ask for more.
public struct Answer: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
        /// The answer at the end of the follow-up questions.
        case full
        /// A side question answered in the middle of the questions.
        case side(Intent)
        /// More passages after "tell me more".
        case more
    }

    public var style: Style
    /// The frame the answer is about (rendered as the one-line recap).
    public var recap: Frame
    public var explanations: [CitedPassage]
    public var selfCare: [CitedPassage]
    public var professional: [ProfessionalAdvice]
    /// Passages behind the advice to see someone (the claudication note for walking
    /// pain eased by rest), cited like the others.
    public var professionalPassages: [CitedPassage] = []
    /// Whether "tell me more" has something left to show.
    public var moreAvailable: Bool
    /// The query terms that drove retrieval, for `/why`.
    public var terms: [String]

    public var passages: [CitedPassage] { explanations + selfCare + professionalPassages }
    public var citedNotes: [String] {
        var seen: [String] = []
        for p in passages where !seen.contains(p.noteID) { seen.append(p.noteID) }
        return seen
    }
}

/// One note behind the last answer, with its published sources.
public struct SourceEntry: Sendable, Equatable {
    public var noteID: String
    public var title: String
    public var sources: [String]
}
