import ArgumentParser
import Foundation
import LineEditor
import PainChatKit

/// `painchat chat`: the conversation. Readline on a terminal; plain lines otherwise.
struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat", abstract: "Talk about your pain (the default command).")

    @OptionGroup var data: DataOptions

    @Option(name: .customLong("data-dir"), help: ArgumentHelp("Where history is kept (default: $PAINCHAT_HOME, $XDG_DATA_HOME/painchat or ~/.local/share/painchat).", valueName: "DIR"))
    var dataDir: String?

    @Flag(name: .customLong("no-history"), help: "Keep nothing on disk (also PAINCHAT_NO_HISTORY=1).")
    var noHistory = false

    static let commands = ["/help", "/why", "/sources", "/reset", "/quit"]

    func run() throws {
        let engine = try data.loadEngine(allowCache: keepsHistory)
        let renderer = ReplyRenderer(width: Console.width, color: Console.useColor)
        if Console.stdinIsTerminal {
            try runTerminal(engine, renderer)
        } else {
            runPipe(engine, renderer)
        }
    }

    var keepsHistory: Bool {
        let variable = ProcessInfo.processInfo.environment["PAINCHAT_NO_HISTORY"] ?? ""
        return !noHistory && (variable.isEmpty || variable == "0")
    }

    /// One utterance per input line, one reply per utterance, no prompt or escape codes.
    func runPipe(_ engine: PainChat, _ renderer: ReplyRenderer) {
        var state = ConversationState()
        state.today = CalendarDay.today()
        while let line = Swift.readLine(strippingNewline: true) {
            let utterance = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if utterance.isEmpty { continue }
            let (next, reply) = engine.respond(to: utterance, in: state)
            state = next
            guard Console.write(renderer.render(reply) + "\n\n") else { return }
            if state.ended { return }
        }
    }

    func runTerminal(_ engine: PainChat, _ renderer: ReplyRenderer) throws {
        var historyPath: String? = nil
        if keepsHistory {
            let directory = try DataDirectory.prepare(DataDirectory.resolve(flag: dataDir))
            historyPath = directory.historyFile.path
            if FileManager.default.fileExists(atPath: historyPath!) && !FileManager.default.isReadableFile(atPath: historyPath!) {
                Console.error("warning: \(historyPath!) cannot be read; starting with empty history")
            }
        }
        let editor = LineEditor(name: "painchat", historyFile: historyPath, completions: ChatCommand.commands)
        let color = renderer.color
        let prompt = color ? "\u{1}\u{1b}[1;36m\u{2}you>\u{1}\u{1b}[0m\u{2} " : "you> "
        Console.write(renderer.render(Reply([.greeting])) + "\n" + "(Type /help for help, /quit or Ctrl-D to leave. This is not a diagnosis.)\n\n")
        var state = ConversationState()
        state.today = CalendarDay.today()
        loop: while true {
            switch editor.readLine(prompt: prompt) {
            case .endOfInput:
                Console.write("\n")
                break loop
            case .interrupted:
                continue
            case .line(let line):
                let utterance = line.trimmingCharacters(in: .whitespacesAndNewlines)
                if utterance.isEmpty { continue }
                let (next, reply) = engine.respond(to: utterance, in: state)
                state = next
                var text = renderer.render(reply)
                if color, reply.urgent != nil { text = "\u{1b}[1;31m" + text + "\u{1b}[0m" }
                Console.write("\n" + text + "\n\n")
                if state.ended || LineEditor.terminationRequested { break loop }
            }
        }
        if !editor.saveHistory(), let historyPath {
            Console.error("warning: could not save history to \(historyPath)")
        }
    }
}
