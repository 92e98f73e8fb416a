/// What is known about one complaint: the slots filled over the conversation.
///
/// List slots keep canonical values in the order they were first mentioned.
public struct Frame: Sendable, Equatable {
    public var location: [String] = []
    public var side: String?
    public var trigger: [String] = []
    public var relief: [String] = []
    public var quality: [String] = []
    public var intensity: Int?
    public var durationDays: Int?
    /// `"none"` once the person has denied the danger signs.
    public var redFlags: String?
    /// Slots the person said they could not answer ("not sure").
    public var unknown: Set<SlotName> = []

    public init() {}

    public var isEmpty: Bool {
        location.isEmpty && side == nil && trigger.isEmpty && relief.isEmpty && quality.isEmpty
            && intensity == nil && durationDays == nil
    }

    /// The values of a slot as strings, for display, JSON and `.dialog` checks.
    public func values(of slot: SlotName) -> [String] {
        switch slot {
        case .location: return location
        case .side: return side.map { [$0] } ?? []
        case .trigger: return trigger
        case .relief: return relief
        case .quality: return quality
        case .intensity: return intensity.map { [String($0)] } ?? []
        case .durationDays: return durationDays.map { [String($0)] } ?? []
        case .redFlags: return redFlags.map { [$0] } ?? []
        }
    }

    public func isFilled(_ slot: SlotName) -> Bool { !values(of: slot).isEmpty }

    /// Adds a lexical value (list slots append without duplicates; `side` replaces).
    public mutating func add(_ value: String, to slot: SlotName) {
        func append(_ list: inout [String]) { if !list.contains(value) { list.append(value) } }
        switch slot {
        case .location:
            // "back" is the unspecified back: a more precise back replaces it.
            if value == "back" && (location.contains("low_back") || location.contains("upper_back")) { break }
            if value == "low_back" || value == "upper_back" { location.removeAll { $0 == "back" } }
            append(&location)
        case .side: side = value
        case .trigger: append(&trigger)
        case .relief:
            // "nothing helps" and a real relief contradict each other; the newer wins.
            if value == "nothing" { relief = ["nothing"] } else { relief.removeAll { $0 == "nothing" }; append(&relief) }
        case .quality: append(&quality)
        case .intensity: intensity = Int(value)
        case .durationDays: durationDays = Int(value)
        case .redFlags: redFlags = value
        }
        unknown.remove(slot)
    }

    public mutating func remove(_ value: String, from slot: SlotName) {
        switch slot {
        case .location: location.removeAll { $0 == value }
        case .side: if side == value { side = nil }
        case .trigger: trigger.removeAll { $0 == value }
        case .relief: relief.removeAll { $0 == value }
        case .quality: quality.removeAll { $0 == value }
        case .intensity, .durationDays, .redFlags: break
        }
    }

    public mutating func clear(_ slot: SlotName) {
        for value in values(of: slot) { remove(value, from: slot) }
    }
}
