/// Short body words ("neck", "knee", "hip") mistyped by one edit ("nek", "kne", "hipp").
/// The typo corrector leaves words under five letters alone, as too many real words lie one
/// edit from them; these are mended only where the word just before or just after says a
/// body part is meant ("my nek", "kne hurts": `Intents/slots/words.yaml`), and never when
/// the typo is itself a known word ("my log", "the lag").
public struct ShortBodyWords: Sendable {
    let corrector: TypoCorrector
    let before: Set<String>
    let after: Set<String>

    /// The one-word places of the location lexicon of three or four letters.
    static func targets(_ lexicons: [SlotLexicon], tokenizer: Tokenizer) -> [(word: String, stem: String)] {
        let phrases = lexicons.first { $0.slot == .location }?.entries.map(\.phrase) ?? []
        return Set(phrases.filter { !$0.contains(" ") && (3...4).contains($0.utf8.count) }).sorted()
            .map { ($0, tokenizer.stemmer.stem($0)) }
    }

    init(targets: [(word: String, stem: String)], words: SlotWords, knownWords: Set<String>) {
        corrector = TypoCorrector(targets: targets, knownWords: knownWords, minimumLength: 3)
        before = Set(words.bodyPartBefore)
        after = Set(words.bodyPartAfter)
    }

    /// `stems` with each short mistyped body word in a body part's place read as that word.
    func mend(_ tokens: [Token], stems: [String]) -> [String] {
        var mended = stems
        for i in tokens.indices where (3...5).contains(tokens[i].text.utf8.count) && stems[i] == tokens[i].stem {
            let previous = i > 0 ? tokens[i - 1].text : "", next = i + 1 < tokens.count ? tokens[i + 1].text : ""
            guard before.contains(previous) || after.contains(next), let fix = corrector.correction(for: tokens[i]) else { continue }
            mended[i] = fix.stem
        }
        return mended
    }
}
