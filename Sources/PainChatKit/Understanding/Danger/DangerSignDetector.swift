/// Checks every utterance for danger signs (SPEC §4), before and independently of the
/// intent classifier, by running the rules of a `DangerRulebook`. It reads negation ("no
/// fever"), signs that are over ("fell as a kid"), someone else's history ("my mum had
/// cancer"), denials after a sign ("my chest feels fine") and questions about the signs
/// in general ("what is foot drop?"). Which of these apply to a concept is the
/// concept's data; nothing here names a concept or a category.
public struct DangerSignDetector: Sendable {
    private struct CompiledConcept: Sendable {
        var concept: DangerRulebook.Concept
        var matcher: PhraseMatcher<Int>
        var blockers: PhraseMatcher<Int>
        var overUnlessNow: PhraseMatcher<Int>
        var cancelledBy: PhraseMatcher<Int>
    }

    public let rulebook: DangerRulebook
    private let concepts: [CompiledConcept]
    private let index: [String: Int]
    private let resolved: PhraseMatcher<Int>
    private let pastBeforeAge: PhraseMatcher<Int>
    private let pastBeforeDecade: PhraseMatcher<Int>
    /// The matchers of the frames that tell no current sign (DangerSignDetector+Frames).
    let pastTimes: PhraseMatcher<Int>
    let notReal: PhraseMatcher<Int>
    let askedAbout: PhraseMatcher<Int>
    let deniedAnswers: PhraseMatcher<Int>
    let improving: PhraseMatcher<Int>
    let someoneElsesAfter: PhraseMatcher<Int>
    let explainerCrossing: Set<String>
    /// Concepts that frame locations establish, by location.
    private let fromFrame: [String: [String]]

    public init(rulebook: DangerRulebook, tokenizer: Tokenizer) {
        self.rulebook = rulebook
        func matcher(_ phrases: [String]) -> PhraseMatcher<Int> {
            PhraseMatcher(phrases: phrases.map { ($0, 0) }, tokenizer: tokenizer)
        }
        concepts = rulebook.concepts.map {
            CompiledConcept(concept: $0, matcher: matcher($0.phrases), blockers: matcher($0.blockers),
                            overUnlessNow: matcher($0.overUnlessNow), cancelledBy: matcher($0.cancelledBy))
        }
        index = Dictionary(uniqueKeysWithValues: rulebook.concepts.enumerated().map { ($1.name, $0) })
        // Said figuratively is as good as over: both leave no current sign.
        resolved = matcher(rulebook.words.resolved + rulebook.words.figurative + rulebook.words.hypothetical)
        pastBeforeAge = matcher(rulebook.words.pastBeforeAge)
        pastBeforeDecade = matcher(rulebook.words.pastBeforeDecade)
        pastTimes = matcher(rulebook.words.pastTimes)
        notReal = matcher(rulebook.words.notReal)
        askedAbout = matcher(rulebook.words.askedAbout)
        deniedAnswers = matcher(rulebook.words.deniedAnswers)
        improving = matcher(rulebook.words.improving)
        someoneElsesAfter = matcher(rulebook.words.someoneElsesAfter)
        explainerCrossing = DangerSignDetector.explainerCrossing(rulebook.words)
        var fromFrame: [String: [String]] = [:]
        for concept in rulebook.concepts {
            for place in concept.fromFrame { fromFrame[place, default: []].append(concept.name) }
        }
        self.fromFrame = fromFrame
    }

    public var conceptNames: [String] { rulebook.concepts.map(\.name) }

    /// Concepts a frame establishes for later turns (the frame says the low back hurts,
    /// so "spine" holds).
    public func context(of frame: Frame) -> Set<String> {
        Set(frame.location.flatMap { fromFrame[$0] ?? [] })
    }

    /// Every word the rules use, for the typo corrector ("bladdr" -> "bladder").
    public var vocabulary: [(word: String, stem: String)] { concepts.flatMap(\.matcher.words) }

