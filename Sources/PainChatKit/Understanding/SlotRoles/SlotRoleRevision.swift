/// How the learned roles and the hand rules of `SlotExtractor` combine.
public enum SlotRoleMode: String, Sendable, CaseIterable {
    /// The hand rules alone.
    case hand
    /// The role model decides every candidate phrase.
    case learned
    /// The role model decides, except where the hand rules are kept (see `SlotRoleModel.revise`).
    case both
}

extension SlotRoleModel {
    /// Below this probability of its role, `both` keeps what the hand rules read. The floors
    /// were set on slot sets 1 and 2 and the `.dialog` scripts (sets 3-5 were not used):
    /// taking out or changing what the hand rules fill needs 0.85 (at 0.8 set 2 has 7 more messages
    /// right but one script fails, "my calf cramps at night" losing its trigger; at 0.7 four
    /// fail), and filling what they leave alone needs 0.93 (greetings and idioms such as
    /// "morning all", "feeling run down" sit at 0.90-0.92).
    public static let confidenceFloor = 0.7
    public static let dropFloor = 0.85
    public static let addFloor = 0.93
    /// More slot phrases than this in one message are read by the hand rules alone.
    public static let maximumCandidates = 60

    /// `hand` with each candidate phrase's role decided by the model. Numbers, durations,
    /// corrections and side switches stay as the hand rules read them. In `both`, the hand
    /// rules keep a phrase when the model is unsure of it, and for a short answer to a
    /// question just asked or an utterance shaped as a question: the examples are first
    /// messages that tell, so the model has not learnt how either reads.
    func revise(_ hand: SlotExtraction, extractor: SlotExtractor, candidates: [SlotCandidate], tokens: [Token], stems: [String],
                context: SlotRoleFeatures.Context, mode: SlotRoleMode) -> SlotExtraction {
        // Each candidate is read against the others, so a message of hundreds of slot
        // phrases ("hip hip hip ...", pasted text) would cost the square of that: no one's
        // message about their pain names this many, and the hand rules read it alone.
        guard !candidates.isEmpty, candidates.count <= SlotRoleModel.maximumCandidates else { return hand }
        let features = SlotRoleFeatures(extractor: extractor, people: people)
        let answersQuestion = context.pending != nil && tokens.count <= 4
        var mentions: [SlotMention] = []
        for candidate in candidates {
            let handMentions = hand.mentions.filter { candidate.slots.contains($0.slot) && $0.range.overlaps(candidate.range) }
            let (role, probability) = role(of: candidate, among: candidates, tokens: tokens, stems: stems, features: features,
                                           context: context, hand: SlotRoleFeatures.handVerdict(of: candidate, in: hand))
            let filling = candidate.filling(role)
            let handFilled = handMentions.filter { !$0.negated }
            let overrules = !handFilled.isEmpty && !handFilled.contains { $0.slot == filling?.slot && $0.value == filling?.value }
            let needed = overrules ? SlotRoleModel.dropFloor
                : role != .none && handMentions.isEmpty ? SlotRoleModel.addFloor : SlotRoleModel.confidenceFloor
            if mode == .both && (probability < needed || answersQuestion || context.asks) {
                mentions += handMentions
            } else if let (slot, value) = filling {
                mentions.append(SlotMention(slot: slot, value: value, range: candidate.range, negated: false))
            } else {
                // Filling nothing; a negation the hand rules read still takes the value out
                // of the frame ("not my hip, my knee").
                mentions += handMentions.filter(\.negated)
            }
        }
        // What the hand rules read outside every candidate phrase is theirs alone.
        mentions += hand.mentions.filter { m in !candidates.contains { $0.slots.contains(m.slot) && $0.range.overlaps(m.range) } }
        var seen: Set<SlotMention> = []
        var revised = hand
        revised.mentions = mentions.filter { seen.insert($0).inserted }.sorted { $0.range.lowerBound < $1.range.lowerBound }
        revised.isCorrection = hand.isCorrection
            || revised.mentions.contains { $0.slot == .location && $0.negated } && revised.mentions.contains { $0.slot == .location && !$0.negated }
        return revised
    }
}
