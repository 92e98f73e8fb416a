import Foundation
import Testing
@testable import PainChatKit

/// The learned safety net and the check question it asks when no rule fires.
struct DangerCheckTests {
    /// Messages in wordings the rules may not list; the tests use the first the net
    /// suspects and no rule names, so they hold as the rules grow.
    static let netOnlyCandidates = [
        "pains in my chest when i carry the shopping up the hill",
        "can't stop shaking and sweating and my spine is throbbing",
        "climbing the stairs gives me a heavy feeling across my chest that goes when I rest",
        "my whole lower leg has gone fat and shiny since the op",
        "the jeans I bought in spring fall off me now and my ribs ache",
        "my ankle is purple and the size of a grapefruit after the trampoline",
        "been shivering under three duvets and the base of my spine is pounding",
        "walking up to the bus stop squeezes my chest like a belt and I have to stand still",
    ]

    func netOnlyMessage() throws -> (String, DangerNet.Suspicion) {
        for text in Self.netOnlyCandidates {
            let analysis = sharedEngine.understanding.analyse(text)
            if analysis.danger == nil, let check = analysis.suspectedDanger { return (text, check) }
        }
        throw CheckTestSkip()
    }

    struct CheckTestSkip: Error {}

    @Test func onlyTheNetFiringAsksACheckQuestion() throws {
        let (text, suspected) = try netOnlyMessage()
        let (replies, state) = converse([text])
        let check = try #require(replies[0].check)
        #expect(check.category == suspected.category)
        #expect(check.question == rulebook.category(suspected.category)?.check)
        #expect(replies[0].urgent == nil && replies[0].answer == nil && replies[0].question == nil)
        #expect(state.pendingCheck == check)
        #expect(state.lastTrace?.intent == .redFlag)
    }

    @Test func yesToTheCheckEscalates() throws {
        let (text, suspected) = try netOnlyMessage()
        for yes in ["yes", "yeah it does", "not sure"] {
            let (replies, state) = converse([text, yes])
            let sign = try #require(replies[1].urgent, "\(yes)")
            #expect(sign.category == suspected.category)
            #expect(sign.level == rulebook.category(suspected.category)?.level)
            #expect(state.pendingCheck == nil && state.danger.contains(suspected.category))
        }
    }

