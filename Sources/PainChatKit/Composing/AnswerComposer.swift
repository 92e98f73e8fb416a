/// Builds answers from the corpus: which passages explain, which suggest self-care, and
/// what to say about seeing a professional.
public struct AnswerComposer: Sendable {
    public let retriever: Retriever

    public init(retriever: Retriever) {
        self.retriever = retriever
    }

    /// Word budgets of one passage (SPEC §5: a full answer about 250 words, a side answer
    /// about 120). "Tell me more" shows whole passages.
    static let fullExplanationWords = 45
    static let fullSelfCareWords = 30
    static let professionalWords = 30
    static let sideFirstWords = 45
    static let sideOtherWords = 25

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
    /// `context` is the conversation's topic (the last answer's request), which weighs
    /// less than the question's own words.
    public func compose(text: String, context: String = "", frame: Frame, topic: Intent, style: Answer.Style,
                        excluding: Set<String> = []) -> Answer {
        let kinds = AnswerComposer.explanationKinds(for: topic == .askSelfCare && style == .full ? .askCause : topic)
        var request = RetrievalRequest(text: text, frame: frame, preferredKind: kinds.preferred, onlyKinds: kinds.allowed,
                                       excluding: excluding, limit: 6, prefersDefinitions: style == .side(.askInfo))
        request.context = context
        let explanationResult = retriever.retrieve(request)
        // Two explanations from different notes say more than two from one.
        var explanations: [RetrievedPassage] = []
        for candidate in explanationResult.passages where explanations.count < (style == .full && topic == .askSelfCare ? 1 : 2) {
            if style == .full, explanations.contains(where: { $0.passage.noteID == candidate.passage.noteID }) { continue }
            explanations.append(candidate)
        }
        // A second passage far weaker than the first adds noise rather than help.
        if explanations.count == 2, explanations[1].score < explanations[0].score * (style == .full ? 0.35 : 0.5) { explanations.removeLast() }

        var selfCare: [RetrievedPassage] = []
        let wantsSelfCare: Bool
        switch style {
        case .full: wantsSelfCare = true
        case .side(let intent): wantsSelfCare = intent == .askSelfCare
        case .more: wantsSelfCare = false
        }
        if wantsSelfCare {
            selfCare = selfCareSuggestions(text: text + " " + context, frame: frame,
                                           excluding: excluding.union(explanations.map(\.passage.id)),
                                           count: topic == .askSelfCare && style == .full ? 3 : 2)
        }
        let query = retriever.query(for: request)
        var number = 0
        func cite(_ p: RetrievedPassage, words: Int) -> CitedPassage {
            number += 1
            return CitedPassage(number: number, passage: p, excerpt: retriever.excerpt(of: p.passage, query: query, maxWords: words))
        }
        let full = style == .full
        var cited = explanations.enumerated().map { cite($1, words: full ? Self.fullExplanationWords : $0 == 0 ? Self.sideFirstWords : Self.sideOtherWords) }
        if full {
            for i in cited.indices { cited[i].fits = fits(cited[i].noteID, frame: frame) }
        }
        let citedCare = selfCare.map { cite($0, words: full ? Self.fullSelfCareWords : Self.sideOtherWords) }
        let advice = style == .full ? professionalAdvice(for: frame) : []
        let shown = Set(explanations.map(\.passage.id) + selfCare.map(\.passage.id)).union(excluding)
        let supporting = advice.compactMap { supportingPassage(for: $0, frame: frame, excluding: shown) }.map { cite($0, words: Self.professionalWords) }
        let more = explanationResult.passages.count > explanations.count
        var answer = Answer(style: style, recap: frame, explanations: cited, selfCare: citedCare,
                            professional: advice, moreAvailable: more, terms: explanationResult.terms)
        answer.professionalPassages = supporting
        return answer
    }

    /// What of the frame a note fits, from its front matter: "right hip", "comes on with
    /// walking", "eased by sitting", "a knot".
    func fits(_ noteID: String, frame: Frame) -> [String] {
        guard let note = retriever.corpus.note(noteID) else { return [] }
        func words(_ value: String) -> String { value.replacingOccurrences(of: "_", with: " ") }
        var reasons: [String] = []
        let places = frame.location.filter(note.regions.contains)
        if let place = places.first {
            let side = frame.side.map { $0 == "both" ? "both sides, " : $0 + " " } ?? ""
            reasons.append((places.count == 1 && frame.location.count == 1 ? side : "") + words(place))
        }
        if let trigger = frame.trigger.first(where: note.triggers.contains) { reasons.append("comes on with " + words(trigger)) }
        if let eased = frame.relief.first(where: note.eases.contains) { reasons.append("eased by " + words(eased)) }
        if let quality = frame.quality.first(where: note.qualities.contains) { reasons.append(quality == "knot" ? "a knot" : words(quality)) }
        return reasons
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
        // A note written for self-care leads: its advice is what the person can do; a
        // muscle note's self-care paragraph follows. Advice written for another body part
        // is only a last resort, to give at least two.
        let dedicated = regional.first { $0.kind == .selfCare && retriever.corpus.note($0.passage.noteID)?.kind == .selfCare }
        for candidate in Array(dedicated.map { [$0] } ?? []) + regional + result.passages where chosen.count < count {
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
