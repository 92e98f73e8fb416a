/// The slots of the frame (SPEC §3). Raw values are the fixed names of JSON and `.dialog`.
public enum SlotName: String, CaseIterable, Sendable, Codable, Comparable {
    case location, side, trigger, relief, quality, intensity
    case durationDays = "duration_days"
    case redFlags = "red_flags"

    public static func < (lhs: SlotName, rhs: SlotName) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Slots whose values come from `Intents/slots/<slot>.yaml`.
    public static let lexical: [SlotName] = [.location, .side, .trigger, .relief, .quality]

    /// The canonical values SPEC §3 fixes for a lexical slot.
    public var canonicalValues: [String] {
        switch self {
        case .location:
            return ["head", "jaw", "neck", "shoulder", "upper_back", "back", "low_back", "chest", "abdomen", "arm",
                    "elbow", "forearm", "wrist", "hand", "hip", "groin", "buttock", "thigh", "knee", "leg", "shin",
                    "calf", "ankle", "foot"]
        case .side: return ["left", "right", "both"]
        case .trigger:
            return ["walking", "running", "sitting", "standing", "lying_down", "sleeping", "bending", "lifting",
                    "stairs", "driving", "exercise", "desk_work", "reaching_overhead", "twisting", "chewing",
                    "coughing", "stress", "cold_weather", "morning"]
        case .relief:
            return ["rest", "sitting", "lying_down", "walking", "movement", "stretching", "pressure", "heat", "cold",
                    "medication", "changing_position", "nothing"]
        case .quality:
            return ["knot", "ache", "sharp", "burning", "throbbing", "shooting", "tingling", "numbness", "stiffness",
                    "cramp", "tightness"]
        case .intensity, .durationDays, .redFlags: return []
        }
    }
}
