/// Everything understood of one utterance.
public struct Analysis: Sendable {
    public var tokens: [Token]
    /// Token stems after typo correction.
    public var stems: [String]
    public var prediction: IntentPrediction
    public var extraction: SlotExtraction
    public var danger: DangerSign?
    /// What the safety net makes of the message, when no rule fired.
    public var suspicion: DangerNet.Suspicion?
    /// "just tell me", "skip": answer now with what is known.
    public var wantsAnswerNow: Bool
    /// "huh?", "what do you mean?": the question just asked was not understood.
    public var asksToRepeat: Bool
    public var hasQuestionMark: Bool
    /// The utterance uses a word of the danger-sign rules (see `DangerSignDetector`).
    /// Looked for only when the classifier's top intent is `red_flag`; false otherwise.
    public var mentionsDangerWords: Bool
    /// The person said no to the check question this message raised.
    public var suspicionCleared = false

    /// A danger sign suspected but named by no rule: the net fired, or the intent model
    /// ranks `red_flag` first and the net gives the message at least a little weight
    /// (`DangerNet.Options.intentFloor`). Nothing may treat such a message as an
    /// ordinary turn before a check question has been answered.
    public var suspectedDanger: DangerNet.Suspicion? {
        guard danger == nil, !suspicionCleared, let suspicion,
              suspicion.fires || (prediction.intent == .redFlag && suspicion.corroborates) else { return nil }
        return suspicion
    }

    /// The reply opens with a plain no or yes ("no, nothing like that", "yes, my bladder").
    public var startsWithNo: Bool { tokens.first.map { ["no", "nope", "nah", "none", "never", "nothing"].contains($0.text) && tokens.count <= 2 || ["no", "nope", "nah", "none"].contains($0.text) } ?? false }
    public var startsWithYes: Bool { tokens.first.map { ["yes", "yeah", "yep", "yup", "aye", "sure"].contains($0.text) } ?? false }

    /// How sure the classifier must be of `red_flag`, when neither a danger rule nor the
    /// net confirms it, for `intentWithoutDangerSignal` to keep it. Below it the
    /// classifier has only heard pain words.
    public static let unconfirmedDangerConfidence = 0.55

    /// The intent of the turn: `red_flag` when a danger rule fired or a sign is
    /// suspected (`suspectedDanger`); otherwise the classifier's verdict after
    /// `IntentRules`. The intent model's `red_flag` gives way to the next intent only when
    /// the net too finds no danger in the message (below `intentFloor`) and the
    /// classifier is unsure or hears no word of the danger rules ("my back is killing
    /// me"): two models agreeing, never a sentence rule alone.
    public var intent: Intent {
        if danger != nil || suspectedDanger != nil { return .redFlag }
        return intentWithoutDangerSignal
    }

    /// The intent as if the message carried no danger signal (`IntentRules.refine`). Once
    /// the person has said no to the check question, `red_flag` is out of the running.
    public var intentWithoutDangerSignal: Intent {
        var prediction = prediction
        if suspicionCleared, prediction.ranking.count > 1 { prediction.ranking.removeAll { $0.intent == .redFlag } }
        return IntentRules.refine(prediction, danger: danger, tokens: tokens, extraction: extraction, hasQuestionMark: hasQuestionMark,
                                  mentionsDangerWords: mentionsDangerWords)
    }

    public var looksLikeQuestion: Bool { IntentRules.looksLikeQuestion(tokens, hasQuestionMark: hasQuestionMark) }

    /// "all the time", "it never stops": no one thing brings it on. Said to "what brings it
    /// on?", it answers the question without naming a trigger.
    public var meansConstant: Bool {
        tokens.containsPhrase(anyOf: ["all the time", "constant", "constantly", "always there", "never stops", "never goes",
                                      "24 7", "nonstop", "non stop", "all day every day", "no matter what", "whatever i do",
                                      "doesnt matter what i do", "just there"])
    }

    /// "all over", "everywhere", "my whole body": widespread pain, which names no one
    /// body part but answers where it hurts.
    public var meansEverywhere: Bool {
        tokens.containsPhrase(anyOf: ["all over", "everywhere", "whole body", "all my joints", "every joint", "every muscle",
                                      "all my muscles", "head to toe", "all of me", "entire body"])
    }
}

/// The understanding pipeline: tokenise, correct typos, check danger signs, classify the
/// intent, extract slots.
public struct LanguageUnderstanding: Sendable {
    public let tokenizer: Tokenizer
    public private(set) var classifier: IntentClassifier
    public let slots: SlotExtractor
    public let danger: DangerSignDetector
    /// `var` so an evaluation can try another threshold (`eval --danger --net-threshold`).
    public var net: DangerNet
    public let corrector: TypoCorrector
    let shortBodyWords: ShortBodyWords
    public let dangerReader: DangerReader

    public init(tokenizer: Tokenizer, classifier: IntentClassifier, slots: SlotExtractor,
                danger: DangerSignDetector, net: DangerNet, knownWords: Set<String>) {
        self.tokenizer = tokenizer
        self.classifier = classifier
        self.slots = slots
        self.danger = danger
        self.net = net
        (corrector, shortBodyWords) = LanguageUnderstanding.slotCorrectors(slots: slots, danger: danger, knownWords: knownWords)
        dangerReader = DangerReader(tokenizer: tokenizer, detector: danger, knownWords: knownWords)
    }

