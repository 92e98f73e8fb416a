import Foundation

/// The JSON shapes of SPEC §7, written with a fixed key order so output is stable and
/// easy to read.
public enum JSONOutput {
    /// `classify --json`: text, intent, confidence, ranking, slots, urgent.
    public static func classification(text: String, analysis: Analysis, rankingLimit: Int = 5) -> String {
        let frame = Frame(analysis.extraction)
        let intent = analysis.intent
        // A danger rule is certain; otherwise the confidence of the intent reported.
        let confidence = analysis.danger != nil ? 1.0
            : analysis.prediction.ranking.first { $0.intent == intent }?.confidence ?? analysis.prediction.confidence
        let ranking = analysis.prediction.ranking.prefix(rankingLimit)
            .map { "{\"intent\":\(string($0.intent.rawValue)),\"confidence\":\(number($0.confidence))}" }
        let slots = [
            "\"location\":\(list(frame.location))",
            "\"side\":\(frame.side.map(string) ?? "null")",
            "\"trigger\":\(list(frame.trigger))",
            "\"relief\":\(list(frame.relief))",
            "\"quality\":\(list(frame.quality))",
            "\"intensity\":\(frame.intensity.map(String.init) ?? "null")",
            "\"duration_days\":\(frame.durationDays.map(String.init) ?? "null")",
        ]
        let urgent = analysis.danger.map {
            "{\"category\":\(string($0.category.rawValue)),\"level\":\(string($0.level.rawValue)),\"reason\":\(string($0.reason))}"
        } ?? "null"
        // A sign only the safety net (or the intent model) suspects: a check question.
        let check = analysis.suspectedDanger.map {
            "{\"category\":\(string($0.category.rawValue)),\"confidence\":\(number($0.danger))}"
        } ?? "null"
        // What the net made of it, whether or not it fired (null when a rule fired first).
        let net = analysis.suspicion.map {
            "{\"category\":\(string($0.category.rawValue)),\"danger\":\(number($0.danger)),\"fires\":\($0.fires)}"
        } ?? "null"
        return "{\"text\":\(string(text)),\"intent\":\(string(intent.rawValue)),\"confidence\":\(number(confidence)),"
            + "\"fallback\":\(analysis.prediction.isFallback && analysis.danger == nil),"
            + "\"ranking\":[\(ranking.joined(separator: ","))],\"slots\":{\(slots.joined(separator: ","))},\"urgent\":\(urgent),"
            + "\"check\":\(check),\"safety_net\":\(net)}"
    }

    /// `search --json`: rank, passage, title, score, text.
    public static func search(_ passages: [RetrievedPassage]) -> String {
        let items = passages.enumerated().map { index, p in
            "{\"rank\":\(index + 1),\"passage\":\(string(p.passage.id)),\"title\":\(string(p.title)),"
                + "\"score\":\(number(p.score)),\"text\":\(string(p.passage.text))}"
        }
        return "[" + items.joined(separator: ",") + "]"
    }

    public static func list(_ values: [String]) -> String { "[" + values.map(string).joined(separator: ",") + "]" }

    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return String(format: "%.4f", value)
    }

    /// A JSON string literal; every control character is escaped.
    public static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f || (0x80...0x9f).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
