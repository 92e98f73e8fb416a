/// Decides what each candidate phrase of the lexicons does in its utterance (`SlotRole`):
/// a linear model over `SlotRoleFeatures`, trained deterministically from the annotated
/// messages of `Intents/slots/examples/` and cached with the engine.
public struct SlotRoleModel: Sendable {
    public struct Options: Sendable {
        public var regression: SoftmaxRegression.Options = {
            var options = SoftmaxRegression.Options()
            options.epochs = 24
            options.learningRate = 1.0
            options.l2 = 1e-5
            return options
        }()
        public init() {}
    }

    /// One training sample: a candidate in its utterance and the role the annotation gives it.
    public struct Sample: Sendable {
        public var candidate: SlotCandidate
        public var candidates: [SlotCandidate]
        public var tokens: [Token]
        public var stems: [String]
        public var role: SlotRole
        public var example: Int
        /// The hand rules' verdict on the candidate (`SlotRoleFeatures.handVerdict`).
        public var hand: String
    }

    /// How the annotated examples line up with the lexicons' candidates.
    public struct Alignment: Sendable, Equatable {
        public var candidates = 0
        /// Candidates no annotation marks (taken as `none`: the format marks every slot word).
        public var unmarked = 0
        /// Annotated phrases with a slot value that no candidate of that slot covers: the
        /// lexicons do not know the wording.
        public var unknownToLexicon = 0
        /// Candidates whose annotated value differs from the lexicon's.
        public var otherValue = 0
    }

    /// Hashed feature -> index, in first-seen order.
    var vocabulary: [UInt64: Int32]
    var model: SoftmaxRegression
    /// Words that name another person (the danger rules' `other_people`).
    let people: Set<String>

    init(vocabulary: [UInt64: Int32], model: SoftmaxRegression, people: Set<String>) {
        self.vocabulary = vocabulary
        self.model = model
        self.people = people
    }

    public init(samples: [Sample], extractor: SlotExtractor, people: Set<String>, options: Options = Options()) {
        self.people = people
        let features = SlotRoleFeatures(extractor: extractor, people: people)
        var vocabulary: [UInt64: Int32] = [:]
        var hashed: [[UInt64]] = []
        for sample in samples {
            var hashes: [UInt64] = []
            features.hashes(of: sample.candidate, among: sample.candidates, tokens: sample.tokens, stems: sample.stems,
                            context: .init(pending: nil, asks: false), hand: sample.hand) { hashes.append($0) }
            for h in hashes where vocabulary[h] == nil { vocabulary[h] = Int32(vocabulary.count) }
            hashed.append(hashes)
        }
        let vectors = zip(hashed, samples).map { hashes, sample in
            (SlotRoleModel.vector(hashes, vocabulary), sample.role.rawValue)
        }
        // Each candidate is trained as it is read: among the roles its lexicons allow.
        let masks = samples.map { $0.candidate.allowedRoles.reduce(UInt32(0)) { $0 | 1 << UInt32($1.rawValue) } }
        model = SoftmaxRegression.train(vectors, classCount: SlotRole.allCases.count, featureCount: max(1, vocabulary.count),
                                        options: options.regression, allowed: masks)
        self.vocabulary = vocabulary
    }

    /// Trains on `examples`, read as the engine reads a message: tokens, then `stems` (typos
    /// mended).
    public init(examples: [SlotExample], extractor: SlotExtractor, stems: ([Token]) -> [String], people: Set<String>,
                options: Options = Options()) {
        let tokenizer = extractor.tokenizer
        let (samples, _) = SlotRoleModel.samples(examples, extractor: extractor) { text in
            let tokens = tokenizer.tokenize(text)
            return (tokens, stems(tokens))
        }
        self.init(samples: samples, extractor: extractor, people: people, options: options)
    }

    static func vector(_ hashes: [UInt64], _ vocabulary: [UInt64: Int32]) -> SparseVector {
        let indices = Array(Set(hashes.compactMap { vocabulary[$0] })).sorted()
        var vector = SparseVector(indices: indices, values: [Float](repeating: 1, count: indices.count))
        vector.normalize()
        return vector
    }

    /// The most likely allowed role of `candidate` and its probability among the allowed roles.
    func role(of candidate: SlotCandidate, among candidates: [SlotCandidate], tokens: [Token], stems: [String],
              features: SlotRoleFeatures, context: SlotRoleFeatures.Context, hand: String) -> (role: SlotRole, probability: Double) {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(64)
        features.hashes(of: candidate, among: candidates, tokens: tokens, stems: stems, context: context, hand: hand) { hashes.append($0) }
        var scores = [Float](repeating: 0, count: model.classCount)
        model.probabilities(SlotRoleModel.vector(hashes, vocabulary), into: &scores)
        let allowed = candidate.allowedRoles
        let total = allowed.reduce(Float(0)) { $0 + scores[$1.rawValue] }
        let best = allowed.max { scores[$0.rawValue] < scores[$1.rawValue] } ?? .none
        return (best, total > 0 ? Double(scores[best.rawValue] / total) : 1)
    }

    /// The training samples of `examples`: each candidate the extractor proposes, with the
    /// role its overlapping annotation gives it. `read` gives a message's tokens and the
    /// stems the extractor reads (typos mended).
    public static func samples(_ examples: [SlotExample], extractor: SlotExtractor,
                               read: (String) -> (tokens: [Token], stems: [String])) -> (samples: [Sample], alignment: Alignment) {
        var samples: [Sample] = []
        var alignment = Alignment()
        for (n, example) in examples.enumerated() {
            let (tokens, stems) = read(example.text)
            let found = extractor.matches(stems: stems)
            let candidates = extractor.candidates(found: found)
            let hand = extractor.extractByHand(tokens: tokens, stems: stems, found: found, pending: nil, asksWithoutTelling: false,
                                               today: nil)
            // Each annotation as the token indices it touches.
            let marked = example.spans.map { span in
                (span, tokens.indices.filter { tokens[$0].range.overlaps(span.range) })
            }
            for candidate in candidates {
                alignment.candidates += 1
                let overlapping = marked.filter { _, indices in indices.contains { candidate.range.contains($0) } }
                let role: SlotRole
                if let (span, _) = overlapping.first(where: { $0.0.slot.map(candidate.slots.contains) ?? false }),
                   let slot = span.slot {
                    role = candidate.kind != .activity ? .fill : slot == .trigger ? .trigger : .relief
                    guard candidate.allowedRoles.contains(role) else { continue }
                    if candidate.filling(role)?.value != span.value { alignment.otherValue += 1 }
                } else {
                    if overlapping.isEmpty { alignment.unmarked += 1 }
                    role = .none
                }
                samples.append(Sample(candidate: candidate, candidates: candidates, tokens: tokens, stems: stems, role: role,
                                      example: n, hand: SlotRoleFeatures.handVerdict(of: candidate, in: hand)))
            }
            for (span, indices) in marked {
                guard let slot = span.slot, SlotName.lexical.contains(slot) else { continue }
                if !candidates.contains(where: { $0.slots.contains(slot) && indices.contains(where: $0.range.contains) }) {
                    alignment.unknownToLexicon += 1
                }
            }
        }
        return (samples, alignment)
    }
}
