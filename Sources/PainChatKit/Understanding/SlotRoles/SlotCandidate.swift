/// A phrase the lexicons of `Intents/slots/` find in an utterance, before anything decides
/// what it does there: the role model (`SlotRoleModel`) says whether it fills its slot,
/// and for an activity whether it brings the pain on or eases it.
public struct SlotCandidate: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case location, side, quality
        /// A phrase of the trigger lexicon, the relief lexicon or both ("sitting").
        case activity
    }

    public var kind: Kind
    /// Token indices of the phrase.
    public var range: Range<Int>
    /// The value for a location, side or quality.
    public var value: String?
    /// For an activity: the value it has as a trigger and as a relief, where it has one.
    public var trigger: String?
    public var relief: String?

    /// The roles this phrase can take: `none` always, and those its lexicons allow.
    public var allowedRoles: [SlotRole] {
        switch kind {
        case .location, .side, .quality: return [.none, .fill]
        case .activity: return [.none] + (trigger != nil ? [.trigger] : []) + (relief != nil ? [.relief] : [])
        }
    }

    /// The slot and value the phrase fills in `role`; nil for `none`.
    public func filling(_ role: SlotRole) -> (slot: SlotName, value: String)? {
        switch (kind, role) {
        case (_, .none): return nil
        case (.location, _): return value.map { (.location, $0) }
        case (.side, _): return value.map { (.side, $0) }
        case (.quality, _): return value.map { (.quality, $0) }
        case (.activity, .trigger): return trigger.map { (.trigger, $0) }
        case (.activity, .relief): return relief.map { (.relief, $0) }
        case (.activity, .fill): return nil
        }
    }

    /// The slots a mention of this phrase can fill.
    var slots: [SlotName] {
        switch kind {
        case .location: return [.location]
        case .side: return [.side]
        case .quality: return [.quality]
        case .activity: return [.trigger, .relief]
        }
    }
}

/// What a candidate phrase does in its utterance.
public enum SlotRole: Int, Sendable, CaseIterable {
    /// Fills nothing: negated, figurative, someone else's, corrected, long over.
    case none = 0
    /// Fills its slot (a location, side or quality).
    case fill
    /// An activity that brings the pain on.
    case trigger
    /// An activity that eases it.
    case relief
}

extension SlotExtractor {
    /// Every phrase of the lexicons in `stems`, grouped as the role model reads them. A
    /// short phrase inside a longer phrase of another slot is part of that phrase ("runs"
    /// in "runs down my leg"); a phrase known as both trigger and relief is one activity;
    /// of overlapping activities the longest is kept, with the roles of those it overlaps.
    public func candidates(stems: [String]) -> [SlotCandidate] { candidates(found: matches(stems: stems)) }

    /// The same, from the lexicon phrases already `found` (`matches(stems:)`).
    func candidates(found: [SlotName: [PhraseMatcher<String>.Match]]) -> [SlotCandidate] {
        let index = LexiconMatchIndex(found)
        func swallowed(_ slot: SlotName, _ match: PhraseMatcher<String>.Match) -> Bool { index.swallowed(slot, match.range) }
        var result: [SlotCandidate] = []
        for match in found[.location] ?? [] {
            result.append(SlotCandidate(kind: .location, range: match.range, value: match.label))
        }
        for (slot, kind) in [(SlotName.quality, SlotCandidate.Kind.quality), (.side, .side)] {
            for match in found[slot] ?? [] where !swallowed(slot, match) {
                result.append(SlotCandidate(kind: kind, range: match.range, value: match.label))
            }
        }
        var activities: [Range<Int>: SlotCandidate] = [:]
        for match in found[.trigger] ?? [] where !swallowed(.trigger, match) {
            activities[match.range, default: SlotCandidate(kind: .activity, range: match.range)].trigger = match.label
        }
        for match in found[.relief] ?? [] where !swallowed(.relief, match) {
            activities[match.range, default: SlotCandidate(kind: .activity, range: match.range)].relief = match.label
        }
        let longestFirst = activities.values.sorted {
            $0.range.count != $1.range.count ? $0.range.count > $1.range.count : $0.range.lowerBound < $1.range.lowerBound
        }
        var kept: [SlotCandidate] = []
        for candidate in longestFirst {
            guard let k = kept.firstIndex(where: { $0.range.overlaps(candidate.range) }) else { kept.append(candidate); continue }
            // The longer phrase can also take the role the shorter one is known for, when
            // both name the same activity: "walk about" eases, but "hurts when I walk about"
            // brings it on, as "walk" does. "Stand still" (rest) does not become "stand".
            let same = [kept[k].trigger, kept[k].relief].contains { $0 != nil && ($0 == candidate.trigger || $0 == candidate.relief) }
            guard same else { continue }
            if kept[k].trigger == nil { kept[k].trigger = candidate.trigger }
            if kept[k].relief == nil { kept[k].relief = candidate.relief }
        }
        result += kept
        return result.sorted { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound
            : $0.kind.rawValue < $1.kind.rawValue }
    }
}
