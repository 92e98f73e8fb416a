/// One slot value found in an utterance.
public struct SlotMention: Sendable, Hashable {
    public var slot: SlotName
    public var value: String
    /// Token indices of the phrase.
    public var range: Range<Int>
    /// "no numbness", "sitting doesn't help": never added, and removed from the frame.
    public var negated: Bool
}

/// Everything an utterance says about the slots.
public struct SlotExtraction: Sendable, Equatable {
    public var mentions: [SlotMention] = []
    public var intensity: Int?
    public var durationDays: Int?
    /// "I meant...", "actually...", "not my hip, my knee": new list values replace old ones.
    public var isCorrection = false
    /// "the other shoulder", "other side": the pain is on the side not yet named.
    public var switchesSide = false
    /// "lower down", "higher up": where on an unspecified back (`low_back` or `upper_back`).
    public var backPart: String?

    public var positive: [SlotMention] { mentions.filter { !$0.negated } }
    public var isEmpty: Bool { positive.isEmpty && intensity == nil && durationDays == nil }

    public func values(of slot: SlotName) -> [String] {
        var seen: [String] = []
        for m in mentions where m.slot == slot && !m.negated && !seen.contains(m.value) { seen.append(m.value) }
        return seen
    }
}

/// Fills slots from text with the lexicons of `Intents/slots/`, reading negation,
/// corrections and whether an activity brings the pain on or eases it.
public struct SlotExtractor: Sendable {
    let matchers: [SlotName: PhraseMatcher<String>]
    let tokenizer: Tokenizer
    let reliefCues: Set<String>
    let strongTriggerCues: Set<String>
    let weakTriggerCues: Set<String>
    /// Verbs that make "back" mean "again" ("it keeps coming back").
    let backVerbs: Set<String>
    private let worseWords: Set<String>
    /// Words that mark a correction (typed, not stemmed).
    private let correctionCues: Set<String>
    /// The lists of `Intents/slots/words.yaml` this extractor was built from.
    let words: SlotWords
    /// The short body words a one-edit typo of is mended in a body part's place (`ShortBodyWords`).
    let shortBodyTargets: [(word: String, stem: String)]

    /// Words between a negator and a body part that keep the negation ("not in my hip").
    private static let locationFillers: Set<String> = ["my", "the", "in", "on", "a", "it", "its", "is", "pain", "at", "of", "that", "hurt", "hurts", "ache", "aches", "sore", "really", "so", "much", "any", "painful", "have", "got", "get", "feel", "feeling"]
    private static let sideBlockers: Set<String> = ["now", "away", "there", "here", "after", "before", "then", "enough", "thing", "way", "time", "answer", "so", "ok", "okay", "yes", "on", "off", "behind", "over", "alone"]

    /// The learned role model and how it combines with the hand rules (`SlotRoleMode`).
    var roles: SlotRoleModel?
    public var roleMode: SlotRoleMode = .both
    /// Whether roles were learnt (there were annotated examples to learn them from).
    public var hasLearnedRoles: Bool { roles != nil }

    public init(lexicons: [SlotLexicon], tokenizer: Tokenizer, words: SlotWords) {
        self.tokenizer = tokenizer
        var matchers: [SlotName: PhraseMatcher<String>] = [:]
        for lexicon in lexicons {
            matchers[lexicon.slot] = PhraseMatcher(phrases: lexicon.entries.map { ($0.phrase, $0.value) }, tokenizer: tokenizer)
        }
        self.matchers = matchers
        shortBodyTargets = ShortBodyWords.targets(lexicons, tokenizer: tokenizer)
        func stems(_ words: [String]) -> Set<String> { Set(words.map { tokenizer.stemmer.stem($0) }) }
        self.words = words
        worseWords = stems(words.worseWords)
        backVerbs = stems(words.backVerbs)
        reliefCues = stems(words.reliefCues)
        strongTriggerCues = stems(words.strongTriggerCues)
        weakTriggerCues = stems(words.weakTriggerCues)
        correctionCues = Set(words.correctionCues)
    }

