extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (what Foundation's
    /// `.whitespaces` trims), in plain Swift: Foundation's trimming goes through NSString
    /// and was most of the time taken to load a large corpus.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        @inline(__always) func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || (!scalar.isASCII && scalar.properties.generalCategory == .spaceSeparator)
        }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end && isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start && isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(self[start..<end])
    }
}
