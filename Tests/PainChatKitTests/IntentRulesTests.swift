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
        // Teeth are a place for the jaw lexicon ("grinding my teeth"), but a toothache is a dentist's.
        #expect(intent("my tooth is killing me, could it be an abscess") == .outOfScope)
        #expect(intent("my jaw clicks and aches when I chew") != .outOfScope)
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

    @Test func questionShapesWithoutAQuestionMark() {
        func asks(_ text: String) -> Bool { IntentRules.looksLikeQuestion(sharedTokenizer.tokenize(text), hasQuestionMark: false) }
        #expect(asks("have I torn my calf"))
        #expect(asks("if it's not better in a week should I see someone"))
        #expect(asks("I've heard of runner's knee but what is it"))
        #expect(asks("shud i put ice on it"))
        #expect(asks("show me a stretch for my lower back"))
        #expect(!asks("had it for weeks now"))
        #expect(!asks("I did it again lifting the shopping"))
        #expect(!asks("my knee is sore when I kneel"))
    }

    @Test func aRequestWithoutAStoryStaysAQuestion() {
        #expect(intent("exercises for a stiff neck please") == .askSelfCare)
        #expect(intent("have I pulled my hamstring") == .askCondition)
        // Telling one's own story without a question's shape is still a description.
        #expect(intent("my calf cramps up at night") == .inform)
    }

    @Test func aGreetingThatOnlyNamesAPlaceStillGreets() {
        #expect(intent("hi, I have a question about my back") == .greet)
        #expect(intent("hi, my knee hurts on the stairs") == .inform)
    }
}