    /// Every word of every lexicon phrase, for the typo corrector.
    public var lexiconWords: [(word: String, stem: String)] { matchers.values.flatMap(\.words) }

    /// Reads the slots of `tokens`, whose (typo-corrected) stems are `stems`. `pending` is
    /// the question just asked: a bare "walking" after "what eases it?" is a relief.
    /// `asksWithoutTelling`: the utterance is shaped as a question ("should I use ice or
    /// heat?"), so an activity it names without a cue word is asked about, not reported.
    public func extract(tokens: [Token], stems: [String], pending: SlotName? = nil,
                        asksWithoutTelling: Bool = false, today: CalendarDay? = nil) -> SlotExtraction {
        // One pass of the lexicons serves the hand rules and the role model's candidates.
        let found = matches(stems: stems)
        let hand = extractByHand(tokens: tokens, stems: stems, found: found, pending: pending,
                                 asksWithoutTelling: asksWithoutTelling, today: today)
        guard let roles, roleMode != .hand else { return hand }
        return roles.revise(hand, extractor: self, candidates: candidates(found: found), tokens: tokens, stems: stems,
                            context: .init(pending: pending, asks: asksWithoutTelling), mode: roleMode)
    }

    /// Every lexicon phrase in `stems`, by slot.
    func matches(stems: [String]) -> [SlotName: [PhraseMatcher<String>.Match]] {
        var found: [SlotName: [PhraseMatcher<String>.Match]] = [:]
        for slot in SlotName.lexical { found[slot] = matchers[slot]?.matches(stems: stems) ?? [] }
        return found
    }

    /// The slots as the hand-written rules of this file read them.
    func extractByHand(tokens: [Token], stems: [String], pending: SlotName?, asksWithoutTelling: Bool,
                       today: CalendarDay?) -> SlotExtraction {
        extractByHand(tokens: tokens, stems: stems, found: matches(stems: stems), pending: pending,
                      asksWithoutTelling: asksWithoutTelling, today: today)
    }

