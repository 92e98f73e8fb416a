/// The conversation policy of SPEC §5, as one pure step:
/// `(ConversationState, utterance) -> (ConversationState, Reply)`.
///
/// Order of a turn: slash commands; danger signs (always first, whatever the classifier
/// says); the intent read in the context of the question just asked; the frame updated;
/// then the next question (location, trigger, relief, one screening) or an answer.
public struct DialoguePolicy: Sendable {
    public let understanding: LanguageUnderstanding
    public let composer: AnswerComposer

    /// Words that acknowledge without agreeing.
    static let acknowledgements: Set<String> = ["ok", "okay", "k", "kk", "okey", "cool", "alright", "right", "gotcha", "got", "it"]

    /// Follow-up questions in the order a clinician would ask them.
    public static let questionOrder: [SlotName] = [.location, .trigger, .relief]

    public init(understanding: LanguageUnderstanding, composer: AnswerComposer) {
        self.understanding = understanding
        self.composer = composer
    }

    public func respond(to utterance: String, in state: ConversationState) -> (ConversationState, Reply) {
        respond(to: utterance, in: state, suspicionCleared: false)
    }

    /// With `suspicionCleared`, the person has said no to the check question this message
    /// raised, so it is read as the ordinary turn it then is.
    private func respond(to utterance: String, in state: ConversationState, suspicionCleared: Bool) -> (ConversationState, Reply) {
        var state = state
        state.turns += 1
        var prefix: [Reply.Part] = []
        var text = utterance.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.unicodeScalars.count > PainChat.maximumInputLength {
            text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(PainChat.maximumInputLength)))
            prefix.append(.truncated(PainChat.maximumInputLength))
        }
        if text.hasPrefix("/") {
            return command(text, state)
        }
        var analysis = understanding.analyse(text, pending: state.pending, frame: state.frame, today: state.today)
        analysis.suspicionCleared = suspicionCleared
        var trace = TurnTrace(utterance: text, ranking: analysis.prediction.ranking, intent: analysis.intent,
                              classifierFellBack: analysis.prediction.isFallback, extraction: analysis.extraction,
                              danger: analysis.danger, frame: state.frame, retrievalTerms: [])

        // Danger signs come before everything and do not depend on the classifier.
        if let sign = analysis.danger {
            state.pending = nil
            state.pendingCheck = nil
            state.consecutiveFallbacks = 0
            state.frame.apply(analysis.extraction)
            if !state.danger.contains(sign.category) { state.danger.append(sign.category) }
            trace.intent = .redFlag
            trace.frame = state.frame
            state.lastTrace = trace
            return (state, Reply(prefix + [.urgent(sign)]))
        }

        // The answer to a check question: yes, not knowing, or a second suspected sign
        // escalates; no reads the message that raised it as an ordinary turn.
        if let check = state.pendingCheck {
            state.pendingCheck = nil
            if let answer = checkAnswer(analysis) {
                guard answer == .deny else {
                    let sign = understanding.danger.rulebook.sign(category: check.category, evidence: "yes to: " + check.question,
                                                                  forSomeoneElse: check.forSomeoneElse)
                    state.pending = nil
                    if !state.danger.contains(sign.category) { state.danger.append(sign.category) }
                    trace.intent = .redFlag
                    trace.danger = sign
                    state.lastTrace = trace
                    return (state, Reply(prefix + [.urgent(sign)]))
                }
                state.turns -= 1
                return respond(to: check.utterance, in: state, suspicionCleared: true)
            }
        }
        if let suspected = analysis.suspectedDanger {
            let owner = understanding.danger.isAboutSomeoneElse(analysis.tokens)
            let check = understanding.danger.rulebook.check(suspected.category, utterance: text, confidence: suspected.danger,
                                                            forSomeoneElse: owner)
            state.pendingCheck = check
            state.consecutiveFallbacks = 0
            // What it says about the pain is kept, as for any danger turn; a "no" reads
            // the message again in full.
            if !state.answered { state.frame.apply(analysis.extraction) }
            trace.frame = state.frame
            trace.intent = .redFlag
            state.lastTrace = trace
            return (state, Reply(prefix + [.check(check)]))
        }

        // "huh?", "what do you mean?": the question was not understood, so it is neither a
        // yes, a no nor a "don't know" to it. Ask it again.
        if let pending = state.pending, analysis.asksToRepeat {
            trace.intent = .dontKnow
            state.lastTrace = trace
            return (state, Reply(prefix + [.question(pending.repeated())]))
        }

        let intent = contextualIntent(analysis, state)
        trace.intent = intent ?? analysis.intent
        var parts = prefix
        if let intent {
            state.consecutiveFallbacks = 0
            parts += act(on: intent, analysis: analysis, text: text, state: &state)
        } else {
            state.consecutiveFallbacks += 1
            parts.append(.fallback(variant: state.consecutiveFallbacks - 1))
            if let pending = state.pending { parts.append(.question(pending.repeated())) }
        }
        trace.frame = state.frame
        for part in parts { if case .answer(let a) = part { trace.retrievalTerms = a.terms; trace.cited = a.passages } }
        state.lastTrace = trace
        return (state, Reply(parts))
    }

    /// The screening question (or "which one?"), listing the signs that fit the place.
    func screeningQuestion(_ kind: Question.Kind, location: String?) -> Question {
        Question(kind: kind, location: location, signs: understanding.danger.rulebook.screeningSigns(for: location))
    }

    /// How a reply answers a check question: yes (or not knowing, which is not a no),
    /// no, or nil when it is about something else. A second suspected sign counts as yes.
    func checkAnswer(_ analysis: Analysis) -> Intent? {
        if analysis.suspicion?.fires == true { return .affirm }
        if analysis.startsWithNo { return .deny }
        if analysis.startsWithYes { return .affirm }
        switch analysis.intent {
        case .deny: return .deny
        case .affirm, .dontKnow, .redFlag: return .affirm
        default: return nil
        }
    }

    // MARK: - Reading the intent in context

    /// The intent to act on, or nil for a fallback. A bare answer to a question is read
    /// against that question: "walking" after "what brings it on?" is `inform`.
    func contextualIntent(_ analysis: Analysis, _ state: ConversationState) -> Intent? {
        let prediction = analysis.prediction
        let extraction = analysis.extraction
        var intent = analysis.intent
        let confident = !prediction.isFallback
        let keepAsIs: Set<Intent> = [.askWhyAsked, .askSource, .askMore, .goodbye, .help, .vent, .outOfScope]

        // "sorry, I meant my left knee", "no wait, it's my lower back not my neck": a
        // correction of what was said, not a "no" to the question or a complaint.
        if extraction.isCorrection && (!extraction.positive.isEmpty || extraction.switchesSide)
            && ![.askCause, .askSelfCare, .askInfo, .askCondition, .askDoctor, .goodbye].contains(intent) {
            return .inform
        }

        if let pending = state.pending {
            switch pending.kind {
            case .slot(let slot):
                // "all over, really" answers where it hurts, though it names no body part.
                if slot == .location && analysis.meansEverywhere && [.outOfScope, .vent, .dontKnow].contains(intent) {
                    return .inform
                }
                // "it's there all the time really" to "what brings it on?"
                if slot == .trigger && analysis.meansConstant
                    && ([.outOfScope, .dontKnow, .deny].contains(intent) || analysis.prediction.isFallback) {
                    return .inform
                }
                let fills = !extraction.values(of: slot).isEmpty
                    || (slot == .location && extraction.values(of: .side).count > 0 && !state.frame.location.isEmpty)
                // "i don't know what is helping": not knowing the answer, not asking for help.
                if !fills && !analysis.hasQuestionMark && intent != .redFlag && DialoguePolicy.opensNotKnowing(analysis.tokens) {
                    return .dontKnow
                }
                // A side question must sound like one: "foam rolling and stretching help"
                // answers the question, though its words are those of self-care questions.
                if fills && !keepAsIs.contains(intent) && !(intent.isSideQuestion && confident && analysis.looksLikeQuestion)
                    && intent != .askCause {
                    return .inform
                }
            case .screening, .whichSign:
                break
            }
        }
        if analysis.wantsAnswerNow { return intent == .goodbye ? .goodbye : .inform }
        // "can the gluteus minimus send pain down the leg?": a question that speaks of no
        // one's own pain gives no details of it, whatever its words; it asks about them.
        let fillsPending = state.pending.map { $0.slot != .redFlags && !extraction.values(of: $0.slot).isEmpty } ?? false
        if !fillsPending, intent == .inform || (!confident && !analysis.extraction.isEmpty), analysis.looksLikeQuestion,
           !analysis.tokens.contains(where: { DialoguePolicy.firstPerson.contains($0.text) }),
           !understanding.danger.isAboutSomeoneElse(analysis.tokens) {
            let asking = prediction.ranking.first { $0.intent.isSideQuestion || $0.intent == .askCause }
            if let asking { return asking.intent }
        }
        if !confident {
            if !extraction.isEmpty { return .inform }
            if IntentRules.mentionsPain(analysis.tokens) { return .inform }
            // Short yes/no/don't-know answers to a pending question are still answers.
            if state.pending != nil, [.affirm, .deny, .dontKnow].contains(intent), analysis.tokens.count <= 4,
               prediction.confidence >= 0.2 {
                return intent
            }
            return nil
        }
        // Someone who names a body part, an activity or a relief in reply to a question is
        // answering it, not wandering off topic.
        if intent == .outOfScope && state.pending != nil && !extraction.isEmpty && !analysis.looksLikeQuestion {
            intent = .inform
        }
        return intent
    }

    // MARK: - Acting

    private func act(on intent: Intent, analysis: Analysis, text: String, state: inout ConversationState) -> [Reply.Part] {
        let extraction = analysis.extraction
        switch intent {
        case .goodbye:
            state.ended = true
            state.pending = nil
            return [.ended]
        case .greet:
            return [.greeting] + repeatPending(state)
        case .thanks:
            return [.thanks] + repeatPending(state)
        case .help:
            return [.help] + repeatPending(state)
        case .outOfScope:
            return [.outOfScope] + repeatPending(state)
        case .askWhyAsked:
            guard let pending = state.pending else { return [.whyAsked(nil)] }
            return [.whyAsked(pending.slot), .question(pending.repeated())]
        case .askSource:
            guard let record = state.lastAnswer else { return [.nothingCited] + repeatPending(state) }
            let entries = record.notes.compactMap { id in
                composer.retriever.corpus.note(id).map { SourceEntry(noteID: id, title: $0.title, sources: $0.sources) }
            }
            return [.sources(entries)] + repeatPending(state)
        case .askMore:
            guard let record = state.lastAnswer, let more = composer.more(record) else {
                return [.noMore] + repeatPending(state)
            }
            state.lastAnswer?.shown += more.passages.map(\.id)
            state.shownPassages += more.passages.map(\.id).filter { !state.shownPassages.contains($0) }
            state.lastAnswer?.notes += more.citedNotes.filter { !record.notes.contains($0) }
            return [.answer(more)] + repeatPending(state)
        case .vent:
            state.frame.apply(extraction)
            // "my wife massages it and that helps, but I'm so fed up": the question is
            // answered, so the conversation moves on rather than asking it again.
            if let pending = state.pending, case .slot(let slot) = pending.kind, state.frame.isFilled(slot) {
                state.pending = nil
                return [.acknowledgeVent] + askNext(&state, text: text)
            }
            if state.pending != nil { return [.acknowledgeVent] + repeatPending(state) }
            if state.answered || state.frame.isEmpty { return [.acknowledgeVent] + (state.frame.isEmpty ? askNext(&state, text: text) : []) }
            return [.acknowledgeVent] + askNext(&state, text: text)
        case .redFlag:
            // The classifier is sure of a danger sign that no rule named and the net does
            // not confirm: rather than guess either way, ask the screening question (it
            // lists the signs), or which sign it is if that was already asked.
            state.frame.apply(extraction)
            let kind: Question.Kind = state.asked.contains(.redFlags) ? .whichSign : .screening
            // Which sign it could be is unknown, so the question lists them all.
            let question = screeningQuestion(kind, location: nil)
            state.pending = question
            state.asked.insert(.redFlags)
            return [.question(question)]
        case .affirm, .deny, .dontKnow:
            return answerToPending(intent, analysis: analysis, text: text, state: &state)
        case .askInfo, .askCondition, .askDoctor, .askSelfCare:
            if state.pending == nil && !describesOwnPain(analysis, state) {
                return directAnswer(intent, analysis: analysis, text: text, state: &state)
            }
            if state.pending != nil || intent != .askSelfCare {
                // A side question: answered at once, then the pending question again.
                // "What is a trigger point?" asks about a term, not about this complaint:
                // it neither changes the frame nor is answered through it.
                if intent != .askInfo { state.frame.apply(extraction) }
                let frame = intent == .askInfo ? Frame(extraction) : state.frame
                let answer = composer.compose(text: text, frame: frame, topic: intent, style: .side(intent),
                                              excluding: Set(state.shownPassages))
                remember(answer, text: text, topic: intent, state: &state)
                return [.answer(answer)] + repeatPending(state)
            }
            return painTurn(intent, analysis: analysis, text: text, state: &state)
        case .askCause, .inform:
            if intent == .askCause && state.pending == nil && !describesOwnPain(analysis, state) {
                return directAnswer(intent, analysis: analysis, text: text, state: &state)
            }
            return painTurn(intent, analysis: analysis, text: text, state: &state)
        }
    }

    /// Whether a question is about the person's own pain ("why does my hip ache when I
    /// walk?") rather than a general one ("what causes trigger points?", "is heat or ice
    /// better for a stiff back?"): they speak of themselves and say something about it.
    func describesOwnPain(_ analysis: Analysis, _ state: ConversationState) -> Bool {
        let speaksOfThemselves = analysis.tokens.contains { DialoguePolicy.firstPerson.contains($0.text) }
        // A follow-up after an answer ("why do they hurt?") says nothing new of its own.
        return speaksOfThemselves && !analysis.extraction.isEmpty
    }

    static let firstPerson: Set<String> = ["i", "im", "ive", "id", "ill", "my", "me", "mine", "myself"]

    /// A question that is not about the person's own pain, answered at once from the
    /// notes (SPEC §5). It is read against the conversation's topic (the last answer's
    /// request), so "why do they hurt?" after "what is a trigger point?" is about trigger
    /// points; its own words weigh more, so a new subject moves the topic. With no
    /// complaint yet, one line offers to look at the person's own pain.
    private func directAnswer(_ intent: Intent, analysis: Analysis, text: String, state: inout ConversationState) -> [Reply.Part] {
        let extraction = analysis.extraction
        let ownFrame = Frame(extraction)
        // "What is X?" asks about a term, not about the complaint (as a side question).
        let frame = intent != .askInfo && extraction.values(of: .location).isEmpty && state.answered ? state.frame : ownFrame
        let context = state.lastAnswer?.request.text ?? ""
        let answer = composer.compose(text: text, context: context, frame: frame, topic: intent, style: .side(intent),
                                      excluding: Set(state.shownPassages))
        remember(answer, text: text + " " + context, topic: intent, state: &state)
        let offer = state.frame.isEmpty && state.pastComplaints.isEmpty
        return [.answer(answer)] + (offer ? [.offerToLook] : [])
    }

    /// "yes", "no" and "not sure", read against the question just asked.
    private func answerToPending(_ intent: Intent, analysis: Analysis, text: String,
                                 state: inout ConversationState) -> [Reply.Part] {
        guard let pending = state.pending else {
            state.frame.apply(analysis.extraction)
            return [.acknowledge]
        }
        switch (pending.kind, intent) {
        case (.screening, .affirm) where analysis.tokens.allSatisfy({ DialoguePolicy.acknowledgements.contains($0.text) }):
            // "ok" or "k" to the list of signs acknowledges it; it says neither yes nor no.
            return [.question(pending.repeated())]
        case (.screening, .affirm), (.whichSign, .affirm):
            // "yeah, a bit of numbness in my toes": keep what it says, and ask which sign.
            state.frame.apply(analysis.extraction)
            let question = Question(kind: .whichSign, location: state.frame.location.first)
            state.pending = question
            return [.question(question)]
        case (.screening, .deny) where !analysis.extraction.isEmpty && !analysis.startsWithNo,
             (.screening, .affirm) where !analysis.extraction.isEmpty && !analysis.startsWithYes:
            // "nothing really helps" answers the last question, not this one: keep what it
            // says and ask the screening question again rather than take it as a no.
            state.frame.apply(analysis.extraction)
            return [.question(pending.repeated())]
        case (.screening, .deny), (.whichSign, .deny):
            state.frame.redFlags = "none"
            state.frame.unknown.remove(.redFlags)
            state.pending = nil
            return askNext(&state, text: text)
        case (.screening, _), (.whichSign, _):
            state.frame.unknown.insert(.redFlags)
            state.pending = nil
            return [.notedUnknown(.redFlags)] + askNext(&state, text: text)
        case (.slot(let slot), .deny) where slot == .relief:
            // "no" to "does anything ease it?" means nothing does.
            state.frame.add("nothing", to: .relief)
            state.pending = nil
            return askNext(&state, text: text)
        case (.slot(let slot), _):
            state.frame.apply(analysis.extraction)
            if !state.frame.isFilled(slot) { state.frame.unknown.insert(slot) }
            state.pending = nil
            return (state.frame.isFilled(slot) ? [] : [.notedUnknown(slot)]) + askNext(&state, text: text)
        }
    }

    /// A turn about the person's pain: update the frame (starting a new complaint when
    /// an answered one moves to another body part), then ask or answer.
    private func painTurn(_ intent: Intent, analysis: Analysis, text: String, state: inout ConversationState) -> [Reply.Part] {
        let extraction = analysis.extraction
        let newLocations = extraction.values(of: .location).filter { !state.frame.location.contains($0) }
        if state.answered && !newLocations.isEmpty && !extraction.isCorrection {
            state.pastComplaints.append(state.frame)
            state.repeated = []
            state.pending = nil
            state.topic = .askCause
            state.complaintText = []
            if let earlier = state.pastComplaints.dropLast().lastIndex(where: { past in
                newLocations.allSatisfy(past.location.contains)
            }) {
                // "going back to my knee, what can I do about it?": that complaint was
                // already asked about and answered, so it comes back whole.
                state.frame = state.pastComplaints.remove(at: earlier)
                state.asked = Set(DialoguePolicy.questionOrder + [.redFlags])
                state.answered = true
            } else {
                state.frame = Frame()
                state.asked = []
                state.answered = false
            }
        }
        if intent == .askCause || intent == .askSelfCare { state.topic = intent }
        // Their own words ("hamstring", "football") say more than the canonical slot values;
        // short answers to the follow-up questions ("sitting helps") would only add noise.
        if intent == .askCause || intent == .askSelfCare || (state.pending == nil && !extraction.isEmpty) {
            state.complaintText.append(text)
        }
        state.frame.apply(extraction)
        // No answer before the screening question has been answered: if the person talked
        // about something else, ask it once more; after that it counts as not known.
        if let pending = state.pending, pending.kind == .screening || pending.kind == .whichSign,
           state.frame.redFlags == nil, !analysis.wantsAnswerNow {
            if !state.repeated.contains(.redFlags) {
                state.repeated.insert(.redFlags)
                state.pending = pending.repeated()
                return [.question(pending.repeated())]
            }
            state.frame.unknown.insert(.redFlags)
        }
        let unanswered: Question? = {
            guard let pending = state.pending, case .slot(let slot) = pending.kind, !state.frame.isFilled(slot) else { return nil }
            return pending
        }()
        state.pending = nil
        if analysis.wantsAnswerNow {
            // Answering before the screening question: the answer says the warning signs
            // were not checked.
            if state.frame.redFlags == nil { state.frame.unknown.insert(.redFlags) }
            return answer(text: text, state: &state)
        }
        if let unanswered, !extraction.mentions.isEmpty || !extraction.isEmpty, !state.repeated.contains(unanswered.slot) {
            // They told us something else ("my lower back" after "what brings it on?"):
            // take it, and ask the question once more.
            state.repeated.insert(unanswered.slot)
            var question = unanswered.repeated()
            question.location = state.frame.location.first
            state.pending = question
            return [.question(question)]
        }
        if let unanswered {
            // Still not what was asked: note it as unknown and move on.
            state.frame.unknown.insert(unanswered.slot)
        }
        return askNext(&state, text: text)
    }

    /// The next follow-up question, or the answer once location, trigger, relief and the
    /// screen are done (or known, unknown, or already asked).
    private func askNext(_ state: inout ConversationState, text: String) -> [Reply.Part] {
        let frame = state.frame
        for slot in DialoguePolicy.questionOrder
        where !frame.isFilled(slot) && !frame.unknown.contains(slot) && !state.asked.contains(slot) {
            let question = Question(kind: .slot(slot), location: frame.location.first)
            state.pending = question
            state.asked.insert(slot)
            return [.question(question)]
        }
        if frame.redFlags == nil && !frame.unknown.contains(.redFlags) && !state.asked.contains(.redFlags) {
            // The signs asked about fit the place that hurts; with several places, all are.
            let question = screeningQuestion(.screening, location: frame.location.count == 1 ? frame.location.first : nil)
            state.pending = question
            state.asked.insert(.redFlags)
            return [.question(question)]
        }
        return answer(text: text, state: &state)
    }

    private func answer(text: String, state: inout ConversationState) -> [Reply.Part] {
        state.pending = nil
        let query = queryText(for: state.frame, said: state.complaintText)
        // A second answer in one conversation ("what can I do about it?" after the first)
        // brings passages not shown yet, and repeats only when there are no others.
        let shown = Set(state.shownPassages)
        var answer = composer.compose(text: query, frame: state.frame, topic: state.topic, style: .full, excluding: shown)
        if answer.passages.isEmpty && !shown.isEmpty {
            answer = composer.compose(text: query, frame: state.frame, topic: state.topic, style: .full)
        }
        state.answered = true
        remember(answer, text: query, topic: state.topic, state: &state)
        return [.answer(answer)]
    }

    /// The retrieval text for a full answer: the words of the whole complaint, not only the
    /// last reply ("no" says nothing about hips).
    private func queryText(for frame: Frame, said: [String]) -> String {
        var words: [String] = said
        words += frame.location.map { $0.replacingOccurrences(of: "_", with: " ") }
        words += frame.quality
        words += frame.trigger.map { $0.replacingOccurrences(of: "_", with: " ") }
        return words.joined(separator: " ")
    }

    private func remember(_ answer: Answer, text: String, topic: Intent, state: inout ConversationState) {
        state.lastAnswer = AnswerRecord(request: RetrievalRequestSnapshot(text: text, frame: answer.recap, topic: topic),
                                        shown: answer.passages.map(\.id), notes: answer.citedNotes)
        state.shownPassages += answer.passages.map(\.id).filter { !state.shownPassages.contains($0) }
    }

    private func repeatPending(_ state: ConversationState) -> [Reply.Part] {
        state.pending.map { [.question($0.repeated())] } ?? []
    }

    // MARK: - Slash commands

    private func command(_ text: String, _ state: ConversationState) -> (ConversationState, Reply) {
        var state = state
        let name = text.split(separator: " ").first.map(String.init)?.lowercased() ?? text
        switch name {
        case "/help": return (state, Reply([.help]))
        case "/quit", "/exit", "/bye":
            state.ended = true
            return (state, Reply([.ended]))
        case "/reset":
            var fresh = ConversationState()
            fresh.pastComplaints = []
            fresh.turns = state.turns
            fresh.today = state.today
            return (fresh, Reply([.reset]))
        case "/why":
            guard let trace = state.lastTrace else { return (state, Reply([.noMore])) }
            return (state, Reply([.trace(trace)]))
        case "/sources":
            guard let record = state.lastAnswer else { return (state, Reply([.nothingCited])) }
            let entries = record.notes.compactMap { id in
                composer.retriever.corpus.note(id).map { SourceEntry(noteID: id, title: $0.title, sources: $0.sources) }
            }
            return (state, Reply([.sources(entries)]))
        default:
            return (state, Reply([.unknownCommand(name)]))
        }
    }

    /// "i don't know", "not sure", "no idea what helps": the reply opens by not knowing.
    static func opensNotKnowing(_ tokens: [Token]) -> Bool {
        let words = tokens.prefix(4).map(\.text)
        let openings = [["i", "dont", "know"], ["dont", "know"], ["dunno"], ["not", "sure"], ["im", "not", "sure"], ["no", "idea"],
                        ["i", "have", "no", "idea"], ["i", "cant", "say"], ["cant", "say"], ["i", "couldnt", "say"], ["idk"]]
        return openings.contains { words.starts(with: $0) }
    }
}
