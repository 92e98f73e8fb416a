import Foundation

/// Short answers (SPEC §5): a passage in an answer shows the sentences that best fit the
/// question and frame, whole and in the note's order, within a budget of words.
extension Retriever {
    /// The best-fitting sentences of `passage` for `query`, about `maxWords` words at most
    /// (always at least one sentence); nil when the whole passage fits the budget.
    public func excerpt(of passage: Passage, query: [(term: String, weight: Float)], maxWords: Int) -> String? {
        let split: PassageSplit
        if let known = positions[passage.id], self.passage(at: known).passage.text == passage.text {
            split = splits.split(at: known) { PassageSplit(text: passage.text, tokenizer: tokenizer, index: index) }
        } else {
            split = PassageSplit(text: passage.text, tokenizer: tokenizer, index: index)
        }
        let lengths = split.lengths
        guard lengths.reduce(0, +) > maxWords, split.sentences.count > 1 else { return nil }
        var weights: [Int32: Float] = [:]
        for (term, weight) in query {
            guard let id = index.termID(term) else { continue }
            weights[id] = max(weights[id] ?? 0, weight)
        }
        let scores = split.sentences.indices.map { k -> Double in
            var score = 0.0
            for id in split.terms[k] {
                guard let weight = weights[id] else { continue }
                score += Double(weight * index.idf(of: id))
            }
            // Long sentences are not better for holding more words; a note's opening
            // sentence usually says what the paragraph is about.
            score /= Double(max(lengths[k], 1)).squareRoot()
            return k == 0 ? score * 1.25 + 0.01 : score
        }
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        var chosen: [Int] = []
        var used = 0
        for k in order where chosen.isEmpty || used + lengths[k] <= maxWords {
            chosen.append(k)
            used += lengths[k]
        }
        guard chosen.count < split.sentences.count else { return nil }
        return chosen.sorted().map { split.sentences[$0] }.joined(separator: " ")
    }

    static func wordCount(_ text: String) -> Int { text.split(whereSeparator: \.isWhitespace).count }

    /// Abbreviations a full stop does not end a sentence after.
    static let abbreviations: Set<String> = ["dr", "mr", "mrs", "ms", "st", "vs", "e.g", "i.e", "eg", "ie", "etc", "approx", "cf", "no", "fig"]

    /// The sentences of a paragraph: split after `.`, `!` or `?` (and a closing bracket or
    /// quote) where the next word starts with a capital, a digit or an opening bracket.
    static func sentences(_ text: String) -> [String] {
        // Unicode scalars, not Characters: one pass, no grapheme breaking, and the word
        // before a full stop found by looking back to the last space, not by copying the
        // sentence so far (which made long passages quadratic).
        let chars = Array(text.unicodeScalars)
        func string(_ range: Range<Int>) -> String {
            var lower = range.lowerBound, upper = range.upperBound
            while lower < upper, chars[lower].properties.isWhitespace { lower += 1 }
            while upper > lower, chars[upper - 1].properties.isWhitespace { upper -= 1 }
            return String(String.UnicodeScalarView(chars[lower..<upper]))
        }
        let closers: Set<Unicode.Scalar> = [")", "\"", "'", "”", "’"], openers: Set<Unicode.Scalar> = ["(", "\"", "“"]
        var sentences: [String] = []
        var start = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "." || c == "!" || c == "?" {
                var end = i + 1
                while end < chars.count, closers.contains(chars[end]) { end += 1 }
                var next = end
                while next < chars.count, chars[next] == " " { next += 1 }
                var wordStart = i
                while wordStart > start, chars[wordStart - 1] != " " { wordStart -= 1 }
                // The word, without the punctuation around it ("(e.g.").
                while wordStart < i, CharacterSet.punctuationCharacters.contains(chars[wordStart]) { wordStart += 1 }
                let word = String(String.UnicodeScalarView(chars[wordStart..<i])).lowercased()
                let opensSentence = next < chars.count
                    && (chars[next].properties.isUppercase || chars[next].properties.numericType != nil || openers.contains(chars[next]))
                if next > end, opensSentence,
                   !(c == "." && abbreviations.contains(word)) {
                    sentences.append(string(start..<end))
                    start = next
                    i = next
                    continue
                }
            }
            i += 1
        }
        let rest = string(start..<chars.count)
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }
}
