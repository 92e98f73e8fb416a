import CStemmer
import Foundation

/// English Snowball stemmer over libstemmer, with a cache of words already seen.
///
/// libstemmer's stemmer object is not thread-safe and returns a pointer into its own
/// buffer, so every call copies the result out while holding a lock.
public final class SnowballStemmer: @unchecked Sendable {
    private let stemmer: OpaquePointer?
    private let lock = NSLock()
    private var cache: [String: String] = [:]

    public init() {
        stemmer = sb_stemmer_new("english", "UTF_8")
    }

    deinit {
        if let stemmer { sb_stemmer_delete(stemmer) }
    }

    /// The stem of a lowercase word ("walking" -> "walk"). Returns the word itself when
    /// the stemmer is unavailable.
    public func stem(_ word: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let hit = cache[word] { return hit }
        guard let stemmer else { return word }
        var bytes = Array(word.utf8)
        let result: String = bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress,
                  let out = sb_stemmer_stem(stemmer, base, Int32(buffer.count))
            else { return word }
            let length = Int(sb_stemmer_length(stemmer))
            let copied = UnsafeBufferPointer(start: out, count: length)
            return String(decoding: copied, as: UTF8.self)
        }
        if cache.count < 200_000 { cache[word] = result }
        return result
    }
}
