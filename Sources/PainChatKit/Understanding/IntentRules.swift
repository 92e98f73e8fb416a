/// Corrections to the classifier's verdict that hold whatever the conversation: the
/// shape of the sentence and words no bag-of-words model weighs reliably. Applied by
/// `Analysis.intent`, so `classify` and the chat read a sentence the same way.
enum IntentRules {
    /// Words that make a turn about pain: such a turn is never out of scope, and an
    /// otherwise unclear turn with one is a description of the pain.
    static let painWords: Set<String> = ["hurt", "hurts", "hurting", "pain", "painful", "ache", "aches", "aching", "sore",
                                         "headache", "headaches", "agony", "ouch", "ow", "owww", "throbbing", "killing",
                                         "stiff", "tender",
                                         // An injury names what happened to a muscle or joint.
                                         "broke", "broken", "sprained", "twisted", "strained", "torn", "tore",
                                         "injured", "bruised", "swollen", "cramp", "cramps", "cramping"]

    static let questionIntents: Set<Intent> = [.askCause, .askInfo, .askCondition, .askDoctor, .askSelfCare]

    static let farewells: Set<String> = ["bye", "goodbye", "byebye", "cya", "ciao", "farewell", "goodnight", "ttyl"]

    static let questionOpeners: Set<String> = [
        "what", "whats", "why", "how", "hows", "when", "where", "wheres", "which", "who", "whos", "is", "isnt", "are", "arent", "do", "does",
        "doesnt", "did", "can", "cant", "could", "should", "would", "will", "might", "may", "any", "anything", "tell",
        "explain", "shall", "need", "ok", "so", "please", "whys", "y", "help",
        // Requests in the imperative ("show me a stretch for my back").
        "show", "give", "teach", "suggest", "recommend", "list",
        // Common texting spellings of the words above.
        "wat", "wot", "wht", "whta", "wen", "hw", "shud", "shld", "shoud", "shoudl", "cud", "wud", "cn",
    ]

    /// Auxiliaries that ask a question when the subject follows them ("have I torn it",
    /// "was it the lifting"), and only then ("had it for weeks" describes).
    static let invertingAuxiliaries: Set<String> = ["have", "has", "had", "am", "was", "were"]
    static let subjects: Set<String> = ["i", "you", "it", "he", "she", "we", "they", "this", "that", "there", "u"]

    /// Words that ask for something wherever they stand ("I wonder if it's sciatica").
    static let requestWords: Set<String> = ["wonder", "wondering", "curious", "advice", "tips", "recommend", "suggest", "ideas"]

    /// A question mark, or a sentence that opens like a question or a request.
    static func looksLikeQuestion(_ tokens: [Token], hasQuestionMark: Bool) -> Bool {
        if tokens.isEmpty { return false }
        if hasQuestionMark { return true }
        return tokens.indices.contains { index in
            let token = tokens[index]
            guard index == 0 || token.startsClause else { return requestWords.contains(token.text) }
            if questionOpeners.contains(token.text) || requestWords.contains(token.text) { return true }
            guard invertingAuxiliaries.contains(token.text), index + 1 < tokens.count else { return false }
            // "had it for weeks" drops its subject; "have I torn it" asks.
            let haveForm = ["have", "has", "had"].contains(token.text)
            return (haveForm ? personalSubjects : subjects).contains(tokens[index + 1].text)
        } || asksMidSentence(tokens)
    }

    /// Verbs that open a yes-or-no question. A question opening with "why" or "how"
    /// takes its facts as given ("why do my calves cramp at night"); one opening with
    /// these asks about them ("should I use ice or heat").
    static let askingOpeners: Set<String> = [
        "is", "isnt", "are", "arent", "do", "does", "doesnt", "did", "can", "could", "should", "would", "will", "might",
        "may", "shall", "shud", "shoud", "shld",
    ]

    /// The sentence opens as a yes-or-no question ("should I use ice or heat", "is it ok
    /// to keep running"), whatever follows.
    static func opensLikeQuestion(_ tokens: [Token]) -> Bool {
        guard let index = tokens.firstIndex(where: { !["so", "ok", "okay", "um", "and", "but", "well", "also"].contains($0.text) })
        else { return false }
        let first = tokens[index].text
        // "what about heat?", "how about a hot bath?"
        let aboutQuestion = ["what", "whats", "how"].contains(first) && index + 1 < tokens.count && tokens[index + 1].text == "about"
        return askingOpeners.contains(first) || aboutQuestion
    }

    /// Verbs that ask when their subject follows them, wherever they stand ("if it's not
    /// better soon should I see someone", "ive heard of it but what is it").
    static let modals: Set<String> = ["should", "shall", "can", "could", "would", "will", "might", "may", "must", "is", "are",
                                      "am", "was", "were"]
    static let personalSubjects: Set<String> = ["i", "you", "u", "we", "they", "he", "she"]
    static let questionWords: Set<String> = ["what", "whats", "why", "how", "where", "wheres", "which", "who", "whos"]
    static let joiners: Set<String> = ["but", "and", "so", "then", "or", "at", "in", "for", "to",
                                       // "dying to know what...", "not sure why...", "explain how..."
                                       "know", "wondering", "wonder", "understand", "explain", "tell", "ask", "curious",
                                       "sure", "idea"]

