/// The words and stems a corpus uses, gathered in one pass over its text: the words keep
/// the typo corrector off real words, the stems tell the classifier which topics painchat
/// knows about.
struct CorpusWords {
    var words: Set<String> = []
    var stems: Set<String> = []

    init() {}

    init(corpus: Corpus, tokenizer: Tokenizer) {
        func add(_ text: String) {
            for token in tokenizer.tokenize(text) {
                words.insert(token.text)
                stems.insert(token.stem)
            }
        }
        for note in corpus.notes {
            add(note.title)
            for passage in note.passages { add(passage.text) }
        }
    }
}
