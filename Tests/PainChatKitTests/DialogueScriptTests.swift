import Foundation
import Testing
@testable import PainChatKit

/// Every script in Tests/Dialogues runs as its own test, so a failure names the file.
let dialogueFiles: [String] = {
    let folder = projectRoot.appendingPathComponent("Tests/Dialogues")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".dialog") }.sorted()
}()

@Suite struct DialogueScriptTests {
    @Test(arguments: dialogueFiles)
    func script(_ name: String) throws {
        let path = projectRoot.appendingPathComponent("Tests/Dialogues/\(name)").path
        let result = DialogRunner(engine: sharedEngine).run(try DialogScript.load(path: path))
        #expect(result.failures.isEmpty, "\(result.failures.map(\.description).joined(separator: "\n"))")
    }

    @Test func thereAreScripts() {
        #expect(!dialogueFiles.isEmpty)
    }

    @Test func parsesTheSpecExample() throws {
        let text = "# c\n> why does my hip knot come back when I walk\n  intent ask_cause\n  slot location hip\n  not asks location\n> no\n  says /glute|trigger point/\n"
        let script = try DialogScript.parse(text, file: "x.dialog")
        #expect(script.turns.count == 2)
        #expect(script.turns[0].expectations.map(\.check) == [.intent(.askCause), .slot(.location, ["hip"]), .asks(.location)])
        #expect(script.turns[0].expectations[2].negated)
    }

    @Test func malformedScriptsNameFileAndLine() {
        #expect(throws: DataError.self) { try DialogScript.parse("  intent greet\n", file: "a.dialog") }
        do {
            _ = try DialogScript.parse("> hi\n  intent nonsense\n", file: "b.dialog")
            Issue.record("expected an error")
        } catch let error as DataError {
            #expect(error.location == "b.dialog:2")
        } catch { Issue.record("wrong error \(error)") }
    }

    @Test func aFailingExpectationIsReported() throws {
        let script = try DialogScript.parse("> hello\n  urgent\n  ends\n", file: "c.dialog")
        let result = DialogRunner(engine: sharedEngine).run(script)
        #expect(result.failures.count == 2)
        #expect(result.failures[0].line == 2)
    }

    @Test func answerVerbsParse() throws {
        let text = "> knot in my hip\n  explains gluteus-medius, gluteus-minimus\n  suggests self-care-heat\n  not repeats\n  words < 250\n"
        let checks = try DialogScript.parse(text, file: "d.dialog").turns[0].expectations
        #expect(checks.map(\.check) == [.explains(["gluteus-medius", "gluteus-minimus"]), .suggests(["self-care-heat"]), .repeats, .wordsBelow(250)])
        #expect(checks[2].negated)
        for bad in ["  words 250", "  words < x", "  explains", "  explains Not A Note", "  repeats twice"] {
            #expect(throws: DataError.self) { try DialogScript.parse("> hi\n\(bad)\n", file: "e.dialog") }
        }
    }

    /// The answer verbs check what the reply really holds: the note of its first
    /// explanation, its self-care notes, its length and passages shown before.
    @Test func answerVerbsCheckTheReply() throws {
        let turns = ["why does my hip knot come back when I walk", "sitting for a few minutes helps", "no"]
        let (replies, _) = converse(turns)
        let answer = try #require(replies[2].answer)
        let first = try #require(answer.explanations.first).noteID
        let other = try #require(sharedEngine.retriever.corpus.notes.first { $0.id != first && !answer.explanations.map(\.noteID).contains($0.id) }).id
        func run(_ expectations: String) throws -> DialogResult {
            let text = turns.dropLast().map { "> \($0)\n" }.joined() + "> no\n" + expectations
            return DialogRunner(engine: sharedEngine).run(try DialogScript.parse(text, file: "f.dialog"))
        }
        #expect(try run("  explains \(first)\n  not repeats\n  words < 100000\n").passed)
        #expect(!(try run("  explains \(other)\n").passed))
        #expect(!(try run("  words < 20\n").passed))
        #expect(!(try run("  explains no-such-note\n").passed))
        if let care = answer.selfCare.first?.noteID { #expect(try run("  suggests \(care)\n").passed) }
        let report = AnswerEvaluation.score([(try DialogScript.parse(turns.map { "> \($0)\n" }.joined() + "  explains \(first)\n", file: "h.dialog"),
                                             DialogRunner(engine: sharedEngine).run(try DialogScript.parse(turns.map { "> \($0)\n" }.joined() + "  explains \(first)\n", file: "h.dialog")))])
        #expect(report.firstExplanationFits == .init(hits: 1, total: 1))
        #expect(report.fullAnswerWords.count == 1)
    }
}
