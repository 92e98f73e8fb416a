import Foundation
import PainChatKit

/// `painchat eval --answers [PATH…]`: how well answers fit, over a folder of answer scripts.
extension EvalCommand {
    func runAnswers() throws {
        let root = try ProjectRoot.locate()
        let targets = paths.isEmpty ? [root.appendingPathComponent("Tests/Answers").path] : paths
        let files = try DialogFiles.collect(targets)
        guard !files.isEmpty else {
            throw DataError(file: targets.joined(separator: " "), problem: "holds no .dialog scripts", fix: "pass answer scripts or a folder of them")
        }
        let runner = DialogRunner(engine: try data.loadEngine())
        let runs = try files.map { file -> (DialogScript, DialogResult) in
            let script = try DialogScript.load(path: file)
            return (script, runner.run(script))
        }
        let report = AnswerEvaluation.score(runs)
        func share(_ s: AnswerEvaluation.Share) -> String { String(format: "%d/%d (%.3f)", s.hits, s.total, s.value) }
        func median(_ v: [Int]) -> String { String(format: "%.0f", AnswerEvaluation.median(v)) }
        if json {
            func object(_ s: AnswerEvaluation.Share) -> String { "{\"hits\":\(s.hits),\"total\":\(s.total),\"share\":\(JSONOutput.number(s.value))}" }
            Console.write("{\"scripts\":\(report.scripts),\"passed\":\(report.conversationsPassed),"
                          + "\"first_explanation_fits\":\(object(report.firstExplanationFits)),\"any_explanation_fits\":\(object(report.anyExplanationFits)),"
                          + "\"self_care_fits\":\(object(report.selfCareFits)),\"answers_repeating_a_passage\":\(object(report.repeatedAnswers)),"
                          + "\"median_words_full\":\(JSONOutput.number(AnswerEvaluation.median(report.fullAnswerWords))),\"full_answers\":\(report.fullAnswerWords.count),"
                          + "\"median_words_side\":\(JSONOutput.number(AnswerEvaluation.median(report.sideAnswerWords))),\"side_answers\":\(report.sideAnswerWords.count)}\n")
        } else {
            var lines = ["Answers over \(report.scripts) conversations (\(report.conversationsPassed) passed every expectation)"]
            lines.append("first explanation fits   \(share(report.firstExplanationFits))")
            lines.append("any explanation fits     \(share(report.anyExplanationFits))")
            lines.append("self-care fits           \(share(report.selfCareFits))")
            lines.append("answers repeating a passage shown before  \(share(report.repeatedAnswers))")
            lines.append("median words: full answers \(median(report.fullAnswerWords)) (\(report.fullAnswerWords.count)), side answers \(median(report.sideAnswerWords)) (\(report.sideAnswerWords.count))")
            if showErrors > 0 {
                let base = root.path + "/"
                for record in (report.unanswered.map { ($0, "no answer") } + report.misfits.map { ($0, "led with \($0.reply.answer?.explanations.first?.noteID ?? "nothing")") }).prefix(showErrors) {
                    let file = record.0.file.hasPrefix(base) ? String(record.0.file.dropFirst(base.count)) : record.0.file
                    lines.append("  \(file):\(record.0.line): \(record.1): \(record.0.utterance)")
                }
            }
            Console.write(lines.joined(separator: "\n") + "\n")
        }
    }
}
