/// A category of danger sign (SPEC §4), such as `cauda_equina` or `self_harm`. The
/// categories, their levels and wording are data (`Intents/danger/categories.yaml`); a
/// name is checked against them when the rulebook loads, so code never lists them.
public struct DangerCategory: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ name: String) { rawValue = name }
    public var description: String { rawValue }
    public static func < (a: DangerCategory, b: DangerCategory) -> Bool { a.rawValue < b.rawValue }
}

/// How fast a danger sign should be acted on.
public enum UrgencyLevel: String, Sendable, Codable, CaseIterable {
    /// Call the emergency number now.
    case emergency
    /// See a doctor today.
    case sameDay = "same_day"
}

/// A danger sign found in an utterance, with what to tell the person: the category's
/// level and reason (or a rule's own, for a more urgent case), and the paragraphs of the
/// urgent reply.
public struct DangerSign: Sendable, Equatable {
    public var category: DangerCategory
    public var level: UrgencyLevel
    /// Why this sign matters, in one sentence (the `reason` of the JSON).
    public var reason: String
    /// The urgent reply's paragraphs: what to do now, why, and no self-care.
    public var advice: [String]
    /// The words that matched, for `/why` and tests.
    public var evidence: String
    /// The sign belongs to someone the person is writing about ("my husband's face has
    /// dropped"), so the reply speaks of them.
    public var forSomeoneElse = false
}

/// A danger sign suspected by the learned safety net (or the intent model) that no rule
/// named: painchat asks one plain check question before escalating.
public struct DangerCheck: Sendable, Equatable {
    public var category: DangerCategory
    /// The check question, a yes-or-no question where yes means the sign is there.
    public var question: String
    /// The message that raised the suspicion, read again as an ordinary turn when the
    /// answer is no.
    public var utterance: String
    /// How sure the net was, for `/why` and `eval --danger`.
    public var confidence: Double
    public var forSomeoneElse = false
}
