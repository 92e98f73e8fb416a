import ArgumentParser
import Foundation
import PainChatKit

/// `painchat eval`: how well the intent classifier does on held-out examples.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval", abstract: "Cross-validate the intent classifier on Intents/.")

    @OptionGroup var data: DataOptions

    @Option(help: "Number of folds.")
    var folds: Int = 5

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(name: .customLong("min-accuracy"), help: "Exit 1 when accuracy is below this (0–1).")
    var minAccuracy: Double?

    @Flag(help: "Also print how other fallback thresholds and margins would do.")
    var sweep = false

    @Flag(help: "Evaluate retrieval on the relevance set instead: hit@1, hit@3 and MRR.")
    var retrieval = false

    @Option(help: ArgumentHelp("Relevance set for --retrieval (default: Tests/Relevance/questions.tsv).", valueName: "FILE"))
    var relevance: String?

    @Option(name: .customLong("min-hit3"), help: "With --retrieval, exit 1 when hit@3 is below this.")
    var minHit3: Double?

    @Option(name: .customLong("show-errors"), help: ArgumentHelp("Print up to N misclassified held-out examples with file and line.", valueName: "N"))
    var showErrors: Int = 0

    @Option(name: .customLong("test-set"), help: ArgumentHelp("Score the classifier trained on all of Intents/ on this labelled set (intent<TAB>text per line) instead of cross-validating.", valueName: "FILE"))
    var testSet: String?

    @Option(name: .customLong("danger"), help: ArgumentHelp("Score the danger checks on this labelled set (category<TAB>text, none for messages that must raise nothing): per category escalated, checked, missed; false escalations and checks.", valueName: "FILE"))
    var dangerSet: String?

    @Flag(name: .customLong("danger-net"), help: "Cross-validate the danger safety net on Intents/danger/examples: recall and false checks per threshold.")
    var dangerNet = false

    @Option(name: .customLong("slots"), help: ArgumentHelp("Score the slots on this labelled set (utterance<TAB>key=v1,v2 !key=v per line, each message a first turn): messages with every slot right, expectations right, per slot and for values that must not be filled.", valueName: "FILE"))
    var slotSet: String?

    @Option(name: .customLong("min-reached"), help: "With --danger, exit 1 when the share of signs escalated or checked is below this.")
    var minReached: Double?

    @Flag(name: .customLong("answers"), help: "Run answer scripts (default: Tests/Answers/) and report how well the answers fit: first and any explanation, self-care, repeats, median words.")
    var answers = false

    @Argument(help: ArgumentHelp("With --answers: scripts or folders of them.", valueName: "PATH"))
    var paths: [String] = []

    @Option(name: .customLong("net-threshold"), help: "With --danger, score as if the safety net fired at this danger probability (0–1) instead of its own.")
    var netThreshold: Double?

    @Option(name: .customLong("export-folds"), help: ArgumentHelp("Write the fold of every example as TSV (fold, intent, text) so other tools score the same folds.", valueName: "FILE"))
    var exportFolds: String?

    func validate() throws {
        guard (2...20).contains(folds) else { throw ValidationError("--folds must be between 2 and 20") }
        if let minAccuracy, !(0...1).contains(minAccuracy) { throw ValidationError("--min-accuracy must be between 0 and 1") }
        if let netThreshold, !(0...1).contains(netThreshold) { throw ValidationError("--net-threshold must be between 0 and 1") }
    }

    func run() throws {
        if answers { return try runAnswers() }
        guard paths.isEmpty else { throw ValidationError("paths are read only with --answers") }
        if retrieval { return try runRetrieval() }
        if let dangerSet { return try runDanger(dangerSet) }
        if let slotSet { return try runSlots(slotSet) }
        if dangerNet { return try runDangerNet() }
        let bundle = try data.bundle()
        let examples = try IntentExamples.load(from: bundle.intents)
        if let testSet {
            let messages = try IntentExamples.loadTestSet(path: testSet)
            let report = IntentEvaluation.score(messages, understanding: try data.loadEngine().understanding)
            let header = "Intent classifier trained on the \(examples.count) examples of Intents/, scored on the \(messages.count) messages of \((testSet as NSString).lastPathComponent)"
            Console.write(json ? jsonReport(report, examples: examples.count) + "\n" : textReport(report, examples: examples.count, header: header))
            return try check(report)
        }
        if let exportFolds {
            let assignment = IntentEvaluation.foldAssignment(examples, folds: folds, seed: IntentEvaluation.defaultSeed)
            let rows = zip(assignment, examples).map { "\($0)\t\($1.intent.rawValue)\t\($1.text.replacingOccurrences(of: "\t", with: " "))" }
            do {
                try ("fold\tintent\ttext\n" + rows.joined(separator: "\n") + "\n").write(toFile: exportFolds, atomically: true, encoding: .utf8)
            } catch {
                throw DataError(file: exportFolds, problem: "cannot be written", fix: "choose a writable path for --export-folds")
            }
        }
        // The engine gives the domain vocabulary and the rest of the reading (danger rules,
        // slots, sentence rules); each fold trains its own classifier.
        let engine = try data.loadEngine()
        let classifier = engine.understanding.classifier
        let report = IntentEvaluation.run(examples: examples, folds: folds, tokenizer: classifier.tokenizer,
                                          domain: classifier.domain, reading: engine.understanding)
        if json {
            Console.write(jsonReport(report, examples: examples.count) + "\n")
        } else {
            Console.write(textReport(report, examples: examples.count))
        }
        try check(report)
    }

    func check(_ report: IntentEvaluation) throws {
        if let minAccuracy, report.accuracy < minAccuracy {
            Console.error("painchat eval: accuracy \(String(format: "%.4f", report.accuracy)) is below --min-accuracy \(minAccuracy)")
            throw CommandFailure(code: 1)
        }
    }

    func runRetrieval() throws {
        let engine = try data.loadEngine()
        let path = try relevance ?? ProjectRoot.locate().appendingPathComponent("Tests/Relevance/questions.tsv").path
        let judgements = try RetrievalEvaluation.load(path: path, corpus: engine.retriever.corpus)
        let report = RetrievalEvaluation.run(judgements, engine: engine)
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        if json {
            Console.write("{\"questions\":\(judgements.count),\"hit_at_1\":\(JSONOutput.number(report.hit(at: 1))),\"hit_at_3\":\(JSONOutput.number(report.hit(at: 3))),\"mrr\":\(JSONOutput.number(report.meanReciprocalRank))}\n")
        } else {
            var lines = ["Retrieval on \(judgements.count) questions (\((path as NSString).lastPathComponent))",
                         "hit@1 \(f(report.hit(at: 1)))   hit@3 \(f(report.hit(at: 3)))   MRR \(f(report.meanReciprocalRank))"]
            if showErrors > 0 {
                lines.append("")
                lines.append("questions without a relevant passage in the top 3 (line: question -> wanted | got):")
                for outcome in report.outcomes where (outcome.firstHit ?? .max) > 3 {
                    if lines.count > showErrors + 3 { break }
                    lines.append("  \(outcome.judgement.line): \(outcome.judgement.question) -> \(outcome.judgement.notes.joined(separator: ",")) | \(outcome.ranked.prefix(3).joined(separator: ","))")
                }
            }
            Console.write(lines.joined(separator: "\n") + "\n")
        }
        if let minHit3, report.hit(at: 3) < minHit3 {
            Console.error("painchat eval --retrieval: hit@3 \(f(report.hit(at: 3))) is below --min-hit3 \(minHit3)")
            throw CommandFailure(code: 1)
        }
    }

    func textReport(_ r: IntentEvaluation, examples: Int, header: String? = nil) -> String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        var lines = [header ?? "Intent classifier, stratified \(r.folds)-fold cross-validation over \(examples) examples"]
        lines.append("accuracy \(f(r.accuracy))   macro-F1 \(f(r.macroF1))   out-of-scope recall \(f(r.outOfScopeRecall))")
        lines.append("fallback rate \(f(r.fallbackRate))   accuracy when not falling back \(f(r.acceptedAccuracy))   median classify \(String(format: "%.1f", r.medianMicroseconds)) µs")
        if r.hasReading {
            let read = r.scored(by: .reading)
            lines.append("as painchat reads it (with the danger rules and sentence rules): accuracy \(f(read.accuracy))   macro-F1 \(f(read.macroF1))   out-of-scope recall \(f(read.outOfScopeRecall))")
        }
        lines.append("")
        lines.append("intent            precision  recall     f1  support")
        for c in r.perClass {
            lines.append(c.intent.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)
                         + "    \(f(c.precision))   \(f(c.recall))  \(f(c.f1))  \(String(format: "%7d", c.support))")
        }
        lines.append("")
        lines.append("most confused (actual -> predicted):")
        for c in r.confusions.prefix(10) { lines.append("  \(c.actual.rawValue) -> \(c.predicted.rawValue): \(c.count)") }
        if r.hasReading {
            lines.append("most confused as painchat reads it:")
            for c in r.scored(by: .reading).confusions.prefix(10) { lines.append("  \(c.actual.rawValue) -> \(c.predicted.rawValue): \(c.count)") }
        }
        if showErrors > 0 {
            lines.append("")
            lines.append("misclassified (file:line  actual -> predicted  confidence  text):")
            for outcome in r.outcomes where (outcome.prediction.intent != outcome.example.intent || (outcome.read.map { $0 != outcome.example.intent } ?? false)) && !lines.isEmpty {
                if lines.count > 10_000 { break }
                lines.append("  \((outcome.example.file as NSString).lastPathComponent):\(outcome.example.line)  \(outcome.example.intent.rawValue) -> \(outcome.prediction.intent.rawValue)\(outcome.read.map { $0 == outcome.prediction.intent ? "" : " (read as \($0.rawValue))" } ?? "")  \(f(outcome.prediction.confidence))  \(outcome.example.text)")
            }
            let header = lines.firstIndex(of: "misclassified (file:line  actual -> predicted  confidence  text):")!
            if lines.count - header - 1 > showErrors { lines.removeLast(lines.count - header - 1 - showErrors) }
        }
        if sweep {
            lines.append("")
            lines.append("threshold margin  fallback-rate  accuracy-if-accepted")
            for row in r.sweep(thresholds: [0.2, 0.25, 0.3, 0.35, 0.4, 0.5], margins: [0, 0.02, 0.04, 0.08, 0.12]) {
                lines.append("   \(f(row.threshold))  \(f(row.margin))     \(f(row.fallbackRate))        \(f(row.acceptedAccuracy))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func jsonReport(_ r: IntentEvaluation, examples: Int) -> String {
        let perIntent = r.perClass.map {
            "{\"intent\":\(JSONOutput.string($0.intent.rawValue)),\"precision\":\(JSONOutput.number($0.precision)),\"recall\":\(JSONOutput.number($0.recall)),\"f1\":\(JSONOutput.number($0.f1)),\"support\":\($0.support)}"
        }
        let confusions = r.confusions.prefix(20).map {
            "{\"actual\":\(JSONOutput.string($0.actual.rawValue)),\"predicted\":\(JSONOutput.string($0.predicted.rawValue)),\"count\":\($0.count)}"
        }
        return "{\"folds\":\(r.folds),\"examples\":\(examples),\"accuracy\":\(JSONOutput.number(r.accuracy)),\"macro_f1\":\(JSONOutput.number(r.macroF1)),"
            + "\"out_of_scope_recall\":\(JSONOutput.number(r.outOfScopeRecall)),\"fallback_rate\":\(JSONOutput.number(r.fallbackRate)),"
            + "\"accepted_accuracy\":\(JSONOutput.number(r.acceptedAccuracy)),\"median_classify_us\":\(JSONOutput.number(r.medianMicroseconds)),"
            + "\"per_intent\":[\(perIntent.joined(separator: ","))],\"confusions\":[\(confusions.joined(separator: ","))]"
            + (r.hasReading ? ",\"as_read\":" + readingJSON(r.scored(by: .reading)) : "") + "}"
    }

    /// Headline figures of the intent painchat acts on.
    func readingJSON(_ r: IntentEvaluation) -> String {
        "{\"accuracy\":\(JSONOutput.number(r.accuracy)),\"macro_f1\":\(JSONOutput.number(r.macroF1)),\"out_of_scope_recall\":\(JSONOutput.number(r.outOfScopeRecall))}"
    }
}