    /// One utterance prepared for matching: a carer's words read as the person's own.
    public struct Reading {
        var tokens: [Token]
        var stems: [String]
        var past: [Range<Int>]
        /// "last summer": as `past`, but only within its clause.
        var pastTimes: [Range<Int>]
        var generalQuestions: [Range<Int>]
        /// Where the message tells of a film, a book or an essay (`not_real`).
        var notReal: [Range<Int>] = []
        /// What lies between a question put to the person and their "no" to it.
        var denied: [Range<Int>] = []
        /// Phrases saying a sign is getting better.
        var improving: [Range<Int>] = []
        /// "is what", "was what": a sign before them may be someone else's.
        var someoneElsesAfter: [Range<Int>] = []
        var cache: [Int: [Range<Int>]] = [:]
        /// Concepts whose mentions belong to someone else the person writes about now.
        var someoneElses: Set<Int> = []
        /// Of those, the concepts whose someone else is named ("my mate's chemo"), not only
        /// a pronoun ("they took a tumour out" may be the doctors).
        var namedOthers: Set<Int> = []
    }

    public func reading(tokens: [Token], stems: [String]) -> Reading {
        let words = rulebook.words
        let stems = stems.map { words.readAlike[$0] ?? $0 }
        // "in 2015", "back in 2019": as far in the past as "years ago".
        let years = tokens.indices.dropFirst().filter { i in
            tokens[i - 1].text == "in" && Int(tokens[i].text).map(words.pastYears.contains) == true
        }.map { ($0 - 1)..<($0 + 1) }
        // "when he was 70", "in the 80s": an age or a decade gone by.
        func followed(by test: (Int) -> Bool, _ matcher: PhraseMatcher<Int>) -> [Range<Int>] {
            matcher.matches(stems: stems).map(\.range).filter { $0.upperBound < tokens.count && test($0.upperBound) }
                .map { $0.lowerBound..<($0.upperBound + 1) }
        }
        let ages = followed(by: { NumberWords.value(of: tokens[$0].text) != nil }, pastBeforeAge)
            + followed(by: { DangerSignDetector.isDecade(tokens, at: $0) }, pastBeforeDecade)
        return Reading(tokens: tokens, stems: stems,
                       past: resolved.matches(stems: stems).map(\.range) + years + ages, pastTimes: pastTimeSpans(tokens, stems),
                       generalQuestions: generalQuestionSpans(tokens), notReal: notReal.matches(stems: stems).map(\.range),
                       denied: deniedSpans(tokens, stems), improving: improving.matches(stems: stems).map(\.range),
                       someoneElsesAfter: someoneElsesAfter.matches(stems: stems).map(\.range))
    }

    /// "80s", "1980s" (read as "80" "s"), "eighties".
    static func isDecade(_ tokens: [Token], at i: Int) -> Bool {
        let word = tokens[i].text
        if let n = Int(word), n % 10 == 0, i + 1 < tokens.count, tokens[i + 1].text == "s" { return true }
        if word.hasSuffix("s"), let n = Int(word.dropLast()) { return n % 10 == 0 }
        return ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"].contains(word)
    }

    /// Whether the utterance mentions, un-negated, any concept a screening answer names
    /// ("numb", "bladder", "chest"): without one, a classifier's `red_flag` is only pain
    /// talk ("my back is killing me").
    public func mentionsDangerWords(tokens: [Token], stems: [String]) -> Bool {
        let stems = stems.map { rulebook.words.readAlike[$0] ?? $0 }
        return rulebook.screeningAnswers.contains { answer in
            guard let i = index[answer.concept] else { return false }
            return concepts[i].matcher.matches(stems: stems).contains { !Negation.negatedBefore(tokens, start: $0.range.lowerBound) }
        }
    }

    /// The names of the concepts the utterance mentions as a current sign of the person
    /// (or of someone with them), for the safety net's features. Body parts are left
    /// out: every pain message names one.
    public func mentionedConcepts(tokens: [Token], stems: [String]) -> [String] {
        var reading = reading(tokens: tokens, stems: stems)
        return mentionedConcepts(&reading)
    }

