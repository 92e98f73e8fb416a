/// Every passage's sentences, their word counts and their content terms, split once when
/// the engine is built and kept in its cache: an answer's excerpts then cost no splitting,
/// tokenizing or stemming during a turn.
struct PassageSentences: Sendable {
    /// For passage `p` (flat index position), its sentences are `passageStart[p]..<passageStart[p + 1]`.
    var passageStart: [Int32]
    var sentences: [String]
    var lengths: [Int32]
    /// For sentence `s`, its distinct index terms are `terms[termStart[s]..<termStart[s + 1]]`.
    var termStart: [Int32]
    var terms: [Int32]

    init(passageStart: [Int32], sentences: [String], lengths: [Int32], termStart: [Int32], terms: [Int32]) {
        self.passageStart = passageStart
        self.sentences = sentences
        self.lengths = lengths
        self.termStart = termStart
        self.terms = terms
    }

    /// Splits the passages, in flat index order.
    init(texts: [String], tokenizer: Tokenizer, index: PassageIndex) {
        self.init(passageStart: [0], sentences: [], lengths: [], termStart: [0], terms: [])
        for text in texts {
            for sentence in Retriever.sentences(text) {
                sentences.append(sentence)
                lengths.append(Int32(clamping: Retriever.wordCount(sentence)))
                var seen = Set<Int32>()
                for stem in Retriever.terms(sentence, tokenizer) {
                    if let id = index.termID(stem), seen.insert(id).inserted { terms.append(id) }
                }
                termStart.append(Int32(terms.count))
            }
            passageStart.append(Int32(sentences.count))
        }
    }

    /// Whether the stored arrays agree with each other and with `passages` passages.
    func isConsistent(passages: Int, termCount: Int) -> Bool {
        passageStart.count == passages + 1 && passageStart.first == 0 && Int(passageStart.last ?? -1) == sentences.count
            && zip(passageStart, passageStart.dropFirst()).allSatisfy { $0 <= $1 }
            && lengths.count == sentences.count && termStart.count == sentences.count + 1 && termStart.first == 0
            && Int(termStart.last ?? -1) == terms.count && zip(termStart, termStart.dropFirst()).allSatisfy { $0 <= $1 }
            && terms.allSatisfy { $0 >= 0 && Int($0) < termCount }
    }

    func sentenceRange(of passage: Int) -> Range<Int> { Int(passageStart[passage])..<Int(passageStart[passage + 1]) }

    func terms(of sentence: Int) -> ArraySlice<Int32> { terms[Int(termStart[sentence])..<Int(termStart[sentence + 1])] }
}
