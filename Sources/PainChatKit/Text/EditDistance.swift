/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), so
/// "wlaking" is one edit from "walking". Stops early once `limit` is exceeded.
public func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
    let n = a.count, m = b.count
    if abs(n - m) > limit { return limit + 1 }
    if n == 0 { return m }
    if m == 0 { return n }
    var previous2 = [Int](repeating: 0, count: m + 1)
    var previous = Array(0...m)
    var current = [Int](repeating: 0, count: m + 1)
    for i in 1...n {
        current[0] = i
        var rowMin = current[0]
        for j in 1...m {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                value = min(value, previous2[j - 2] + 1)
            }
            current[j] = value
            rowMin = min(rowMin, value)
        }
        if rowMin > limit { return limit + 1 }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[m]
}
