import ArgumentParser
import Foundation
import PainChatKit

/// `painchat lint`: checks `Corpus/` and `Intents/`, listing every problem with file and line.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lint", abstract: "Check the notes and the training data.")

    @OptionGroup var data: DataOptions

    func run() throws {
        let bundle = try data.bundle()
        let report = try DataLinter.lint(bundle)
        for problem in report.problems { Console.error(problem.errorDescription ?? "") }
        Console.write("\(report.notes) notes, \(report.passages) passages, \(report.examples) intent examples, \(report.phrases) slot phrases: \(report.problems.count) problems\n")
        if !report.problems.isEmpty { throw CommandFailure(code: 1) }
    }
}
