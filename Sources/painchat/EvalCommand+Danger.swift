import Foundation
import PainChatKit

/// `painchat eval --danger FILE` and `painchat eval --danger-net`.
extension EvalCommand {
    func runDanger(_ path: String) throws {
        let engine = try data.loadEngine()
        let categories = engine.understanding.danger.rulebook.categories.map(\.name)
        let examples = try DangerExamples.loadTestSet(path: path, categories: categories)
        var understanding = engine.understanding
        if let netThreshold { understanding.net.options.threshold = netThreshold }
        let report = DangerEvaluation.score(examples, understanding: understanding)
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        let signs = report.signs.count, benign = report.benign.count
        if json {
            let tallies = report.tallies.map {
                "{\"category\":\(JSONOutput.string($0.category.rawValue)),\"signs\":\($0.total),\"escalated\":\($0.escalated),\"as_labelled\":\($0.exact),\"checked\":\($0.checked),\"screened\":\($0.screened),\"missed\":\($0.missed)}"
            }
            Console.write("{\"file\":\(JSONOutput.string(path)),\"signs\":\(signs),\"benign\":\(benign),\"reached\":\(JSONOutput.number(report.reached)),"
                          + "\"escalated\":\(JSONOutput.number(report.escalatedAtOnce)),\"false_escalations\":\(JSONOutput.number(report.falseEscalations)),"
                          + "\"false_checks\":\(JSONOutput.number(report.falseChecks)),\"false_screenings\":\(JSONOutput.number(report.falseScreenings)),\"per_category\":[\(tallies.joined(separator: ","))]}\n")
        } else {
            var lines = ["Danger checks on \((path as NSString).lastPathComponent): \(signs) signs, \(benign) messages that must raise nothing"]
            lines.append("category          signs  escalated (as labelled)  checked  screened  missed")
            for t in report.tallies {
                lines.append(t.category.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
                             + String(format: "  %5d  %9d  (%3d)          %7d  %8d  %6d", t.total, t.escalated, t.exact, t.checked, t.screened, t.missed))
            }
            let escalated = report.signs.filter { $0.outcome == .escalated }.count
            let checked = report.signs.filter { $0.outcome == .checked }.count
            lines.append("signs reached \(escalated + checked)/\(signs) (\(f(report.reached)))   escalated at once \(escalated)/\(signs) (\(f(report.escalatedAtOnce)))")
            lines.append("false escalations \(report.benign.filter { $0.outcome == .escalated }.count)/\(benign) (\(f(report.falseEscalations)))   "
                         + "false checks \(report.benign.filter { $0.outcome == .checked }.count)/\(benign) (\(f(report.falseChecks)))   "
                         + "screening question only (the intent model alone): signs \(report.signs.filter { $0.outcome == .screened }.count), "
                         + "benign \(report.benign.filter { $0.outcome == .screened }.count)/\(benign)")
            if showErrors > 0 {
                let wrong = report.signs.filter { $0.outcome == .missed || $0.outcome == .screened }
                    + report.benign.filter { $0.outcome == .escalated || $0.outcome == .checked }
                for row in wrong.prefix(showErrors) {
                    let what = row.example.category.map { "\(row.outcome == .screened ? "only screened" : "missed") \($0)" }
                        ?? "\(row.outcome.rawValue) as \(row.category?.rawValue ?? "?")"
                    lines.append("  \(row.example.line): \(what): \(row.example.text)")
                }
            }
            Console.write(lines.joined(separator: "\n") + "\n")
        }
        if let minReached, report.reached < minReached {
            Console.error("painchat eval --danger: signs reached \(f(report.reached)) is below --min-reached \(minReached)")
            throw CommandFailure(code: 1)
        }
    }

    func runDangerNet() throws {
        let bundle = try data.bundle()
        let engine = try data.loadEngine()
        let categories = engine.understanding.danger.rulebook.categories.map(\.name)
        let (examples, problems) = DangerExamples.read(from: bundle.danger.appendingPathComponent("examples"), categories: categories)
        if let problem = problems.first { throw problem }
        let cv = DangerNetCrossValidation.run(engine: engine, dangerExamples: examples,
                                              intentExamples: try IntentExamples.load(from: bundle.intents), folds: folds)
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        var lines = ["Danger safety net, \(cv.folds)-fold cross-validation over \(cv.signs) signs and \(cv.twins) twins of Intents/danger/examples",
                     "rules alone escalate \(f(cv.ruleRecall)) of the held-out signs",
                     "threshold  signs caught (rule, net or intent model)  by the net alone  twins given a check question"]
        for p in cv.points {
            lines.append("   \(f(p.threshold))    \(f(p.recall))                                  \(f(p.netRecall))            \(f(p.falseChecks))")
        }
        let inUse = engine.understanding.net.options.threshold
        lines.append("in use: \(f(inUse)); highest threshold with recall >= 0.99: \(cv.chosen().map { f($0.threshold) } ?? "none")")
        Console.write(lines.joined(separator: "\n") + "\n")
    }
}
