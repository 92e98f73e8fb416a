import Foundation

/// One passage split for excerpts: its sentences, their word counts and the distinct index
/// terms of each.
struct PassageSplit: Sendable {
    var sentences: [String]
    var lengths: [Int]
    var terms: [[Int32]]

    init(text: String, tokenizer: Tokenizer, index: PassageIndex) {
        sentences = Retriever.sentences(text)
        lengths = sentences.map(Retriever.wordCount)
        terms = sentences.map { sentence in
            var seen = Set<Int32>()
            return Retriever.terms(sentence, tokenizer).compactMap { stem in
                index.termID(stem).flatMap { seen.insert($0).inserted ? $0 : nil }
            }
        }
    }
}

/// The corpus's passages as split for excerpts, each split the first time an answer
/// excerpts it and kept for the engine's life: an answer's excerpts then cost no splitting,
/// tokenizing or stemming for a passage shown before. Splitting every passage when the
/// engine is built would make a large `--corpus` start many seconds slower. Shared by the
/// copies of a retriever, and safe across threads.
final class PassageSplits: @unchecked Sendable {
    private let lock = NSLock()
    private var splits: [Int: PassageSplit] = [:]

    func split(at position: Int, _ make: () -> PassageSplit) -> PassageSplit {
        lock.lock()
        if let known = splits[position] { lock.unlock(); return known }
        lock.unlock()
        // Split outside the lock: two threads may split the same passage once each, with
        // the same result.
        let split = make()
        lock.lock()
        splits[position] = split
        lock.unlock()
        return split
    }
}
