/// A sparse feature vector: parallel arrays of feature indices and values.
public struct SparseVector: Sendable, Equatable {
    public var indices: [Int32]
    public var values: [Float]

    public init(indices: [Int32] = [], values: [Float] = []) {
        self.indices = indices
        self.values = values
    }

    public var isEmpty: Bool { indices.isEmpty }

    /// Scales the values to unit Euclidean length (no-op for an all-zero vector).
    mutating func normalize() {
        var sum: Float = 0
        for v in values { sum += v * v }
        guard sum > 0 else { return }
        let scale = 1 / sum.squareRoot()
        for i in values.indices { values[i] *= scale }
    }
}