    private func mentionedConcepts(_ reading: inout Reading) -> [String] {
        concepts.indices.filter { !concepts[$0].concept.flags.contains(.bodyPart) && !mentions($0, &reading).isEmpty }
            .map { concepts[$0].concept.name }
    }

    /// The first danger sign the utterance reports, or nil. With `afterScreening` the
    /// person is answering the screening question, so naming a sign's strong screening
    /// concept ("I had a fall") is enough; with `afterWhichSign` they said yes to it and
    /// are asked which, so even a weak one ("swollen") is.
    ///
    /// `context` names concepts already established by the conversation: "I've had a
    /// fever since yesterday" two turns after "my lower back hurts" is still fever with
    /// back pain. At least one concept of a rule must come from the utterance itself.
    public func check(tokens: [Token], stems: [String], afterScreening: Bool = false, afterWhichSign: Bool = false,
                      context: Set<String> = []) -> DangerSign? {
        var reading = reading(tokens: tokens, stems: stems)
        return check(&reading, afterScreening: afterScreening, afterWhichSign: afterWhichSign, context: context)
    }

    /// `check`, and when no sign is found the concepts mentioned (for the safety net),
    /// read in one pass: the rules have already looked for most of them.
    public func examine(tokens: [Token], stems: [String], afterScreening: Bool = false, afterWhichSign: Bool = false,
                        context: Set<String> = []) -> (sign: DangerSign?, concepts: [String]) {
        var reading = reading(tokens: tokens, stems: stems)
        if let sign = check(&reading, afterScreening: afterScreening, afterWhichSign: afterWhichSign, context: context) {
            return (sign, [])
        }
        return (nil, mentionedConcepts(&reading))
    }

    private func check(_ reading: inout Reading, afterScreening: Bool, afterWhichSign: Bool, context: Set<String>) -> DangerSign? {
        let tokens = reading.tokens
        for rule in rulebook.rules {
            if let sign = fires(rule, &reading, context: context) { return sign }
        }
        if afterScreening || afterWhichSign {
            for answer in rulebook.screeningAnswers where answer.strong || afterWhichSign {
                guard let i = index[answer.concept], let range = mentions(i, &reading).first else { continue }
                return rulebook.sign(category: answer.category, evidence: text(tokens, range),
                                     forSomeoneElse: reading.someoneElses.contains(i))
            }
        }
        return nil
    }

    private func text(_ tokens: [Token], _ range: Range<Int>) -> String { tokens[range].map(\.text).joined(separator: " ") }

    /// The sign `rule` names in the utterance, if all its concepts hold.
    private func fires(_ rule: DangerRulebook.Rule, _ reading: inout Reading, context: Set<String>) -> DangerSign? {
        let ids = rule.concepts.compactMap { index[$0] }
        let hits = ids.map { mentions($0, &reading) }
        let chosen: [Range<Int>]
        if rule.within != nil || rule.inOrder {
            // A scoped rule needs every concept in the message, close together.
            guard let found = DangerSignDetector.together(hits, within: rule.within ?? Int.max, inOrder: rule.inOrder) else { return nil }
            chosen = found
        } else {
            let held = zip(rule.concepts, hits).map { !$1.isEmpty || context.contains($0) }
            guard held.allSatisfy({ $0 }), hits.contains(where: { !$0.isEmpty }) else { return nil }
            chosen = hits.compactMap(\.first)
        }
        let evidence = chosen.sorted { $0.lowerBound < $1.lowerBound }.map { text(reading.tokens, $0) }.joined(separator: " … ")
        let someoneElse = zip(ids, hits).contains { !$1.isEmpty && reading.someoneElses.contains($0) }
        // A named person's sign and the person's own body part make no sign together: "my
        // mate's chemo has been tough, and my back's stiff from driving him".
        if zip(ids, hits).contains(where: { id, ranges in
               !ranges.isEmpty && reading.namedOthers.contains(id) && !concepts[id].concept.flags.contains(.bodyPart)
           }),
           zip(ids, hits).contains(where: { id, ranges in
               concepts[id].concept.flags.contains(.bodyPart) && ranges.contains { isOwnBodyPart($0, reading.tokens) }
           }) { return nil }
        return rulebook.sign(for: rule, evidence: evidence, forSomeoneElse: someoneElse)
    }

