/// Finds lexicon phrases in a tokenised utterance, as whole-word stem sequences, longest
/// phrase first, without overlaps.
public struct PhraseMatcher<Label: Hashable & Sendable>: Sendable {
    public struct Match: Sendable, Hashable {
        public var label: Label
        /// Token indices the phrase covers.
        public var range: Range<Int>
    }

    private struct Pattern: Sendable {
        var stems: [String]
        var label: Label
    }

    private var patterns: [Pattern] = []
    /// First stem -> pattern indices, longest pattern first.
    private var byFirstStem: [String: [Int]] = [:]
    /// Every word of every phrase with its stem, for the typo corrector.
    public private(set) var words: [(word: String, stem: String)] = []

    public init(phrases: [(phrase: String, label: Label)], tokenizer: Tokenizer) {
        var seen: Set<[String]> = []
        for (phrase, label) in phrases {
            let tokens = tokenizer.tokenize(phrase)
            guard !tokens.isEmpty else { continue }
            let stems = tokens.map(\.stem)
            // Every spelling is a typo target, even one whose stems are already listed:
            // "bowles" is one swap from "bowels", two edits from "bowel".
            words += tokens.map { ($0.text, $0.stem) }
            // The first phrase listed wins when two stem to the same words.
            guard seen.insert(stems + ["\u{1}\(label)"]).inserted else { continue }
            patterns.append(Pattern(stems: stems, label: label))
        }
        for (index, pattern) in patterns.enumerated() {
            byFirstStem[pattern.stems[0], default: []].append(index)
        }
        for key in byFirstStem.keys {
            byFirstStem[key]!.sort { patterns[$0].stems.count > patterns[$1].stems.count || (patterns[$0].stems.count == patterns[$1].stems.count && $0 < $1) }
        }
    }

    /// All non-overlapping matches over `stems` (one per token), scanning left to right and
    /// taking the longest phrase at each position.
    public func matches(stems: [String]) -> [Match] {
        var result: [Match] = []
        var i = 0
        while i < stems.count {
            var matched = false
            if let candidates = byFirstStem[stems[i]] {
                for index in candidates {
                    let pattern = patterns[index]
                    let end = i + pattern.stems.count
                    guard end <= stems.count else { continue }
                    if pattern.stems.indices.allSatisfy({ stems[i + $0] == pattern.stems[$0] }) {
                        // Several labels may share one phrase: report each.
                        let length = pattern.stems.count
                        for other in candidates where patterns[other].stems.count == length
                            && patterns[other].stems == pattern.stems {
                            result.append(Match(label: patterns[other].label, range: i..<end))
                        }
                        i = end
                        matched = true
                        break
                    }
                }
            }
            if !matched { i += 1 }
        }
        return result
    }
}
