import Testing
@testable import PainChatKit

@Suite struct ConversationTests {
    @Test func seedConversation() {
        var state = ConversationState()
        var reply: Reply
        (state, reply) = sharedEngine.respond(to: "why does my hip knot come back when I walk", in: state)
        #expect(state.lastTrace?.intent == .askCause)
        #expect(state.frame.location == ["hip"])
        #expect(state.frame.trigger == ["walking"])
        #expect(reply.question?.kind == .slot(.relief))

        (state, reply) = sharedEngine.respond(to: "sitting for a few minutes helps", in: state)
        #expect(state.frame.relief == ["sitting"])
        #expect(reply.question?.kind == .screening)

        (state, reply) = sharedEngine.respond(to: "no", in: state)
        #expect(state.frame.redFlags == "none")
        let answer = try! #require(reply.answer)
        #expect((1...2).contains(answer.explanations.count))
        #expect((2...4).contains(answer.selfCare.count))
        #expect(answer.passages.map(\.number) == Array(1...answer.passages.count))
        let text = ReplyRenderer(width: 10_000).render(reply)
        #expect(text.range(of: "glute|trigger point", options: [.regularExpression, .caseInsensitive]) != nil)
    }

    @Test func aSecondAnswerBringsPassagesNotShownYet() {
        let (replies, _) = converse(["my lower back has been killing me since i moved house last week",
                                     "its worse when i bend to pick stuff up", "no", "nope none of those",
                                     "what can i do about it"])
        let answers = replies.compactMap(\.answer)
        #expect(answers.count == 2)
        guard answers.count == 2 else { return }
        let first = Set(answers[0].passages.map(\.id)), second = answers[1].passages.map(\.id)
        #expect(!second.isEmpty)
        #expect(second.allSatisfy { !first.contains($0) }, "repeated: \(second.filter(first.contains))")
    }

    @Test func followUpsComeInOrderAndAtMostFour() {
        let (replies, state) = converse(["my back hurts", "my lower back", "bending over", "nothing really", "no"])
        let asked = replies.compactMap { $0.question?.slot }
        var firstAsks: [SlotName] = []
        for slot in asked where !firstAsks.contains(slot) { firstAsks.append(slot) }
        #expect(firstAsks == [.trigger, .relief, .redFlags])
        // "my lower back" answered something else, so the trigger question came once more.
        #expect(replies[1].question?.slot == .trigger && replies[1].question?.isRepeat == true)
        #expect(replies.last?.answer != nil)
        #expect(state.frame.trigger == ["bending"])
        #expect(state.frame.location == ["low_back"])
    }

    @Test func volunteeredDetailsAreNeverAskedFor() {
        let (replies, _) = converse(["my right calf aches when I walk and stops when I stand still", "no"])
        #expect(replies[0].question?.kind == .screening)
        let answer = try! #require(replies[1].answer)
        #expect(answer.professional.contains(.walkingPainEasedByRest))
    }

    @Test func dangerSignPreemptsEverything() {
        let (replies, _) = converse(["why does my hip knot come back when I walk", "and I can't control my bladder"])
        #expect(replies[1].urgent?.category == .caudaEquina)
        #expect(replies[1].answer == nil)
    }

    @Test func sideQuestionIsAnsweredThenThePendingQuestionResumes() {
        let (replies, _) = converse(["why does my hip knot come back when I walk", "what is a trigger point?"])
        #expect(replies[1].answer != nil)
        #expect(replies[1].question?.kind == .slot(.relief))
        #expect(replies[1].question?.isRepeat == true)
    }

    @Test func theScreeningQuestionFitsThePlaceThatHurts() {
        let renderer = ReplyRenderer(width: 10_000)
        func screening(_ utterances: [String]) -> String {
            let (replies, _) = converse(utterances)
            return replies.last.map(renderer.render) ?? ""
        }
        let jaw = screening(["my jaw aches when I chew", "rest helps"])
        #expect(jaw.contains("drooping face") && !jaw.contains("bladder"))
        let back = screening(["my lower back hurts when I bend", "lying down helps"])
        #expect(back.contains("bladder") && back.contains("groin"))
        // Two places: every sign.
        let both = screening(["my neck and my lower back hurt", "sitting", "walking helps"])
        #expect(both.contains("bladder") && both.contains("chest pain"))
    }

    @Test func twoFallbacksInARowAreWordedDifferently() {
        let (replies, _) = converse(["asdf qwer zxcv", "blorp flimflam"])
        let renderer = ReplyRenderer()
        #expect(replies.allSatisfy { $0.isFallback })
        #expect(renderer.render(replies[0]) != renderer.render(replies[1]))
    }

    @Test func sameInputSameReplies() {
        let a = converse(["my calf cramps when I run", "stretching", "no"])
        let b = converse(["my calf cramps when I run", "stretching", "no"])
        #expect(a.replies == b.replies)
    }

    @Test func goodbyeEnds() {
        let (replies, state) = converse(["ok that's all, bye"])
        #expect(replies[0].ends)
        #expect(state.ended)
    }
}
