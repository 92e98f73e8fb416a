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
        DangerSignRules.keys.contains { key in
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
        // "my mum had breast cancer", "my dad had a heart attack last year": family
        // history, not the person's own sign.
        func isSomeoneElses(_ name: String, _ range: Range<Int>) -> Bool {
            guard DangerSignRules.familyHistory.contains(name) else { return false }
            var i = range.lowerBound - 1
            var told = false // "had", "has", "died of": history, not "is having" now
            let start = Negation.clauseStart(tokens, range.lowerBound)
            while i >= start {
                let word = tokens[i].text
                if Negation.subjects.contains(word) || word == "me" { return false }
                if DangerSignRules.historyVerbs.contains(word) { told = true }
                if DangerSignRules.otherPeople.contains(word) {
                    // "my dad had lung cancer, now he's got back pain": the sign is his,
                    // and he needs seeing as much as anyone.
                    let aboutThem = tokens[range.upperBound...].contains { DangerSignRules.thirdPerson.contains($0.text) }
                    return told && !aboutThem
                }
                i -= 1
            }
            return false
        }
        func mentions(_ name: String) -> [Range<Int>] {
            if let hit = cache[name] { return hit }
            guard let concept = concepts[name] else { return [] }
            let blocked = concept.blockers.matches(stems: stems).map(\.range)
            let found = concept.matcher.matches(stems: stems).map(\.range).filter { range in
                !blocked.contains { $0.overlaps(range) }
                    && !Negation.negatedBefore(tokens, start: range.lowerBound, window: 3,
                                               ignoring: DangerSignRules.bodyParts.contains(name) ? Negation.softeners : [])
                    && !isOver(name, range) && !isSomeoneElses(name, range)
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
}