    /// - Parameters:
    ///   - pending: the question just asked, which frames a bare answer.
    ///   - frame: what the conversation already knows, for danger signs spread over turns.
    ///   - today: the day of the conversation, to count "since Christmas" in days.
    public func analyse(_ text: String, pending: Question? = nil, frame: Frame = Frame(), today: CalendarDay? = nil) -> Analysis {
        let tokens = tokenizer.tokenize(text)
        let stems = slotStems(tokens)
        // The screening question lists the signs, so naming one answers it: after that
        // question (or "which one?"), a sign's key word alone is enough.
        let dangerStems = dangerReader.stems(for: tokens)
        let (sign, concepts) = danger.examine(tokens: tokens, stems: dangerStems,
                                              afterScreening: pending?.kind == .screening, afterWhichSign: pending?.kind == .whichSign,
                                              context: danger.context(of: frame))
        // The net reads only what no rule named.
        let suspicion = sign != nil ? nil
            : net.suspect(tokens: DangerReader.mended(tokens, stems: dangerStems), concepts: concepts)
        // The sentence rules read the words as the classifier does, misspellings mended:
        // "coud it be a stress fracture" opens like a question.
        let readTokens = classifier.correctingSpelling(tokens)
        let prediction = classifier.classify(mended: readTokens)
        let pendingSlot: SlotName? = pending.map(\.slot)
        let extraction = slots.extract(tokens: tokens, stems: stems, pending: pendingSlot,
                                       asksWithoutTelling: IntentRules.opensLikeQuestion(tokens), today: today)
        return Analysis(tokens: readTokens, stems: stems, prediction: prediction, extraction: extraction,
                        danger: sign, suspicion: suspicion, wantsAnswerNow: LanguageUnderstanding.wantsAnswerNow(tokens),
                        asksToRepeat: LanguageUnderstanding.asksToRepeat(tokens),
                        hasQuestionMark: text.contains("?"),
                        // Only a classifier's red_flag asks for it: skip the scan on other turns.
                        mentionsDangerWords: prediction.intent == .redFlag
                            && danger.mentionsDangerWords(tokens: tokens, stems: dangerStems))
    }

    /// The stems the slots are read from: typos mended, short body words' too.
    func slotStems(_ tokens: [Token]) -> [String] {
        shortBodyWords.mend(tokens, stems: corrector.stems(for: tokens))
    }

    /// What `slotStems` mends typos with; the role model is trained on words read the same way.
    static func slotCorrectors(slots: SlotExtractor, danger: DangerSignDetector,
                               knownWords: Set<String>) -> (TypoCorrector, ShortBodyWords) {
        (TypoCorrector(targets: typoTargets(slots: slots, danger: danger), knownWords: knownWords),
         ShortBodyWords(targets: slots.shortBodyTargets, words: slots.words, knownWords: knownWords))
    }

    /// The words the slot corrector turns typos into ("wlaking" -> "walking"); the danger
    /// corrector uses the danger words among them.
    static func typoTargets(slots: SlotExtractor, danger: DangerSignDetector) -> [(word: String, stem: String)] {
        slots.lexiconWords + danger.vocabulary
    }

    /// The same reading with another classifier (cross-validation trains one per fold).
    public func replacing(classifier: IntentClassifier) -> LanguageUnderstanding {
        var copy = self
        copy.classifier = classifier
        return copy
    }

    /// "huh?", "what?", "what do you mean?", "I don't follow" (but not "what do you mean by
    /// referred pain?", which asks about a term).
    static func asksToRepeat(_ tokens: [Token]) -> Bool {
        let words = tokens.map(\.text)
        guard !words.isEmpty, words.count <= 12 else { return false }
        let puzzled: Set<String> = ["huh", "eh", "what", "wut", "wat", "pardon", "hm", "hmm", "sorry"]
        if words.count <= 2 && words.allSatisfy(puzzled.contains) && words != ["sorry"] { return true }
        if tokens.containsPhrase(anyOf: ["mean by"]) { return false }
        return tokens.containsPhrase(anyOf: ["what do you mean", "what does that mean", "dont understand",
                                             "dont understand the question", "not sure what you mean", "not sure what that means",
                                             "dont know what you mean", "dont follow", "come again", "say that again",
                                             "what are you asking", "what was the question", "lost me", "dont get what you mean",
                                             "didnt understand", "dont get the question", "what do u mean", "wdym"])
    }

    /// "just tell me", "skip the questions", "get on with it", "move on".
    static func wantsAnswerNow(_ tokens: [Token]) -> Bool {
        let words = tokens.map(\.text)
        guard words.count <= 10 else { return false }
        if words.contains("skip") { return true }
        for (i, w) in words.enumerated() where w == "just" && i + 1 < words.count {
            if ["tell", "answer", "give", "explain", "say"].contains(words[i + 1]) { return true }
        }
        return tokens.containsPhrase(anyOf: ["get on with it", "move on", "enough questions", "stop asking", "no more questions",
                                             "answer now"])
    }
}
