import Foundation

/// Turns raw text into normalised, stemmed tokens.
///
/// Lowercases, folds accents, drops apostrophes inside words so contractions stay one
/// token ("can't" -> "cant"), splits on everything that is not a letter or digit, and
/// splits digits from letters ("7/10" -> "7", "10"; "3weeks" -> "3", "weeks").
public struct Tokenizer: Sendable {
    public let stemmer: SnowballStemmer

    public init(stemmer: SnowballStemmer = SnowballStemmer()) {
        self.stemmer = stemmer
    }

    public func tokenize(_ text: String) -> [Token] {
        // Most text is plain ASCII: read its bytes directly, without building an array of
        // Unicode scalars or a string per character.
        if let ascii = asciiTokens(text) { return ascii }
        var tokens: [Token] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var currentIsDigit = false
        var boundaryPending = true
        var index = 0

        func flush() {
            guard !current.isEmpty else { return }
            let word = String(current)
            let stem = currentIsDigit ? word : stemmer.stem(word)
            tokens.append(Token(text: word, stem: stem, range: start..<index, startsClause: boundaryPending))
            boundaryPending = false
            current.removeAll()
        }

        let scalars = Array(text.unicodeScalars)
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" {
                // An apostrophe between letters belongs to the word; elsewhere it separates.
                let nextIsLetter = index + 1 < scalars.count && scalars[index + 1].properties.isAlphabetic
                if !current.isEmpty && !currentIsDigit && nextIsLetter {
                    index += 1
                    continue
                }
                flush()
                index += 1
                continue
            }
            if let folded = Tokenizer.fold(scalar) {
                let isDigit = folded.properties.numericType != nil
                if !current.isEmpty && isDigit != currentIsDigit { flush() }
                if current.isEmpty { start = index; currentIsDigit = isDigit }
                current.append(folded)
            } else {
                flush()
                if Tokenizer.clauseBoundaries.contains(scalar) { boundaryPending = true }
            }
            index += 1
        }
        flush()
        return tokens
    }

    /// The ASCII fast path of `tokenize`, or nil when the text has any other character.
    func asciiTokens(_ text: String) -> [Token]? {
        let result = text.utf8.withContiguousStorageIfAvailable { bytes -> [Token]? in
            var tokens: [Token] = []
            tokens.reserveCapacity(bytes.count / 5)
            var word: [UInt8] = []
            word.reserveCapacity(32)
            var start = 0
            var isDigit = false
            var boundaryPending = true
            func flush(_ end: Int) {
                guard !word.isEmpty else { return }
                let text = String(decoding: word, as: UTF8.self)
                tokens.append(Token(text: text, stem: isDigit ? text : stemmer.stem(text), range: start..<end,
                                    startsClause: boundaryPending))
                boundaryPending = false
                word.removeAll(keepingCapacity: true)
            }
            let n = bytes.count
            var i = 0
            while i < n {
                var c = bytes[i]
                if c >= 0x80 { return nil }
                if c == 0x27 { // apostrophe inside a word is dropped: "can't" -> "cant"
                    let nextIsLetter = i + 1 < n && Tokenizer.isASCIILetter(bytes[i + 1])
                    if !word.isEmpty && !isDigit && nextIsLetter { i += 1; continue }
                    flush(i); i += 1; continue
                }
                if c >= 0x41 && c <= 0x5a { c += 32 }
                let letter = c >= 0x61 && c <= 0x7a
                let digit = c >= 0x30 && c <= 0x39
                if letter || digit {
                    if !word.isEmpty && digit != isDigit { flush(i) }
                    if word.isEmpty { start = i; isDigit = digit }
                    word.append(c)
                } else {
                    flush(i)
                    if Tokenizer.asciiBoundaries.contains(c) { boundaryPending = true }
                }
                i += 1
            }
            flush(n)
            return tokens
        }
        return result ?? nil
    }

    @inline(__always) static func isASCIILetter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) }

    static let asciiBoundaries: Set<UInt8> = Set(".,;:!?()\n".utf8)

    static let clauseBoundaries: Set<Unicode.Scalar> = [".", ",", ";", ":", "!", "?", "(", ")", "\n", "\u{2014}", "\u{2013}"]

    /// Lowercase ASCII-folded form of a word character, or nil for separators.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if scalar.isASCII {
            let v = scalar.value
            if v >= 65 && v <= 90 { return Unicode.Scalar(v + 32) }
            if (v >= 97 && v <= 122) || (v >= 48 && v <= 57) { return scalar }
            return nil
        }
        let props = scalar.properties
        guard props.isAlphabetic || props.numericType == .decimal else { return nil }
        if props.numericType == .decimal, let digit = props.numericValue, digit >= 0, digit <= 9 {
            return Unicode.Scalar(48 + UInt32(digit))
        }
        // Strip accents: decompose and keep the base letter when it is ASCII.
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        if let base = decomposed.first, base.isASCII, base.properties.isAlphabetic {
            return fold(base)
        }
        return Unicode.Scalar(props.lowercaseMapping.unicodeScalars.first?.value ?? scalar.value) ?? scalar
    }
}
