import Foundation

/// How the danger checks do on labelled messages (`painchat eval --danger FILE`): per
/// category, signs escalated at once by a rule, caught by a check question (the safety
/// net or the intent model), and missed; among the messages that must raise nothing,
/// false escalations and false check questions. One message is one first turn.
public struct DangerEvaluation: Sendable {
    public enum Outcome: String, Sendable {
        /// Escalated by a rule; asked a check question; asked the screening question (the
        /// intent model alone heard a sign); nothing.
        case escalated, checked, screened, missed
    }

    public struct Row: Sendable {
        public var example: DangerExample
        public var outcome: Outcome
        /// The category escalated or checked, if any.
        public var category: DangerCategory?
    }

    public struct Tally: Sendable, Equatable {
        public var category: DangerCategory
        public var total = 0
        public var escalated = 0
        /// Escalated with the labelled category.
        public var exact = 0
        public var checked = 0
        public var screened = 0
        public var missed: Int { total - escalated - checked - screened }
    }

    public var rows: [Row]

    public static func score(_ examples: [DangerExample], understanding: LanguageUnderstanding) -> DangerEvaluation {
        DangerEvaluation(rows: examples.map { example in
            let analysis = understanding.analyse(example.text)
            if let sign = analysis.danger { return Row(example: example, outcome: .escalated, category: sign.category) }
            if let check = analysis.suspectedDanger { return Row(example: example, outcome: .checked, category: check.category) }
            // The classifier alone is sure of a sign: the screening question lists them.
            if analysis.intent == .redFlag { return Row(example: example, outcome: .screened, category: nil) }
            return Row(example: example, outcome: .missed, category: nil)
        })
    }

    public var signs: [Row] { rows.filter { $0.example.category != nil } }
    public var benign: [Row] { rows.filter { $0.example.category == nil } }

    public var tallies: [Tally] {
        var byCategory: [DangerCategory: Tally] = [:]
        for row in signs {
            let category = row.example.category!
            var tally = byCategory[category] ?? Tally(category: category)
            tally.total += 1
            switch row.outcome {
            case .escalated:
                tally.escalated += 1
                if row.category == category { tally.exact += 1 }
            case .checked: tally.checked += 1
            case .screened: tally.screened += 1
            case .missed: break
            }
            byCategory[category] = tally
        }
        return byCategory.values.sorted { $0.category < $1.category }
    }

    /// Signs that reach an escalation or a check question.
    public var reached: Double { share(signs) { $0.outcome == .escalated || $0.outcome == .checked } }
    /// Signs that reach at least the screening question.
    public var screenedOrBetter: Double { share(signs) { $0.outcome != .missed } }
    public var falseScreenings: Double { share(benign) { $0.outcome == .screened } }
    public var escalatedAtOnce: Double { share(signs) { $0.outcome == .escalated } }
    public var falseEscalations: Double { share(benign) { $0.outcome == .escalated } }
    public var falseChecks: Double { share(benign) { $0.outcome == .checked } }

    func share(_ rows: [Row], _ holds: (Row) -> Bool) -> Double {
        rows.isEmpty ? 0 : Double(rows.filter(holds).count) / Double(rows.count)
    }
}

/// Cross-validation of the safety net (`painchat eval --danger-net`): the danger
/// examples are split into folds; each fold's net is trained on the rest (and on the
/// intent examples, as in the engine) and scores the fold. For each threshold: the share
/// of held-out signs that a rule, the net or the intent model catches, and the share of
/// held-out twins given a check question.
public struct DangerNetCrossValidation: Sendable {
    public struct Point: Sendable {
        public var threshold: Double
        /// Held-out signs a rule, the net or the intent model catches.
        public var recall: Double
        /// Held-out signs the net alone catches.
        public var netRecall: Double
        /// Held-out twins given a check question.
        public var falseChecks: Double
    }

    public var folds: Int
    public var signs: Int
    public var twins: Int
    /// Held-out signs a rule escalates.
    public var ruleRecall: Double
    public var points: [Point]

    public static let thresholds: [Double] = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7]

    /// The highest threshold whose recall reaches `target`.
    public func chosen(target: Double = 0.99) -> Point? {
        points.filter { $0.recall >= target }.max { $0.threshold < $1.threshold }
    }

    public static func run(engine: PainChat, dangerExamples: [DangerExample], intentExamples: [IntentExample],
                           folds: Int = 5, seed: UInt64 = 11, thresholds: [Double] = thresholds) -> DangerNetCrossValidation {
        let understanding = engine.understanding
        let detector = understanding.danger
        let samples = DangerNet.samples(dangerExamples: dangerExamples, intentExamples: intentExamples, detector: detector,
                                        reader: understanding.dangerReader, lexicons: engine.lexicons)
        // Folds stratified by category (twins as their own group), assigned by a seeded shuffle.
        var fold = [Int](repeating: 0, count: dangerExamples.count)
        var rng = SplitMix64(seed: seed)
        let groups = Dictionary(grouping: dangerExamples.indices) { dangerExamples[$0].category?.rawValue ?? "" }
        for key in groups.keys.sorted() {
            var members = groups[key]!
            rng.shuffle(&members)
            for (position, index) in members.enumerated() { fold[index] = position % folds }
        }
        let categories = detector.rulebook.categories.map(\.name)
        var danger = [Double](repeating: 0, count: dangerExamples.count)
        var ruled = [Bool](repeating: false, count: dangerExamples.count)
        var intentSignal = [Bool](repeating: false, count: dangerExamples.count)
        for k in 0..<folds {
            let training = samples.indices.filter { $0 >= dangerExamples.count || fold[$0] != k }.map { samples[$0] }
            let net = DangerNet(samples: training, categories: categories, options: understanding.net.options)
            for index in dangerExamples.indices where fold[index] == k {
                let analysis = understanding.analyse(dangerExamples[index].text)
                ruled[index] = analysis.danger != nil
                intentSignal[index] = analysis.prediction.intent == .redFlag
                danger[index] = net.suspect(tokens: samples[index].tokens, concepts: samples[index].concepts)?.danger ?? 0
            }
        }
        let signs = dangerExamples.indices.filter { dangerExamples[$0].category != nil }
        let twins = dangerExamples.indices.filter { dangerExamples[$0].category == nil }
        func share(_ indices: [Int], _ holds: (Int) -> Bool) -> Double {
            indices.isEmpty ? 0 : Double(indices.filter(holds).count) / Double(indices.count)
        }
        let floor = understanding.net.options.intentFloor
        let points = thresholds.map { t in
            Point(threshold: t,
                  recall: share(signs) { ruled[$0] || (intentSignal[$0] && danger[$0] >= floor) || danger[$0] >= t },
                  netRecall: share(signs) { danger[$0] >= t },
                  falseChecks: share(twins) { !ruled[$0] && ((intentSignal[$0] && danger[$0] >= floor) || danger[$0] >= t) })
        }
        return DangerNetCrossValidation(folds: folds, signs: signs.count, twins: twins.count,
                                        ruleRecall: share(signs) { ruled[$0] }, points: points)
    }
}