    static func asksMidSentence(_ tokens: [Token]) -> Bool {
        for index in tokens.indices.dropLast() {
            let word = tokens[index].text, next = tokens[index + 1].text
            if modals.contains(word) && (subjects.contains(next)) && !(index > 0 && subjects.contains(tokens[index - 1].text)) { return true }
            if ["do", "does", "did"].contains(word) && personalSubjects.contains(next) { return true }
            if joiners.contains(word) && questionWords.contains(next) { return true }
        }
        return false
    }

    /// Words of someone telling their own story ("I", "my", "it" for the pain).
    static let ownStoryWords: Set<String> = ["i", "im", "ive", "id", "ill", "my", "me", "mine", "myself", "it", "its"]

    /// How sure the classifier must be of a question with no question's shape and no word
    /// of the person's own story ("exercises for a stiff neck please") to keep it a question.
    static let requestConfidence = 0.8

    static func mentionsPain(_ tokens: [Token]) -> Bool { tokens.contains { painWords.contains($0.text) } }

    /// Words that, said of a body part, mean it is giving trouble ("my wrist has been bad
    /// lately", "my knee's playing up"); too vague alone to make a message about pain.
    static let troubleWords: Set<String> = ["bad", "playing", "wrecked", "dodgy", "gammy", "knackered", "bothering",
                                            "bothers", "bothered", "grumbling", "niggling", "niggle", "twinge", "twinges",
                                            "acting", "giving", "sore", "worse", "weird", "funny", "off", "shot", "done"]

    /// Says something of the pain itself: a pain word, how it feels or how bad it is, or
    /// what brings on or eases the pain of a named place. ("long day at the office" alone
    /// is chat, not a trigger.)
    static func describesPain(_ tokens: [Token], _ extraction: SlotExtraction) -> Bool {
        mentionsPain(tokens) || extraction.intensity != nil || !extraction.values(of: .quality).isEmpty
            || !extraction.values(of: .location).isEmpty
                && !(extraction.values(of: .trigger) + extraction.values(of: .relief)).isEmpty
    }

    /// Words of health worries near the jaw, head, chest or belly that are not a muscle's
    /// or joint's: "my tooth is killing me" is for a dentist.
    static let otherHealthWords: Set<String> = [
        "tooth", "teeth", "toothache", "dentist", "dental", "gum", "gums", "abscess", "cavity", "filling", "throat",
        "tonsils", "ear", "ears", "earache", "eye", "eyes", "sinus", "sinuses", "stomach", "tummy",
        "indigestion", "heartburn", "rash", "skin",
    ]

    /// A body part whose trouble is a muscle or joint's: "a dodgy stomach" or "my chest
    /// is bad" are more likely other health worries.
    static func namesMusclesOrJoints(_ extraction: SlotExtraction) -> Bool {
        extraction.values(of: .location).contains { !["abdomen", "chest", "jaw", "head"].contains($0) }
    }

    /// The intent after the corrections, from the classifier's ranking.
    static func refine(_ prediction: IntentPrediction, danger: DangerSign?, tokens: [Token], extraction: SlotExtraction,
                       hasQuestionMark: Bool, mentionsDangerWords: Bool = true) -> Intent {
        if danger != nil { return .redFlag }
        var intent = prediction.intent
        // The classifier hears pain words as a danger sign easily; without a rule's
        // confirmation it must be sure, and the words must be those of a danger sign.
        if intent == .redFlag && (prediction.confidence < Analysis.unconfirmedDangerConfidence || !mentionsDangerWords),
           let next = prediction.ranking.dropFirst().first {
            // Heard as a danger sign but named by no rule: a message about a body part
            // ("I've got 3 kids and my back is wrecked", "I'm 45 and my knee hurts") still
            // describes the pain.
            let namesBodyPart = !extraction.values(of: .location).isEmpty
            intent = namesBodyPart && (next.intent == .outOfScope || next.intent == .vent && mentionsPain(tokens)) ? .inform : next.intent
        }
        switch intent {
        case .greet where describesPain(tokens, extraction):
            // "hi, my knee hurts on the stairs" greets and describes: the description is
            // what needs an answer. "hi, a question about my back" only greets.
            return .inform
        case .outOfScope where (mentionsPain(tokens) || !extraction.values(of: .quality).isEmpty
                                || tokens.contains { troubleWords.contains($0.text) } && namesMusclesOrJoints(extraction))
            && !extraction.values(of: .location).isEmpty
            && (namesMusclesOrJoints(extraction) || !tokens.contains { otherHealthWords.contains($0.text) }):
            // Someone who says a muscle or joint hurts is never told it is outside what
            // painchat knows (a sore throat still is).
            return .inform
        case .dontKnow where !extraction.positive.isEmpty:
            // "I can't sit for long", "not sure, maybe sitting": whatever is unsure, what
            // it tells about the pain is the news.
            return .inform
        case .thanks where tokens.contains(where: { farewells.contains($0.text) }):
            // "thanks, bye" thanks and leaves: leaving is what must happen.
            return .goodbye
        // (One `where` guards one pattern, so the question intents are listed in it.)
        case let asked where questionIntents.contains(asked) && !extraction.isEmpty
            && !looksLikeQuestion(tokens, hasQuestionMark: hasQuestionMark)
            && (tokens.contains { ownStoryWords.contains($0.text) } || prediction.confidence < requestConfidence):
            // "I have a pounding headache" describes the pain, whatever the classifier
            // half-believes: a question needs a question's shape. A request can be a bare
            // noun phrase ("ice or heat for a sore knee"), but then it tells no story.
            return .inform
        default:
            return intent
        }
    }
}
