/// The frames around a mention that tell no current sign: a marker within reach ("years
/// ago", "after five pints"), a film or an essay, a question put to the person and their
/// "no" to it, a sign getting better, and a bare "no" after a sign. Every one is a list of
/// `words.yaml` (or a concept's `cancelled_by`), read alike for every concept.
extension DangerSignDetector {
    /// Whether a marker lies within `reach` words of the mention with nothing between them
    /// that starts another statement: a `now` word, a turn of topic ("anyway"), a "but", or
    /// a token `stops` names. With `crossingAfter`, a "but" followed only by such words and
    /// then the marker is no bar ("but that all cleared up", "but I caught myself").
    func isNear(_ range: Range<Int>, _ markers: [Range<Int>], reach: Int, _ tokens: [Token],
                crossingAfter: Set<String> = [], stops: (Int) -> Bool = { _ in false }) -> Bool {
        let words = rulebook.words
        return markers.contains { marker in
            guard marker.lowerBound < range.upperBound + reach && range.lowerBound < marker.upperBound + reach else { return false }
            let markerAfter = marker.lowerBound >= range.upperBound
            let between = markerAfter ? range.upperBound..<marker.lowerBound
                : marker.upperBound <= range.lowerBound ? marker.upperBound..<range.lowerBound : 0..<0
            return !between.contains { i in
                let word = tokens[i].text
                if words.now.contains(word) || words.topicTurns.contains(word) || stops(i) { return true }
                guard Negation.clauseBreakers.contains(word) else { return false }
                guard markerAfter, !crossingAfter.isEmpty else { return true }
                let gap = (i + 1)..<marker.lowerBound
                return !(gap.count <= 3 && gap.allSatisfy { crossingAfter.contains(tokens[$0].text) })
            }
        }
    }

    /// The words after a "but" through which a concept's `cancelled_by` phrase still
    /// explains what came before it: pointers back and subjects ("but I'd had five pints").
    static func explainerCrossing(_ words: DangerRulebook.Words) -> Set<String> {
        words.backReferences.union(Negation.subjects).union(words.thirdPersonSubjects)
    }

    /// Whether a `cancelled_by` phrase explains a sign: not negated, not how it only looks
    /// ("he sounds drunk", "we thought she'd had a few drinks"), not denied just after
    /// ("a few drinks? he hasn't had a drop"), and not overturned by a "but now".
    func explains(_ phrase: Range<Int>, _ tokens: [Token]) -> Bool {
        guard !Negation.negatedBefore(tokens, start: phrase.lowerBound) else { return false }
        let words = rulebook.words
        let before = max(0, phrase.lowerBound - 4)..<phrase.lowerBound
        let after = phrase.upperBound..<min(tokens.count, phrase.upperBound + 5)
        // "I walked it off but now it's much worse": the explanation is overturned.
        let overturned = after.contains { i in
            Negation.clauseBreakers.contains(tokens[i].text)
                && ((i + 1)..<min(tokens.count, i + 4)).contains { words.now.contains(tokens[$0].text) }
        }
        return !overturned && !before.contains { words.seeming.contains(tokens[$0].text) }
            && !after.contains { Negation.negators.contains(tokens[$0].text) }
    }

    /// "39.2": a whole number in range and one digit just after it, one character apart
    /// (the tokenizer splits at the point). "I'm 39, 2 weeks of back pain" is two numbers.
    func decimals(_ tokens: [Token], from least: Int, below: Int) -> [Range<Int>] {
        tokens.indices.dropLast().filter { i in
            guard let whole = Int(tokens[i].text), (least..<below).contains(whole) else { return false }
            let next = tokens[i + 1]
            return next.text.count == 1 && Int(next.text) != nil && next.range.lowerBound == tokens[i].range.upperBound + 1
        }.map { $0..<($0 + 2) }
    }

    /// `past_times` phrases not continued to now: "last summer", not "since last summer"
    /// or "over the last year".
    func pastTimeSpans(_ tokens: [Token], _ stems: [String]) -> [Range<Int>] {
        pastTimes.matches(stems: stems).map(\.range).filter { range in
            range.lowerBound == 0 || !rulebook.words.ongoingBefore.contains(tokens[range.lowerBound - 1].text)
        }
    }

