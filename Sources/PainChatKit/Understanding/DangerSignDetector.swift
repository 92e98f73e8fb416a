/// Checks every utterance for danger signs (SPEC §4), before and independently of the
/// intent classifier, reading negation ("no fever") and figures of speech ("I could kill
/// for a massage").
public struct DangerSignDetector: Sendable {
    private struct CompiledConcept: Sendable {
        var matcher: PhraseMatcher<Int>
        var blockers: PhraseMatcher<Int>
    }

    private let concepts: [String: CompiledConcept]
    private let resolved: PhraseMatcher<Int>
    private let feverOver: PhraseMatcher<Int>

    public init(tokenizer: Tokenizer) {
        var compiled: [String: CompiledConcept] = [:]
        for concept in DangerSignRules.concepts {
            compiled[concept.name] = CompiledConcept(
                matcher: PhraseMatcher(phrases: concept.phrases.map { ($0, 0) }, tokenizer: tokenizer),
                blockers: PhraseMatcher(phrases: concept.blockers.map { ($0, 0) }, tokenizer: tokenizer))
        }
        concepts = compiled
        resolved = PhraseMatcher(phrases: DangerSignRules.resolved.phrases.map { ($0, 0) }, tokenizer: tokenizer)
        feverOver = PhraseMatcher(phrases: DangerSignRules.feverOver.phrases.map { ($0, 0) }, tokenizer: tokenizer)
    }

    /// Whether the utterance uses any word of the danger-sign rules at all ("numb",
    /// "bladder", "chest"): without one, a classifier's `red_flag` is only pain talk
    /// ("my back is killing me").
    public func mentionsDangerWords(tokens: [Token], stems: [String]) -> Bool {
        let stems = stems.map { DangerSignRules.readAlike[$0] ?? $0 }
        return DangerSignRules.keys.contains { key in
            guard let concept = concepts[key.concept] else { return false }
            return concept.matcher.matches(stems: stems).contains { !Negation.negatedBefore(tokens, start: $0.range.lowerBound) }
        }
    }

    /// Concepts a frame establishes for later turns.
    public static func context(of frame: Frame) -> Set<String> {
        var concepts: Set<String> = []
        let places = Set(frame.location)
        if !places.isDisjoint(with: ["back", "low_back", "upper_back", "neck"]) {
            concepts.formUnion(["spine", "spine_context", "back_or_bone"])
        }
        if !places.isDisjoint(with: ["knee", "hip", "ankle", "elbow", "wrist", "shoulder", "hand", "foot"]) { concepts.insert("joint") }
        if !places.isDisjoint(with: ["calf", "leg", "shin"]) { concepts.formUnion(["calf", "limb"]) }
        if !places.isDisjoint(with: ["thigh", "foot", "ankle", "arm", "hand"]) { concepts.insert("limb") }
        if places.contains("chest") { concepts.insert("chest") }
        if places.contains("head") { concepts.insert("headache") }
        if !places.isDisjoint(with: ["buttock", "hip", "groin"]) { concepts.insert("spine_context") }
        return concepts
    }

    /// Every word the rules use, for the typo corrector ("bladdr" -> "bladder").
    public var vocabulary: [(word: String, stem: String)] { concepts.values.flatMap(\.matcher.words) }

