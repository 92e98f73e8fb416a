import Foundation
import Testing
@testable import PainChatKit

@Suite struct SlotRoleTests {
    // MARK: The markup of Intents/slots/examples

    @Test func markupGivesThePlainTextAndEachPhrasesPlace() throws {
        let example = try SlotExample.parse("it hurts when I [walk](trigger:walking) but [sitting down](relief:sitting) helps, no [tingling](none)",
                                            file: "x.txt", lineNumber: 3)
        #expect(example.text == "it hurts when I walk but sitting down helps, no tingling")
        #expect(example.spans.count == 3)
        let words = example.spans.map { span in
            String(String.UnicodeScalarView(Array(example.text.unicodeScalars)[span.range]))
        }
        #expect(words == ["walk", "sitting down", "tingling"])
        #expect(example.spans[0].slot == .trigger && example.spans[0].value == "walking")
        #expect(example.spans[1].slot == .relief && example.spans[1].value == "sitting")
        #expect(example.spans[2].slot == nil && example.spans[2].value == nil)
        let rated = try SlotExample.parse("a [7](none) earlier, more like a [5](intensity:5) for [three weeks](duration_days:21)",
                                          file: "x.txt", lineNumber: 1)
        #expect(rated.spans.map(\.value) == [nil, "5", "21"])
    }

    @Test func badMarkupIsAnErrorAtItsLineNamingTheFix() {
        let bad = [
            "my [knee](location:kneee) hurts": "not a value of location",
            "my [knee hurts": "never closed",
            "my [left [knee]](location:knee)": "nest",
            "my [knee] hurts": "no (slot:value)",
            "my [knee](place:knee)": "not slot:value or none",
            "a [12](intensity:12)": "0 to 10",
            "my knee] hurts": "no '['",
            "for [ages](duration_days:lots)": "whole number of days",
        ]
        for (line, words) in bad {
            do {
                _ = try SlotExample.parse(line, file: "body.txt", lineNumber: 9)
                Issue.record("'\(line)' was accepted")
            } catch let error as DataError {
                #expect(error.file == "body.txt" && error.line == 9)
                #expect((error.problem + " " + error.fix).contains(words), "\(line): \(error.problem); \(error.fix)")
            } catch {
                Issue.record("'\(line)' threw \(error)")
            }
        }
    }

    @Test func lintFindsBadLinesAndRepeatsInTheExamplesFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("painchat-slot-examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "# a comment\n[left](side:left)\nmy [hip](location:hip) aches\n".write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "my [hip](location:hip) aches!\nno [tingle](quality:tingle)\n".write(to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        var report = DataLinter.Report()
        DataLinter.lintSlotExamples(folder, into: &report)
        #expect(report.slotExamples == 3)
        let found = report.problems.map { "\(($0.file as NSString).lastPathComponent):\($0.line ?? 0) \($0.problem)" }.sorted()
        #expect(found.count == 2)
        #expect(found[0] == "b.txt:1 duplicate example (also at a.txt:3)")
        #expect(found[1].hasPrefix("b.txt:2 marks 'tingle'"))
    }

    // MARK: Candidates and the roles the annotations give them

    static var slots: SlotExtractor { sharedEngine.understanding.slots }

    static func read(_ text: String) -> (tokens: [Token], stems: [String]) {
        let tokens = sharedTokenizer.tokenize(text)
        return (tokens, sharedEngine.understanding.corrector.stems(for: tokens))
    }

    @Test func eachCandidateTakesTheRoleOfTheAnnotationOverIt() throws {
        let example = try SlotExample.parse("[sitting](relief:sitting) eases my [hip](location:hip) but [walking](trigger:walking) and the [back](none) stairs don't",
                                            file: "x.txt", lineNumber: 1)
        let (samples, alignment) = SlotRoleModel.samples([example], extractor: Self.slots, read: Self.read)
        let roles = Dictionary(samples.map { sample in
            (Self.read(example.text).tokens[sample.candidate.range].map(\.text).joined(separator: " "), sample.role)
        }, uniquingKeysWith: { first, _ in first })
        #expect(roles["sitting"] == .relief)
        #expect(roles["walking"] == .trigger)
        #expect(roles["hip"] == .fill)
        #expect(roles["back"] == SlotRole.none)
        // "stairs" is a trigger word no annotation marks: taken as filling nothing.
        #expect(roles["stairs"] == SlotRole.none)
        #expect(alignment.unmarked == 1)
        #expect(alignment.unknownToLexicon == 0)
    }

    @Test func aMarkedWordingNoLexiconKnowsIsCounted() throws {
        let example = try SlotExample.parse("my [noggin](location:head) is pounding", file: "x.txt", lineNumber: 1)
        let (_, alignment) = SlotRoleModel.samples([example], extractor: Self.slots, read: Self.read)
        #expect(alignment.unknownToLexicon == 1)
    }

