/// 64-bit FNV-1a hashes of word and character n-grams, computed straight from UTF-8
/// bytes so featurising an utterance allocates no strings.
enum TermHasher {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always)
    static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* prime }

    static func hash<S: Sequence>(tag: UInt8, _ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h = mix(offset, tag)
        for b in bytes { h = mix(h, b) }
        return h
    }

    /// Word unigrams (stems) and bigrams (stem pairs).
    static func wordTerms(_ tokens: [Token], tags: [String] = [], into sink: (UInt64) -> Void) {
        for tag in tags { sink(hash(tag: 1, tag.utf8)) }
        var previous: Token? = nil
        for token in tokens {
            sink(hash(tag: 1, token.stem.utf8))
            if let previous {
                var pair = hash(tag: 2, previous.stem.utf8)
                pair = mix(pair, 0x20)
                for b in token.stem.utf8 { pair = mix(pair, b) }
                sink(pair)
            }
            previous = token
        }
    }

    /// Character n-grams of `range` within each word padded by spaces (" walk "), the
    /// word-bounded scheme that tolerates typos and unseen inflections.
    static func charTerms(_ tokens: [Token], sizes: ClosedRange<Int>, into sink: (UInt64) -> Void) {
        var padded: [UInt8] = []
        padded.reserveCapacity(32)
        for token in tokens {
            padded.removeAll(keepingCapacity: true)
            padded.append(0x20)
            padded.append(contentsOf: token.text.utf8.prefix(40))
            padded.append(0x20)
            for n in sizes where n <= padded.count {
                for start in 0...(padded.count - n) {
                    var h = mix(offset, UInt8(2 + n))
                    for i in start..<(start + n) { h = mix(h, padded[i]) }
                    sink(h)
                }
            }
        }
    }
}
