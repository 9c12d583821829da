/// A word of the original text with its position.
/// Offsets count Unicode scalars (code points), the unit of SQLite's `substr()` and Python's `str`.
public struct Token: Equatable, Sendable {
    /// The word exactly as written (with diacritics, tatweel and clitics).
    public let text: String
    /// Offset of the first scalar in the source text.
    public let start: Int
    /// Offset one past the last scalar.
    public let end: Int
    /// Index range in the source string, for slicing the original.
    public let range: Range<String.Index>
}

/// Splits text into words, keeping offsets into the original. A word is a run of letters, digits,
/// combining marks and tatweel, so diacritics never split a word (unlike FTS5's unicode61).
public enum Tokenizer {
    public static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 6)
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var offset = 0
        var wordStart: String.Index?
        var wordStartOffset = 0
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let isWord = ArabicNormalizer.isWordScalar(scalar)
            if isWord, wordStart == nil {
                wordStart = index
                wordStartOffset = offset
            } else if !isWord, let start = wordStart {
                tokens.append(Token(text: String(scalars[start..<index]), start: wordStartOffset, end: offset, range: start..<index))
                wordStart = nil
            }
            scalars.formIndex(after: &index)
            offset += 1
        }
        if let start = wordStart {
            tokens.append(Token(text: String(scalars[start..<scalars.endIndex]), start: wordStartOffset, end: offset, range: start..<scalars.endIndex))
        }
        return tokens
    }
}
