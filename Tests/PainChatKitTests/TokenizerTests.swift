import Testing
@testable import PainChatKit

@Suite struct TokenizerTests {
    let tokenizer = sharedTokenizer

    @Test func lowercasesAndStems() {
        let tokens = tokenizer.tokenize("Walking STRETCHES referred")
        #expect(tokens.map(\.text) == ["walking", "stretches", "referred"])
        #expect(tokens.map(\.stem) == ["walk", "stretch", "refer"])
    }

    @Test func keepsContractionsAsOneWord() {
        #expect(tokenizer.tokenize("it doesn't help, I can't sit").map(\.text) == ["it", "doesnt", "help", "i", "cant", "sit"])
        #expect(tokenizer.tokenize("it doesn\u{2019}t").map(\.text) == ["it", "doesnt"])
    }

    @Test func splitsDigitsFromLettersAndPunctuation() {
        #expect(tokenizer.tokenize("7/10 for 3weeks").map(\.text) == ["7", "10", "for", "3", "weeks"])
    }

    @Test func foldsAccentsAndDropsSymbols() {
        #expect(tokenizer.tokenize("Café — naïve 😀 ache!!").map(\.text) == ["cafe", "naive", "ache"])
    }

    @Test func recordsOffsetsAndClauseStarts() {
        let tokens = tokenizer.tokenize("no fever, but pain")
        #expect(tokens[0].range == 0..<2)
        #expect(tokens[2].range == 10..<13)
        #expect(tokens.map(\.startsClause) == [true, false, true, false])
    }

    @Test func survivesHostileInput() {
        #expect(tokenizer.tokenize("").isEmpty)
        #expect(tokenizer.tokenize("\u{0}\u{1b}[31m\u{202e}!!!???").map(\.text) == ["31", "m"])
        let long = String(repeating: "a", count: 10_000)
        #expect(tokenizer.tokenize(long).count == 1)
    }

    @Test func editDistanceCountsASwapAsOneEdit() {
        #expect(editDistance(Array("wlaking".utf8), Array("walking".utf8), limit: 2) == 1)
        #expect(editDistance(Array("streching".utf8), Array("stretching".utf8), limit: 2) == 1)
        #expect(editDistance(Array("knee".utf8), Array("knot".utf8), limit: 1) == 2)
    }
}
