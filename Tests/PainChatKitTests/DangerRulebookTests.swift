import Foundation
import Testing
@testable import PainChatKit

/// The danger rules as data: the loader's checks, and one engine that runs whatever the
/// files say.
struct DangerRulebookTests {
    let danger = projectRoot.appendingPathComponent("Intents/danger")

    /// A copy of `Intents/danger/` with `edit` applied to one file, for breaking it on purpose.
    func copy(editing file: String, _ edit: (String) -> String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("danger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in DangerRulebookLoader.files {
            var text = try String(contentsOf: danger.appendingPathComponent(name), encoding: .utf8)
            if name == file { text = edit(text) }
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func theBundledRulebookLoadsClean() throws {
        let (rulebook, problems) = DangerRulebookLoader.read(from: danger)
        #expect(problems.isEmpty, "\(problems.map { $0.errorDescription ?? "" })")
        let book = try #require(rulebook)
        #expect(book.categories.count == 9)
        #expect(book.rules.count >= 30)
    }

    @Test func anUnknownConceptIsAFileLineErrorWithTheFix() throws {
        let folder = try copy(editing: "rules.yaml") { $0.replacingOccurrences(of: "all: [bladder, control_loss]", with: "all: [bladdr, control_loss]") }
        let problems = DangerRulebookLoader.read(from: folder).1
        let problem = try #require(problems.first { $0.problem.contains("unknown concept 'bladdr'") })
        #expect(problem.file.hasSuffix("rules.yaml"))
        let text = try String(contentsOf: folder.appendingPathComponent("rules.yaml"), encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("bladdr") }.map { $0 + 1 }
        #expect(problem.line == line)
        #expect(problem.fix.contains("did you mean 'bladder'"))
        #expect(throws: DataError.self) { try DangerRulebookLoader.load(from: folder) }
    }

    @Test func aMisspeltFlagCategoryOrPlaceIsCaught() throws {
        let flags = try copy(editing: "concepts.yaml") { $0.replacingOccurrences(of: "flags: [body_part]", with: "flags: [bodypart]") }
        #expect(DangerRulebookLoader.read(from: flags).1.contains { $0.problem.contains("'bodypart' is not a concept flag") && $0.fix.contains("body_part") })
        let category = try copy(editing: "rules.yaml") { $0.replacingOccurrences(of: "{category: dvt, all: [clot, calf]}", with: "{category: dvtt, all: [clot, calf]}") }
        #expect(DangerRulebookLoader.read(from: category).1.contains { $0.problem.contains("unknown category 'dvtt'") })
        let place = try copy(editing: "concepts.yaml") { $0.replacingOccurrences(of: "from_frame: [chest]", with: "from_frame: [chset]") }
        #expect(DangerRulebookLoader.read(from: place).1.contains { $0.problem.contains("'chset' is not a location value") })
        let yaml = try copy(editing: "words.yaml") { $0 + "\nbroken: [a, b\n" }
        #expect(DangerRulebookLoader.read(from: yaml).1.contains { $0.problem.contains("is not valid YAML") && $0.line != nil })
    }

    @Test func aConceptNoRuleUsesIsReported() throws {
        let folder = try copy(editing: "concepts.yaml") { $0 + "\nunused_idea:\n  phrases: [something]\n" }
        #expect(DangerRulebookLoader.read(from: folder).1.contains { $0.problem.contains("'unused_idea' is used by no rule") })
    }

    /// The engine has no branch on a name: renaming a concept everywhere it is used, and a
    /// category in every file, changes nothing but the name reported.
    @Test func renamingAConceptOrCategoryChangesNothingElse() throws {
        let renamed = try copy(editing: "concepts.yaml") { $0.replacingOccurrences(of: "\nfever:", with: "\npyrexia:") }
        for file in ["rules.yaml"] {
            let path = renamed.appendingPathComponent(file)
            let text = try String(contentsOf: path, encoding: .utf8)
                .replacingOccurrences(of: "[fever,", with: "[pyrexia,").replacingOccurrences(of: "concept: fever,", with: "concept: pyrexia,")
                .replacingOccurrences(of: "category: infection", with: "category: infected")
            try text.write(to: path, atomically: true, encoding: .utf8)
        }
        let categories = renamed.appendingPathComponent("categories.yaml")
        try String(contentsOf: categories, encoding: .utf8).replacingOccurrences(of: "\n  infection:", with: "\n  infected:")
            .write(to: categories, atomically: true, encoding: .utf8)
        let original = DangerSignDetector(rulebook: rulebook, tokenizer: sharedTokenizer)
        let other = DangerSignDetector(rulebook: try DangerRulebookLoader.load(from: renamed), tokenizer: sharedTokenizer)
        for text in ["back pain with a fever and chills", "had a fever years ago, my back hurts", "no fever but my back aches",
                     "my knee is hot and swollen and I have a fever", "had covid last month with a temperature, my back aches"] {
            let tokens = sharedTokenizer.tokenize(text)
            let a = original.check(tokens: tokens, stems: tokens.map(\.stem))
            let b = other.check(tokens: tokens, stems: tokens.map(\.stem))
            #expect((a?.category == .infection) == (b?.category == DangerCategory("infected")), "\(text)")
            #expect(a?.level == b?.level && a?.evidence == b?.evidence)
        }
    }

    @Test func aScopedRuleNeedsItsConceptsCloseAndInOrder() {
        func fires(_ text: String) -> Bool {
            let tokens = sharedTokenizer.tokenize(text)
            return sharedEngine.understanding.danger.check(tokens: tokens, stems: tokens.map(\.stem)) != nil
        }
        #expect(fires("i just took 20 of my sleeping tablets"))
        // The same words, far apart or in the other order, are a dose and a count.
        #expect(!fires("I take my tablets every morning, and my knee has hurt for 20 days"))
        #expect(!fires("tablets: I took 2, the box said 20"))
        #expect(DangerSignDetector.together([[0..<1], [2..<3], [5..<6]], within: 9, inOrder: true) != nil)
        #expect(DangerSignDetector.together([[0..<1], [2..<3], [12..<13]], within: 9, inOrder: true) == nil)
        #expect(DangerSignDetector.together([[4..<5], [2..<3]], within: 9, inOrder: true) == nil)
        #expect(DangerSignDetector.together([[4..<5], [2..<3]], within: 9, inOrder: false) != nil)
    }

    @Test func theScreeningQuestionListsTheSignsThatFitThePlace() {
        let jaw = rulebook.screeningSigns(for: "jaw")
        #expect(!jaw.contains { $0.contains("bladder") } && jaw.contains { $0.contains("drooping face") })
        let back = rulebook.screeningSigns(for: "low_back")
        #expect(back.first?.contains("bladder") == true && back.contains { $0.contains("calf") })
        let anywhere = rulebook.screeningSigns(for: nil)
        #expect(anywhere.count >= 7 && anywhere.contains { $0.contains("chest") })
    }

    @Test func aRuleCanBeMoreUrgentThanItsCategory() throws {
        let rule = try #require(rulebook.rules.first { $0.level != nil })
        let sign = rulebook.sign(for: rule, evidence: "x", forSomeoneElse: false)
        #expect(sign.level == rule.level && sign.reason == rule.reason)
        #expect(sign.advice.first == rulebook.actNow[rule.level!])
    }
}