    /// The same, from the lexicon phrases `found` in `stems`.
    func extractByHand(tokens: [Token], stems: [String], found: [SlotName: [PhraseMatcher<String>.Match]], pending: SlotName?,
                       asksWithoutTelling: Bool, today: CalendarDay?) -> SlotExtraction {
        var extraction = SlotExtraction()

        // A short phrase inside a longer phrase of another slot is part of that phrase
        // ("runs" inside "runs down my leg" is not running). A body part inside an activity
        // ("lift my arm above my head") is where the pain is only when no other body part is
        // named: "my shoulder hurts when I lift my arm above my head" is shoulder pain, but
        // "it hurts when I bend my knee" is the knee.
        let index = LexiconMatchIndex(found)
        func swallowed(_ slot: SlotName, _ match: PhraseMatcher<String>.Match) -> Bool { index.swallowed(slot, match.range) }
        func inActivity(_ match: PhraseMatcher<String>.Match) -> Bool {
            index.isInside(match.range) { $0 == .trigger || $0 == .relief }
        }

        let places = found[.location] ?? []
        let named = places.filter { !isNotTheBack($0, stems, places: places) && !isFigurative($0, tokens) }
        let outsideActivities = named.filter { !inActivity($0) }
        let locations = outsideActivities.isEmpty ? named : outsideActivities
        for match in locations {
            let negated = Negation.negatedBefore(tokens, start: match.range.lowerBound, window: 1,
                                                 skipping: SlotExtractor.locationFillers)
                || stopsHurting(tokens, after: match.range.upperBound)
            extraction.mentions.append(SlotMention(slot: .location, value: match.label, range: match.range, negated: negated))
        }
        for match in found[.quality] ?? [] where !swallowed(.quality, match) && !isRunDown(match, tokens) {
            extraction.mentions.append(SlotMention(slot: .quality, value: match.label, range: match.range,
                                                   negated: isNegated(tokens, match.range)))
        }
        for match in found[.side] ?? [] where !swallowed(.side, match) {
            guard isSide(tokens, match, locations: locations, pending: pending) else { continue }
            extraction.mentions.append(SlotMention(slot: .side, value: match.label, range: match.range,
                                                   negated: Negation.negatedBefore(tokens, start: match.range.lowerBound, window: 1,
                                                                                   skipping: SlotExtractor.locationFillers)))
        }
        extraction.mentions += activities(tokens: tokens, stems: stems, trigger: found[.trigger] ?? [],
                                          relief: found[.relief] ?? [], swallowed: swallowed, pending: pending,
                                          asksWithoutTelling: asksWithoutTelling)

        extraction.intensity = QuantityParser.lastIntensity(tokens)
        extraction.durationDays = QuantityParser.lastDuration(tokens, today: today)
        if locations.isEmpty {
            if tokens.containsPhrase(anyOf: ["lower down", "low down", "further down", "at the bottom", "lower part", "bottom of it"]) {
                extraction.backPart = "low_back"
            } else if tokens.containsPhrase(anyOf: ["higher up", "further up", "up higher", "upper part", "top of it", "middle of it"]) {
                extraction.backPart = "upper_back"
            }
        }
        extraction.switchesSide = tokens.indices.dropLast().contains { i in
            tokens[i].text == "other" && (i == 0 || ["the", "my", "its", "on"].contains(tokens[i - 1].text))
                && (["side", "one"].contains(tokens[i + 1].text) || locations.contains { $0.range.lowerBound == i + 1 })
        } && extraction.values(of: .side).isEmpty
        extraction.isCorrection = extraction.switchesSide || tokens.contains { correctionCues.contains($0.text) }
            || (extraction.mentions.contains { $0.slot == .location && $0.negated }
                && extraction.mentions.contains { $0.slot == .location && !$0.negated })
        return extraction
    }

    /// "back" in "it comes back", "back again", "back to work" is not a body part, nor in
    /// "the back of my car"; in "the back of my heel" the body part is the heel.
    private func isNotTheBack(_ match: PhraseMatcher<String>.Match, _ stems: [String],
                              places: [PhraseMatcher<String>.Match]) -> Bool {
        guard match.label == "back", match.range.count == 1 else { return false }
        let i = match.range.lowerBound
        let previous = i > 0 ? stems[i - 1] : ""
        let next = i + 1 < stems.count ? stems[i + 1] : ""
        // "I'm back", "good to be back", "welcome back", "it's back": returning, not the back.
        let returning = ["im", "am", "be", "are", "were", "was", "welcom", "its", "weve", "ive"].contains(previous)
            && !(i + 1 < stems.count && ["pain", "ach", "hurt", "is", "was", "has", "feel", "muscl"].contains(next))
        // "stretching my wrist back", "tilting my head back": a direction after the part moved.
        let bending = i >= 2 && Set(["stretch", "bend", "pull", "push", "tilt", "lean", "arch", "roll", "put", "tip", "ease"])
            .contains { stem in stems[max(0, i - 4)..<(i - 1)].contains(stem) } && ["my", "the", "your"].contains(stems[max(0, i - 2)])
        return backVerbs.contains(previous) || returning || bending
            || ["again", "to", "into", "home", "later", "from"].contains(next) && !["my", "the", "lower", "upper", "his", "her", "your", "our"].contains(previous)
            || next == "of" && (stems[(i + 1)..<min(stems.count, i + 5)].contains { SlotExtractor.placesWithABack.contains($0) }
                                || places.contains { (i + 2...i + 4).contains($0.range.lowerBound) })
    }

    /// "the back of my car", "the back of the queue": a back that is not the body's.
    static let placesWithABack: Set<String> = ["car", "van", "bus", "taxi", "queue", "hous", "room", "class", "cupboard",
                                               "drawer", "shop", "garden", "truck", "lorri", "bike"]

