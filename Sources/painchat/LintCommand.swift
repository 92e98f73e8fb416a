import ArgumentParser
import Foundation
import PainChatKit

/// `painchat lint`: checks `Corpus/` and `Intents/`, listing every problem with file and line.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lint", abstract: "Check the notes and the training data.")

    @OptionGroup var data: DataOptions

    func run() throws {
        let bundle = try data.bundle()
        var report = try DataLinter.lint(bundle)
        // The danger examples run through the engine, which loads only from sound data.
        if report.problems.isEmpty {
            let understanding = try data.loadEngine().understanding
            report.problems += DataLinter.lintDangerExamples(bundle, understanding: understanding)
            report.slotPhrasesLexiconsMiss = DataLinter.slotPhrasesLexiconsMiss(bundle, understanding: understanding)
        }
        for problem in report.problems { Console.error(problem.errorDescription ?? "") }
        Console.write("\(report.notes) notes, \(report.passages) passages, \(report.examples) intent examples, \(report.phrases) slot phrases, "
                      + "\(report.dangerConcepts) danger concepts, \(report.dangerRules) danger rules, \(report.dangerExamples) danger examples "
                      + "(\(report.dangerSignsRulesMiss) signs the rules do not name yet, \(report.knownFalseAlarms) known false alarms), "
                      + "\(report.slotExamples) slot examples (\(report.slotPhrasesLexiconsMiss) marked phrases no lexicon names): "
                      + "\(report.problems.count) problems\n")
        if !report.problems.isEmpty { throw CommandFailure(code: 1) }
    }
}
