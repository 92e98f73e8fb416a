/// Maps a misspelt word to the lexicon word it was meant to be ("wlaking" -> "walking").
///
/// Only words of five letters or more that are not themselves known English words are
/// corrected, and only within one edit (an adjacent swap counts as one), so "night" is
/// never turned into "right" and "sending" never into "bending".
public struct TypoCorrector: Sendable {
    /// Target words with their bytes and stems, in a fixed order.
    private var targets: [(bytes: [UInt8], stem: String)] = []
    /// The hash of each target and of each of its one-letter deletions, with the target it
    /// comes from, sorted by hash. Two words one edit apart (a swap counts as one) share
    /// such a hash, so a typo's candidates are looked up, not searched for among all
    /// targets; a flat sorted array costs little to build at every start.
    private var neighbours: [(hash: UInt64, target: Int32)] = []
    private var targetSet: Set<String> = []
    private var knownWords: Set<String>
    /// How often each target is used, when known: then the commonest of several near
    /// targets wins if it is used at least twice as often as the next ("coud" is "could",
    /// not "cold"); without it, the nearest (same length) wins if it is the only one.
    private var frequencies: [String: Int]

    /// Words shorter than this are never corrected (SPEC §3: five letters).
    public let minimumLength: Int

    public init(targets: [(word: String, stem: String)], knownWords: Set<String>, minimumLength: Int = 5,
                frequencies: [String: Int] = [:]) {
        self.knownWords = knownWords
        self.frequencies = frequencies
        self.minimumLength = minimumLength
        for (word, stem) in targets.sorted(by: { $0.word < $1.word })
        where word.utf8.count >= minimumLength && !targetSet.contains(word) {
            targetSet.insert(word)
            let bytes = Array(word.utf8)
            let index = Int32(self.targets.count)
            self.targets.append((bytes, stem))
            for hash in TypoCorrector.neighbourHashes(bytes) { neighbours.append((hash, index)) }
        }
        neighbours.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.target < $1.target }
    }

    /// FNV-1a hashes of `word` and of each one-letter deletion of it (the deleted position
    /// is skipped; its length is part of the hash).
    static func neighbourHashes(_ word: [UInt8]) -> [UInt64] {
        func hash(skipping skipped: Int) -> UInt64 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for (i, byte) in word.enumerated() where i != skipped { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return h
        }
        return [hash(skipping: -1)] + word.indices.map(hash(skipping:))
    }

    /// The targets filed under `hash`.
    private func targets(under hash: UInt64) -> ArraySlice<(hash: UInt64, target: Int32)> {
        var low = 0, high = neighbours.count
        while low < high {
            let mid = (low + high) / 2
            if neighbours[mid].hash < hash { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < neighbours.count && neighbours[end].hash == hash { end += 1 }
        return neighbours[low..<end]
    }

    /// The stem to use for `token`: its own, or the stem of the one lexicon word one edit away.
    public func stem(for token: Token) -> String { correction(for: token)?.stem ?? token.stem }

    /// The one target word `token` is a typo of, or nil when it is a known word, too
    /// short, or one edit from no target or from targets of different stems.
    public func correction(for token: Token) -> (word: String, stem: String)? {
        let text = token.text
        let length = text.utf8.count
        guard length >= minimumLength, !token.isNumber, !targetSet.contains(text), !knownWords.contains(text) else { return nil }
        let bytes = Array(text.utf8)
        var candidates: Set<Int32> = []
        for hash in TypoCorrector.neighbourHashes(bytes) { candidates.formUnion(targets(under: hash).map(\.target)) }
        let near = candidates.sorted().map { targets[Int($0)] }.filter { editDistance(bytes, $0.bytes, limit: 1) <= 1 }
        if !frequencies.isEmpty {
            // The commonest word of each stem, commonest first.
            var best: [String: (word: String, count: Int)] = [:]
            for target in near {
                let word = String(decoding: target.bytes, as: UTF8.self), count = frequencies[word] ?? 0
                if count > best[target.stem]?.count ?? -1 { best[target.stem] = (word, count) }
            }
            let ranked = best.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
            guard let top = ranked.first, ranked.count == 1 || top.value.count >= 2 * ranked[1].value.count else { return nil }
            return (top.value.word, top.key)
        }
        // Same-length words first (a swap or a wrong letter), then one letter more or
        // less: "wlaking" is "walking", not "waking".
        for sameLength in [true, false] {
            let found = near.filter { ($0.bytes.count == length) == sameLength }
            guard let first = found.first else { continue }
            // Ambiguous ("hellp": "hello" or "help"): leave it.
            if found.contains(where: { $0.stem != first.stem }) { return nil }
            return (String(decoding: first.bytes, as: UTF8.self), first.stem)
        }
        return nil
    }

    public func stems(for tokens: [Token]) -> [String] { tokens.map(stem(for:)) }

    /// The words of `words` (a dictionary) that are one edit from some target: the real
    /// words a corrector would otherwise rewrite, to be passed as known words. Each word is
    /// looked up by the same deletion hashes the corrector files its targets under
    /// (`neighbourHashes`), instead of being compared with every target; a few words two
    /// edits away come along, which costs nothing.
    public static func wordsAtRisk(in words: [String], targets: [String], minimumLength: Int) -> Set<String> {
        guard !words.isEmpty else { return [] }
        // A target of one corrector can be another's typo ("rain" is a trigger, and one
        // edit from "pain"), so targets are kept too.
        let neighbourhood = Set(targets.flatMap { neighbourHashes(Array($0.utf8)) })
        return Set(words.filter { word in
            word.utf8.count >= minimumLength && neighbourHashes(Array(word.utf8)).contains(where: neighbourhood.contains)
        })
    }
}
