import ArgumentParser
import Foundation
import PainChatKit

/// `painchat classify`: intent, confidence, ranking, slots and danger sign of utterances.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify", abstract: "Show the intent, slots and danger signs painchat reads in text.")

    @OptionGroup var data: DataOptions

    @Flag(help: "One JSON object per utterance (SPEC §7).")
    var json = false

    @Argument(help: "The utterance. Without it, one utterance per stdin line.")
    var text: [String] = []

    func run() throws {
        let engine = try data.loadEngine()
        // Read once: the calendar is far slower than reading an utterance.
        let today = CalendarDay.today()
        if !text.isEmpty {
            emit(text.joined(separator: " "), engine, today: today)
            return
        }
        while let line = Swift.readLine(strippingNewline: true) {
            let utterance = String(line.prefix(PainChat.maximumInputLength))
            guard emit(utterance, engine, today: today) else { return }
        }
    }

    @discardableResult
    func emit(_ utterance: String, _ engine: PainChat, today: CalendarDay) -> Bool {
        let analysis = engine.understanding.analyse(utterance, today: today)
        if json { return Console.write(JSONOutput.classification(text: utterance, analysis: analysis) + "\n") }
        let frame = Frame(analysis.extraction)
        var lines = ["\(ReplyRenderer.clean(utterance))"]
        let top = analysis.prediction.ranking.prefix(3).map { "\($0.intent.rawValue) \(String(format: "%.2f", $0.confidence))" }
        lines.append("  intent: \(analysis.intent.rawValue)"
                     + (analysis.prediction.isFallback ? " (below threshold: fallback)" : "") + "   [\(top.joined(separator: ", "))]")
        let slots = SlotName.allCases.compactMap { slot -> String? in
            let values = frame.values(of: slot)
            return values.isEmpty ? nil : "\(slot.rawValue)=\(values.joined(separator: ","))"
        }
        lines.append("  slots: " + (slots.isEmpty ? "none" : slots.joined(separator: " ")))
        if let danger = analysis.danger {
            lines.append("  urgent: \(danger.category.rawValue) (\(danger.level.rawValue))")
        } else if let check = analysis.suspectedDanger {
            lines.append("  check: \(check.category.rawValue) (safety net \(String(format: "%.2f", check.danger)))")
        }
        return Console.write(lines.joined(separator: "\n") + "\n")
    }
}