    @Test func noCarriesOnWhereTheConversationWas() throws {
        let (text, _) = try netOnlyMessage()
        // Mid-conversation: the pending question survives the check, and "no" reads the
        // message as the ordinary turn it then is.
        let (replies, state) = converse(["my knee hurts", text, "no"])
        #expect(replies[1].check != nil)
        #expect(replies[2].urgent == nil && replies[2].check == nil)
        #expect(state.pendingCheck == nil)
        #expect(replies[2].question != nil || replies[2].answer != nil || replies[2].parts.contains(.acknowledgeVent),
                "\(replies[2].parts)")
        // A first message: "no" goes on to the usual follow-up questions.
        let (first, _) = converse([text, "no"])
        #expect(first[1].urgent == nil && first[1].check == nil)
    }

    @Test func aRuleOnTheAnswerEscalatesAtOnce() throws {
        let (text, _) = try netOnlyMessage()
        let (replies, _) = converse([text, "no, but I've wet myself twice today and my back is agony"])
        #expect(replies[1].urgent?.category == .caudaEquina)
    }

    @Test func somethingElseDropsTheCheckAndIsAnswered() throws {
        let (text, _) = try netOnlyMessage()
        let (replies, state) = converse([text, "what is a trigger point?"])
        #expect(replies[1].answer != nil && replies[1].urgent == nil)
        #expect(state.pendingCheck == nil)
    }

    @Test func aCarerGetsTheReplyForThePersonTheyDescribe() throws {
        let sign = try #require(sharedEngine.understanding.analyse("my husband's face has dropped on one side and he can't lift his arm").danger)
        #expect(sign.forSomeoneElse && sign.category == .strokeHeadache)
        let text = ReplyRenderer(width: 10_000).render(Reply([.urgent(sign)]))
        #expect(text.hasPrefix("For the person you are describing:"))
        #expect(!(sharedEngine.understanding.analyse("my face has dropped on one side").danger?.forSomeoneElse ?? true))
    }

    /// SPEC §4: no other rule turns a danger signal into an ordinary turn. A message the
    /// intent model ranks `red_flag` first is urgent, or asks a check question, unless the
    /// net too finds next to no danger in it; and every `red_flag` example is one or the other.
    @Test func aTopRedFlagIsNeverReadAsAnOrdinaryTurn() throws {
        let examples = try IntentExamples.load(from: projectRoot.appendingPathComponent("Intents"))
        let floor = sharedEngine.understanding.net.options.intentFloor
        var redFlagsTop = 0
        // As in DangerSignTests: these need the conversation's context.
        let needContext: Set<String> = ["I'm leaking and can't feel it", "i have to lift my knee really high so my foot doesnt drag",
                                        "numbess in my private area and my back is agony"]
        for example in examples {
            let analysis = sharedEngine.understanding.analyse(example.text)
            if example.intent == .redFlag, !needContext.contains(example.text) {
                #expect(analysis.danger != nil || analysis.suspectedDanger != nil, "\(example.text)")
            }
            guard analysis.prediction.intent == .redFlag, analysis.danger == nil,
                  (analysis.suspicion?.danger ?? 0) >= floor else { continue }
            redFlagsTop += 1
            #expect(analysis.suspectedDanger != nil && analysis.intent == .redFlag, "\(example.text)")
        }
        // The same on messages written to test the signs.
        for text in ["my back is agony and I've been shivering with a temperature", "i feel like ending it all"] {
            let analysis = sharedEngine.understanding.analyse(text)
            #expect(analysis.intent == .redFlag && (analysis.danger != nil || analysis.suspectedDanger != nil), "\(text)")
        }
        #expect(redFlagsTop > 0, "no example tested the rule")
    }

    /// The net is trained deterministically: the same data give the same verdicts.
    @Test func theNetIsDeterministic() throws {
        let bundle = PainChat.Bundle(root: projectRoot)
        let (examples, _) = DangerExamples.read(from: bundle.danger.appendingPathComponent("examples"),
                                                categories: rulebook.categories.map(\.name))
        let understanding = sharedEngine.understanding
        let samples = DangerNet.samples(dangerExamples: examples, intentExamples: [], detector: understanding.danger,
                                        reader: understanding.dangerReader)
        let a = DangerNet(samples: samples, categories: rulebook.categories.map(\.name))
        let b = DangerNet(samples: samples, categories: rulebook.categories.map(\.name))
        for text in Self.netOnlyCandidates {
            let input = understanding.dangerReader.netInput(text)
            #expect(a.suspect(tokens: input.tokens, concepts: input.concepts) == b.suspect(tokens: input.tokens, concepts: input.concepts))
        }
    }

    /// On cross-validation over the examples, the threshold in use keeps the share of
    /// held-out signs caught by a rule, the net or the intent model, and the share of
    /// held-out twins given a check question, where docs/danger-signs.md reports them.
    /// (The target of 0.99 is not reached; the document says why.)
    @Test func theThresholdInUseKeepsItsCrossValidatedFigures() throws {
        let bundle = PainChat.Bundle(root: projectRoot)
        let (examples, _) = DangerExamples.read(from: bundle.danger.appendingPathComponent("examples"),
                                                categories: rulebook.categories.map(\.name))
        let cv = DangerNetCrossValidation.run(engine: sharedEngine, dangerExamples: examples,
                                              intentExamples: try IntentExamples.load(from: bundle.intents),
                                              thresholds: [sharedEngine.understanding.net.options.threshold])
        let point = try #require(cv.points.first)
        #expect(point.recall >= 0.96, "cross-validated recall \(point.recall)")
        #expect(point.falseChecks <= 0.08, "cross-validated false checks \(point.falseChecks)")
    }

    /// The blind sets whose errors have since been read (docs/danger-signs.md): what they
    /// now give must not slip back. Signs reached (escalated or checked), false
    /// escalations and false checks among the near misses.
    @Test(arguments: ["danger-signs-3.tsv", "danger-signs-4.tsv", "danger-signs-5.tsv", "danger-signs-6.tsv"])
    func usedBlindSetsStayWhereTheyAre(file: String) throws {
        let path = projectRoot.appendingPathComponent("Tests/HeldOut/\(file)").path
        let examples = try DangerExamples.loadTestSet(path: path, categories: rulebook.categories.map(\.name))
        let report = DangerEvaluation.score(examples, understanding: sharedEngine.understanding)
        #expect(report.reached >= 0.97, "\(file): signs reached \(report.reached)")
        #expect(report.falseEscalations <= 0.08, "\(file): false escalations \(report.falseEscalations)")
        #expect(report.falseChecks <= 0.10, "\(file): false checks \(report.falseChecks)")
    }

    @Test func theJSONUrgentObjectIsUnchangedAndTheCheckIsBesideIt() throws {
        let (text, _) = try netOnlyMessage()
        let json = JSONOutput.classification(text: text, analysis: sharedEngine.understanding.analyse(text))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["urgent"] is NSNull)
        let check = try #require(object["check"] as? [String: Any])
        #expect(check["category"] is String && check["confidence"] is Double)
        let urgent = JSONOutput.classification(text: "I can't control my bladder", analysis: sharedEngine.understanding.analyse("I can't control my bladder"))
        let urgentObject = try #require(try JSONSerialization.jsonObject(with: Data(urgent.utf8)) as? [String: Any])
        let fields = try #require(urgentObject["urgent"] as? [String: Any])
        #expect(Set(fields.keys) == ["category", "level", "reason"])
    }
}
