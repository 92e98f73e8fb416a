/// Words that show an utterance is about muscle and joint pain, used as extra features
/// of the intent classifier.
///
/// Bag-of-words models learn the shape of a question ("how do I ...") faster than its
/// topic, so "how do I do my taxes" looks like a self-care question. Tagging each
/// utterance with whether it names a body part, a pain word, an activity or a medical
/// term (or none of these) gives the model the topic directly, from the slot lexicons and
/// the corpus rather than from a hand-made list of off-topic subjects.
public struct DomainVocabulary: Sendable {
    public enum Tag: String, CaseIterable, Sendable {
        case body = "__body__"
        case pain = "__pain__"
        case activity = "__activity__"
        case medical = "__medical__"
        case offTopic = "__offtopic__"
        case unfamiliar = "__unfamiliar__"
    }

    var stems: [String: Tag] = [:]
    /// Every stem of the corpus notes. A content word outside them ("kombucha", "router")
    /// is one painchat has nothing to say about: a strong sign of an out-of-scope message
    /// that needs no list of off-topic subjects.
    var familiar: Set<String> = []

    public init() {}

    /// Builds the vocabulary from the slot lexicons, the corpus's muscle names, a few
    /// clinical words, the corpus's jargon (`jargon(in:dictionary:)`), and the stems of the
    /// corpus text (gathered by the index build).
    public init(lexicons: [SlotLexicon], corpus: Corpus, tokenizer: Tokenizer, corpusStems: Set<String>,
                jargon: [String] = []) {
        func add(_ text: String, _ tag: Tag) {
            for token in tokenizer.tokenize(text) where token.text.count >= 3 && !token.isNumber
                && !DomainVocabulary.ignored.contains(token.text) && stems[token.stem] == nil {
                stems[token.stem] = tag
            }
        }
        for word in DomainVocabulary.painWords { add(word, .pain) }
        for lexicon in lexicons {
            let tag: Tag = switch lexicon.slot {
            case .location: .body
            case .quality: .pain
            default: .activity
            }
            for entry in lexicon.entries where tag != .activity || !entry.phrase.contains(" ") { add(entry.phrase, tag) }
        }
        for word in DomainVocabulary.clinicalWords { add(word, .medical) }
        for note in corpus.notes {
            for muscle in note.muscles { add(muscle, .medical) }
        }
        for word in jargon { add(word, .medical) }
        familiar = corpusStems
    }

    /// The tags of an utterance, as pseudo-words ("__body__", "__offtopic__").
    public func tags(_ tokens: [Token]) -> [String] {
        var found: Set<Tag> = []
        for token in tokens {
            if let tag = stems[token.stem] { found.insert(tag) } else if isUnfamiliar(token) { found.insert(.unfamiliar) }
        }
        if found.isDisjoint(with: [.body, .pain, .medical]) { found.insert(.offTopic) }
        return Tag.allCases.filter(found.contains).map(\.rawValue)
    }

    /// The corpus's own technical words: those an everyday English word list lacks
    /// ("psoas", "tendinopathy", "capsaicin"), so that "what is capsaicin" reads as a question
    /// about the topic painchat knows rather than as small talk. British spellings of
    /// listed words ("colour", "centre", "recognise") are everyday words, not jargon.
    /// Without a word list there is no jargon: every corpus word would look technical.
    public static func jargon(in corpusWords: Set<String>, dictionary: Set<String>) -> [String] {
        guard !dictionary.isEmpty else { return [] }
        return corpusWords.filter { word in
            word.utf8.count >= 4 && word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
                && !dictionary.contains(word) && !Stopwords.words.contains(word)
                && !americanSpellings(of: word).contains(where: dictionary.contains)
        }.sorted()
    }

    /// The spellings a British word may have in an American word list.
    static func americanSpellings(of word: String) -> [String] {
        let swaps = [("our", "or"), ("isation", "ization"), ("ise", "ize"), ("yse", "yze"), ("ogue", "og"), ("ae", "e"),
                     ("oe", "e"), ("ll", "l"), ("ence", "ense")]
        var spellings = swaps.compactMap { british, american in
            word.contains(british) ? word.replacingOccurrences(of: british, with: american) : nil
        }
        if word.hasSuffix("re") { spellings.append(word.dropLast(2) + "er") } // "fibre", "centre"
        // Inflected forms the list may leave out: "fibres" -> "fibers", "centred" -> "centered".
        for ending in ["s", "d", "ed"] where word.hasSuffix(ending) && word.count > ending.count + 3 {
            let base = String(word.dropLast(ending.count))
            spellings += [base] + americanSpellings(of: base).flatMap { [$0, $0 + ending, $0 + "ed"] }
        }
        return spellings
    }

    /// A content word (not a stopword, number or short word) the corpus never uses.
    func isUnfamiliar(_ token: Token) -> Bool {
        !familiar.isEmpty && token.text.utf8.count >= 3 && !token.isNumber && !Stopwords.words.contains(token.text)
            && !familiar.contains(token.stem)
    }

    static let painWords = ["pain", "pains", "painful", "hurt", "hurts", "hurting", "ache", "aches", "aching", "achy", "sore",
                            "soreness", "agony", "stiff", "tender", "knot", "knots", "cramp", "twinge", "throb", "spasm",
                            "injury", "injured", "strain", "sprain", "pulled", "flare", "niggle", "ouch"]
    static let clinicalWords = ["muscle", "muscles", "joint", "joints", "tendon", "ligament", "nerve", "spine", "disc",
                                "physio", "physiotherapist", "physiotherapy", "chiropractor", "osteopath", "doctor", "gp",
                                "x-ray", "xray", "mri", "scan", "sciatica", "arthritis", "bursitis", "tendinitis",
                                "fibromyalgia", "stretch", "stretches", "stretching", "massage", "posture", "trigger",
                                "referred", "rheumatologist", "orthopaedic", "orthopedic", "ibuprofen", "painkiller",
                                "painkillers", "inflammation", "fascia", "myofascial"]
    /// Lexicon words too common to signal the topic on their own.
    static let ignored: Set<String> = ["the", "and", "for", "with", "when", "all", "day", "time", "long", "get", "got",
                                       "bit", "lot", "too", "very", "that", "this", "thing", "things", "out", "off",
                                       "one", "side", "both", "left", "right", "nothing", "work", "home", "good", "bad"]
}
