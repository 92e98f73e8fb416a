/// Checks every utterance for danger signs (SPEC §4), before and independently of the
/// intent classifier, reading negation ("no fever") and figures of speech ("I could kill
/// for a massage").
public struct DangerSignDetector: Sendable {
    private struct CompiledConcept: Sendable {
        var matcher: PhraseMatcher<Int>
        var blockers: PhraseMatcher<Int>
    }

    private let concepts: [String: CompiledConcept]

    public init(tokenizer: Tokenizer) {
        var compiled: [String: CompiledConcept] = [:]
        for concept in DangerSignRules.concepts {
            compiled[concept.name] = CompiledConcept(
                matcher: PhraseMatcher(phrases: concept.phrases.map { ($0, 0) }, tokenizer: tokenizer),
                blockers: PhraseMatcher(phrases: concept.blockers.map { ($0, 0) }, tokenizer: tokenizer))
        }
        concepts = compiled
    }

    /// Every word the rules use, for the typo corrector ("bladdr" -> "bladder").
    public var vocabulary: [(word: String, stem: String)] { concepts.values.flatMap(\.matcher.words) }

    /// The first danger sign the utterance reports, or nil. With `afterScreening`, the
    /// person has just said yes to the screening question, so naming a sign's key concept
    /// ("my bladder") is enough.
    public func check(tokens: [Token], stems: [String], afterScreening: Bool = false) -> DangerSign? {
        var cache: [String: [Range<Int>]] = [:]
        func mentions(_ name: String) -> [Range<Int>] {
            if let hit = cache[name] { return hit }
            guard let concept = concepts[name] else { return [] }
            let blocked = concept.blockers.matches(stems: stems).map(\.range)
            let found = concept.matcher.matches(stems: stems).map(\.range).filter { range in
                !blocked.contains { $0.overlaps(range) }
                    && !Negation.negatedBefore(tokens, start: range.lowerBound, window: 3)
            }
            cache[name] = found
            return found
        }
        for rule in DangerSignRules.rules {
            let hits = rule.concepts.map(mentions)
            if hits.allSatisfy({ !$0.isEmpty }) {
                let evidence = hits.compactMap(\.first).sorted { $0.lowerBound < $1.lowerBound }
                    .map { tokens[$0].map(\.text).joined(separator: " ") }.joined(separator: " … ")
                return DangerSign(category: rule.category, evidence: evidence)
            }
        }
        if afterScreening {
            for key in DangerSignRules.keys {
                if let range = mentions(key.concept).first {
                    return DangerSign(category: key.category, evidence: tokens[range].map(\.text).joined(separator: " "))
                }
            }
        }
        return nil
    }
}
