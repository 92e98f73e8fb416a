/// The words and stems a corpus uses, gathered while the index reads its text: the words
/// keep the typo corrector off real words, the stems tell the classifier which topics
/// painchat knows about.
struct CorpusWords {
    var words: Set<String> = []
    var stems: Set<String> = []
}
