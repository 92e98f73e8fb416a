import PainChatKit

/// Generates hostile utterances from a seed: random bytes, broken UTF-8, huge lines,
/// control characters, escape sequences, bidirectional marks, emoji, combining marks,
/// punctuation or digits only, and real words mixed with all of these.
struct HostileInput {
    var rng: SplitMix64
    var count = 0

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    static let words = ["my", "hip", "knot", "walk", "why", "no", "bladder", "fever", "kill", "myself", "pain", "7/10",
                        "three weeks", "not", "sitting", "helps", "/why", "/sources", "yes", "calf", "chest", "arm"]
    static let nasty: [String] = ["\u{1b}[31m", "\u{1b}]0;title\u{7}", "\u{1b}[2J", "\u{202e}", "\u{202d}", "\u{200f}",
                                  "\u{0}", "\u{7}", "\u{8}", "\r", "\t", "\u{85}", "\u{2028}", "\u{feff}", "😀", "👍🏽",
                                  "e\u{301}\u{302}\u{303}", "\u{fffd}", "ﷺ", "𝔥𝔦𝔭", "％", "!!!", "???", "...", "12345"]

    mutating func int(_ upper: Int) -> Int { Int(rng.next() % UInt64(max(1, upper))) }

    mutating func next() -> String {
        count += 1
        switch int(10) {
        case 0: // random bytes, decoded as a terminal would hand them over (invalid UTF-8 repaired)
            let bytes = (0..<int(200)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            return String(decoding: bytes, as: UTF8.self)
        case 1: // a very long line, now and then a whole megabyte
            let unit = Self.words[int(Self.words.count)] + " "
            return String(repeating: unit, count: count % 97 == 0 ? 1_048_576 / unit.utf8.count : 200 + int(3000))
        case 2: return Self.nasty.shuffled(using: &rng).prefix(1 + int(8)).joined()
        case 3: return String(repeating: ["!", "?", ".", "-", "*", "/"][int(6)], count: 1 + int(300))
        case 4: return (0..<1 + int(30)).map { _ in String(int(100_000)) }.joined(separator: " ")
        case 5: return String(String.UnicodeScalarView((0..<int(80)).compactMap { _ in Unicode.Scalar(UInt32(int(0x3000))) }))
        default: // real words with hostile pieces mixed in
            return (0..<1 + int(15)).map { _ in int(3) == 0 ? Self.nasty[int(Self.nasty.count)] : Self.words[int(Self.words.count)] }
                .joined(separator: int(2) == 0 ? " " : "")
        }
    }
}
