/// Reads text straight into term ids for building the index: the terms of
/// `Retriever.terms` (stems of the words that are not stopwords, numbers or single
/// letters), read from the bytes, with each distinct word looked up once and stemmed once.
///
/// Ids are this reader's own, numbered as it meets new stems; `stems[id]` names them.
/// Text with characters beyond ASCII goes through the full tokenizer.
struct TermReader {
    let tokenizer: Tokenizer
    private(set) var stems: [String] = []
    /// Every distinct word read (stopwords too; not numbers or single letters).
    private(set) var words: Set<String> = []
    private var stemIDs: [String: Int32] = [:]
    /// A word of up to 16 bytes, packed into two integers (words hold no zero byte, so
    /// the zero padding is unambiguous) -> its term id, or -1 when it is not a term.
    private var shortWords: [PackedWord: Int32] = [:]
    private var longWords: [String: Int32] = [:]

    struct PackedWord: Hashable {
        var low: UInt64 = 0
        var high: UInt64 = 0
    }

    init(tokenizer: Tokenizer) { self.tokenizer = tokenizer }

    /// Appends the terms of `text`, each with `weight`, to `terms`.
    mutating func read(_ text: String, weight: Float, into terms: inout [(Int32, Float)]) {
        var text = text
        let done = text.withUTF8 { bytes -> Bool in
            for byte in bytes where byte >= 0x80 { return false }
            readASCII(bytes, weight: weight, into: &terms)
            return true
        }
        if !done {
            for token in tokenizer.tokenize(text) where token.text.utf8.count > 1 && !token.isNumber {
                words.insert(token.text)
                if !Stopwords.words.contains(token.text) { terms.append((id(ofStem: token.stem), weight)) }
            }
        }
    }

    /// The same words as `Tokenizer.asciiTokens`: letters and digits, lower-cased, split
    /// where letters meet digits, an apostrophe inside a word dropped ("can't" -> "cant").
    private mutating func readASCII(_ bytes: UnsafeBufferPointer<UInt8>, weight: Float, into terms: inout [(Int32, Float)]) {
        var packed = PackedWord()
        var length = 0
        var isDigit = false
        // The word's lower-case bytes (an apostrophe inside it is not among them).
        var word: [UInt8] = []
        word.reserveCapacity(32)
        let n = bytes.count
        var i = 0
        while i <= n {
            let c: UInt8 = i < n ? bytes[i] : 0x20
            if c == 0x27 {
                let nextIsLetter = i + 1 < n && Tokenizer.isASCIILetter(bytes[i + 1])
                if length > 0 && !isDigit && nextIsLetter { i += 1; continue }
            }
            let lower = c >= 0x41 && c <= 0x5a ? c + 32 : c
            let letter = lower >= 0x61 && lower <= 0x7a
            let digit = lower >= 0x30 && lower <= 0x39
            if (letter || digit) && (length == 0 || digit == isDigit) {
                if length == 0 { isDigit = digit }
                word.append(lower)
                if length < 8 {
                    packed.low |= UInt64(lower) << UInt64(8 * length)
                } else if length < 16 {
                    packed.high |= UInt64(lower) << UInt64(8 * (length - 8))
                }
                length += 1
                i += 1
                continue
            }
            // The word ends here (numbers and single letters are never terms).
            if length > 1 && !isDigit {
                let id = length <= 16 ? shortWordID(packed, word) : longWordID(word)
                if id >= 0 { terms.append((id, weight)) }
            }
            packed = PackedWord()
            length = 0
            word.removeAll(keepingCapacity: true)
            // A letter right after digits (or a digit after letters) starts the next word.
            if letter || digit { continue }
            i += 1
        }
    }

    private mutating func shortWordID(_ packed: PackedWord, _ word: [UInt8]) -> Int32 {
        if let id = shortWords[packed] { return id }
        let id = wordID(String(decoding: word, as: UTF8.self))
        shortWords[packed] = id
        return id
    }

    private mutating func longWordID(_ bytes: [UInt8]) -> Int32 {
        let word = String(decoding: bytes, as: UTF8.self)
        if let id = longWords[word] { return id }
        let id = wordID(word)
        longWords[word] = id
        return id
    }

    private mutating func wordID(_ word: String) -> Int32 {
        words.insert(word)
        return Stopwords.words.contains(word) ? -1 : id(ofStem: tokenizer.stemmer.stem(word))
    }

    mutating func id(ofStem stem: String) -> Int32 {
        if let id = stemIDs[stem] { return id }
        let id = Int32(stems.count)
        stems.append(stem)
        stemIDs[stem] = id
        return id
    }
}
