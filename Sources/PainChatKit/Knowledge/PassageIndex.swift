import Foundation

/// A BM25 index over passages, stored as flat arrays: integer term ids and one
/// contiguous postings list per term, so a query touches only the passages that share
/// a term with it.
public struct PassageIndex: Sendable {
    public struct Hit: Sendable, Equatable {
        public var passage: Int
        public var score: Float
    }

    public let k1: Float = 1.2
    public let b: Float = 0.75

    var termIDs: [String: Int32] = [:]
    var postingStart: [Int32] = [0]
    var postingPassage: [Int32] = []
    /// Each posting's BM25 term-frequency part, tf·(k1+1)/(tf + k1·(1−b+b·len/avg)),
    /// computed once at build time so a query only multiplies and adds.
    var postingImpact: [Float] = []
    var idf: [Float] = []
    var lengthNorm: [Float] = []
    /// The sorted term ids of each passage, flat (passage p's are at
    /// `termsOf[termsStart[p]..<termsStart[p+1]]`), for near-duplicate checks.
    var termsStart: [Int32] = [0]
    var termsOf: [Int32] = []
    /// Score buffers reused across queries (one per concurrent query).
    let scratch = ScratchPool()

    public var passageCount: Int { lengthNorm.count }
    public var termCount: Int { idf.count }

    /// Builds the index from passages whose terms are already ids: `terms(i)` gives
    /// passage i's (term id, weight) pairs, ids numbered from 0 in the order they first
    /// appear; `vocabulary()`, asked once all passages are read, names every id.
    init(count: Int, vocabulary: () -> [String: Int32], terms termsOf: (Int) -> [(Int32, Float)]) {
        // Postings are collected as (term, passage, weight) triples, then grouped by term
        // with a counting sort: no dictionary per passage, so memory stays flat.
        var triples: [(term: Int32, passage: Int32, weight: Float)] = []
        triples.reserveCapacity(count * 48)
        var lengths: [Float] = []
        lengths.reserveCapacity(count)
        // Per term: the passage (plus one) it was last met in and its triple there, so a
        // term met twice in a passage adds to one posting without a dictionary.
        var lastPassage: [Int32] = []
        var lastTriple: [Int] = []
        for p in 0..<count {
            var length: Float = 0
            for (id, weight) in termsOf(p) {
                let t = Int(id)
                if t >= lastPassage.count {
                    lastPassage += repeatElement(0, count: t + 1 - lastPassage.count)
                    lastTriple += repeatElement(0, count: t + 1 - lastTriple.count)
                }
                if lastPassage[t] == Int32(p + 1) {
                    triples[lastTriple[t]].weight += weight
                } else {
                    lastPassage[t] = Int32(p + 1)
                    lastTriple[t] = triples.count
                    triples.append((id, Int32(p), weight))
                }
                length += weight
            }
            lengths.append(length)
        }
        termIDs = vocabulary()
        let termCount = max(termIDs.count, lastPassage.count)
        var df = [Int32](repeating: 0, count: termCount)
        for t in triples { df[Int(t.term)] += 1 }
        let n = Float(count)
        idf = df.map { log(1 + (n - Float($0) + 0.5) / (Float($0) + 0.5)) }
        let average = max(1, lengths.reduce(0, +) / max(1, n))
        lengthNorm = lengths.map { k1 * (1 - b + b * $0 / average) }

        postingStart = [Int32](repeating: 0, count: termCount + 1)
        for t in 0..<termCount { postingStart[t + 1] = postingStart[t] + df[t] }
        var fill = Array(postingStart.dropLast())
        postingPassage = [Int32](repeating: 0, count: triples.count)
        postingImpact = [Float](repeating: 0, count: triples.count)
        // Triples are in passage order, so each postings list comes out sorted by passage.
        for t in triples {
            let slot = Int(fill[Int(t.term)])
            postingPassage[slot] = t.passage
            postingImpact[slot] = t.weight * (k1 + 1) / (t.weight + lengthNorm[Int(t.passage)])
            fill[Int(t.term)] += 1
        }
        (termsStart, self.termsOf) = PassageIndex.passageTerms(postingStart: postingStart, postingPassage: postingPassage,
                                                               passages: count)
    }

