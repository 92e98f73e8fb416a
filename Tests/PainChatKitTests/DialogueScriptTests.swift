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
}
