import Testing
@testable import PainChatKit

/// Answers that fit the person (SPEC §5): general questions answered at once, the topic
/// carried into follow-ups, short passages of whole sentences, nothing shown twice.
@Suite struct AnswerFitTests {
    @Test func sentencesSplitAtFullStopsNotAbbreviations() {
        let text = "Heat helps many people, e.g. a warm bath. Ice suits a fresh strain (within 48 hours). Dr. Travell wrote of it? 2 studies agree."
        #expect(Retriever.sentences(text) == ["Heat helps many people, e.g. a warm bath.", "Ice suits a fresh strain (within 48 hours).",
                                              "Dr. Travell wrote of it?", "2 studies agree."])
    }

    /// An excerpt is whole sentences of the passage, in its order, within the budget,
    /// and keeps the sentence that matches the query.
    @Test func excerptKeepsWholeSentencesThatFitInOrder() throws {
        let retriever = sharedEngine.retriever
        let passage = try #require(retriever.corpus.notes.flatMap(\.passages).first { Retriever.sentences($0.text).count >= 4 && Retriever.wordCount($0.text) > 80 })
        let sentences = Retriever.sentences(passage.text)
        let target = sentences[2]
        let query = retriever.query(for: RetrievalRequest(text: target))
        let excerpt = try #require(retriever.excerpt(of: passage, query: query, maxWords: 40))
        let shown = Retriever.sentences(excerpt)
        #expect(shown.allSatisfy(sentences.contains))
        #expect(shown == sentences.filter(shown.contains), "in the note's order")
        #expect(shown.contains(target))
        #expect(Retriever.wordCount(excerpt) <= max(40, Retriever.wordCount(target)))
        #expect(retriever.excerpt(of: passage, query: query, maxWords: 10_000) == nil, "a passage within budget is shown whole")
    }

    @Test(arguments: ["is heat or ice better for a stiff back?", "what causes trigger points?",
                      "can painkillers like ibuprofen help muscle pain?"])
    func generalQuestionIsAnsweredAtOnce(question: String) throws {
        let (replies, state) = converse([question])
        #expect(replies[0].answer != nil)
        #expect(replies[0].question == nil)
        #expect(replies[0].parts.contains(.offerToLook))
        #expect(state.frame.isEmpty, "a general question starts no complaint")
    }

    @Test func ownPainQuestionKeepsTheFlow() {
        let (replies, _) = converse(["why does my hip knot come back when I walk"])
        #expect(replies[0].answer == nil)
        #expect(replies[0].question?.slot == .relief)
    }

    /// "why do they hurt?" after "what is a trigger point?" is about trigger points, and
    /// shows passages not shown yet.
    @Test func followUpIsReadAgainstTheTopic() throws {
        let (replies, _) = converse(["what is a trigger point?", "why do they hurt?"])
        let first = try #require(replies[0].answer), second = try #require(replies[1].answer)
        #expect(second.explanations.first.map { $0.noteID.contains("trigger-point") } == true)
        #expect(Set(first.passages.map(\.id)).isDisjoint(with: second.passages.map(\.id)))
    }

    @Test func fullAnswerSaysWhyEachNoteWasChosen() throws {
        let (replies, _) = converse(["my right hip aches when I walk", "sitting helps", "no"])
        let answer = try #require(replies[2].answer)
        #expect(answer.explanations.contains { $0.fits.contains("right hip") })
        #expect(answer.explanations.allSatisfy { $0.excerpt.map { !$0.isEmpty } ?? true })
    }
}

@Suite struct WhyShowsNoteFitTests {
    /// `/why` after an answer lists each quoted passage with its score and what its note fits.
    @Test func traceListsEachQuotedPassageWithItsFit() throws {
        let (replies, state) = converse(["my right hip aches when i walk, resting eases it", "no"])
        let answer = try #require(replies.last?.parts.compactMap { part -> Answer? in
            if case .answer(let a) = part { return a } else { return nil }
        }.first)
        let trace = try #require(state.lastTrace)
        #expect(trace.cited.map(\.id) == answer.passages.map(\.id))
        let text = ReplyRenderer(width: 10_000).renderTrace(trace)
        let first = try #require(answer.explanations.first)
        #expect(text.contains("[\(first.number)] \(first.id) score"))
        #expect(text.contains("note fits: "))
    }
}