    /// What lies between a question put to the person ("the physio asked if i had any
    /// numbness") and their answer denying it ("i dont", "i said no"), when the answer is
    /// near and nothing of now comes between. A question with no denial after it denies
    /// nothing: "the GP asked if I'd lost weight and I have, two stone".
    func deniedSpans(_ tokens: [Token], _ stems: [String]) -> [Range<Int>] {
        let questions = askedAbout.matches(stems: stems).map(\.range)
        guard !questions.isEmpty else { return [] }
        let words = rulebook.words
        let answers = deniedAnswers.matches(stems: stems).map(\.range).filter { answer in
            let next = answer.upperBound
            return next == tokens.count || tokens[next].startsClause || Negation.breaksClause(tokens, at: next)
                || words.denialTails.contains(tokens[next].text)
        }
        return questions.compactMap { question in
            guard let answer = answers.first(where: { $0.lowerBound >= question.upperBound }),
                  answer.lowerBound - question.upperBound <= words.denialReach,
                  !(question.upperBound..<answer.lowerBound).contains(where: { words.now.contains(tokens[$0].text) })
            else { return nil }
            return question.upperBound..<answer.lowerBound
        }
    }

    /// Whether the mention is framed as no sign of anyone's now: asked about and denied,
    /// answered with a bare "no", told of a film or an essay, or getting better.
    func isFramedAsNoSign(_ range: Range<Int>, _ concept: DangerRulebook.Concept, _ reading: Reading) -> Bool {
        let tokens = reading.tokens
        let words = rulebook.words
        if reading.denied.contains(where: { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }) { return true }
        if isDeniedByBareAnswer(range, tokens) { return true }
        // A film's or an essay's sign, up to a clause the person starts about themselves
        // ("..., and I can't feel my legs" is theirs).
        let ownClause: (Int) -> Bool = { i in
            let word = tokens[i].text
            let opens = tokens[i].startsClause || (i > 0 && (tokens[i - 1].text == "and" || Negation.breaksClause(tokens, at: i - 1)))
            return opens && (Negation.subjects.contains(word) || words.ownWords.contains(word))
        }
        if isNear(range, reading.notReal, reach: words.notRealReach, tokens, stops: ownClause) { return true }
        if concept.flags.contains(.canBeOver),
           isNear(range, reading.improving, reach: words.improvingReach, tokens, crossingAfter: words.backReferences,
                  stops: { tokens[$0].text == "and" || tokens[$0].startsClause }) { return true }
        return false
    }

    /// "foot drop? no, my foot lifts fine": the clause after the mention is a lone "no".
    func isDeniedByBareAnswer(_ range: Range<Int>, _ tokens: [Token]) -> Bool {
        // The "no" follows the sign's clause at once: only the next few words are looked at.
        let end = Negation.clauseEnd(tokens, range.upperBound - 1, notAfter: range.upperBound + 3)
        guard end < tokens.count, tokens[end].startsClause, rulebook.words.bareDenials.contains(tokens[end].text) else { return false }
        guard end + 1 < tokens.count else { return true }
        // What follows the "no" must say all is well ("no, my foot lifts fine", "no, just the
        // ankle"): "numb down there? no, it's worse than that" denies nothing.
        let after = (end + 1)..<min(tokens.count, end + 8)
        return tokens[end + 1].startsClause && after.contains { i in
            let word = tokens[i].text
            return rulebook.words.allWell.contains(word) || rulebook.words.reassuring.contains(word) || Negation.negators.contains(word)
        }
    }

    /// "foot drop is what my uncle had": a `someone_elses_after` phrase right after the
    /// mention, then another person.
    func isNamedAsSomeoneElses(_ range: Range<Int>, _ tokens: [Token], _ spans: [Range<Int>]) -> Bool {
        spans.contains { span in
            (range.upperBound...(range.upperBound + 1)).contains(span.lowerBound)
                && (span.upperBound..<min(tokens.count, span.upperBound + 2)).contains { isOtherPerson(tokens[$0].text) }
        }
    }
}
