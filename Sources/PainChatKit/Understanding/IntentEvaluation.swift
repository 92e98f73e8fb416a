import Foundation

/// Stratified k-fold cross-validation of the intent classifier.
public struct IntentEvaluation: Sendable {
    public struct ClassReport: Sendable {
        public var intent: Intent
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    public struct Confusion: Sendable {
        public var actual: Intent
        public var predicted: Intent
        public var count: Int
    }

    /// One held-out prediction.
    public struct Outcome: Sendable {
        public var example: IntentExample
        public var prediction: IntentPrediction
    }

    public var folds: Int
    public var outcomes: [Outcome]
    /// Median time to classify one utterance, in microseconds (measured on held-out data).
    public var medianMicroseconds: Double

    public var accuracy: Double {
        Double(outcomes.filter { $0.prediction.intent == $0.example.intent }.count) / Double(max(1, outcomes.count))
    }

    /// Share of held-out utterances that fell back (below the threshold or margin).
    public var fallbackRate: Double {
        Double(outcomes.filter { $0.prediction.isFallback }.count) / Double(max(1, outcomes.count))
    }

    /// Accuracy among the utterances that did not fall back.
    public var acceptedAccuracy: Double {
        let accepted = outcomes.filter { !$0.prediction.isFallback }
        return Double(accepted.filter { $0.prediction.intent == $0.example.intent }.count) / Double(max(1, accepted.count))
    }

    public var perClass: [ClassReport] {
        Intent.allCases.map { intent in
            let tp = outcomes.filter { $0.example.intent == intent && $0.prediction.intent == intent }.count
            let predicted = outcomes.filter { $0.prediction.intent == intent }.count
            let actual = outcomes.filter { $0.example.intent == intent }.count
            let precision = predicted == 0 ? 0 : Double(tp) / Double(predicted)
            let recall = actual == 0 ? 0 : Double(tp) / Double(actual)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            return ClassReport(intent: intent, precision: precision, recall: recall, f1: f1, support: actual)
        }
    }

    public var macroF1: Double {
        let reports = perClass.filter { $0.support > 0 }
        return reports.reduce(0) { $0 + $1.f1 } / Double(max(1, reports.count))
    }

    public var outOfScopeRecall: Double {
        perClass.first { $0.intent == .outOfScope }?.recall ?? 0
    }

    public var confusions: [Confusion] {
        var counts: [String: Confusion] = [:]
        for outcome in outcomes where outcome.prediction.intent != outcome.example.intent {
            let key = "\(outcome.example.intent.rawValue)>\(outcome.prediction.intent.rawValue)"
            counts[key, default: Confusion(actual: outcome.example.intent, predicted: outcome.prediction.intent, count: 0)].count += 1
        }
        return counts.values.sorted { $0.count != $1.count ? $0.count > $1.count : "\($0.actual)\($0.predicted)" < "\($1.actual)\($1.predicted)" }
    }

    /// Trains on k-1 folds and predicts the held-out fold, k times. Folds are stratified:
    /// each intent's examples are shuffled with a fixed seed and dealt round-robin.
    public static let defaultSeed: UInt64 = 42

    public static func run(examples: [IntentExample], folds: Int = 5, seed: UInt64 = defaultSeed,
                           options: IntentClassifier.Options = .init(), tokenizer: Tokenizer = Tokenizer(),
                           domain: DomainVocabulary = DomainVocabulary()) -> IntentEvaluation {
        let assignment = foldAssignment(examples, folds: folds, seed: seed)
        var outcomes: [Outcome] = []
        var timings: [Double] = []
        for fold in 0..<folds {
            let training = examples.indices.filter { assignment[$0] != fold }.map { examples[$0] }
            let held = examples.indices.filter { assignment[$0] == fold }.map { examples[$0] }
            let classifier = IntentClassifier(examples: training, tokenizer: tokenizer, domain: domain, options: options)
            for example in held {
                let tokens = tokenizer.tokenize(example.text)
                let start = DispatchTime.now().uptimeNanoseconds
                let prediction = classifier.classify(tokens: tokens)
                timings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
                outcomes.append(Outcome(example: example, prediction: prediction))
            }
        }
        timings.sort()
        return IntentEvaluation(folds: folds, outcomes: outcomes, medianMicroseconds: timings.isEmpty ? 0 : timings[timings.count / 2])
    }

    /// The fold of each example, stratified by intent.
    public static func foldAssignment(_ examples: [IntentExample], folds: Int, seed: UInt64) -> [Int] {
        var assignment = [Int](repeating: 0, count: examples.count)
        var rng = SplitMix64(seed: seed)
        for intent in Intent.allCases {
            var members = examples.indices.filter { examples[$0].intent == intent }
            rng.shuffle(&members)
            for (position, index) in members.enumerated() { assignment[index] = position % folds }
        }
        return assignment
    }

    /// How a fallback threshold and margin would have done on these held-out predictions:
    /// the share of utterances that fall back, and the accuracy of the rest.
    public func sweep(thresholds: [Double], margins: [Double]) -> [(threshold: Double, margin: Double, fallbackRate: Double, acceptedAccuracy: Double)] {
        var rows: [(Double, Double, Double, Double)] = []
        for t in thresholds {
            for m in margins {
                var fallbacks = 0, correct = 0, accepted = 0
                for outcome in outcomes {
                    let r = outcome.prediction.ranking
                    let second = r.count > 1 ? r[1].confidence : 0
                    if r[0].confidence < t || r[0].confidence - second < m { fallbacks += 1; continue }
                    accepted += 1
                    if r[0].intent == outcome.example.intent { correct += 1 }
                }
                rows.append((t, m, Double(fallbacks) / Double(max(1, outcomes.count)), Double(correct) / Double(max(1, accepted))))
            }
        }
        return rows
    }
}
