/// The learned safety net beside the danger rules: a TF-IDF + softmax classifier over the
/// danger categories plus "none", whose features are the message's word and character
/// n-grams (as the intent model's) and the danger concepts the rules see in it. It
/// catches wordings no rule lists; when only it fires, painchat asks a check question
/// (`DangerCheck`) rather than escalating at once.
///
/// Trained deterministically from `Intents/danger/examples/` (`+` lines as their
/// category, `-` twins as none), the intent examples that are not `red_flag` (ordinary
/// pain talk, as none) and the `red_flag` examples a rule names. It fires when the
/// probability of any danger category reaches `threshold`, chosen by cross-validation
/// (`painchat eval --danger-net`) so that rules and net together catch at least 99% of
/// the held-out signs.
public struct DangerNet: Sendable {
    public struct Options: Sendable {
        /// Probability of some danger category (1 - P(none)) at which the net fires.
        /// `painchat eval --danger-net` shows how recall and false checks move with it.
        public var threshold = 0.30
        /// With the intent model's `red_flag` first, the net's danger probability at which
        /// the two together ask a check question.
        public var intentFloor = 0.25
        public var regression: SoftmaxRegression.Options = {
            var options = SoftmaxRegression.Options()
            options.epochs = 18
            options.l2 = 1e-4
            return options
        }()
        public init() {}
    }

    /// One training message: its tokens (stems typo-corrected), the concepts the rules see
    /// in it, and its category (nil: none).
    public struct Sample: Sendable {
        public var tokens: [Token]
        public var concepts: [String]
        public var category: DangerCategory?
    }

    /// The net's verdict on one message.
    public struct Suspicion: Sendable, Equatable {
        /// The most likely danger category, whether or not the net fires.
        public var category: DangerCategory
        /// The probability of some danger category (1 - P(none)).
        public var danger: Double
        public var fires: Bool
        /// Enough to confirm the intent model's `red_flag` (`Options.intentFloor`).
        public var corroborates: Bool
    }

    public var options: Options
    let vectorizer: TfidfVectorizer
    let model: SoftmaxRegression
    /// Class names; index 0 is none.
    let classes: [DangerCategory?]

    public init(samples: [Sample], categories: [DangerCategory], options: Options = Options()) {
        self.options = options
        classes = [nil] + categories
        let classIndex = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0 + 1) })
        var vectorizer = TfidfVectorizer(charSizes: 3...5)
        vectorizer.fit(samples.map(\.tokens), tags: samples.map { DangerNet.tags($0.concepts) })
        let vectors = samples.map { (vectorizer.transform($0.tokens, tags: DangerNet.tags($0.concepts)),
                                     $0.category.flatMap { classIndex[$0] } ?? 0) }
        model = SoftmaxRegression.train(vectors, classCount: classes.count, featureCount: vectorizer.featureCount,
                                        options: options.regression)
        self.vectorizer = vectorizer
    }

    init(vectorizer: TfidfVectorizer, model: SoftmaxRegression, classes: [DangerCategory?], options: Options) {
        self.vectorizer = vectorizer
        self.model = model
        self.classes = classes
        self.options = options
    }

    /// Concept hits as pseudo-words no stem can spell.
    static func tags(_ concepts: [String]) -> [String] { concepts.map { "\u{1}danger:" + $0 } }

    public func suspect(tokens: [Token], concepts: [String]) -> Suspicion? {
        guard classes.count > 1 else { return nil }
        let x = vectorizer.transform(tokens, tags: DangerNet.tags(concepts))
        guard !x.isEmpty else { return nil }
        var probabilities = [Float](repeating: 0, count: classes.count)
        model.probabilities(x, into: &probabilities)
        var best = 1
        for c in 2..<classes.count where probabilities[c] > probabilities[best] { best = c }
        let danger = Double(1 - probabilities[0])
        return Suspicion(category: classes[best]!, danger: danger, fires: danger >= options.threshold,
                         corroborates: danger >= options.intentFloor)
    }
}
