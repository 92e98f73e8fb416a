import Foundation
import Testing
@testable import PainChatKit

@Suite struct IntentClassifierTests {
    /// A tiny training set where each intent has clearly different words.
    static let toyExamples: [IntentExample] = {
        let data: [(Intent, [String])] = [
            (.greet, ["hello", "hi there", "good morning", "hey", "hiya", "hello there friend"]),
            (.goodbye, ["bye", "goodbye", "see you later", "bye for now", "i am off, bye", "cheerio"]),
            (.askCause, ["why does my hip hurt", "what causes knee pain", "why does it keep coming back",
                         "what is causing this ache", "why do my calves cramp", "why is my neck sore"]),
        ]
        return data.flatMap { intent, texts in texts.enumerated().map { IntentExample(text: $1, intent: intent, file: "toy", line: $0 + 1) } }
    }()

    @Test func learnsSeparableIntents() {
        let classifier = IntentClassifier(examples: Self.toyExamples, tokenizer: sharedTokenizer)
        #expect(classifier.classify("hello hello").intent == .greet)
        #expect(classifier.classify("why does my back hurt").intent == .askCause)
        #expect(classifier.classify("ok bye then").intent == .goodbye)
    }

    @Test func confidencesAreAProbabilityRankingAndDeterministic() {
        let a = IntentClassifier(examples: Self.toyExamples, tokenizer: sharedTokenizer).classify("why does my hip hurt")
        let b = IntentClassifier(examples: Self.toyExamples, tokenizer: sharedTokenizer).classify("why does my hip hurt")
        #expect(a == b)
        let total = a.ranking.reduce(0) { $0 + $1.confidence }
        #expect(abs(total - 1) < 1e-4)
        #expect(a.ranking.map(\.confidence) == a.ranking.map(\.confidence).sorted(by: >))
    }

    @Test func jargonIsCorpusWordsTheWordListLacksButNotBritishSpellings() {
        let dictionary: Set = ["color", "center", "centered", "recognize", "fiber", "muscle", "travel", "traveled"]
        let corpus: Set = ["psoas", "tendinopathy", "colour", "centre", "centred", "recognise", "fibres", "muscle",
                           "travelled", "x-ray", "tmj"]
        #expect(DomainVocabulary.jargon(in: corpus, dictionary: dictionary) == ["psoas", "tendinopathy"])
        // Without a word list every word would look technical, so there is none.
        #expect(DomainVocabulary.jargon(in: corpus, dictionary: []).isEmpty)
    }

    @Test func technicalWordsOfTheCorpusMakeAQuestionAboutTheTopic() {
        for text in ["what is tendinopathy", "what is claudication", "what's a rhabdomyolysis"] {
            let tags = sharedEngine.understanding.classifier.domain.tags(sharedTokenizer.tokenize(text))
            #expect(tags.contains(DomainVocabulary.Tag.medical.rawValue), "\(text): \(tags)")
            #expect(!tags.contains(DomainVocabulary.Tag.offTopic.rawValue), "\(text): \(tags)")
        }
    }

    @Test func misspeltWordsAreReadAsTheTrainingWordTheyMiss() throws {
        let classifier = sharedEngine.understanding.classifier
        let words = { (text: String) in classifier.correctingSpelling(sharedTokenizer.tokenize(text)).map(\.text) }
        #expect(words("many thnaks") == ["many", "thanks"])
        #expect(words("apreciate it") == ["appreciate", "it"])
        // Of several words a letter away, the one used far more often: "could", not "cold".
        #expect(words("coud it be sciatica") == ["could", "it", "be", "sciatica"])
        // Real words stay as typed, even one letter from a training word.
        try #require(!SystemDictionary.words().isEmpty, "install wamerican for /usr/share/dict/words")
        #expect(words("talk latter") == ["talk", "latter"])
        #expect(classifier.classify("many thnaks").intent == .thanks)
    }

    @Test func unknownWordsFallBack() {
        let classifier = IntentClassifier(examples: Self.toyExamples, tokenizer: sharedTokenizer)
        #expect(classifier.classify("").isFallback)
        #expect(classifier.classify("zzqx vvkk").isFallback)
    }

    @Test(arguments: [
        ("hi there", Intent.greet), ("ok that's all, bye", .goodbye), ("cheers, that helps", .thanks),
        ("what can I ask you?", .help), ("yep", .affirm), ("no, nothing like that", .deny), ("no idea", .dontKnow),
        ("why does my hip knot come back when I walk", .askCause), ("are there stretches that help?", .askSelfCare),
        ("what is a trigger point?", .askInfo), ("could this be sciatica?", .askCondition),
        ("do I need an x-ray?", .askDoctor), ("tell me more", .askMore), ("what's your source?", .askSource),
        ("why does that matter?", .askWhyAsked), ("I'm so sick of this pain", .vent), ("tell me a joke", .outOfScope),
    ])
    func bundledModelReadsTheSpecExamples(text: String, intent: Intent) {
        #expect(sharedEngine.understanding.classifier.classify(text).intent == intent)
    }

    @Test func aTestSetIsReadAndScored() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("painchat-testset-\(UUID().uuidString).tsv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "intent\ttext\n# a comment\ngreet\thi there\nout_of_scope\ttell me a joke\n".write(toFile: path, atomically: true, encoding: .utf8)
        let messages = try IntentExamples.loadTestSet(path: path)
        #expect(messages.map(\.intent) == [.greet, .outOfScope])
        #expect(messages.map(\.line) == [3, 4])
        let report = IntentEvaluation.score(messages, understanding: sharedEngine.understanding)
        #expect(report.accuracy == 1)

        try "greeting\thi\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: DataError.self) { try IntentExamples.loadTestSet(path: path) }
        try "greet hi\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: DataError.self) { try IntentExamples.loadTestSet(path: path) }
    }
}
