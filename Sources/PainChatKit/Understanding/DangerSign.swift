/// The categories of danger sign (SPEC §4).
public enum DangerCategory: String, CaseIterable, Sendable, Codable {
    case caudaEquina = "cauda_equina"
    case neuroDeficit = "neuro_deficit"
    case infection
    case trauma
    case cancer
    case cardiac
    case dvt
    case strokeHeadache = "stroke_headache"
    case selfHarm = "self_harm"

    /// How fast to act, chosen from published guidance: NICE NG59 and the NHS pages on
    /// cauda equina syndrome, DVT, stroke (FAST), heart attack and sepsis.
    public var level: UrgencyLevel {
        switch self {
        case .caudaEquina, .trauma, .cardiac, .strokeHeadache, .selfHarm: return .emergency
        case .neuroDeficit, .infection, .cancer, .dvt: return .sameDay
        }
    }

    /// Why this sign matters, in one sentence (the `reason` of the JSON).
    public var reason: String {
        switch self {
        case .caudaEquina:
            return "new bladder or bowel control problems or numbness in the groin or saddle area can mean the nerves at the base of the spine are being squeezed (cauda equina syndrome), which needs emergency treatment to prevent lasting damage"
        case .neuroDeficit:
            return "weakness that is getting worse, or a foot that drops or drags, can mean a nerve is being damaged and needs a doctor's examination today"
        case .infection:
            return "a fever or chills together with back pain or a hot, swollen joint can be a sign of infection, which needs to be checked today"
        case .trauma:
            return "pain after a fall, crash or accident, especially if you cannot bear weight, can mean a fracture or other injury that needs to be examined"
        case .cancer:
            return "new back pain with a history of cancer, or weight loss you cannot explain, needs to be checked by a doctor promptly to rule out serious causes"
        case .cardiac:
            return "chest pain or pressure with pain spreading to the arm or jaw, or with breathlessness, can be a heart attack"
        case .dvt:
            return "a swollen, red, warm or tender calf can be a blood clot in a deep vein (DVT), which can travel to the lungs"
        case .strokeHeadache:
            return "a sudden, severe headache, a drooping face or slurred speech can be a stroke or bleeding in the brain"
        case .selfHarm:
            return "what you wrote sounds like you may be thinking of ending your life or hurting yourself, and you deserve support right now"
        }
    }
}

/// How fast a danger sign should be acted on.
public enum UrgencyLevel: String, Sendable, Codable {
    /// Call the emergency number now.
    case emergency
    /// See a doctor today.
    case sameDay = "same_day"
}

/// A danger sign found in an utterance.
public struct DangerSign: Sendable, Equatable {
    public var category: DangerCategory
    public var level: UrgencyLevel { category.level }
    public var reason: String { category.reason }
    /// The words that matched, for `/why` and tests.
    public var evidence: String
}
