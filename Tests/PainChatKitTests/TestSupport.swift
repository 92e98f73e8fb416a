import Foundation
@testable import PainChatKit

/// The project folder (holding Intents/ and Corpus/), found from this file's path.
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The real engine over the bundled data, trained once for all tests.
let sharedEngine: PainChat = {
    do { return try PainChat.load(bundle: PainChat.Bundle(root: projectRoot)) } catch {
        fatalError("cannot load bundled data: \(error)")
    }
}()

let sharedTokenizer = Tokenizer()

/// Runs utterances through one conversation and returns every reply with the final state.
func converse(_ utterances: [String], engine: PainChat = sharedEngine) -> (replies: [Reply], state: ConversationState) {
    var state = ConversationState()
    var replies: [Reply] = []
    for utterance in utterances {
        let (next, reply) = engine.respond(to: utterance, in: state)
        state = next
        replies.append(reply)
    }
    return (replies, state)
}

/// What the frame would hold after one utterance, with an optional pending question.
func frame(of text: String, pending: Question? = nil) -> Frame {
    Frame(sharedEngine.understanding.analyse(text, pending: pending).extraction)
}

func danger(_ text: String) -> DangerCategory? {
    sharedEngine.understanding.analyse(text).danger?.category
}

/// The categories of `Intents/danger/categories.yaml`, named for the tests' readability
/// (the sources never name one).
extension DangerCategory {
    static let caudaEquina = DangerCategory("cauda_equina")
    static let neuroDeficit = DangerCategory("neuro_deficit")
    static let infection = DangerCategory("infection")
    static let trauma = DangerCategory("trauma")
    static let cancer = DangerCategory("cancer")
    static let cardiac = DangerCategory("cardiac")
    static let dvt = DangerCategory("dvt")
    static let strokeHeadache = DangerCategory("stroke_headache")
    static let selfHarm = DangerCategory("self_harm")
}

var rulebook: DangerRulebook { sharedEngine.understanding.danger.rulebook }
