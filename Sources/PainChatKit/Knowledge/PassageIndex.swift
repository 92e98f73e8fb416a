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
    var postingFrequency: [Float] = []
    var idf: [Float] = []
    var lengthNorm: [Float] = []
    /// The stems of each passage, for near-duplicate checks and `/why`.
    public internal(set) var passageTerms: [Set<Int32>] = []

    public var passageCount: Int { lengthNorm.count }
    public var termCount: Int { idf.count }

    /// Builds the index from weighted term lists: `documents[i]` holds (stem, weight)
    /// pairs for passage i; a title word can count twice as much as a body word.
    public init(documents: [[(String, Float)]]) {
        var frequencies: [[Int32: Float]] = []
        frequencies.reserveCapacity(documents.count)
        var lengths: [Float] = []
        var df: [Int32] = []
        for terms in documents {
            var tf: [Int32: Float] = [:]
            var length: Float = 0
            for (term, weight) in terms {
                let id: Int32
                if let existing = termIDs[term] { id = existing } else {
                    id = Int32(df.count); termIDs[term] = id; df.append(0)
                }
                if tf[id] == nil { df[Int(id)] += 1 }
                tf[id, default: 0] += weight
                length += weight
            }
            frequencies.append(tf)
            lengths.append(length)
            passageTerms.append(Set(tf.keys))
        }
        let n = Float(documents.count)
        idf = df.map { log(1 + (n - Float($0) + 0.5) / (Float($0) + 0.5)) }
        let average = max(1, lengths.reduce(0, +) / max(1, n))
        lengthNorm = lengths.map { k1 * (1 - b + b * $0 / average) }

        // Counting sort of postings by term id.
        var counts = [Int32](repeating: 0, count: df.count)
        for tf in frequencies { for id in tf.keys { counts[Int(id)] += 1 } }
        postingStart = [Int32](repeating: 0, count: df.count + 1)
        for t in 0..<df.count { postingStart[t + 1] = postingStart[t] + counts[t] }
        var fill = Array(postingStart.dropLast())
        postingPassage = [Int32](repeating: 0, count: Int(postingStart.last!))
        postingFrequency = [Float](repeating: 0, count: Int(postingStart.last!))
        for (p, tf) in frequencies.enumerated() {
            for (id, f) in tf.sorted(by: { $0.key < $1.key }) {
                let slot = Int(fill[Int(id)])
                postingPassage[slot] = Int32(p)
                postingFrequency[slot] = f
                fill[Int(id)] += 1
            }
        }
    }

    public func termID(_ stem: String) -> Int32? { termIDs[stem] }
    public func idf(of id: Int32) -> Float { idf[Int(id)] }

    /// BM25 scores of every passage sharing a term with the query, as (passage, score).
    /// `query` holds (term id, weight) pairs; the same term twice adds up.
    public func score(_ query: [(Int32, Float)], into scores: inout [Float], touched: inout [Int32]) {
        if scores.count != passageCount { scores = [Float](repeating: 0, count: passageCount) }
        for (id, weight) in query {
            let t = Int(id)
            let w = weight * idf[t]
            let lower = Int(postingStart[t]), upper = Int(postingStart[t + 1])
            for k in lower..<upper {
                let p = Int(postingPassage[k])
                let f = postingFrequency[k]
                if scores[p] == 0 { touched.append(Int32(p)) }
                scores[p] += w * f * (k1 + 1) / (f + lengthNorm[p])
            }
        }
    }

    /// The `k` best passages for a query, best first (ties by passage order).
    public func search(_ query: [(Int32, Float)], k: Int) -> [Hit] {
        var scores: [Float] = []
        var touched: [Int32] = []
        score(query, into: &scores, touched: &touched)
        return PassageIndex.top(k, of: touched.map { Hit(passage: Int($0), score: scores[Int($0)]) })
    }

    /// Top-k selection with a bounded min-heap: O(n log k) instead of sorting everything.
    public static func top(_ k: Int, of hits: [Hit]) -> [Hit] {
        guard k > 0 else { return [] }
        func worse(_ a: Hit, _ b: Hit) -> Bool { a.score != b.score ? a.score < b.score : a.passage > b.passage }
        var heap: [Hit] = []
        heap.reserveCapacity(k)
        for hit in hits {
            if heap.count < k {
                heap.append(hit)
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    if worse(heap[child], heap[parent]) { heap.swapAt(child, parent); child = parent } else { break }
                }
            } else if worse(heap[0], hit) {
                heap[0] = hit
                var parent = 0
                while true {
                    let left = 2 * parent + 1, right = left + 1
                    var smallest = parent
                    if left < heap.count && worse(heap[left], heap[smallest]) { smallest = left }
                    if right < heap.count && worse(heap[right], heap[smallest]) { smallest = right }
                    if smallest == parent { break }
                    heap.swapAt(parent, smallest)
                    parent = smallest
                }
            }
        }
        return heap.sorted { worse($1, $0) }
    }
}
