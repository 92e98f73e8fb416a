import Foundation

/// painchat's engine: the models trained from `Intents/` and the index built from
/// `Corpus/`, loaded once, then used for any number of conversations.
///
/// ```swift
/// let engine = try PainChat.load(bundle: PainChat.Bundle(root: projectRoot))
/// var state = ConversationState()
/// let (next, reply) = engine.respond(to: "why does my hip knot come back when I walk", in: state)
/// ```
public struct PainChat: Sendable {
    /// Longer input is cut to this many characters, and the reply says so.
    public static let maximumInputLength = 2000

    /// Where the data painchat learns and answers from lives.
    public struct Bundle: Sendable {
        public var intents: URL
        public var corpora: [URL]
        /// A word list (one word a line) of real words the typo correctors leave alone.
        public var dictionary: String
        /// The danger rules and their examples (`Intents/danger/`).
        public var danger: URL { intents.appendingPathComponent("danger") }
        /// The annotated messages the slot role model learns from (`Intents/slots/examples/`).
        public var slotExamples: URL { intents.appendingPathComponent("slots/examples") }
        public var slotWords: URL { intents.appendingPathComponent("slots/words.yaml") }

        public init(intents: URL, corpora: [URL], dictionary: String = SystemDictionary.defaultPath) {
            self.intents = intents
            self.corpora = corpora
            self.dictionary = dictionary
        }

        /// `Intents/` and `Corpus/` under a project root, plus extra corpus folders.
        public init(root: URL, extraCorpora: [URL] = []) {
            intents = root.appendingPathComponent("Intents")
            corpora = [root.appendingPathComponent("Corpus")] + extraCorpora
            dictionary = SystemDictionary.defaultPath
        }
    }

    public let understanding: LanguageUnderstanding
    public let policy: DialoguePolicy
    public let retriever: Retriever
    /// What the engine was built from, kept so it can be written to the cache.
    let lexicons: [SlotLexicon]
    let knownWords: Set<String>

    /// Trains the classifier and indexes the corpus.
    /// `dictionary` holds real words (`SystemDictionary`) that must never be read as typos.
    public init(examples: [IntentExample], lexicons: [SlotLexicon], slotWords: SlotWords, corpus: Corpus, rulebook: DangerRulebook,
                dangerExamples: [DangerExample], slotExamples: [SlotExample] = [],
                classifierOptions: IntentClassifier.Options = .init(),
                netOptions: DangerNet.Options = .init(), dictionary: [String] = []) {
        let tokenizer = Tokenizer()
        var corpusWords = CorpusWords()
        let retriever = Retriever(corpus: corpus, tokenizer: tokenizer, words: &corpusWords)
        let jargon = DomainVocabulary.jargon(in: corpusWords.words, dictionary: Set(dictionary))
        let domain = DomainVocabulary(lexicons: lexicons, corpus: corpus, tokenizer: tokenizer, corpusStems: corpusWords.stems,
                                      jargon: jargon)
        var slots = SlotExtractor(lexicons: lexicons, tokenizer: tokenizer, words: slotWords)
        let danger = DangerSignDetector(rulebook: rulebook, tokenizer: tokenizer)
        // The corpus is edited prose, so its words are real: the typo correctors leave them
        // alone, as they do common words and the dictionary's words near their targets
        // (only these need guarding, and keeping only these keeps the engine cache small).
        let targets = LanguageUnderstanding.typoTargets(slots: slots, danger: danger).map(\.word)
        let exampleWords = IntentClassifier.spellingWords(examples.map { tokenizer.tokenize($0.text) }).map(\.word)
        let knownWords = corpusWords.words.union(CommonWords.list).union(Stopwords.words)
            .union(TypoCorrector.wordsAtRisk(in: dictionary, targets: targets + exampleWords, minimumLength: 4))
            .union(TypoCorrector.wordsAtRisk(in: dictionary, targets: slots.shortBodyTargets.map(\.word), minimumLength: 3))
        let classifier = IntentClassifier(examples: examples, tokenizer: tokenizer, domain: domain, options: classifierOptions,
                                          realWords: knownWords)
        if !slotExamples.isEmpty {
            // Read as a message is read (LanguageUnderstanding.slotStems).
            let (corrector, shortWords) = LanguageUnderstanding.slotCorrectors(slots: slots, danger: danger, knownWords: knownWords)
            slots.roles = SlotRoleModel(examples: slotExamples, extractor: slots,
                                        stems: { shortWords.mend($0, stems: corrector.stems(for: $0)) },
                                        people: rulebook.words.otherPeople)
        }
        let net = DangerNet(samples: DangerNet.samples(dangerExamples: dangerExamples, intentExamples: examples, detector: danger,
                                                       reader: DangerReader(tokenizer: tokenizer, detector: danger, knownWords: knownWords),
                                                       lexicons: lexicons),
                            categories: rulebook.categories.map(\.name), options: netOptions)
        self.init(classifier: classifier, lexicons: lexicons, slots: slots, danger: danger, net: net, retriever: retriever,
                  knownWords: knownWords)
    }