    /// One mention per concept, all within `within` tokens (first start to last end) and,
    /// with `inOrder`, each after the one before; nil when there is none.
    static func together(_ hits: [[Range<Int>]], within: Int, inOrder: Bool) -> [Range<Int>]? {
        guard !hits.contains(where: \.isEmpty) else { return nil }
        for first in hits[0] {
            var chosen = [first]
            for later in hits.dropFirst() {
                let candidate = later.first { range in
                    let start = min(chosen.map(\.lowerBound).min()!, range.lowerBound)
                    let end = max(chosen.map(\.upperBound).max()!, range.upperBound)
                    return end - start <= within && (!inOrder || range.lowerBound >= chosen.last!.upperBound)
                }
                guard let candidate else { break }
                chosen.append(candidate)
            }
            if chosen.count == hits.count { return chosen }
        }
        return nil
    }

    /// The token ranges where concept `i` is mentioned as a current sign: not blocked,
    /// negated, over, someone else's history, denied after it, or asked about in general.
    private func mentions(_ i: Int, _ reading: inout Reading) -> [Range<Int>] {
        if let hit = reading.cache[i] { return hit }
        let compiled = concepts[i]
        let concept = compiled.concept
        let tokens = reading.tokens
        let asked = concept.flags.contains(.takenAsSaid) ? [] : reading.generalQuestions
        let candidates: [Range<Int>]
        if let least = concept.numberAtLeast {
            candidates = tokens.indices.filter { NumberWords.value(of: tokens[$0].text).map { $0 >= least } ?? false }.map { $0..<($0 + 1) }
        } else {
            candidates = compiled.matcher.matches(stems: reading.stems).map(\.range)
                + (concept.decimalAtLeast.map { decimals(tokens, from: $0, below: concept.decimalBelow) } ?? [])
        }
        let blocked = compiled.blockers.matches(stems: reading.stems).map(\.range)
        let over = concept.flags.contains(.canBeOver) ? reading.past : []
        let overUnlessNow = compiled.overUnlessNow.matches(stems: reading.stems).map(\.range)
        let explainers = compiled.cancelledBy.matches(stems: reading.stems).map(\.range).filter { explains($0, tokens) }
        // A wish to die or to self-harm is taken as said whatever frames it: a false alarm
        // there costs a caring reply, a miss far more.
        let framed = !concept.flags.contains(.takenAsSaid)
        var someoneElses = false, named = false
        let found = candidates.filter { range in
            guard !blocked.contains(where: { $0.overlaps(range) }),
                  !Negation.negatedBefore(tokens, start: range.lowerBound, window: 3, skipping: rulebook.words.negationFillers,
                                          ignoring: concept.flags.contains(.bodyPart) ? Negation.softeners : []),
                  case let now = isNow(range, tokens),
                  !isOver(range, over + (now ? [] : overUnlessNow), now: now, tokens),
                  !concept.flags.contains(.canBeOver) || !isNear(range, reading.pastTimes, reach: rulebook.words.resolvedReach,
                                                                tokens, stops: { tokens[$0].startsClause }),
                  !isNear(range, explainers, reach: rulebook.words.explainedReach, tokens, crossingAfter: explainerCrossing),
                  !isDeniedAfter(range, tokens), !asked.contains(where: { $0.contains(range.lowerBound) }),
                  !framed || !isFramedAsNoSign(range, concept, reading)
            else { return false }
            switch owner(of: range, concept, tokens, past: reading.past, after: reading.someoneElsesAfter) {
            case .own: return true
            case .someoneElseNow(let byName): someoneElses = true; named = named || byName; return true
            case .notTheirs: return false
            }
        }
        if someoneElses { reading.someoneElses.insert(i) }
        if named { reading.namedOthers.insert(i) }
        reading.cache[i] = found
        return found
    }