    /// The first danger sign the utterance reports, or nil. With `afterScreening` the
    /// person is answering the screening question, so naming a sign's key concept ("I had
    /// a fall") is enough; with `afterWhichSign` they said yes to it and are asked which,
    /// so even a weak key ("swollen") is.
    ///
    /// `context` names concepts already established by the conversation (the frame says
    /// the low back hurts, so "spine" holds): "I've had a fever since yesterday" two turns
    /// after "my lower back hurts" is still fever with back pain. At least one concept of
    /// a rule must come from the utterance itself.
    public func check(tokens: [Token], stems: [String], afterScreening: Bool = false, afterWhichSign: Bool = false,
                      context: Set<String> = []) -> DangerSign? {
        // A carer's "he can't lift his arm" is the same sign as "I can't lift my arm".
        let stems = stems.map { DangerSignRules.readAlike[$0] ?? $0 }
        var cache: [String: [Range<Int>]] = [:]
        let past = resolved.matches(stems: stems).map(\.range)
        let pastFever = feverOver.matches(stems: stems).map(\.range)
        func isOver(_ name: String, _ range: Range<Int>) -> Bool {
            guard DangerSignRules.pastEvents.contains(name) else { return false }
            return (past + (name == "fever" && !isFeverNow(range) ? pastFever : [])).contains { marker in
                marker.lowerBound < range.upperBound + DangerSignRules.resolvedReach
                    && range.lowerBound < marker.upperBound + DangerSignRules.resolvedReach
            }
        }
        // "had a kidney infection last month, now feeling feverish": a fever now.
        func isFeverNow(_ range: Range<Int>) -> Bool {
            let clause = Negation.clauseStart(tokens, range.lowerBound)..<Negation.clauseEnd(tokens, range.lowerBound)
            return clause.contains { ["now", "still", "today", "currently", "tonight", "again"].contains(tokens[$0].text) }
        }
        // "my mum had breast cancer", "my neighbour fell and broke her hip, I'm asking
        // about my own knee": someone else's sign, not the person's own.
        func isSomeoneElses(_ name: String, _ range: Range<Int>) -> Bool {
            guard let owner = DangerSignDetector.otherOwner(tokens, before: range.lowerBound) else { return false }
            let later = tokens[Negation.clauseEnd(tokens, range.lowerBound)...]
            // The message turns to the person's own trouble: what came before was about
            // someone else ("..., it's my shoulder that hurts").
            if Array(later).containsPhrase(anyOf: DangerSignRules.turnsToSelf) { return true }
            // A relative's cancer, heart attack or clot told as history ("my mum had breast
            // cancer") is family history, unless the message goes on about them now: "my
            // dad had lung cancer, now he's got back pain" needs seeing as much as anyone.
            guard owner.told, !tokens[range.upperBound...].contains(where: { DangerSignRules.thirdPersonSubjects.contains($0.text) })
            else { return false }
            // "my brother had a bad fall last month, and now my back aches from lifting him":
            // his fall, told as history, then the person's own pain.
            let ownPain = later.contains { ["i", "im", "ive", "my"].contains($0.text) }
                && later.contains { IntentRules.painWords.contains($0.text) }
            return DangerSignRules.familyHistory.contains(name) || (DangerSignRules.pastEvents.contains(name) && ownPain)
        }
        // "my chest feels fine", "my breathing is normal".
        func isDeniedAfter(_ range: Range<Int>) -> Bool {
            // Only the next few words matter, so the clause's end is looked for no further.
            var end = range.upperBound
            while end < min(tokens.count, range.upperBound + 4), !tokens[end].startsClause,
                  !Negation.breaksClause(tokens, at: end) { end += 1 }
            // "temperature normal"
            if range.upperBound < end, DangerSignRules.allWell.contains(tokens[range.upperBound].text) { return true }
            var i = range.upperBound
            while i + 1 < end, i < range.upperBound + 3 {
                if DangerSignRules.linkingVerbs.contains(tokens[i].text), DangerSignRules.allWell.contains(tokens[i + 1].text) {
                    return true
                }
                i += 1
            }
            return false
        }
        // Signs named inside a question about the signs in general ("what is foot drop?")
        // are asked about, not reported. Self-harm is always taken as said.
        let generalQuestions = DangerSignDetector.generalQuestionSpans(tokens)
        func mentions(_ name: String) -> [Range<Int>] {
            if let hit = cache[name] { return hit }
            let asked = DangerSignRules.selfHarmConcepts.contains(name) ? [] : generalQuestions
            guard let concept = concepts[name] else { return [] }
            let blocked = concept.blockers.matches(stems: stems).map(\.range)
            let found = concept.matcher.matches(stems: stems).map(\.range).filter { range in
                !blocked.contains { $0.overlaps(range) }
                    && !Negation.negatedBefore(tokens, start: range.lowerBound, window: 3,
                                               ignoring: DangerSignRules.bodyParts.contains(name) ? Negation.softeners : [])
                    && !isOver(name, range) && !isSomeoneElses(name, range) && !isDeniedAfter(range)
                    && !asked.contains { $0.contains(range.lowerBound) }
            }
            cache[name] = found
            return found
        }
        if let evidence = OverdoseCount.evidence(in: tokens) { return DangerSign(category: .selfHarm, evidence: evidence) }
        for rule in DangerSignRules.rules {
            let hits = rule.concepts.map(mentions)
            let held = zip(rule.concepts, hits).map { !$1.isEmpty || context.contains($0) }
            if held.allSatisfy({ $0 }) && hits.contains(where: { !$0.isEmpty }) {
                let evidence = hits.compactMap(\.first).sorted { $0.lowerBound < $1.lowerBound }
                    .map { tokens[$0].map(\.text).joined(separator: " ") }.joined(separator: " … ")
                return DangerSign(category: rule.category, evidence: evidence)
            }
        }
        if afterScreening || afterWhichSign {
            for key in DangerSignRules.keys where key.strong || afterWhichSign {
                if let range = mentions(key.concept).first {
                    return DangerSign(category: key.category, evidence: tokens[range].map(\.text).joined(separator: " "))
                }
            }
        }
        return nil
    }

