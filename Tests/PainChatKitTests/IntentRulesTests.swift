import Testing
@testable import PainChatKit

@Suite struct IntentRulesTests {
    func intent(_ text: String) -> Intent { sharedEngine.understanding.analyse(text).intent }

    @Test func aDescriptionWithoutAQuestionShapeIsInform() {
        #expect(intent("I have a pounding headache") == .inform)
        #expect(intent("why does my hip knot come back when I walk") == .askCause)
        #expect(intent("could this be sciatica") == .askCondition)
    }

    @Test func painIsNeverOutOfScope() {
        #expect(intent("can you help me, my knee has been killing me for a month") != .outOfScope)
        #expect(intent("tell me a joke") == .outOfScope)
        #expect(intent("I have a really sore throat and a cough") == .outOfScope)
    }

    @Test func thanksAndByeEnds() {
        #expect(intent("thanks, bye") == .goodbye)
        #expect(intent("thanks a lot") == .thanks)
    }

    @Test func questionShape() {
        let tokens = sharedTokenizer.tokenize("I wonder if it's a trapped nerve")
        #expect(IntentRules.looksLikeQuestion(tokens, hasQuestionMark: false))
        #expect(!IntentRules.looksLikeQuestion(sharedTokenizer.tokenize("my neck is stiff"), hasQuestionMark: false))
        #expect(IntentRules.looksLikeQuestion(sharedTokenizer.tokenize("my neck is stiff"), hasQuestionMark: true))
    }
}
