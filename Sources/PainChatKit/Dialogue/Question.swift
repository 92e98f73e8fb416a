/// A follow-up question painchat asks.
public struct Question: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Ask for a missing slot: location, trigger or relief.
        case slot(SlotName)
        /// The one screening question for danger signs.
        case screening
        /// After a "yes" to the screening question: which sign is it?
        case whichSign
    }

    public var kind: Kind
    /// Asked again after a side question, a "why do you ask?" or a slip.
    public var isRepeat: Bool = false
    /// The body part the complaint is about, for wording ("what eases the hip pain?").
    public var location: String?
    /// The danger signs a screening question lists (`DangerRulebook.screeningSigns`).
    public var signs: [String] = []

    public init(kind: Kind, isRepeat: Bool = false, location: String? = nil, signs: [String] = []) {
        self.kind = kind
        self.isRepeat = isRepeat
        self.location = location
        self.signs = signs
    }

    /// The slot this question is about (`red_flags` for the screening questions).
    public var slot: SlotName {
        switch kind {
        case .slot(let slot): return slot
        case .screening, .whichSign: return .redFlags
        }
    }

    public func repeated() -> Question { Question(kind: kind, isRepeat: true, location: location, signs: signs) }
}
