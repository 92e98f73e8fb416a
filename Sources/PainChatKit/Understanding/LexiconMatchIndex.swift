/// The lexicon matches of one message, by the token they start at, to tell quickly
/// whether a match lies inside a longer one ("pins and needles" holds "needles"). Asking
/// of every match against every other made a long message quadratic.
struct LexiconMatchIndex {
    private var byStart: [Int: [(slot: SlotName, range: Range<Int>)]] = [:]
    private var longest = 0

    init(_ found: [SlotName: [PhraseMatcher<String>.Match]]) {
        for (slot, matches) in found {
            for match in matches {
                byStart[match.range.lowerBound, default: []].append((slot, match.range))
                longest = max(longest, match.range.count)
            }
        }
    }

    /// Whether `range` lies inside a longer match of a slot `among` accepts.
    func isInside(_ range: Range<Int>, among: (SlotName) -> Bool) -> Bool {
        guard longest > range.count else { return false }
        for start in max(0, range.upperBound - longest)...range.lowerBound {
            for other in byStart[start] ?? [] where other.range.count > range.count && other.range.upperBound >= range.upperBound
                && among(other.slot) {
                return true
            }
        }
        return false
    }

    /// Whether a match of `slot` is swallowed by a longer match of another slot. A trigger
    /// inside a relief phrase is not (nor the reverse): which of the two an activity is
    /// depends on the cue words, so both are weighed.
    func swallowed(_ slot: SlotName, _ range: Range<Int>) -> Bool {
        let activity = slot == .trigger || slot == .relief
        return isInside(range) { other in other != slot && !(activity && (other == .trigger || other == .relief)) }
    }
}