    // MARK: Learning

    /// A small annotated set whose only clue to a phrase's role is the word before it:
    /// the model must learn that, not the phrase.
    static func toySet() throws -> [SlotExample] {
        let places = ["knee", "hip", "neck", "shoulder", "wrist", "ankle", "elbow", "calf"]
        let qualities = ["tingling", "numbness", "stiffness", "cramp", "burning", "throbbing"]
        var lines: [String] = []
        for (i, place) in places.enumerated() {
            let quality = qualities[i % qualities.count]
            lines.append("my [\(place)](location:\(place)) has [\(quality)](quality:\(quality)) today")
            lines.append("no [\(quality)](none) in my [\(place)](location:\(place)) at all")
            lines.append("my friend's [\(place)](none) is sore, mine is fine")
            lines.append("[sitting](relief:sitting) helps my [\(place)](location:\(place))")
            lines.append("[sitting](trigger:sitting) makes my [\(place)](location:\(place)) worse")
        }
        return try lines.enumerated().map { try SlotExample.parse($1, file: "toy.txt", lineNumber: $0 + 1) }
    }

    @Test func theModelLearnsNegationSomeoneElseAndTriggerFromRelief() throws {
        let people = rulebook.words.otherPeople
        let (samples, _) = SlotRoleModel.samples(try Self.toySet(), extractor: Self.slots, read: Self.read)
        let model = SlotRoleModel(samples: samples, extractor: Self.slots, people: people)
        let features = SlotRoleFeatures(extractor: Self.slots, people: people)
        func role(_ text: String, _ word: String) -> SlotRole {
            let (tokens, stems) = Self.read(text)
            let candidates = Self.slots.candidates(stems: stems)
            guard let candidate = candidates.first(where: { tokens[$0.range].contains { $0.text == word } }) else {
                Issue.record("no candidate '\(word)' in '\(text)'")
                return .none
            }
            let hand = Self.slots.extractByHand(tokens: tokens, stems: stems, pending: nil, asksWithoutTelling: false, today: nil)
            return model.role(of: candidate, among: candidates, tokens: tokens, stems: stems, features: features,
                              context: .init(pending: nil, asks: false),
                              hand: SlotRoleFeatures.handVerdict(of: candidate, in: hand)).role
        }
        // Pairings the set never shows.
        #expect(role("no cramp in my elbow at all", "cramp") == SlotRole.none)
        #expect(role("my calf has tingling today", "tingling") == .fill)
        #expect(role("my friend's wrist is sore, mine is fine", "wrist") == SlotRole.none)
        #expect(role("sitting makes my ankle worse", "sitting") == .trigger)
        #expect(role("sitting helps my neck", "sitting") == .relief)
    }

    @Test func trainingIsDeterministic() throws {
        let (samples, _) = SlotRoleModel.samples(try Self.toySet(), extractor: Self.slots, read: Self.read)
        let a = SlotRoleModel(samples: samples, extractor: Self.slots, people: [])
        let b = SlotRoleModel(samples: samples, extractor: Self.slots, people: [])
        #expect(a.vocabulary == b.vocabulary)
        #expect(a.model.weights == b.model.weights)
    }

    // MARK: The engine's modes

    @Test func handModeIsTheHandRulesAlone() {
        let hand = sharedEngine.with(slotRoleMode: .hand).understanding.slots
        for text in ["my sister's knee hurts and so does my hip", "heat helps but stretching doesn't", "I'm running late, my neck is stiff"] {
            let (tokens, stems) = Self.read(text)
            #expect(hand.extract(tokens: tokens, stems: stems) == hand.extractByHand(tokens: tokens, stems: stems, pending: nil,
                                                                                    asksWithoutTelling: false, today: nil))
        }
    }

    @Test func aMessageOfVeryManySlotPhrasesIsReadByTheHandRulesAlone() {
        // One such sentence is read by the model ("arm" is part of the movement; see
        // SlotExtractorTests); sixteen of them name more candidates than the model reads.
        let one = "it hurts when i lift my arm above my head"
        #expect(!frame(of: one).location.contains("arm"))
        let many = Array(repeating: one, count: 16).joined(separator: " and ")
        #expect(Self.slots.candidates(stems: Self.read(many).stems).count > SlotRoleModel.maximumCandidates)
        #expect(frame(of: many).location.contains("arm"))
    }

    @Test func theBundledEngineLearnsRolesFromItsExamples() {
        #expect(Self.slots.hasLearnedRoles)
        #expect(Self.slots.roleMode == .both)
    }
}
