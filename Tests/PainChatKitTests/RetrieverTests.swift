import Foundation
import Testing
@testable import PainChatKit

@Suite struct RetrieverTests {
    static func note(_ id: String, kind: NoteKind, regions: [String], muscles: [String] = [], _ passages: [String]) -> Note {
        Note(id: id, title: id.replacingOccurrences(of: "-", with: " "), kind: kind, regions: regions, muscles: muscles,
             triggers: [], sources: ["test"], file: "\(id).md",
             passages: passages.enumerated().map { Passage(noteID: id, number: $0.offset + 1, text: $0.element, heading: nil, line: $0.offset + 5) })
    }

    static let corpus = Corpus(notes: [
        note("gluteus-medius", kind: .explanation, regions: ["hip", "buttock"], muscles: ["gluteus medius"],
             ["The gluteus medius steadies the pelvis with every step when walking.", "Its knots refer pain to the low back."]),
        note("calf-muscles", kind: .explanation, regions: ["calf"], muscles: ["gastrocnemius"],
             ["Calf cramps at night are common in runners.", "The gastrocnemius crosses the knee."]),
        note("ball-pressure", kind: .selfCare, regions: ["hip", "buttock", "calf"],
             ["Lean against a wall with a tennis ball under the sore spot for a minute.",
              "Lean against a wall with a tennis ball under the sore spot for a minute or so."]),
    ])

    let retriever = Retriever(corpus: RetrieverTests.corpus, tokenizer: sharedTokenizer)

    @Test func ranksByWordsInCommon() {
        let result = retriever.retrieve(RetrievalRequest(text: "calf cramps at night", limit: 3))
        #expect(result.passages.first?.passage.id == "calf-muscles#1")
    }

    @Test func frameExpandsTheQueryWithMusclesOfTheRegion() {
        var frame = Frame()
        frame.location = ["hip"]
        let query = retriever.query(for: RetrievalRequest(text: "why does it hurt", frame: frame))
        #expect(query.contains { $0.term == "gluteus" })
        let result = retriever.retrieve(RetrievalRequest(text: "why does it hurt", frame: frame, limit: 1))
        #expect(result.passages.first?.passage.noteID == "gluteus-medius")
    }

    @Test func kindFilterAndNearDuplicates() {
        let result = retriever.retrieve(RetrievalRequest(text: "tennis ball wall sore spot", onlyKinds: [.selfCare], limit: 5))
        #expect(result.passages.allSatisfy { $0.kind == .selfCare })
        #expect(result.passages.count == 1, "the two near-identical passages are shown once")
    }

    @Test func excludedPassagesAreSkipped() {
        let result = retriever.retrieve(RetrievalRequest(text: "calf cramps", excluding: ["calf-muscles#1"], limit: 5))
        #expect(!result.passages.contains { $0.passage.id == "calf-muscles#1" })
    }

    @Test(arguments: [1, 10, 40, 200, 499, 500, 600])
    func topKMatchesSorting(k: Int) {
        // Many ties, zeros, and scores a few ulps apart that share a bucket.
        let hits = (0..<500).map { i in
            PassageIndex.Hit(passage: i, score: i % 5 == 0 ? Float(i % 11) : Float((i * 7919) % 503) / 7 + Float(i % 3) * 1e-6)
        }
        let expected = hits.sorted { $0.score != $1.score ? $0.score > $1.score : $0.passage < $1.passage }.prefix(k)
        #expect(PassageIndex.top(k, of: hits) == Array(expected))
    }

    /// The small pool of `rankExactly` gives what boosting and filtering every scored
    /// passage gives, on the bundled corpus, for requests that use each boost.
    @Test(arguments: [
        ("why does my hip knot come back when I walk", ["hip"], ["walking"], true),
        ("what is a trigger point", [], [], false),
        ("my lower back aches after sitting", ["low_back"], ["sitting"], false),
        ("stretches for a tight calf", ["calf"], [], false),
        ("pain", [], [], false),
    ])
    func smallPoolRanksLikeEverything(text: String, locations: [String], triggers: [String], definitions: Bool) {
        let retriever = sharedEngine.retriever
        var frame = Frame()
        frame.location = locations
        frame.trigger = triggers
        for limit in [1, 3, 10] {
            let request = RetrievalRequest(text: text, frame: frame, preferredKind: .explanation, limit: limit,
                                           prefersDefinitions: definitions)
            let said = Set(Retriever.terms(text, sharedTokenizer))
            let ids = retriever.query(for: request).compactMap { term, weight in retriever.index.termID(term).map { ($0, weight) } }
            let everything = retriever.index.withScores(ids) { scored in
                retriever.rank(scored.top(scored.hits.count), request: request, said: said)
            }
            #expect(retriever.retrieve(request).passages.map(\.passage.id) == everything.map(\.passage.id))
        }
    }

