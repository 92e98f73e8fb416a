/// Builds answers from the corpus: which passages explain, which suggest self-care, and
/// what to say about seeing a professional.
public struct AnswerComposer: Sendable {
    public let retriever: Retriever

    public init(retriever: Retriever) {
        self.retriever = retriever
    }

    /// The kinds of note that explain each kind of question.
    static func explanationKinds(for topic: Intent) -> (preferred: NoteKind, allowed: Set<NoteKind>) {
        switch topic {
        case .askSelfCare: return (.selfCare, [.selfCare])
        case .askCondition: return (.condition, [.condition, .explanation])
        case .askDoctor: return (.safety, [.safety, .condition])
        case .askInfo: return (.explanation, [.explanation, .condition])
        default: return (.explanation, [.explanation, .condition])
        }
    }

    /// The full answer at the end of the questions, or a side answer in the middle.
    public func compose(text: String, frame: Frame, topic: Intent, style: Answer.Style, excluding: Set<String> = []) -> Answer {
        let kinds = AnswerComposer.explanationKinds(for: topic == .askSelfCare && style == .full ? .askCause : topic)
        let explanationResult = retriever.retrieve(RetrievalRequest(
            text: text, frame: frame, preferredKind: kinds.preferred, onlyKinds: kinds.allowed, excluding: excluding, limit: 6,
            prefersDefinitions: style == .side(.askInfo)))
        // Two explanations from different notes say more than two from one.
        var explanations: [RetrievedPassage] = []
        for candidate in explanationResult.passages where explanations.count < (style == .full && topic == .askSelfCare ? 1 : 2) {
            if style == .full, explanations.contains(where: { $0.passage.noteID == candidate.passage.noteID }) { continue }
            explanations.append(candidate)
        }
        // A second passage far weaker than the first adds noise rather than help.
        if explanations.count == 2, explanations[1].score < explanations[0].score * 0.35 { explanations.removeLast() }

        var selfCare: [RetrievedPassage] = []
        let wantsSelfCare: Bool
        switch style {
        case .full: wantsSelfCare = true
        case .side(let intent): wantsSelfCare = intent == .askSelfCare
        case .more: wantsSelfCare = false
        }
        if wantsSelfCare {
            selfCare = selfCareSuggestions(text: text, frame: frame,
                                           excluding: excluding.union(explanations.map(\.passage.id)),
                                           count: topic == .askSelfCare ? 4 : 3)
        }
        var number = 0
        func cite(_ p: RetrievedPassage) -> CitedPassage { number += 1; return CitedPassage(number: number, passage: p) }
        let cited = explanations.map(cite)
        let citedCare = selfCare.map(cite)
        let advice = style == .full ? professionalAdvice(for: frame) : []
        let shown = Set(explanations.map(\.passage.id) + selfCare.map(\.passage.id)).union(excluding)
        let supporting = advice.compactMap { supportingPassage(for: $0, frame: frame, excluding: shown) }.map(cite)
        let more = explanationResult.passages.count > explanations.count
        var answer = Answer(style: style, recap: frame, explanations: cited, selfCare: citedCare,
                            professional: advice, moreAvailable: more, terms: explanationResult.terms)
        answer.professionalPassages = supporting
        return answer
    }

    /// The next passages on the same request, after "tell me more".
    public func more(_ record: AnswerRecord) -> Answer? {
        let kinds = AnswerComposer.explanationKinds(for: record.request.topic)
        let allowed = kinds.allowed.union([.selfCare, .explanation, .condition])
        let result = retriever.retrieve(RetrievalRequest(
            text: record.request.text, frame: record.request.frame, preferredKind: kinds.preferred,
            onlyKinds: allowed, excluding: Set(record.shown), limit: 3))
        guard !result.passages.isEmpty else { return nil }
        let shown = Array(result.passages.prefix(2))
        return Answer(style: .more, recap: record.request.frame,
                      explanations: shown.enumerated().map { CitedPassage(number: $0.offset + 1, passage: $0.element) },
                      selfCare: [], professional: [], moreAvailable: result.passages.count > 2, terms: result.terms)
    }

