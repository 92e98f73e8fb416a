import Foundation
import PainChatKit

/// `painchat eval --slots FILE`.
extension EvalCommand {
    func runSlots(_ path: String) throws {
        let engine = try data.loadEngine()
        let cases = try SlotTestCase.load(path: path)
        let report = SlotEvaluation.score(cases, engine: engine)
        func f(_ right: Int, _ total: Int) -> String {
            total == 0 ? "-" : "\(right)/\(total) (\(String(format: "%.3f", Double(right) / Double(total))))"
        }
        func ratio(_ right: Int, _ total: Int) -> String { JSONOutput.number(total == 0 ? 0 : Double(right) / Double(total)) }
        let negatives = report.tallies.reduce((0, 0)) { ($0.0 + $1.negativeRight, $0.1 + $1.negativeTotal) }
        // The same set read by the hand rules alone, the learned roles alone and both, as
        // the engine combines them (the first block above is the engine's own mode).
        let modes: [(SlotRoleMode, SlotEvaluation)] = engine.understanding.slots.hasLearnedRoles
            ? SlotRoleMode.allCases.map { mode in
                (mode, mode == engine.understanding.slots.roleMode ? report : SlotEvaluation.score(cases, engine: engine.with(slotRoleMode: mode)))
            }
            : []
        let modeJSON = modes.map { mode, r in
            "{\"mode\":\(JSONOutput.string(mode.rawValue)),\"messages_right\":\(r.messagesRight),"
                + "\"expectations_right\":\(r.expectationsRight),\"must_not_right\":\(r.negativesRight)}"
        }
        if json {
            let slots = report.tallies.map {
                "{\"slot\":\(JSONOutput.string($0.slot.rawValue)),\"right\":\($0.right),\"total\":\($0.total),\"must_not_right\":\($0.negativeRight),\"must_not_total\":\($0.negativeTotal)}"
            }
            Console.write("{\"file\":\(JSONOutput.string(path)),\"messages\":\(report.rows.count),\"messages_right\":\(report.messagesRight),"
                          + "\"message_accuracy\":\(ratio(report.messagesRight, report.rows.count)),\"expectations\":\(report.expectations),"
                          + "\"expectations_right\":\(report.expectationsRight),\"item_accuracy\":\(ratio(report.expectationsRight, report.expectations)),"
                          + "\"must_not_right\":\(negatives.0),\"must_not_total\":\(negatives.1),\"per_slot\":[\(slots.joined(separator: ","))],"
                          + "\"modes\":[\(modeJSON.joined(separator: ","))]}\n")
            return
        }
        var lines = ["Slots on \((path as NSString).lastPathComponent): \(report.rows.count) messages, \(report.expectations) expectations"]
        lines.append("messages with every slot right  \(f(report.messagesRight, report.rows.count))")
        lines.append("expectations right              \(f(report.expectationsRight, report.expectations))")
        lines.append("values that must not be filled  \(f(negatives.0, negatives.1))")
        lines.append("slot            right             must not be filled")
        for t in report.tallies {
            lines.append(t.slot.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0) + "  "
                         + f(t.right, t.total).padding(toLength: 18, withPad: " ", startingAt: 0) + f(t.negativeRight, t.negativeTotal))
        }
        if !modes.isEmpty {
            lines.append("slot roles      messages          expectations      must not be filled")
            for (mode, r) in modes {
                lines.append((mode.rawValue + (mode == engine.understanding.slots.roleMode ? " (used)" : "")).padding(toLength: 14, withPad: " ", startingAt: 0) + "  "
                             + f(r.messagesRight, r.rows.count).padding(toLength: 18, withPad: " ", startingAt: 0)
                             + f(r.expectationsRight, r.expectations).padding(toLength: 18, withPad: " ", startingAt: 0) + f(r.negativesRight, negatives.1))
            }
        }
        for row in report.rows.filter({ !$0.wrong.isEmpty }).prefix(showErrors) {
            let wrong = row.wrong.map { ($0.mustHold ? "" : "!") + "\($0.slot.rawValue)=\($0.value)" }.joined(separator: " ")
            let got = SlotName.allCases.filter { row.frame.isFilled($0) && $0 != .redFlags }
                .map { "\($0.rawValue)=\(row.frame.values(of: $0).joined(separator: ","))" }.joined(separator: " ")
            lines.append("  \(row.testCase.line): wrong \(wrong) (got \(got.isEmpty ? "nothing" : got)): \(row.testCase.text)")
        }
        Console.write(lines.joined(separator: "\n") + "\n")
    }
}
