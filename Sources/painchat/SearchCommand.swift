import ArgumentParser
import Foundation
import PainChatKit

/// `painchat search`: ranked passages for a query.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Search the notes.")

    @OptionGroup var data: DataOptions

    @Flag(help: "A JSON array of passages (SPEC §7).")
    var json = false

    @Option(name: .short, help: "How many passages.")
    var k: Int = 5

    @Argument(help: "What to look for. Without it, one query per stdin line (one JSON array per line with --json).")
    var query: [String] = []

    func validate() throws {
        guard k >= 1 && k <= 1000 else { throw ValidationError("-k must be between 1 and 1000") }
    }

    func run() throws {
        let engine = try data.loadEngine()
        if query.isEmpty {
            while let line = Swift.readLine(strippingNewline: true) {
                guard search(String(line.prefix(PainChat.maximumInputLength)), engine) else { return }
            }
            return
        }
        search(String(query.joined(separator: " ").prefix(PainChat.maximumInputLength)), engine)
    }

    /// Searches like an answer would: the frame read from the query expands it, and the
    /// kind of note follows the question's intent.
    @discardableResult
    func search(_ text: String, _ engine: PainChat) -> Bool {
        let result = engine.search(text, limit: k)
        if json { return Console.write(JSONOutput.search(result.passages) + "\n") }
        if result.passages.isEmpty { return Console.write("No passages match.\n") }
        let width = Console.width
        for (index, p) in result.passages.enumerated() {
            let header = "\(index + 1). \(p.title) (\(p.passage.id), score \(String(format: "%.2f", p.score)))"
            guard Console.write(header + "\n" + TextWrapper.wrap("   " + ReplyRenderer.clean(p.passage.text), width: width, indent: "   ") + "\n\n") else { return false }
        }
        return true
    }
}
