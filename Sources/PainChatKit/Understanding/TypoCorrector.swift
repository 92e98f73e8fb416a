/// Maps a misspelt word to the lexicon word it was meant to be ("wlaking" -> "walking").
///
/// Only words of five letters or more that are not themselves known English words are
/// corrected, and only within one edit (an adjacent swap counts as one), so "night" is
/// never turned into "right" and "sending" never into "bending".
public struct TypoCorrector: Sendable {
    /// Target words grouped by length, each with its bytes and stem.
    private var targets: [Int: [(bytes: [UInt8], stem: String)]] = [:]
    private var targetSet: Set<String> = []
    private var knownWords: Set<String>

    /// Words shorter than this are never corrected (SPEC §3: five letters).
    public let minimumLength: Int

    public init(targets: [(word: String, stem: String)], knownWords: Set<String>, minimumLength: Int = 5) {
        self.knownWords = knownWords
        self.minimumLength = minimumLength
        for (word, stem) in targets.sorted(by: { $0.word < $1.word })
        where word.utf8.count >= minimumLength && !targetSet.contains(word) {
            targetSet.insert(word)
            self.targets[word.utf8.count, default: []].append((Array(word.utf8), stem))
        }
    }

    /// The stem to use for `token`: its own, or the stem of the one lexicon word one edit away.
    public func stem(for token: Token) -> String { correction(for: token)?.stem ?? token.stem }

    /// The one target word `token` is a typo of, or nil when it is a known word, too
    /// short, or one edit from no target or from targets of different stems.
    public func correction(for token: Token) -> (word: String, stem: String)? {
        let text = token.text
        let length = text.utf8.count
        guard length >= minimumLength, !token.isNumber, !targetSet.contains(text), !knownWords.contains(text) else { return nil }
        let bytes = Array(text.utf8)
        // Same-length words first (a swap or a wrong letter), then one letter more or
        // less: "wlaking" is "walking", not "waking".
        for lengths in [[length], [length - 1, length + 1]] {
            var found: (word: String, stem: String)? = nil
            for candidateLength in lengths {
                for target in targets[candidateLength] ?? [] where editDistance(bytes, target.bytes, limit: 1) <= 1 {
                    if let existing = found, existing.stem != target.stem { return nil } // ambiguous: leave it
                    if found == nil { found = (String(decoding: target.bytes, as: UTF8.self), target.stem) }
                }
            }
            if let found { return found }
        }
        return nil
    }

    public func stems(for tokens: [Token]) -> [String] { tokens.map(stem(for:)) }

    /// The words of `words` (a dictionary) that are one edit from some target: the real
    /// words a corrector would otherwise rewrite, to be passed as known words. Two words
    /// one edit apart share a one-letter deletion (or one is the other's deletion), so
    /// each word is looked up by its deletions instead of being compared with every
    /// target; a few words two edits away come along, which costs nothing.
    public static func wordsAtRisk(in words: [String], targets: [String], minimumLength: Int) -> Set<String> {
        guard !words.isEmpty else { return [] }
        func deletions(_ word: [UInt8]) -> [[UInt8]] {
            word.indices.map { i in Array(word[..<i] + word[(i + 1)...]) }
        }
        let targetBytes = Set(targets.map { Array($0.utf8) })
        var neighbourhood = targetBytes
        for target in targetBytes { neighbourhood.formUnion(deletions(target)) }
        var atRisk: Set<String> = []
        for word in words where word.utf8.count >= minimumLength {
            // A target of one corrector can be another's typo ("rain" is a trigger, and one
            // edit from "pain"), so targets are kept too.
            let bytes = Array(word.utf8)
            if neighbourhood.contains(bytes) || deletions(bytes).contains(where: neighbourhood.contains) { atRisk.insert(word) }
        }
        return atRisk
    }
}