    /// The early-stopping overlap test agrees with the Jaccard share computed in full.
    @Test func nearDuplicateTestMatchesJaccard() {
        let index = sharedEngine.retriever.index
        func terms(_ p: Int) -> Set<Int32> { Set(index.termsOf[Int(index.termsStart[p])..<Int(index.termsStart[p + 1])]) }
        var pairs = 0
        for a in stride(from: 0, to: index.passageCount, by: 7) {
            for b in stride(from: a + 1, to: min(index.passageCount, a + 40), by: 3) {
                let (x, y) = (terms(a), terms(b))
                let jaccard = Double(x.intersection(y).count) / Double(max(1, x.union(y).count))
                for threshold in [0.1, 0.3, 0.6] {
                    #expect(index.overlaps(a, b, moreThan: threshold) == (jaccard > threshold))
                }
                pairs += 1
            }
        }
        #expect(pairs > 500)
    }

    @Test func bundledCorpusAnswersTheSeed() {
        var frame = Frame()
        frame.location = ["hip"]; frame.quality = ["knot"]; frame.trigger = ["walking"]
        let result = sharedEngine.retriever.retrieve(RetrievalRequest(text: "why does my hip knot come back when I walk", frame: frame,
                                                                      onlyKinds: [.explanation, .condition], limit: 3))
        #expect(!result.passages.isEmpty)
        #expect(result.passages.contains { $0.passage.text.range(of: "glute|trigger point", options: [.regularExpression, .caseInsensitive]) != nil })
    }
}

@Suite struct NoteParserTests {
    @Test func parsesFrontMatterAndPassages() {
        let text = "---\ntitle: Test note\nkind: self-care\nregions: [hip]\nsources: [A book]\n---\nFirst passage\ncontinues here.\n\n## A section\n\nSecond passage.\n"
        let (note, problems) = NoteParser.parse(text: text, id: "test-note", file: "test-note.md")
        #expect(problems.isEmpty)
        #expect(note?.passages.map(\.text) == ["First passage continues here.", "Second passage."])
        #expect(note?.passages[1].heading == "A section")
        #expect(note?.passages[1].id == "test-note#2")
    }

    @Test func reportsProblemsWithLines() {
        let text = "---\ntitle: Bad\nkind: essay\nregions: [hip, elbowz]\nsources: [x]\n---\nSame.\n\nSame.\n"
        let (_, problems) = NoteParser.parse(text: text, id: "bad", file: "bad.md")
        #expect(problems.contains { $0.problem.contains("unknown kind 'essay'") && $0.line == 3 })
        #expect(problems.contains { $0.problem.contains("unknown region 'elbowz'") && $0.line == 4 })
        #expect(problems.contains { $0.problem.contains("duplicate passage") && $0.line == 9 })
    }

    @Test func missingFrontMatterIsAnError() {
        let (note, problems) = NoteParser.parse(text: "just text", id: "x", file: "x.md")
        #expect(note == nil)
        #expect(problems.first?.errorDescription?.hasPrefix("x.md:1:") == true)
    }

    @Test func bundledDataPassesLint() throws {
        let report = try DataLinter.lint(PainChat.Bundle(root: projectRoot))
        #expect(report.problems.isEmpty, "\(report.problems.prefix(5).map { $0.errorDescription ?? "" })")
        #expect(report.notes >= 50)
    }
}

@Suite struct TermReaderTests {
    /// The index's byte reader finds exactly the terms `Retriever.terms` finds.
    @Test(arguments: [
        "Why does my hip knot come back when I walk? It can't be THAT bad.",
        "7/10 pain for 3weeks, worse at 2am; ibuprofen 400mg x2",
        "Sternocleidomastoid and electroencephalography-related hyperresponsiveness",
        "don't  won't I'm  'quoted' rock'n'roll o'clock a b c 12 x",
        "Café naïve façade — the piriformis muscle (résumé)",
        "",
        "HEADINGS: ALL CAPS, then lower case.",
    ])
    func matchesTheTokenizer(text: String) {
        var reader = TermReader(tokenizer: sharedTokenizer)
        var terms: [(Int32, Float)] = []
        reader.read(text, weight: 2, into: &terms)
        let readerStems = terms.map { reader.stems[Int($0.0)] }
        #expect(readerStems == Retriever.terms(text, sharedTokenizer))
        #expect(terms.allSatisfy { $0.1 == 2 })
        // Read again, the same words come back with the same ids.
        var again: [(Int32, Float)] = []
        reader.read(text, weight: 1, into: &again)
        #expect(again.map(\.0) == terms.map(\.0))
    }

    @Test func selfCareForABodyPartComesFromItsOwnNotes() {
        var frame = Frame()
        frame.location = ["elbow"]
        frame.trigger = ["lifting"]
        let care = sharedEngine.policy.composer.selfCareSuggestions(text: "my outer elbow hurts when i grip things", frame: frame,
                                                                    excluding: [], count: 3)
        // The forearm note's own "Self-care for..." paragraph is offered.
        #expect(care.contains { $0.passage.noteID == "forearm-extensors" && $0.kind == .selfCare })
        // Nothing written only for the hip or the neck.
        #expect(!care.contains { ["strengthening#4", "self-care-stretches-neck-shoulder#5"].contains($0.passage.id) })
    }

    @Test func aGeneralSelfCareQuestionStillGetsTheSelfCareNotes() {
        let result = sharedEngine.retriever.retrieve(RetrievalRequest(text: "how long should a static stretch be held",
                                                                      preferredKind: .selfCare, onlyKinds: [.selfCare], limit: 3))
        #expect(result.passages.first.map { sharedEngine.retriever.corpus.note($0.passage.noteID)?.kind } == .selfCare)
    }
}

