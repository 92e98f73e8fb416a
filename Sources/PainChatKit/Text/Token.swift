/// One word of an utterance: its normalised form, its stem, and where it came from.
public struct Token: Sendable, Hashable {
    /// Lowercased, accent-folded, apostrophes dropped ("Doesn't" -> "doesnt").
    public var text: String
    /// The Snowball stem of `text` (numbers are their own stem).
    public var stem: String
    /// Offsets in the original string, in Unicode scalars.
    public var range: Range<Int>
    /// True when a clause boundary (sentence punctuation, comma, semicolon) came just before.
    public var startsClause: Bool

    public init(text: String, stem: String, range: Range<Int>, startsClause: Bool = false) {
        self.text = text
        self.stem = stem
        self.range = range
        self.startsClause = startsClause
    }

    public var isNumber: Bool { text.unicodeScalars.allSatisfy { $0.properties.numericType != nil } }
}

extension Array where Element == Token {
    /// Whether the words, in order, contain any of `phrases` as whole words: "all over"
    /// is in "it hurts all over" but not in "it's all overdone".
    func containsPhrase(anyOf phrases: [String]) -> Bool {
        let text = " " + map(\.text).joined(separator: " ") + " "
        return phrases.contains { text.contains(" " + $0 + " ") }
    }
}
