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
