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

    /// Builds the index from weighted term lists: `documents[i]` holds (stem, weight)
    /// pairs for passage i; a title word can count more than a body word.
    public init(documents: [[(String, Float)]]) {
        self.init(count: documents.count) { documents[$0] }
    }

    /// Builds the index passage by passage: `terms(i)` gives passage i's weighted stems,
    /// which are turned into term ids at once, so the stems of the whole corpus are never
    /// held in memory together.
    public init(count: Int, terms termsOf: (Int) -> [(String, Float)]) {
        // Postings are collected as (term, passage, weight) triples, then grouped by term
        // with a counting sort: no dictionary per passage, so memory stays flat.
        var triples: [(term: Int32, passage: Int32, weight: Float)] = []
        triples.reserveCapacity(count * 48)
        var lengths: [Float] = []
        lengths.reserveCapacity(count)
        var local: [Int32: Float] = [:]
        for p in 0..<count {
            let terms = termsOf(p)
            local.removeAll(keepingCapacity: true)
            var length: Float = 0
            for (term, weight) in terms {
                let id: Int32
                if let existing = termIDs[term] { id = existing } else {
                    id = Int32(termIDs.count); termIDs[term] = id
                }
                local[id, default: 0] += weight
                length += weight
            }
            for (id, f) in local { triples.append((id, Int32(p), f)) }
            lengths.append(length)
        }
        let termCount = termIDs.count
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

    /// Share of distinct terms two passages have in common (Jaccard), by merging their
    /// sorted term lists without allocating.
    public func overlap(_ a: Int, _ b: Int) -> Double {
        var i = Int(termsStart[a]), j = Int(termsStart[b])
        let endA = Int(termsStart[a + 1]), endB = Int(termsStart[b + 1])
        var common = 0
        while i < endA && j < endB {
            if termsOf[i] == termsOf[j] { common += 1; i += 1; j += 1 } else if termsOf[i] < termsOf[j] { i += 1 } else { j += 1 }
        }
        let union = (endA - Int(termsStart[a])) + (endB - Int(termsStart[b])) - common
        return union == 0 ? 0 : Double(common) / Double(union)
    }

    /// The `k` best passages for a query, best first (ties by passage order). `query`
    /// holds (term id, weight) pairs; the same term twice adds up.
    public func search(_ query: [(Int32, Float)], k: Int) -> [Hit] {
        var buffer = scratch.take(size: passageCount)
        defer { scratch.give(back: buffer) }
        return buffer.scores.withUnsafeMutableBufferPointer { scores in
            var touched = buffer.touched
            touched.removeAll(keepingCapacity: true)
            for (id, weight) in query {
                let t = Int(id)
                let w = weight * idf[t]
                let lower = Int(postingStart[t]), upper = Int(postingStart[t + 1])
                postingPassage.withUnsafeBufferPointer { passages in
                    postingImpact.withUnsafeBufferPointer { impacts in
                        for k in lower..<upper {
                            let p = Int(passages[k])
                            if scores[p] == 0 { touched.append(Int32(p)) }
                            scores[p] += w * impacts[k]
                        }
                    }
                }
            }
            var heap = TopK(k)
            for p in touched {
                heap.insert(Hit(passage: Int(p), score: scores[Int(p)]))
                scores[Int(p)] = 0 // leave the buffer clean for the next query
            }
            buffer.touched = touched
            return heap.sorted()
        }
    }

    /// Top-k selection with a bounded min-heap: O(n log k) instead of sorting everything.
    public static func top(_ k: Int, of hits: [Hit]) -> [Hit] {
        var heap = TopK(k)
        for hit in hits { heap.insert(hit) }
        return heap.sorted()
    }
}

/// A bounded min-heap keeping the k best hits seen (ties: the lower passage number wins).
struct TopK {
    private let k: Int
    private var heap: [PassageIndex.Hit] = []

    init(_ k: Int) {
        self.k = max(0, k)
        heap.reserveCapacity(self.k)
    }

    @inline(__always)
    static func worse(_ a: PassageIndex.Hit, _ b: PassageIndex.Hit) -> Bool {
        a.score != b.score ? a.score < b.score : a.passage > b.passage
    }

    mutating func insert(_ hit: PassageIndex.Hit) {
        guard k > 0 else { return }
        if heap.count < k {
            heap.append(hit)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                if TopK.worse(heap[child], heap[parent]) { heap.swapAt(child, parent); child = parent } else { break }
            }
        } else if TopK.worse(heap[0], hit) {
            heap[0] = hit
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count && TopK.worse(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count && TopK.worse(heap[right], heap[smallest]) { smallest = right }
                if smallest == parent { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
    }

    func sorted() -> [PassageIndex.Hit] { heap.sorted { TopK.worse($1, $0) } }
}

/// Zeroed score buffers handed out to queries and returned clean, so a query does not
/// allocate and clear an array the size of the corpus.
final class ScratchPool: @unchecked Sendable {
    struct Buffer {
        var scores: [Float]
        var touched: [Int32]
    }

    private let lock = NSLock()
    private var free: [Buffer] = []

    func take(size: Int) -> Buffer {
        lock.lock()
        defer { lock.unlock() }
        if let index = free.firstIndex(where: { $0.scores.count == size }) { return free.remove(at: index) }
        return Buffer(scores: [Float](repeating: 0, count: size), touched: [])
    }

    func give(back buffer: Buffer) {
        lock.lock()
        defer { lock.unlock() }
        if free.count < 4 { free.append(buffer) }
    }
}