    static let sideOnlyWords: Set<String> = ["actually", "really", "one", "side", "sides", "the", "of", "them", "mostly",
                                             "probably", "oh", "er", "um", "sorry", "its", "it"]
    static let animals: Set<String> = ["dog", "dogs", "cat", "cats", "horse", "horses", "puppy", "kitten", "pony", "pet",
                                       "rabbit", "hamster"]
    static let wishWords: Set<String> = ["murder", "kill", "die", "dying", "fancy", "wish", "craving", "crave"]
    static let stopNouns: Set<String> = ["bus", "the", "a", "train", "tram", "next", "pit", "full", "last", "first"]

    /// A relief word that names no activity: a work shift ("lifting boxes all shift"), a
    /// wish ("I'd kill for a massage"), or the pain itself moving ("it kind of moves around").
    private func isNotAnActivity(_ match: PhraseMatcher<String>.Match, _ tokens: [Token]) -> Bool {
        let i = match.range.lowerBound
        func word(_ k: Int) -> String { k >= 0 && k < tokens.count ? tokens[k].text : "" }
        if match.range.count == 1, ["shift", "shifts"].contains(word(i)),
           ["all", "night", "day", "my", "a", "the", "long", "whole", "every", "each", "late", "early", "double", "work",
            "hour", "this", "that", "last", "next"].contains(word(i - 1)) || ["at", "work", "pattern", "patterns"].contains(word(i + 1)) {
            return true
        }
        // "I'd murder someone for a massage", "I could do with a hot bath": a wish, not
        // something that has eased it.
        if (1...5).contains(where: { SlotExtractor.wishWords.contains(word(i - $0)) }) { return true }
        if ["moves", "moving", "move"].contains(word(i)), (1...3).contains(where: { ["it", "pain", "ache", "its"].contains(word(i - $0)) }),
           !(1...3).contains(where: { ["i", "im", "if", "when"].contains(word(i - $0)) }) {
            return true
        }
        return false
    }

    /// "on my feet all day" is standing, "a pain in the neck" is a nuisance: neither says
    /// where it hurts.
    private func isFigurative(_ match: PhraseMatcher<String>.Match, _ tokens: [Token]) -> Bool {
        let i = match.range.lowerBound
        func word(_ k: Int) -> String { k >= 0 && k < tokens.count ? tokens[k].text : "" }
        if word(i) == "feet" && word(i - 1) == "my" && word(i - 2) == "on" { return true }
        if word(i) == "rear" && ["ended", "end", "ending"].contains(word(i + 1)) { return true } // a car crash
        // "a pillow between my knees" is how someone lies, not where it hurts.
        if ["knee", "leg", "thigh", "ankle"].contains(match.label),
           (1...4).contains(where: { ["pillow", "cushion"].contains(word(i - $0)) }) { return true }
        // "my dog has a sore leg": an animal's body is not the person's.
        if (1...6).contains(where: { k in SlotExtractor.animals.contains(word(i - k)) && !(1..<k).contains { ["i", "im", "my"].contains(word(i - $0)) } }) {
            return true
        }
        if match.label == "neck" && word(i - 1) == "the" && word(i - 2) == "in" && word(i - 3) == "pain" {
            return (4...6).contains { ["a", "such", "real", "right", "proper"].contains(word(i - $0)) }
        }
        return false
    }

    /// "my back doesn't hurt anymore", "my knee isn't sore now": said of a body part, it
    /// means the pain is elsewhere.
    private func stopsHurting(_ tokens: [Token], after end: Int) -> Bool {
        guard end < tokens.count, Negation.negators.contains(tokens[end].text) || tokens[end].text == "is"
                && end + 1 < tokens.count && tokens[end + 1].text == "not" else { return false }
        let painWords: Set<String> = ["hurt", "hurts", "ache", "aches", "sore", "painful", "bother", "bothers", "anymore", "pain"]
        let limit = min(tokens.count, end + 4)
        return (end + 1..<limit).contains { painWords.contains(tokens[$0].text) }
            && Negation.clauseEnd(tokens, end - 1) > end
    }

