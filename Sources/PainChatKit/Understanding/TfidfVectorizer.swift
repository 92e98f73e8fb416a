import Foundation

/// TF-IDF features of an utterance: stemmed word unigrams and bigrams, plus word-bounded
/// character n-grams. Each block gets sublinear term frequency (1 + ln tf), smoothed IDF
/// and its own L2 normalisation, so neither block drowns the other; the concatenation
/// is then normalised again.
public struct TfidfVectorizer: Sendable {
    public var charSizes: ClosedRange<Int>
    /// Hashed term -> feature index. Word features come first, then character features.
    var vocabulary: [UInt64: Int32] = [:]
    var idf: [Float] = []
    var wordFeatureCount = 0

    public var featureCount: Int { idf.count }

    public init(charSizes: ClosedRange<Int> = 2...5) {
        self.charSizes = charSizes
    }

    /// Learns the vocabulary and IDF weights from tokenised documents. Feature indices are
    /// assigned in first-seen order, so the same documents give the same model.
    /// `tags` holds extra pseudo-words per document (domain tags), counted as word features.
    public mutating func fit(_ documents: [[Token]], tags: [[String]] = []) {
        var wordIndex: [UInt64: Int32] = [:]
        var charIndex: [UInt64: Int32] = [:]
        var wordDF: [Int] = []
        var charDF: [Int] = []
        for (d, tokens) in documents.enumerated() {
            var seen: Set<UInt64> = []
            let extra = d < tags.count ? tags[d] : []
            TermHasher.wordTerms(tokens, tags: extra) { h in
                guard seen.insert(h).inserted else { return }
                if let i = wordIndex[h] { wordDF[Int(i)] += 1 } else {
                    wordIndex[h] = Int32(wordDF.count); wordDF.append(1)
                }
            }
            seen.removeAll(keepingCapacity: true)
            TermHasher.charTerms(tokens, sizes: charSizes) { h in
                guard seen.insert(h).inserted else { return }
                if let i = charIndex[h] { charDF[Int(i)] += 1 } else {
                    charIndex[h] = Int32(charDF.count); charDF.append(1)
                }
            }
        }
        let n = Float(documents.count)
        wordFeatureCount = wordDF.count
        vocabulary = wordIndex
        vocabulary.reserveCapacity(wordIndex.count + charIndex.count)
        for (h, i) in charIndex { vocabulary[h ^ 0x5bd1_e995_0000_0000] = i + Int32(wordDF.count) }
        idf = (wordDF + charDF).map { log((1 + n) / (1 + Float($0))) + 1 }
    }

    /// Whether a word stem was seen in training.
    public func knowsWord(_ stem: String) -> Bool { vocabulary[TermHasher.hash(tag: 1, stem.utf8)] != nil }

    /// The normalised TF-IDF vector of one tokenised utterance. Unknown terms are ignored.
    public func transform(_ tokens: [Token], tags: [String] = []) -> SparseVector {
        var counts: [Int32: Float] = [:]
        counts.reserveCapacity(tokens.count * 16)
        TermHasher.wordTerms(tokens, tags: tags) { h in
            if let i = vocabulary[h] { counts[i, default: 0] += 1 }
        }
        TermHasher.charTerms(tokens, sizes: charSizes) { h in
            if let i = vocabulary[h ^ 0x5bd1_e995_0000_0000] { counts[i, default: 0] += 1 }
        }
        var word = SparseVector()
        var char = SparseVector()
        for (i, tf) in counts.sorted(by: { $0.key < $1.key }) {
            let weight = (1 + log(tf)) * idf[Int(i)]
            if Int(i) < wordFeatureCount {
                word.indices.append(i); word.values.append(weight)
            } else {
                char.indices.append(i); char.values.append(weight)
            }
        }
        word.normalize()
        char.normalize()
        var joined = SparseVector(indices: word.indices + char.indices, values: word.values + char.values)
        joined.normalize()
        return joined
    }
}
