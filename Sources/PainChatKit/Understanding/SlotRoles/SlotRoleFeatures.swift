/// The features the role model reads for one candidate phrase: its kind and value, the
/// words around it (by position, and as a bag within its clause), the cue words of its
/// clause and which side of it they stand, negation and contrast marks, and where it sits
/// among the other candidates. Each feature is a short string hashed to 64 bits.
struct SlotRoleFeatures {
    let reliefCues: Set<String>
    let strongTriggerCues: Set<String>
    let weakTriggerCues: Set<String>
    /// Words that name another person ("my wife's knee", "her back").
    let people: Set<String>

    /// The features as `extractor`'s cue words and `people` define them.
    init(extractor: SlotExtractor, people: Set<String>) {
        reliefCues = extractor.reliefCues
        strongTriggerCues = extractor.strongTriggerCues
        weakTriggerCues = extractor.weakTriggerCues
        self.people = people
    }

    /// What the utterance is an answer to, and whether it is shaped as a question.
    struct Context {
        var pending: SlotName?
        var asks: Bool
    }

    /// What the hand rules of `SlotExtractor` made of `candidate`: the model reads their
    /// verdict as one more feature, and learns where the words around overrule it.
    static func handVerdict(of candidate: SlotCandidate, in hand: SlotExtraction) -> String {
        let overlapping = hand.mentions.filter { candidate.slots.contains($0.slot) && $0.range.overlaps(candidate.range) }
        if let filled = overlapping.first(where: { !$0.negated }) {
            return candidate.kind == .activity ? filled.slot.rawValue : "fill"
        }
        return overlapping.isEmpty ? "silent" : "negated"
    }

    func hashes(of candidate: SlotCandidate, among candidates: [SlotCandidate], tokens: [Token], stems: [String],
                context: Context, hand: String, into sink: (UInt64) -> Void) {
        let k = candidate.kind.rawValue
        func emit(_ parts: String...) { sink(TermHasher.hash(tag: 11, parts.joined(separator: "\u{1}").utf8)) }
        let a = candidate.range.lowerBound, b = candidate.range.upperBound
        emit("k", k)
        emit("hand", k, hand)
        if let value = candidate.value { emit("v", k, value) }
        if let value = candidate.trigger { emit("vt", value) }
        if let value = candidate.relief { emit("vr", value) }
        emit("w", k, stems[a..<b].joined(separator: " "))
        if candidate.trigger != nil && candidate.relief != nil { emit("both-lexicons") }

        // Position-tagged neighbours; "|" marks a clause boundary, which ends the window.
        for d in 1...3 {
            let i = a - d
            if i < 0 { emit("L\(d)", "^"); emit("L\(d)", k, "^"); break }
            if tokens[i + 1].startsClause { emit("L\(d)", "|"); emit("L\(d)", k, "|"); break }
            emit("L\(d)", stems[i])
            if d <= 2 { emit("L\(d)", k, stems[i]) }
        }
        for d in 1...3 {
            let i = b + d - 1
            if i >= tokens.count { emit("R\(d)", "$"); emit("R\(d)", k, "$"); break }
            if tokens[i].startsClause { emit("R\(d)", "|"); emit("R\(d)", k, "|"); break }
            emit("R\(d)", stems[i])
            if d <= 2 { emit("R\(d)", k, stems[i]) }
        }
        if a >= 2 { emit("LB", k, stems[a - 2], stems[a - 1]) }
        if b + 1 < stems.count { emit("RB", k, stems[b], stems[b + 1]) }

        // The clause: its words as a bag, which side of the phrase each cue stands, and
        // whether a cue is negated ("doesn't help").
        let start = Negation.clauseStart(tokens, a)
        let end = Negation.clauseEnd(tokens, max(a, b - 1))
        emit("clause", start == 0 ? "first" : "later")
        if start > 0 { emit("opens", k, tokens[start - 1].text) }
        if start > 0 && Negation.clauseBreakers.contains(tokens[start - 1].text) { emit("after-contrast", k) }
        if end < tokens.count && Negation.clauseBreakers.contains(tokens[end].text) { emit("before-contrast", k) }
        var nearest: [String: Int] = [:]
        for i in max(start, a - 8)..<min(end, b + 8) where !candidate.range.contains(i) {
            let side = i < a ? "before" : "after"
            emit("C", k, side, stems[i])
            let polarity: String
            if reliefCues.contains(stems[i]) { polarity = i + 1 < tokens.count && tokens[i + 1].text == "up" ? "trigger" : "relief" }
            else if strongTriggerCues.contains(stems[i]) { polarity = "trigger" }
            else if weakTriggerCues.contains(stems[i]) { polarity = "weak" }
            else { continue }
            let distance = i < a ? a - i : i - b + 1
            let key = polarity + ":" + side
            if distance < nearest[key] ?? Int.max { nearest[key] = distance }
            if Negation.negatedBefore(tokens, start: i, window: 3) { emit("cue-negated", k, polarity) }
        }
        for (key, distance) in nearest { emit("cue", k, key, distance <= 2 ? "near" : "far") }
        if nearest.isEmpty { emit("no-cue", k) }

        if Negation.negatedBefore(tokens, start: a, window: 3) { emit("negated", k) }
        if a > 0 && Negation.negators.contains(tokens[a - 1].text) { emit("negated-1", k) }
        if b < tokens.count && ["without", "doesnt", "didnt", "dont", "isnt", "wont", "never"].contains(tokens[b].text) {
            emit("then-negator", k)
        }
        // Someone else's body or activity: a person word just before, with no "my" between.
        for d in 1...4 where a - d >= 0 {
            let word = tokens[a - d].text
            if ["my", "i", "im", "me", "mine"].contains(word) { break }
            if people.contains(word) { emit("person", k); break }
        }
        if a > 0 && tokens[a - 1].text == "my" { emit("my", k) }

        if candidate.kind == .location {
            func insideActivity(_ place: SlotCandidate) -> Bool {
                candidates.contains { $0.kind == .activity && $0.range.count > place.range.count
                    && $0.range.lowerBound <= place.range.lowerBound && $0.range.upperBound >= place.range.upperBound }
            }
            let others = candidates.filter { $0.kind == .location && $0.value != candidate.value }
            if !others.isEmpty { emit("other-place") }
            // "my shoulder hurts when I lift my arm": another place named outside any activity.
            if others.contains(where: { !insideActivity($0) }) { emit("other-place-told") }
            if insideActivity(candidate) { emit("inside-activity") }
        }
        if candidate.kind == .side && !candidates.contains(where: { $0.kind == .location && abs($0.range.lowerBound - a) <= 4 }) {
            emit("side-alone")
        }
        if let pending = context.pending { emit("pending", k, pending.rawValue) }
        if context.asks { emit("asks", k) }
        if tokens.count <= 3 { emit("short", k) }
    }
}