    /// Assembles an engine from parts already built (trained, or read from the cache).
    init(classifier: IntentClassifier, lexicons: [SlotLexicon], slots: SlotExtractor, danger: DangerSignDetector,
         net: DangerNet, retriever: Retriever, knownWords: Set<String>) {
        self.retriever = retriever
        self.lexicons = lexicons
        self.knownWords = knownWords
        understanding = LanguageUnderstanding(tokenizer: classifier.tokenizer, classifier: classifier, slots: slots, danger: danger,
                                              net: net, knownWords: knownWords)
        policy = DialoguePolicy(understanding: understanding, composer: AnswerComposer(retriever: retriever))
    }

    /// This engine with its slot roles read another way (`painchat eval --slots` compares them).
    public func with(slotRoleMode mode: SlotRoleMode) -> PainChat {
        var slots = understanding.slots
        slots.roleMode = mode
        return PainChat(classifier: understanding.classifier, lexicons: lexicons, slots: slots, danger: understanding.danger,
                        net: understanding.net, retriever: retriever, knownWords: knownWords)
    }

    /// Loads and validates everything; a problem in the data is a `DataError` naming the
    /// file. With a `cache`, an engine built from exactly the same files is read back
    /// instead of being trained again, and a new one is written for next time.
    public static func load(bundle: Bundle, classifierOptions: IntentClassifier.Options = .init(),
                            cache: EngineCache? = nil) throws -> PainChat {
        let sources = try EngineSources.read(bundle)
        let rulebook = try DangerRulebookLoader.load(from: bundle.danger)
        if let cache, let cached = cache.load(key: sources.key, tokenizer: Tokenizer(), rulebook: rulebook) { return cached }
        let (dangerExamples, exampleProblems) = DangerExamples.read(from: bundle.danger.appendingPathComponent("examples"),
                                                                    categories: rulebook.categories.map(\.name))
        if let problem = exampleProblems.first { throw problem }
        let examples = try IntentExamples.load(from: bundle.intents)
        let lexicons = try SlotLexicon.loadAll(from: bundle.intents.appendingPathComponent("slots"))
        let slotWords = try SlotWords.load(path: bundle.slotWords.path)
        let (slotExamples, slotProblems) = SlotExamples.read(from: bundle.slotExamples)
        if let problem = slotProblems.first { throw problem }
        let corpus = try CorpusLoader.load(from: bundle.corpora)
        let engine = PainChat(examples: examples, lexicons: lexicons, slotWords: slotWords, corpus: corpus, rulebook: rulebook,
                              dangerExamples: dangerExamples, slotExamples: slotExamples, classifierOptions: classifierOptions,
                              dictionary: SystemDictionary.words(at: bundle.dictionary))
        cache?.save(engine, key: sources.key)
        return engine
    }

    /// One conversation turn.
    public func respond(to utterance: String, in state: ConversationState) -> (ConversationState, Reply) {
        policy.respond(to: utterance, in: state)
    }

    /// Passages for a free-text query, ranked as an answer would rank them: the slots in
    /// the query expand it and the kind of note follows its intent.
    public func search(_ text: String, limit: Int) -> RetrievalResult {
        let analysis = understanding.analyse(text)
        let frame = Frame(analysis.extraction)
        let kind = analysis.danger != nil ? .safety : AnswerComposer.explanationKinds(for: analysis.intent).preferred
        return retriever.retrieve(RetrievalRequest(text: text, frame: frame, preferredKind: kind, limit: limit,
                                                   prefersDefinitions: analysis.intent == .askInfo))
    }
}