    /// Whether a marker of the past (or of words not meant literally) lies within reach
    /// of the mention, with no "but" and no `now` word between them: "fell years ago and
    /// now I can't walk" leaves "can't walk" current. A "but" pointing back ("but that all
    /// cleared up") is no bar.
    /// A mention whose own clause says it is now ("now my calf is swollen, the nurse said to
    /// watch out for that") is over only by a marker inside that clause.
    private func isOver(_ range: Range<Int>, _ markers: [Range<Int>], now: Bool, _ tokens: [Token]) -> Bool {
        isNear(range, markers, reach: rulebook.words.resolvedReach, tokens, crossingAfter: rulebook.words.backReferences,
               stops: { now && tokens[$0].startsClause })
    }

    /// "had a kidney infection last month, now feeling feverish": current.
    private func isNow(_ range: Range<Int>, _ tokens: [Token]) -> Bool {
        // A clause's `now` word stands near the sign; looking no further than 30 words
        // either way keeps a long message's cost linear.
        let start = Negation.clauseStart(tokens, range.lowerBound, notBefore: range.lowerBound - 30)
        let clause = start..<Negation.clauseEnd(tokens, range.lowerBound, notAfter: range.lowerBound + 30)
        return clause.contains { rulebook.words.now.contains(tokens[$0].text) }
    }

    /// "my chest feels fine", "my breathing is normal", "temperature normal".
    private func isDeniedAfter(_ range: Range<Int>, _ tokens: [Token]) -> Bool {
        let words = rulebook.words
        // Only the next few words matter, so the clause's end is looked for no further.
        let end = Negation.clauseEnd(tokens, range.upperBound - 1, notAfter: range.upperBound + 4)
        if range.upperBound < end, words.allWell.contains(tokens[range.upperBound].text) { return true }
        // "chest and arms all fine", "bladder and bowels are fine": one more thing named with it.
        if range.upperBound + 2 < tokens.count, ["and", "or"].contains(tokens[range.upperBound].text),
           !tokens[range.upperBound + 1].startsClause, !tokens[range.upperBound + 2].startsClause {
            var i = range.upperBound + 2
            while i < min(tokens.count, range.upperBound + 5), !tokens[i].startsClause,
                  ["all", "both"].contains(tokens[i].text) || words.linkingVerbs.contains(tokens[i].text) { i += 1 }
            if i < tokens.count, !tokens[i].startsClause, words.allWell.contains(tokens[i].text) { return true }
        }
        var i = range.upperBound
        while i + 1 < end, i < range.upperBound + 3 {
            if words.linkingVerbs.contains(tokens[i].text), words.allWell.contains(tokens[i + 1].text) { return true }
            i += 1
        }
        return false
    }

    private enum Owner { case own, someoneElseNow(byName: Bool), notTheirs }

    /// Whose a mention is. "my mum had breast cancer", "my neighbour fell and broke her
    /// hip, I'm asking about my own knee": someone else's, not a sign. "my husband's face
    /// has dropped": someone with the person now, a sign for them.
    private func owner(of range: Range<Int>, _ concept: DangerRulebook.Concept, _ tokens: [Token], past: [Range<Int>],
                       after spans: [Range<Int>]) -> Owner {
        let words = rulebook.words
        if isNamedAsSomeoneElses(range, tokens, spans) { return .notTheirs }
        guard let owner = otherOwner(tokens, before: range.lowerBound) else { return .own }
        let byName = !words.pronouns.contains(owner.word)
        let later = tokens[Negation.clauseEnd(tokens, range.lowerBound)...]
        // The message turns to the person's own trouble: what came before was about
        // someone else ("..., it's my shoulder that hurts").
        if Array(later).containsPhrase(anyOf: words.turnsToSelf) { return .notTheirs }
        // A relative's cancer, heart attack or clot told as history is family history,
        // unless the message goes on about them now: "my dad had lung cancer, now he's
        // got back pain" needs seeing as much as anyone; "when he was 70" is not now.
        guard owner.told, !tokens.indices[range.upperBound...].contains(where: { i in
            words.thirdPersonSubjects.contains(tokens[i].text) && !past.contains { $0.contains(i) }
        })
        else { return .someoneElseNow(byName: byName) }
        // "my brother had a bad fall last month, and now my back aches from lifting him":
        // his fall, told as history, then the person's own pain.
        let ownPain = later.contains { words.ownWords.contains($0.text) } && later.contains { IntentRules.painWords.contains($0.text) }
        if concept.flags.contains(.familyHistory) || (concept.flags.contains(.canBeOver) && ownPain) { return .notTheirs }
        return .someoneElseNow(byName: byName)
    }

