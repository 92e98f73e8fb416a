/// Corrections to the classifier's verdict that hold whatever the conversation: the
/// shape of the sentence and words no bag-of-words model weighs reliably. Applied by
/// `Analysis.intent`, so `classify` and the chat read a sentence the same way.
enum IntentRules {
    /// Words that make a turn about pain: such a turn is never out of scope, and an
    /// otherwise unclear turn with one is a description of the pain.
    static let painWords: Set<String> = ["hurt", "hurts", "hurting", "pain", "painful", "ache", "aches", "aching", "sore",
                                         "headache", "headaches", "agony", "ouch", "ow", "owww", "throbbing", "killing",
                                         "stiff", "tender"]

    static let questionIntents: Set<Intent> = [.askCause, .askInfo, .askCondition, .askDoctor, .askSelfCare]

    static let farewells: Set<String> = ["bye", "goodbye", "byebye", "cya", "ciao", "farewell", "goodnight", "ttyl"]

    static let questionOpeners: Set<String> = [
        "what", "whats", "why", "how", "hows", "when", "where", "which", "who", "is", "isnt", "are", "arent", "do", "does",
        "doesnt", "did", "can", "cant", "could", "should", "would", "will", "might", "may", "any", "anything", "tell",
        "explain", "shall", "need", "ok", "so", "please", "whys", "wat", "y", "help",
    ]

    /// Words that ask for something wherever they stand ("I wonder if it's sciatica").
    static let requestWords: Set<String> = ["wonder", "wondering", "curious", "advice", "tips", "recommend", "suggest", "ideas"]

    /// A question mark, or a sentence that opens like a question or a request.
    static func looksLikeQuestion(_ tokens: [Token], hasQuestionMark: Bool) -> Bool {
        if tokens.isEmpty { return false }
        if hasQuestionMark { return true }
        return tokens.enumerated().contains { index, token in
            (index == 0 || token.startsClause) && questionOpeners.contains(token.text) || requestWords.contains(token.text)
        }
    }

    static func mentionsPain(_ tokens: [Token]) -> Bool { tokens.contains { painWords.contains($0.text) } }

    /// The intent after the corrections, from the classifier's ranking.
    static func refine(_ prediction: IntentPrediction, danger: DangerSign?, tokens: [Token], extraction: SlotExtraction,
                       hasQuestionMark: Bool, mentionsDangerWords: Bool = true) -> Intent {
        if danger != nil { return .redFlag }
        var intent = prediction.intent
        // The classifier hears pain words as a danger sign easily; without a rule's
        // confirmation it must be sure, and the words must be those of a danger sign.
        if intent == .redFlag && (prediction.confidence < Analysis.unconfirmedDangerConfidence || !mentionsDangerWords),
           let next = prediction.ranking.dropFirst().first {
            intent = next.intent
        }
        switch intent {
        case .greet where !extraction.isEmpty:
            return .inform
        case .outOfScope where (mentionsPain(tokens) || !extraction.values(of: .quality).isEmpty)
            && !extraction.values(of: .location).isEmpty:
            // Someone who says a muscle or joint hurts is never told it is outside what
            // painchat knows (a sore throat still is).
            return .inform
        case .thanks where tokens.contains(where: { farewells.contains($0.text) }):
            // "thanks, bye" thanks and leaves: leaving is what must happen.
            return .goodbye
        // (One `where` guards one pattern, so the question intents are listed in it.)
        case let asked where questionIntents.contains(asked) && !extraction.isEmpty
            && !looksLikeQuestion(tokens, hasQuestionMark: hasQuestionMark):
            // "I have a pounding headache" describes the pain, whatever the classifier
            // half-believes: a question needs a question's shape.
            return .inform
        default:
            return intent
        }
    }
}
