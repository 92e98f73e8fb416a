/// Words that negate what follows them ("no numbness", "doesn't help", "never when I sit").
///
/// "can't" is deliberately absent: "I can't sit for long" reports a trigger and "I can't
/// control my bladder" a danger sign.
enum Negation {
    static let negators: Set<String> = [
        "no", "not", "never", "without", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent",
        "havent", "hasnt", "hadnt", "wont", "wouldnt", "nor", "neither", "none", "nothing", "nope", "nah",
        "hardly", "barely", "denies", "deny",
    ]

    /// Words that end a clause for negation and cue scope ("no fever but my bladder...").
    static let clauseBreakers: Set<String> = ["but", "though", "although", "whereas", "however", "yet", "except", "apart"]

    /// Negators that only soften a verb ("I can barely lift my arm").
    static let softeners: Set<String> = ["barely", "hardly"]

    /// A first-person subject starts a new statement: in "if the op doesn't work I'm going
    /// to end it" the "doesn't" says nothing about what follows "I'm".
    static let subjects: Set<String> = ["i", "im", "ive", "id", "ill"]

    /// "so" joins a new clause when a subject follows it ("after two miles so I stop"),
    /// not when it intensifies ("so sore").
    static func breaksClause(_ tokens: [Token], at i: Int) -> Bool {
        let word = tokens[i].text
        if clauseBreakers.contains(word) { return true }
        return word == "so" && i + 1 < tokens.count && ["i", "im", "ive", "it", "its", "we"].contains(tokens[i + 1].text)
    }

    /// Index of the first token of the clause containing `index`.
    /// With `notBefore`, the search stops there: callers that only look a few words back
    /// keep a long message's cost linear.
    static func clauseStart(_ tokens: [Token], _ index: Int, notBefore floor: Int = 0) -> Int {
        var i = index
        while i > max(floor, 0) {
            if tokens[i].startsClause { return i }
            if breaksClause(tokens, at: i - 1) { return i }
            i -= 1
        }
        return max(floor, 0)
    }

    /// Index one past the last token of the clause containing `index`. With `notAfter`,
    /// the search stops there, as `clauseStart`'s does at `notBefore`.
    static func clauseEnd(_ tokens: [Token], _ index: Int, notAfter limit: Int = .max) -> Int {
        var i = index + 1
        let end = min(tokens.count, limit)
        while i < end {
            if tokens[i].startsClause || breaksClause(tokens, at: i) { return i }
            i += 1
        }
        return i
    }

    /// True when a negator stands within `window` tokens before `start`, in the same clause.
    static func negatedBefore(_ tokens: [Token], start: Int, window: Int = 3, skipping fillers: Set<String> = [],
                              ignoring weak: Set<String> = []) -> Bool {
        // No window reaches further back than this, even across "or" and fillers; looking
        // no further keeps a long clause's cost linear.
        let lower = clauseStart(tokens, start, notBefore: start - 40)
        var i = start - 1
        var counted = 0
        var window = window
        while i >= lower && counted < window {
            let word = tokens[i].text
            if negators.contains(word) && !weak.contains(word) { return true }
            // "the GP ruled out a clot"
            if word == "out" && i > lower && ["ruled", "rule", "rules"].contains(tokens[i - 1].text) { return true }
            if subjects.contains(word) { return false }
            // "not a sudden or worst-ever headache", "no numbness down there or trouble
            // peeing": the negation reaches across "or" to the whole list.
            if word == "or" || word == "nor" { window += 3 } else if !fillers.contains(word) { counted += 1 }
            i -= 1
        }
        return false
    }
}
