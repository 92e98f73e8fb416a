/// What a person wants from one turn (SPEC §2). Raw values are the fixed names used in
/// `Intents/<intent>.txt`, JSON output and `.dialog` scripts.
public enum Intent: String, CaseIterable, Sendable, Codable, Comparable {
    case greet, goodbye, thanks, help, affirm, deny
    case dontKnow = "dont_know"
    case inform
    case askCause = "ask_cause"
    case askSelfCare = "ask_self_care"
    case askInfo = "ask_info"
    case askCondition = "ask_condition"
    case askDoctor = "ask_doctor"
    case askMore = "ask_more"
    case askSource = "ask_source"
    case askWhyAsked = "ask_why_asked"
    case vent
    case redFlag = "red_flag"
    case outOfScope = "out_of_scope"

    public static func < (lhs: Intent, rhs: Intent) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Questions that can be answered in the middle of the follow-up questions, after
    /// which the pending question is asked again (SPEC §5).
    public var isSideQuestion: Bool {
        switch self {
        case .askInfo, .askCondition, .askDoctor, .askSelfCare: return true
        default: return false
        }
    }
}