    /// Inverts the postings into each passage's sorted term ids.
    static func passageTerms(postingStart: [Int32], postingPassage: [Int32], passages: Int) -> ([Int32], [Int32]) {
        var counts = [Int32](repeating: 0, count: passages + 1)
        for p in postingPassage { counts[Int(p) + 1] += 1 }
        for i in 0..<passages { counts[i + 1] += counts[i] }
        var fill = Array(counts.dropLast())
        var terms = [Int32](repeating: 0, count: postingPassage.count)
        for t in 0..<(postingStart.count - 1) {
            for k in Int(postingStart[t])..<Int(postingStart[t + 1]) {
                let p = Int(postingPassage[k])
                terms[Int(fill[p])] = Int32(t)
                fill[p] += 1
            }
        }
        return (counts, terms)
    }

    public func termID(_ stem: String) -> Int32? { termIDs[stem] }
    public func idf(of id: Int32) -> Float { idf[Int(id)] }

    /// Whether two passages share more than `threshold` of their distinct terms (Jaccard),
    /// stopping as soon as the terms left cannot lift the share over it: most pairs are
    /// unrelated and are told apart after a few terms.
    public func overlaps(_ a: Int, _ b: Int, moreThan threshold: Double) -> Bool {
        var i = Int(termsStart[a]), j = Int(termsStart[b])
        let endA = Int(termsStart[a + 1]), endB = Int(termsStart[b + 1])
        let sizeA = endA - i, sizeB = endB - j
        guard sizeA > 0, sizeB > 0 else { return false }
        // common / (sizeA + sizeB - common) > t  <=>  common > t (sizeA + sizeB) / (1 + t)
        let needed = threshold * Double(sizeA + sizeB) / (1 + threshold)
        // Counts are whole, so "more than needed" is "more than its whole part".
        let most = Int(needed.rounded(.down))
        guard min(sizeA, sizeB) > most else { return false }
        return termsOf.withUnsafeBufferPointer { terms in
            var common = 0
            while i < endA && j < endB {
                // Stop once the answer is settled either way: most pairs are unrelated and
                // part after a few terms; a near-duplicate is settled before its end.
                if common + min(endA - i, endB - j) <= most { return false }
                if common > most { return true }
                if terms[i] == terms[j] { common += 1; i += 1; j += 1 } else if terms[i] < terms[j] { i += 1 } else { j += 1 }
            }
            return common > most
        }
    }

    /// Scores every passage that shares a term with the query and hands them to `body`.
    /// The buffers are reused across queries, so a query over a big corpus allocates
    /// nothing in proportion to it.
    public func withScores<Result>(_ query: [(Int32, Float)], _ body: (ScoredPassages) -> Result) -> Result {
        var buffer = scratch.take(size: passageCount)
        defer { scratch.give(back: buffer) }
        var count = 0
        buffer.scores.withUnsafeMutableBufferPointer { scores in
            buffer.touched.withUnsafeMutableBufferPointer { touched in
                postingPassage.withUnsafeBufferPointer { passages in
                    postingImpact.withUnsafeBufferPointer { impacts in
                        for (id, weight) in query {
                            let t = Int(id)
                            let w = weight * idf[t]
                            guard w > 0 else { continue } // a zero would count a passage twice
                            for k in Int(postingStart[t])..<Int(postingStart[t + 1]) {
                                let p = Int(passages[k])
                                let before = scores[p]
                                // Branch-free: the passage is always written, and kept
                                // (the count moves on) only the first time it scores.
                                touched[count] = Int32(truncatingIfNeeded: p)
                                count &+= before == 0 ? 1 : 0
                                scores[p] = before + w * impacts[k]
                            }
                        }
                    }
                }
                buffer.hits.withUnsafeMutableBufferPointer { hits in
                    buffer.histogram.withUnsafeMutableBufferPointer { histogram in
                        // The score histogram of `top` is counted here, in the same pass.
                        for i in 0..<count {
                            let p = Int(touched[i])
                            let hit = Hit(passage: p, score: scores[p])
                            hits[i] = hit
                            histogram[ScoredPassages.bucket(hit)] += 1
                            scores[p] = 0 // leave the buffer clean for the next query
                        }
                    }
                }
            }
        }
        defer {
            // Clean for the next query.
            buffer.histogram.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
        return buffer.hits.withUnsafeBufferPointer { hits in
            buffer.histogram.withUnsafeBufferPointer { histogram in
                body(ScoredPassages(hits: UnsafeBufferPointer(rebasing: hits[..<count]), histogram: histogram))
            }
        }
    }

    /// The `k` best hits, best first (ties: the lower passage first).
    public static func top(_ k: Int, of hits: UnsafeBufferPointer<Hit>) -> [Hit] {
        var histogram = [Int32](repeating: 0, count: ScoredPassages.bucketCount)
        for hit in hits { histogram[ScoredPassages.bucket(hit)] += 1 }
        return histogram.withUnsafeBufferPointer { ScoredPassages(hits: hits, histogram: $0).top(k) }
    }

    public static func top(_ k: Int, of hits: [Hit]) -> [Hit] {
        hits.withUnsafeBufferPointer { top(k, of: $0) }
    }
}

/// The passages a query scored, unordered, with a histogram of their scores for picking
/// the best without sorting them all.
public struct ScoredPassages {
    public let hits: UnsafeBufferPointer<PassageIndex.Hit>
    /// How many hits fall in each bucket (`bucket(_:)`).
    let histogram: UnsafeBufferPointer<Int32>