    /// "feeling a bit run down" is tiredness, not pain running down a limb.
    private func isRunDown(_ match: PhraseMatcher<String>.Match, _ tokens: [Token]) -> Bool {
        let i = match.range.lowerBound
        guard tokens[i].text == "run", i > 0 else { return false }
        return ["feel", "feeling", "felt", "bit", "so", "very", "quite", "really", "totally", "generally", "little",
                "im", "been", "all"].contains(tokens[i - 1].text)
    }

    /// "it's warm and red", "feels hot to touch": how the skin feels, not heat that eases it.
    private func describesTheSkin(_ match: PhraseMatcher<String>.Match, _ tokens: [Token]) -> Bool {
        let i = match.range.lowerBound
        guard match.range.count == 1, ["warm", "hot", "cold"].contains(tokens[i].text) else { return false }
        let previous = i > 0 ? tokens[i - 1].text : ""
        let next = i + 1 < tokens.count ? tokens[i + 1].text : ""
        return ["is", "its", "feels", "feel", "felt", "looks", "and", "red", "very", "really", "so", "bit", "quite", "was",
                "gone", "go", "goes", "went", "all"].contains(previous) || next == "to"
    }

    /// "since I had a cold" is an illness, not cold weather or an ice pack.
    private func isIllnessCold(_ match: PhraseMatcher<String>.Match, _ tokens: [Token]) -> Bool {
        let i = match.range.lowerBound
        guard match.range.count == 1, tokens[i].text == "cold", i > 0 else { return false }
        let next = i + 1 < tokens.count ? tokens[i + 1].text : ""
        return ["a", "head", "chest", "common", "stinking", "streaming", "nasty", "heavy"].contains(tokens[i - 1].text)
            && !["day", "days", "morning", "mornings", "night", "nights", "snap", "spell", "wind", "pack", "compress"].contains(next)
    }

    // MARK: - Activities: trigger or relief

    /// "good morning" and a bare "morning!" greet: the morning is not when the pain comes
    /// (unless that is what was just asked).
    private func isGreeting(_ match: PhraseMatcher<String>.Match, _ tokens: [Token], pending: SlotName?) -> Bool {
        guard match.label == "morning", match.range.count == 1 else { return false }
        let i = match.range.lowerBound
        if i > 0 && ["good", "gud", "gd"].contains(tokens[i - 1].text) { return true }
        // "morning, how are you?", "hi, morning": the word stands as a clause of its own.
        let opensClause = i == 0 || tokens[i].startsClause || ["hi", "hello", "hey", "hiya"].contains(tokens[i - 1].text)
        let endsClause = i + 1 == tokens.count || tokens[i + 1].startsClause
        if pending == nil && tokens.count > 1 && opensClause && endsClause { return true }
        let company: Set<String> = ["all", "everyone", "folks", "there", "mate", "painchat"]
        return pending == nil && i == 0 && tokens.dropFirst().allSatisfy { company.contains($0.text) } && tokens.count <= 2
    }

    private enum Polarity { case trigger, relief }