    /// "my lower back": the person's own "my" just before a body part, as written (a
    /// carer's "his" is read as "my" elsewhere). Only so close: "she's telling me her back
    /// hurts" is hers.
    private func isOwnBodyPart(_ range: Range<Int>, _ tokens: [Token]) -> Bool {
        range.lowerBound > 0 && tokens[range.lowerBound - 1].text == "my"
    }

    /// Whether the message is about someone else: another person is named before the
    /// person speaks of themselves ("my husband's clutching his chest").
    public func isAboutSomeoneElse(_ tokens: [Token]) -> Bool {
        for token in tokens {
            if Negation.subjects.contains(token.text) || token.text == "me" { return false }
            if isOtherPerson(token.text) { return true }
        }
        return false
    }

    /// A word of `other_people`; "aunt's" is read as "aunts".
    func isOtherPerson(_ word: String) -> Bool {
        let people = rulebook.words.otherPeople
        return people.contains(word) || (word.hasSuffix("s") && people.contains(String(word.dropLast())))
    }

    /// The other person a mention belongs to, found before it in its clause, and whether
    /// it is told as history ("had", "died of"). Nil when the clause is the person's own
    /// ("I", "me" come first).
    func otherOwner(_ tokens: [Token], before index: Int) -> (word: String, told: Bool)? {
        let words = rulebook.words
        var told = false
        var i = index - 1
        // The owner is named within a few words of the sign; looking no further keeps a
        // long message's cost linear.
        let start = Negation.clauseStart(tokens, index, notBefore: index - words.ownerReach)
        while i >= start {
            let word = tokens[i].text
            if Negation.subjects.contains(word) || word == "me" { return nil }
            if words.historyVerbs.contains(word) { told = true }
            if isOtherPerson(word) { return (word, told) }
            i -= 1
        }
        return nil
    }

    /// The sentences that ask about the signs in general: "what is foot drop?", "do people
    /// get arm pain with a heart attack?", "if someone falls and can't stand, should they go
    /// to hospital?". Such a sentence opens like a question, has nobody in it who could have
    /// the sign, and asks what something is, means or causes, or about people in general.
    /// One that could be the person's own ("is numbness in the groin serious?", "what does
    /// it mean if you can't feel your groin?") is not one of them.
    func generalQuestionSpans(_ tokens: [Token]) -> [Range<Int>] {
        let words = rulebook.words
        var spans: [Range<Int>] = []
        var start = 0
        while start < tokens.count {
            var end = start + 1
            while end < tokens.count && !tokens[end].startsClause { end += 1 }
            var sentence = Array(tokens[start..<end])
            if sentence.count > 2, sentence[0].text == "in", sentence[1].text == "general" { sentence.removeFirst(2) }
            if let first = sentence.first?.text,
               words.generalQuestionOpeners.contains(first)
                || (first == "if" && sentence.count > 1 && words.someone.contains(sentence[1].text)),
               !sentence.contains(where: { words.personWords.contains($0.text) }),
               !sentence.containsPhrase(anyOf: words.addressedToPerson),
               sentence.containsPhrase(anyOf: words.generalQuestionMarkers) {
                spans.append(start..<end)
            }
            start = end
        }
        return spans
    }
}