    /// 2–4 self-care passages fitted to the body part and triggers, at most two per note,
    /// from notes written for that region (the self-care paragraphs of notes on its muscles
    /// and conditions included), and from others only to make up two.
    func selfCareSuggestions(text: String, frame: Frame, excluding: Set<String>, count: Int) -> [RetrievedPassage] {
        var words = frame.location.map { $0.replacingOccurrences(of: "_", with: " ") }
        words += frame.trigger.map { $0.replacingOccurrences(of: "_", with: " ") }
        words += frame.quality
        let result = retriever.retrieve(RetrievalRequest(
            text: text + " " + words.joined(separator: " "), frame: frame, preferredKind: .selfCare,
            onlyKinds: [.selfCare], excluding: excluding, limit: 12))
        var perNote: [String: Int] = [:]
        var chosen: [RetrievedPassage] = []
        let regional = result.passages.filter { candidate in
            frame.location.isEmpty || (retriever.corpus.note(candidate.passage.noteID)?.regions.contains(where: frame.location.contains) ?? false)
        }
        // Advice written for another body part is only a last resort, to give at least two.
        for candidate in regional + result.passages where chosen.count < count {
            if chosen.contains(where: { $0.passage.id == candidate.passage.id }) { continue }
            if chosen.count >= 2 && !regional.contains(where: { $0.passage.id == candidate.passage.id }) { break }
            if perNote[candidate.passage.noteID, default: 0] >= 2 { continue }
            perNote[candidate.passage.noteID, default: 0] += 1
            chosen.append(candidate)
        }
        return chosen
    }

    /// The condition passage that explains a piece of tailored advice, if any.
    func supportingPassage(for advice: ProfessionalAdvice, frame: Frame, excluding: Set<String>) -> RetrievedPassage? {
        let query: String
        switch advice {
        case .walkingPainEasedByRest:
            // Eased by sitting or bending forward fits a narrowed spinal canal; by simply
            // standing still, narrowed arteries.
            query = frame.relief.contains(where: ["sitting", "lying_down"].contains)
                ? "spinal stenosis neurogenic claudication walking eased by sitting bending forward"
                : "vascular claudication walking pain stops standing still arteries"
        case .nerveSymptoms: query = "nerve root sciatica tingling numbness shooting down the leg"
        default: return nil
        }
        return retriever.retrieve(RetrievalRequest(text: query, frame: frame, preferredKind: .condition,
                                                   onlyKinds: [.condition], excluding: excluding, limit: 1)).passages.first
    }

    /// When to see a professional, from the frame: walking pain eased by rest points to
    /// claudication or stenosis, shooting or numb pain to a nerve, and so on.
    public func professionalAdvice(for frame: Frame) -> [ProfessionalAdvice] {
        var advice: [ProfessionalAdvice] = []
        let legRegions: Set<String> = ["calf", "leg", "thigh", "buttock", "shin", "foot", "hip"]
        if frame.trigger.contains("walking"),
           frame.relief.contains(where: ["rest", "sitting", "standing", "lying_down"].contains),
           frame.location.isEmpty || frame.location.contains(where: legRegions.contains) {
            advice.append(.walkingPainEasedByRest)
        }
        if frame.quality.contains(where: ["shooting", "tingling", "numbness", "burning"].contains) {
            advice.append(.nerveSymptoms)
        }
        if let days = frame.durationDays, days >= 42 { advice.append(.longStanding(days: days)) }
        if let intensity = frame.intensity, intensity >= 8 { advice.append(.severe(intensity: intensity)) }
        if frame.unknown.contains(.redFlags) { advice.append(.screeningUnanswered) }
        advice.append(.general)
        return advice
    }
}
