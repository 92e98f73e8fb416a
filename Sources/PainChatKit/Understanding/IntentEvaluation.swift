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
        /// The intent painchat acts on (after the danger rules and `IntentRules`), when
        /// the evaluation ran the whole reading of an utterance.
        public var read: Intent?
    }

    /// What is scored: the classifier's verdict alone, or the intent painchat acts on.
    public enum Scoring: Sendable { case classifier, reading }

    public var folds: Int
    public var outcomes: [Outcome]
    public var scoring: Scoring = .classifier
    /// Median time to classify one utterance, in microseconds (measured on held-out data).
    public var medianMicroseconds: Double

    /// The same outcomes scored another way.
    public func scored(by scoring: Scoring) -> IntentEvaluation {
        var copy = self
        copy.scoring = scoring
        return copy
    }

    /// Whether the outcomes carry the whole reading (see `run(reading:)`).
    public var hasReading: Bool { outcomes.contains { $0.read != nil } }

    /// The intent scored for an outcome.
    public func predicted(_ outcome: Outcome) -> Intent {
        scoring == .reading ? (outcome.read ?? outcome.prediction.intent) : outcome.prediction.intent
    }

    public var accuracy: Double {
        Double(outcomes.filter { predicted($0) == $0.example.intent }.count) / Double(max(1, outcomes.count))
    }

    /// Share of held-out utterances that fell back (below the threshold or margin).
    public var fallbackRate: Double {
        Double(outcomes.filter { $0.prediction.isFallback }.count) / Double(max(1, outcomes.count))
    }

    /// Accuracy among the utterances that did not fall back.
    public var acceptedAccuracy: Double {
        let accepted = outcomes.filter { !$0.prediction.isFallback }
        return Double(accepted.filter { predicted($0) == $0.example.intent }.count) / Double(max(1, accepted.count))
    }

    public var perClass: [ClassReport] {
        Intent.allCases.map { intent in
            let tp = outcomes.filter { $0.example.intent == intent && self.predicted($0) == intent }.count
            let predicted = outcomes.filter { self.predicted($0) == intent }.count
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
        for outcome in outcomes where predicted(outcome) != outcome.example.intent {
            let key = "\(outcome.example.intent.rawValue)>\(predicted(outcome).rawValue)"
            counts[key, default: Confusion(actual: outcome.example.intent, predicted: predicted(outcome), count: 0)].count += 1
        }
        return counts.values.sorted { $0.count != $1.count ? $0.count > $1.count : "\($0.actual)\($0.predicted)" < "\($1.actual)\($1.predicted)" }
    }

    /// Trains on k-1 folds and predicts the held-out fold, k times. Folds are stratified:
    /// each intent's examples are shuffled with a fixed seed and dealt round-robin.
    public static let defaultSeed: UInt64 = 42

    ///
    /// With `reading`, each held-out utterance is also read whole, as painchat reads it in
    /// a conversation (danger rules, slots, `IntentRules`), with that fold's classifier.
    public static func run(examples: [IntentExample], folds: Int = 5, seed: UInt64 = defaultSeed,
                           options: IntentClassifier.Options = .init(), tokenizer: Tokenizer = Tokenizer(),
                           domain: DomainVocabulary = DomainVocabulary(), reading: LanguageUnderstanding? = nil) -> IntentEvaluation {
        let assignment = foldAssignment(examples, folds: folds, seed: seed)
        var trial = Trial()
        for fold in 0..<folds {
            let training = examples.indices.filter { assignment[$0] != fold }.map { examples[$0] }
            let held = examples.indices.filter { assignment[$0] == fold }.map { examples[$0] }
            let classifier = IntentClassifier(examples: training, tokenizer: tokenizer, domain: domain, options: options,
                                              realWords: reading?.classifier.realWords ?? [])
            trial.predict(held, classifier: classifier, reading: reading?.replacing(classifier: classifier))
        }
        return trial.report(folds: folds)
    }

    /// Scores a classifier trained on all of `Intents/` on a separate labelled set, and
    /// reads each message whole as painchat would (`folds` is 0 in the report).
    public static func score(_ testSet: [IntentExample], understanding: LanguageUnderstanding) -> IntentEvaluation {
        var trial = Trial()
        trial.predict(testSet, classifier: understanding.classifier, reading: understanding)
        return trial.report(folds: 0)
    }

    /// Held-out predictions and their timings, gathered over one or more classifiers.
    private struct Trial {
        var outcomes: [Outcome] = []
        var timings: [Double] = []

        mutating func predict(_ held: [IntentExample], classifier: IntentClassifier, reading: LanguageUnderstanding?) {
            for example in held {
                let tokens = classifier.tokenizer.tokenize(example.text)
                let start = DispatchTime.now().uptimeNanoseconds
                let prediction = classifier.classify(tokens: tokens)
                timings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
                outcomes.append(Outcome(example: example, prediction: prediction, read: reading?.analyse(example.text).intent))
            }
        }

        func report(folds: Int) -> IntentEvaluation {
            let sorted = timings.sorted()
            return IntentEvaluation(folds: folds, outcomes: outcomes, medianMicroseconds: sorted.isEmpty ? 0 : sorted[sorted.count / 2])
        }
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