    /// Decides for each activity phrase whether it brings the pain on or eases it, from the
    /// nearest cue word in its clause ("worse", "when" / "helps", "goes away"), else from
    /// the question just asked, else from the lexicon that knows it.
    private func activities(tokens: [Token], stems: [String], trigger: [PhraseMatcher<String>.Match],
                            relief: [PhraseMatcher<String>.Match],
                            swallowed: (SlotName, PhraseMatcher<String>.Match) -> Bool,
                            pending: SlotName?, asksWithoutTelling: Bool) -> [SlotMention] {
        // Group matches by token range: one phrase may name a trigger and a relief.
        var spans: [Range<Int>: (trigger: String?, relief: String?)] = [:]
        for m in trigger where !swallowed(.trigger, m) && !isGreeting(m, tokens, pending: pending) && !isIllnessCold(m, tokens) {
            spans[m.range, default: (nil, nil)].trigger = m.label
        }
        for m in relief where !swallowed(.relief, m) && !isIllnessCold(m, tokens) && !describesTheSkin(m, tokens)
            && !isNotAnActivity(m, tokens) {
            spans[m.range, default: (nil, nil)].relief = m.label
        }
        var result: [SlotMention] = []
        // Longest phrases first; a shorter one inside a phrase already read is part of it,
        // but it gets its own reading when the longer one is dropped ("walk" in "hurts
        // when I walk about a mile", whose "walk about" would be a relief).
        let ordered = spans.sorted {
            $0.key.count != $1.key.count ? $0.key.count > $1.key.count : $0.key.lowerBound < $1.key.lowerBound
        }
        for (range, labels) in ordered where !result.contains(where: { $0.range.overlaps(range) }) {
            let cue = nearestCue(tokens: tokens, stems: stems, around: range)
            // "should I use ice or heat?" and "would a massage gun help?" ask; "is it bad that
            // walking makes it worse?" tells.
            if asksWithoutTelling && labels.relief != "nothing" && !(cue.map { $0.polarity == .trigger && $0.strong } ?? false) {
                continue
            }
            var polarity: Polarity
            switch (labels.trigger, labels.relief) {
            case (.some, .some):
                if let cue { polarity = cue.polarity }
                else if pending == .relief { polarity = .relief }
                else { polarity = .trigger }
            case (.some, nil):
                polarity = .trigger
                // "stairs help" says nothing we can store; keep it a trigger only with a trigger cue or none.
                if let cue, cue.polarity == .relief, labels.trigger != "morning" { continue }
            case (nil, .some):
                polarity = .relief
                // Said to "what brings it on?" with nothing saying it eases the pain,
                // "getting up out of the armchair" is no relief.
                if pending == .trigger && cue?.polarity != .relief { continue }
                if let cue, cue.polarity == .trigger, cue.strong,
                   labels.relief != "nothing" || worseWords.contains(stems[cue.index]) {
                    // "nothing makes it worse" says no trigger is known, not that nothing eases it.
                    continue
                }
            default: continue
            }
            let slot: SlotName = polarity == .trigger ? .trigger : .relief
            let value = (polarity == .trigger ? labels.trigger : labels.relief)!
            var negated = value != "nothing" && (isNegated(tokens, range) || isDismissed(tokens, after: range.upperBound))
            if let cue, cue.polarity == polarity, value != "nothing",
               Negation.negatedBefore(tokens, start: cue.index, window: 3) { negated = true }
            result.append(SlotMention(slot: slot, value: value, range: range, negated: negated))
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private struct Cue { var index: Int; var polarity: Polarity; var strong: Bool }

    private func nearestCue(tokens: [Token], stems: [String], around range: Range<Int>) -> Cue? {
        // A cue stands within a few words of its activity; looking no further than 20
        // words either way keeps a long, unpunctuated message's cost linear.
        let reach = 20
        let start = Negation.clauseStart(tokens, range.lowerBound, notBefore: range.lowerBound - reach)
        let end = Negation.clauseEnd(tokens, max(range.lowerBound, range.upperBound - 1), notAfter: range.upperBound + reach)
        var best: (cue: Cue, distance: Int)? = nil
        for i in start..<end where !range.contains(i) {
            let stem = stems[i]
            // "back" brings the pain on only as in "it comes back", not in "my wrist back".
            if tokens[i].text == "back" && !(i > 0 && backVerbs.contains(stems[i - 1])) { continue }
            // "the bus stop" is a place, not the pain stopping.
            if tokens[i].text == "stop" && i > 0 && SlotExtractor.stopNouns.contains(tokens[i - 1].text) { continue }
            let cue: Cue
            let next = i + 1 < tokens.count ? tokens[i + 1].text : ""
            // "it goes up to 8 when I walk", "it flares up": up is worse.
            if reliefCues.contains(stem) && next == "up" { cue = Cue(index: i, polarity: .trigger, strong: true) }
            else if reliefCues.contains(stem) { cue = Cue(index: i, polarity: .relief, strong: true) }
            else if strongTriggerCues.contains(stem) { cue = Cue(index: i, polarity: .trigger, strong: true) }
            else if weakTriggerCues.contains(stem) { cue = Cue(index: i, polarity: .trigger, strong: false) }
            else { continue }
            // A weak cue ("when") loses to any relief word in the clause: "when I sit it goes away".
            var distance = i < range.lowerBound ? range.lowerBound - i : i - range.upperBound + 1
            if !cue.strong { distance += 100 }
            // A cue across an "and" more likely belongs to the other half of the sentence:
            // "aches when I walk and stops when I stand still".
            let between = i < range.lowerBound ? (i + 1)..<range.lowerBound : range.upperBound..<i
            if between.contains(where: { tokens[$0].text == "and" }) { distance += 150 }
            if i < range.lowerBound { distance *= 2; distance -= 1 } else { distance *= 2 } // before wins ties
            if best == nil || distance < best!.distance { best = (cue, distance) }
        }
        return best?.cue
    }

    /// "walking is fine", "heat doesn't do anything", "sitting never bothers it": what
    /// follows the activity says it neither brings the pain on nor eases it.
    private func isDismissed(_ tokens: [Token], after end: Int) -> Bool {
        guard end < tokens.count else { return false }
        let first = tokens[end].text
        if ["doesnt", "didnt", "wont", "never", "isnt", "dont"].contains(first) { return true }
        let second = end + 1 < tokens.count ? tokens[end + 1].text : ""
        let fine: Set<String> = ["fine", "ok", "okay", "alright", "grand"]
        if fine.contains(first) { return true } // "I can walk fine"
        return ["is", "s", "seems", "feels", "are", "was"].contains(first) && (fine.contains(second) || second == "no")
            || ["does", "did", "makes", "made"].contains(first) && ["nothing", "no"].contains(second)
    }

    private func isNegated(_ tokens: [Token], _ range: Range<Int>) -> Bool {
        if Negation.negatedBefore(tokens, start: range.lowerBound, window: 3) { return true }
        // "I can walk without pain"
        let after = range.upperBound
        if after < tokens.count, tokens[after].text == "without" { return true }
        return false
    }

    /// "left"/"right" count as a side only next to a body part, in "left side"/"right one",
    /// or after "my"/"the"/"on the" - not in "that's right" or "right now".
    private func isSide(_ tokens: [Token], _ match: PhraseMatcher<String>.Match,
                        locations: [PhraseMatcher<String>.Match], pending: SlotName?) -> Bool {
        if match.range.count > 1 { return true }
        let i = match.range.lowerBound
        let nearBodyPart = locations.contains { abs($0.range.lowerBound - i) <= 4 || abs($0.range.upperBound - 1 - i) <= 4 }
        if nearBodyPart { return true }
        let next = i + 1 < tokens.count ? tokens[i + 1].text : ""
        if SlotExtractor.sideBlockers.contains(next) { return false }
        if tokens.count <= 3 && (pending == .location || pending == .side) { return true }
        // "both actually", "the left one really": nothing but a side, whatever was asked.
        if tokens.count <= 3 && tokens.indices.allSatisfy({ $0 == i || SlotExtractor.sideOnlyWords.contains(tokens[$0].text) }) {
            return true
        }
        let previous = i > 0 ? tokens[i - 1].text : ""
        // "I meant left, not right": a correction names the side on its own.
        return ["my", "the", "on", "to", "his", "her", "your", "both", "meant", "mean", "not", "actually"].contains(previous)
            && !["all"].contains(i > 1 ? tokens[i - 2].text : "")
    }
}
