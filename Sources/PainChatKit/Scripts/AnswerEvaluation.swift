import Foundation

/// How well the answers of a folder of answer scripts (`Tests/Answers/`) fit the person
/// (`painchat eval --answers`): the scripts' `explains` and `suggests` expectations are
/// read as a clinician's choice of notes, and every answer's length and repeats are
/// measured, whether or not a script asks about them.
public struct AnswerEvaluation: Sendable, Equatable {
    /// A share with its counts.
    public struct Share: Sendable, Equatable {
        public var hits: Int
        public var total: Int
        public var value: Double { total == 0 ? 0 : Double(hits) / Double(total) }
    }

    public var scripts: Int
    public var conversationsPassed: Int
    /// Turns with an `explains` expectation whose first explanation came from a listed note.
    public var firstExplanationFits: Share
    /// ... whose explanations include one from a listed note.
    public var anyExplanationFits: Share
    /// Turns with a `suggests` expectation given self-care from a listed note.
    public var selfCareFits: Share
    /// Answers after the first in a conversation, and how many showed a passage again.
    public var repeatedAnswers: Share
    public var fullAnswerWords: [Int]
    public var sideAnswerWords: [Int]
    /// Turns that expected a fitting explanation and got no passage at all.
    public var unanswered: [DialogRunner.TurnRecord]
    /// Turns whose first explanation did not fit.
    public var misfits: [DialogRunner.TurnRecord]

    public static func median(_ values: [Int]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[mid]) : Double(sorted[mid - 1] + sorted[mid]) / 2
    }

    public static func score(_ runs: [(DialogScript, DialogResult)]) -> AnswerEvaluation {
        var report = AnswerEvaluation(scripts: runs.count, conversationsPassed: runs.filter { $0.1.passed }.count,
                                      firstExplanationFits: Share(hits: 0, total: 0), anyExplanationFits: Share(hits: 0, total: 0),
                                      selfCareFits: Share(hits: 0, total: 0), repeatedAnswers: Share(hits: 0, total: 0),
                                      fullAnswerWords: [], sideAnswerWords: [], unanswered: [], misfits: [])
        for (script, result) in runs {
            var answersSoFar = 0
            for (turn, record) in zip(script.turns, result.turns) {
                let answer = record.reply.answer
                if let answer {
                    switch answer.style {
                    case .full: report.fullAnswerWords.append(record.words)
                    case .side: report.sideAnswerWords.append(record.words)
                    case .more: break
                    }
                    if answersSoFar > 0 {
                        report.repeatedAnswers.total += 1
                        if !record.repeated.isEmpty { report.repeatedAnswers.hits += 1 }
                    }
                    answersSoFar += 1
                }
                for expectation in turn.expectations where !expectation.negated {
                    switch expectation.check {
                    case .explains(let notes):
                        let explained = answer?.explanations.map(\.noteID) ?? []
                        let first = explained.first.map(notes.contains) ?? false
                        report.firstExplanationFits.total += 1
                        report.anyExplanationFits.total += 1
                        if first { report.firstExplanationFits.hits += 1 } else if answer == nil { report.unanswered.append(record) } else { report.misfits.append(record) }
                        if explained.contains(where: notes.contains) { report.anyExplanationFits.hits += 1 }
                    case .suggests(let notes):
                        report.selfCareFits.total += 1
                        if answer?.selfCare.contains(where: { notes.contains($0.noteID) }) == true { report.selfCareFits.hits += 1 }
                    default: break
                    }
                }
            }
        }
        return report
    }
}
