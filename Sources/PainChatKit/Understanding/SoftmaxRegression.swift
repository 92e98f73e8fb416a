import Foundation

/// Multinomial logistic regression over sparse features, trained by seeded stochastic
/// gradient descent with L2 regularisation. Deterministic: the same data and seed give
/// the same weights.
public struct SoftmaxRegression: Sendable {
    public struct Options: Sendable {
        public var epochs = 18
        public var learningRate: Float = 2.0
        public var l2: Float = 1e-5
        public var seed: UInt64 = 7
        public init() {}
    }

    public let classCount: Int
    public let featureCount: Int
    /// Feature-major weights: the `classCount` weights of feature f start at f * classCount,
    /// so scoring a sparse vector reads contiguous memory.
    var weights: [Float]
    var bias: [Float]

    public init(classCount: Int, featureCount: Int) {
        self.classCount = classCount
        self.featureCount = featureCount
        weights = [Float](repeating: 0, count: classCount * featureCount)
        bias = [Float](repeating: 0, count: classCount)
    }

    /// Trains on (vector, class index) pairs. With `allowed`, each sample's softmax runs over
    /// the classes its bit mask allows (bit c for class c), as it will be read.
    public static func train(_ samples: [(SparseVector, Int)], classCount: Int, featureCount: Int,
                             options: Options = Options(), allowed: [UInt32]? = nil) -> SoftmaxRegression {
        var model = SoftmaxRegression(classCount: classCount, featureCount: featureCount)
        var order = Array(samples.indices)
        var rng = SplitMix64(seed: options.seed)
        var probabilities = [Float](repeating: 0, count: classCount)
        var step = 0
        let total = Float(max(1, options.epochs * samples.count))
        for _ in 0..<options.epochs {
            rng.shuffle(&order)
            for index in order {
                let (x, label) = samples[index]
                // Learning rate decays linearly to a tenth over training.
                let rate = options.learningRate * (1 - 0.9 * Float(step) / total)
                step += 1
                model.probabilities(x, into: &probabilities)
                if let mask = allowed?[index] {
                    var sum: Float = 0
                    for c in 0..<classCount where mask & (1 << UInt32(c)) == 0 { probabilities[c] = 0 }
                    for c in 0..<classCount { sum += probabilities[c] }
                    if sum > 0 { for c in 0..<classCount { probabilities[c] /= sum } }
                }
                probabilities[label] -= 1
                let decay = 1 - rate * options.l2
                model.weights.withUnsafeMutableBufferPointer { w in
                    for (k, feature) in x.indices.enumerated() {
                        let base = Int(feature) * classCount
                        let value = x.values[k]
                        for c in 0..<classCount {
                            w[base + c] = w[base + c] * decay - rate * probabilities[c] * value
                        }
                    }
                }
                for c in 0..<classCount { model.bias[c] -= rate * probabilities[c] * 0.1 }
            }
        }
        return model
    }

    /// Raw class scores (logits).
    public func scores(_ x: SparseVector, into out: inout [Float]) {
        for c in 0..<classCount { out[c] = bias[c] }
        weights.withUnsafeBufferPointer { w in
            for (k, feature) in x.indices.enumerated() {
                let base = Int(feature) * classCount
                let value = x.values[k]
                for c in 0..<classCount { out[c] += w[base + c] * value }
            }
        }
    }

    /// Class probabilities (softmax of the scores, divided by `temperature`).
    public func probabilities(_ x: SparseVector, temperature: Float = 1, into out: inout [Float]) {
        scores(x, into: &out)
        var maximum = -Float.infinity
        for v in out { maximum = max(maximum, v) }
        var sum: Float = 0
        for c in 0..<classCount {
            out[c] = exp((out[c] - maximum) / temperature)
            sum += out[c]
        }
        for c in 0..<classCount { out[c] /= sum }
    }
}

/// A small, fast, seedable random number generator (SplitMix64), so training and any
/// choice among phrasings are reproducible.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Fisher–Yates shuffle driven by this generator (the standard library's shuffle
    /// algorithm is not promised to stay the same across releases).
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            array.swapAt(i, j)
        }
    }
}