    /// Scores are bucketed by the leading bits of their floating-point form, which order
    /// positive floats as the floats themselves: the sign, the exponent and 4 bits of the
    /// fraction.
    static let shift: UInt32 = 19
    static let bucketCount = 1 << (32 - Int(shift))

    /// Zero and negative scores (never produced by BM25) share the lowest bucket.
    @inline(__always)
    static func bucket(_ hit: PassageIndex.Hit) -> Int { hit.score > 0 ? Int(hit.score.bitPattern >> shift) : 0 }

    /// The `k` best hits, best first (ties: the lower passage first).
    public func top(_ k: Int) -> [PassageIndex.Hit] { best(k).sorted(by: PassageIndex.Hit.better) }

    /// The `k` best hits in no particular order. The buckets from the top down that hold
    /// `k` hits give a cutoff bucket: hits above it are in, and only the cutoff bucket's
    /// own hits are sorted to fill the rest. One pass and a small sort, instead of a heap
    /// push for each of the many hits that would enter a heap.
    public func best(_ k: Int) -> [PassageIndex.Hit] {
        guard k > 0 else { return [] }
        if hits.count <= k { return Array(hits) }
        var cutoff = histogram.count - 1
        var above = 0
        while cutoff > 0 && above + Int(histogram[cutoff]) < k {
            above += Int(histogram[cutoff])
            cutoff -= 1
        }
        var chosen: [PassageIndex.Hit] = []
        chosen.reserveCapacity(k)
        var boundary: [PassageIndex.Hit] = []
        boundary.reserveCapacity(Int(histogram[cutoff]))
        for hit in hits {
            let bucket = ScoredPassages.bucket(hit)
            if bucket > cutoff { chosen.append(hit) } else if bucket == cutoff { boundary.append(hit) }
        }
        boundary.sort(by: PassageIndex.Hit.better)
        chosen += boundary.prefix(k - chosen.count)
        return chosen
    }
}

extension PassageIndex.Hit {
    /// Higher score first; on a tie, the earlier passage.
    @inline(__always)
    static func better(_ a: Self, _ b: Self) -> Bool {
        a.score != b.score ? a.score > b.score : a.passage < b.passage
    }
}

/// Zeroed score buffers handed out to queries and returned clean, so a query does not
/// allocate and clear an array the size of the corpus.
final class ScratchPool: @unchecked Sendable {
    struct Buffer {
        var scores: [Float]
        var touched: [Int32]
        var hits: [PassageIndex.Hit]
        var histogram: [Int32]
    }

    private let lock = NSLock()
    private var free: [Buffer] = []

    func take(size: Int) -> Buffer {
        lock.lock()
        defer { lock.unlock() }
        if let index = free.firstIndex(where: { $0.scores.count == size }) { return free.remove(at: index) }
        // Every buffer holds a slot per passage (and one more, written past the last kept
        // passage by the branch-free scoring loop).
        return Buffer(scores: [Float](repeating: 0, count: size), touched: [Int32](repeating: 0, count: size + 1),
                      hits: [PassageIndex.Hit](repeating: PassageIndex.Hit(passage: 0, score: 0), count: size),
                      histogram: [Int32](repeating: 0, count: ScoredPassages.bucketCount))
    }

    func give(back buffer: Buffer) {
        lock.lock()
        defer { lock.unlock() }
        if free.count < 4 { free.append(buffer) }
    }
}
