import Foundation

/// One intent with its confidence.
public struct IntentScore: Sendable, Equatable, Codable {
    public var intent: Intent
    public var confidence: Double
}

/// The classifier's verdict on one utterance: every intent ranked by confidence, and
/// whether the verdict is too weak to act on (the fallback step).
public struct IntentPrediction: Sendable, Equatable {
    public var ranking: [IntentScore]
    public var isFallback: Bool

    public var top: IntentScore { ranking[0] }
    public var intent: Intent { top.intent }
    public var confidence: Double { top.confidence }
}

/// TF-IDF + softmax regression intent classifier, trained at start-up from `Intents/`.
///
/// The fallback step is separate from the model: a turn falls back when the top
/// confidence is under `threshold`, or when the top two are closer than `margin`.
/// Both were chosen by cross-validation (`painchat eval`, README).
public struct IntentClassifier: Sendable {
    public struct Options: Sendable {
        public var threshold = 0.30
        public var margin = 0.04
        public var temperature: Float = 1
        public var regression = SoftmaxRegression.Options()
        public init() {}
    }

    public let tokenizer: Tokenizer
    public let domain: DomainVocabulary
    public var options: Options
    let vectorizer: TfidfVectorizer
    let model: SoftmaxRegression
    let classes: [Intent]
    /// Words of the training examples that a misspelt word is read as ("thnaks" ->
    /// "thanks", "corect" -> "correct"), and the real words never to be read as typos.
    let spellingWords: [(word: String, count: Int)]
    let realWords: Set<String>
    let spelling: TypoCorrector

    /// - Parameter realWords: words that are never typos (corpus, dictionary), so only
    ///   misspellings are corrected.
    public init(examples: [IntentExample], tokenizer: Tokenizer, domain: DomainVocabulary = DomainVocabulary(),
                options: Options = Options(), realWords: Set<String> = []) {
        self.tokenizer = tokenizer
        self.domain = domain
        self.options = options
        self.realWords = realWords
        classes = Array(Set(examples.map(\.intent))).sorted()
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        let tokenized = examples.map { tokenizer.tokenize($0.text) }
        var vectorizer = TfidfVectorizer()
        vectorizer.fit(tokenized, tags: tokenized.map(domain.tags))
        let samples = zip(tokenized, examples).map { (vectorizer.transform($0, tags: domain.tags($0)), classIndex[$1.intent]!) }
        model = SoftmaxRegression.train(samples, classCount: classes.count,
                                        featureCount: vectorizer.featureCount, options: options.regression)
        self.vectorizer = vectorizer
        spellingWords = IntentClassifier.spellingWords(tokenized)
        spelling = IntentClassifier.spellingCorrector(spellingWords, tokenizer: tokenizer, realWords: realWords)
    }

    /// Words of four letters or more used in at least two examples: a word seen once may
    /// itself be a deliberate misspelling in the data.
    static func spellingWords(_ documents: [[Token]]) -> [(word: String, count: Int)] {
        var counts: [String: Int] = [:]
        for tokens in documents {
            for word in Set(tokens.map(\.text)) where word.utf8.count >= 4 && !word.unicodeScalars.contains(where: { !$0.properties.isAlphabetic }) {
                counts[word, default: 0] += 1
            }
        }
        return counts.filter { $0.value >= 2 }.map { (word: $0.key, count: $0.value) }.sorted { $0.word < $1.word }
    }

    static func spellingCorrector(_ words: [(word: String, count: Int)], tokenizer: Tokenizer,
                                  realWords: Set<String>) -> TypoCorrector {
        TypoCorrector(targets: words.map { ($0.word, tokenizer.stemmer.stem($0.word)) }, knownWords: realWords, minimumLength: 4,
                      frequencies: Dictionary(uniqueKeysWithValues: words.map { ($0.word, $0.count) }))
    }

    /// Tokens with each word the model never saw replaced by the training word it
    /// misspells, when there is exactly one.
    func correctingSpelling(_ tokens: [Token]) -> [Token] {
        tokens.map { token in
            guard !vectorizer.knowsWord(token.stem), let fixed = spelling.correction(for: token) else { return token }
            return Token(text: fixed.word, stem: fixed.stem, range: token.range, startsClause: token.startsClause)
        }
    }

    public func classify(_ text: String) -> IntentPrediction {
        classify(tokens: tokenizer.tokenize(text))
    }

    public func classify(tokens: [Token]) -> IntentPrediction {
        classify(mended: correctingSpelling(tokens))
    }

    /// Classifies tokens whose spelling `correctingSpelling` has already mended.
    func classify(mended tokens: [Token]) -> IntentPrediction {
        let x = vectorizer.transform(tokens, tags: domain.tags(tokens))
        var probabilities = [Float](repeating: 0, count: classes.count)
        model.probabilities(x, temperature: options.temperature, into: &probabilities)
        var ranking = zip(classes, probabilities).map { IntentScore(intent: $0, confidence: Double($1)) }
        // Ties break by name so the ranking never depends on hashing order.
        ranking.sort { $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.intent < $1.intent }
        let second = ranking.count > 1 ? ranking[1].confidence : 0
        // Character n-grams find something in any string; when no word at all is known
        // ("asdf qwer"), a confident-looking score is noise.
        let knownWords = tokens.filter { vectorizer.knowsWord($0.stem) }.count
        let weak = x.isEmpty || knownWords == 0 || ranking[0].confidence < options.threshold
            || ranking[0].confidence - second < options.margin
        return IntentPrediction(ranking: ranking, isFallback: weak)
    }
}