    /// The other person a mention belongs to, found before it in its clause ("my mum had
    /// breast cancer", "my aunt's face drooped"), and whether it is told as history ("had",
    /// "died of"). Nil when the clause is the person's own ("I", "me" come first).
    static func otherOwner(_ tokens: [Token], before index: Int) -> (word: String, told: Bool)? {
        var told = false
        var i = index - 1
        // The owner is named within a few words of the sign; looking no further keeps a
        // long message's cost linear.
        let start = Negation.clauseStart(tokens, index, notBefore: index - DangerSignRules.ownerReach)
        while i >= start {
            let word = tokens[i].text
            if Negation.subjects.contains(word) || word == "me" { return nil }
            if DangerSignRules.historyVerbs.contains(word) { told = true }
            // "aunt's" is read as "aunts".
            let singular = word.hasSuffix("s") ? String(word.dropLast()) : word
            if DangerSignRules.otherPeople.contains(word) || DangerSignRules.otherPeople.contains(singular) {
                return (word, told)
            }
            i -= 1
        }
        return nil
    }

    /// The sentences that ask about the signs in general: "what is foot drop?", "do people
    /// get arm pain with a heart attack?", "if someone falls and can't stand, should they go
    /// to hospital?". Such a sentence opens like a question, has nobody in it who could have
    /// the sign, and asks what something is, means or causes, or about people in general.
    /// One that could be the person's own ("is numbness in the groin serious?", "what does
    /// it mean if you can't feel your groin?") is not one of them.
    static func generalQuestionSpans(_ tokens: [Token]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var start = 0
        while start < tokens.count {
            var end = start + 1
            while end < tokens.count && !tokens[end].startsClause { end += 1 }
            var words = Array(tokens[start..<end])
            if words.count > 2, words[0].text == "in", words[1].text == "general" { words.removeFirst(2) }
            if let first = words.first?.text,
               DangerSignRules.generalQuestionOpeners.contains(first)
                || (first == "if" && words.count > 1 && DangerSignRules.someone.contains(words[1].text)),
               !words.contains(where: { DangerSignRules.personWords.contains($0.text) }),
               !words.containsPhrase(anyOf: ["if you", "when you", "if u", "when u"]),
               words.containsPhrase(anyOf: DangerSignRules.generalQuestionMarkers) {
                spans.append(start..<end)
            }
            start = end
        }
        return spans
    }
}
