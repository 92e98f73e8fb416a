import Foundation

/// Short answers (SPEC §5): a passage in an answer shows the sentences that best fit the
/// question and frame, whole and in the note's order, within a budget of words.
extension Retriever {
    /// The best-fitting sentences of `passage` for `query`, about `maxWords` words at most
    /// (always at least one sentence); nil when the whole passage fits the budget.
    public func excerpt(of passage: Passage, query: [(term: String, weight: Float)], maxWords: Int) -> String? {
        let sentences = Retriever.sentences(passage.text)
        let lengths = sentences.map(Retriever.wordCount)
        guard lengths.reduce(0, +) > maxWords, sentences.count > 1 else { return nil }
        var weights: [String: Float] = [:]
        for (term, weight) in query { weights[term] = max(weights[term] ?? 0, weight) }
        let scores = sentences.indices.map { i -> Double in
            var score = 0.0
            for stem in Set(Retriever.terms(sentences[i], tokenizer)) {
                guard let weight = weights[stem], let id = index.termID(stem) else { continue }
                score += Double(weight * index.idf(of: id))
            }
            // Long sentences are not better for holding more words; a note's opening
            // sentence usually says what the paragraph is about.
            score /= Double(max(lengths[i], 1)).squareRoot()
            return i == 0 ? score * 1.25 + 0.01 : score
        }
        let order = sentences.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        var chosen: [Int] = []
        var used = 0
        for i in order where chosen.isEmpty || used + lengths[i] <= maxWords {
            chosen.append(i)
            used += lengths[i]
        }
        guard chosen.count < sentences.count else { return nil }
        return chosen.sorted().map { sentences[$0] }.joined(separator: " ")
    }

    static func wordCount(_ text: String) -> Int { text.split(whereSeparator: \.isWhitespace).count }

    /// Abbreviations a full stop does not end a sentence after.
    static let abbreviations: Set<String> = ["dr", "mr", "mrs", "ms", "st", "vs", "e.g", "i.e", "eg", "ie", "etc", "approx", "cf", "no", "fig"]

    /// The sentences of a paragraph: split after `.`, `!` or `?` (and a closing bracket or
    /// quote) where the next word starts with a capital, a digit or an opening bracket.
    static func sentences(_ text: String) -> [String] {
        let chars = Array(text)
        var sentences: [String] = []
        var start = 0
        var i = 0
        while i < chars.count {
            if ".!?".contains(chars[i]) {
                var end = i + 1
                while end < chars.count, ")\"'”’".contains(chars[end]) { end += 1 }
                var next = end
                while next < chars.count, chars[next] == " " { next += 1 }
                let word = String(chars[start..<i]).split(separator: " ").last.map { $0.lowercased() } ?? ""
                if next > end, next < chars.count, chars[next].isUppercase || chars[next].isNumber || "(\"“".contains(chars[next]),
                   !(chars[i] == "." && abbreviations.contains(word.trimmingCharacters(in: .punctuationCharacters))) {
                    sentences.append(String(chars[start..<end]).trimmingCharacters(in: .whitespaces))
                    start = next
                    i = next
                    continue
                }
            }
            i += 1
        }
        let rest = String(chars[start...]).trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }
}
