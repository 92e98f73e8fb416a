import ArgumentParser
import Foundation
import PainChatKit

/// The `painchat` command line: the chat by default, plus tools for testing and data.
struct PainChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "painchat",
        abstract: "An offline companion for muscle and joint pain. Not a diagnosis.",
        subcommands: [ChatCommand.self, ClassifyCommand.self, SearchCommand.self, TestCommand.self,
                      EvalCommand.self, LintCommand.self],
        defaultSubcommand: ChatCommand.self
    )
}

@main
enum Main {
    static func main() {
        // A closed stdout (e.g. `| head -1`) must end quietly, not kill us mid-write.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try PainChatCommand.parseAsRoot()
            try command.run()
        } catch let error as DataError {
            Console.error(error.errorDescription ?? "\(error)")
            Foundation.exit(2)
        } catch let error as CommandFailure {
            Foundation.exit(error.code)
        } catch {
            let code = PainChatCommand.exitCode(for: error)
            if code == .success {
                print(PainChatCommand.fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = PainChatCommand.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            Console.error("painchat: \(message); see `painchat --help`")
            Foundation.exit(2)
        }
    }
}

/// Ends the process with a code after the command has printed its own report.
struct CommandFailure: Error {
    var code: Int32
}
