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

    @Argument(help: "What to look for.")
    var query: [String]

    func validate() throws {
        guard k >= 1 && k <= 1000 else { throw ValidationError("-k must be between 1 and 1000") }
        guard !query.joined().trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("give a QUERY to search for") }
    }

    func run() throws {
        let engine = try data.loadEngine()
        let text = String(query.joined(separator: " ").prefix(PainChat.maximumInputLength))
        let analysis = engine.understanding.analyse(text)
        var frame = Frame()
        frame.apply(analysis.extraction)
        let result = engine.retriever.retrieve(RetrievalRequest(text: text, frame: frame, limit: k))
        if json {
            Console.write(JSONOutput.search(result.passages) + "\n")
            return
        }
        if result.passages.isEmpty { Console.write("No passages match.\n"); return }
        let width = Console.width
        for (index, p) in result.passages.enumerated() {
            let header = "\(index + 1). \(p.title) (\(p.passage.id), score \(String(format: "%.2f", p.score)))"
            Console.write(header + "\n" + TextWrapper.wrap("   " + ReplyRenderer.clean(p.passage.text), width: width, indent: "   ") + "\n\n")
        }
    }
}
