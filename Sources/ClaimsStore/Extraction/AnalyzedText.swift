/// A text prepared for extraction: its words with offsets and match keys, what stands between
/// the words (punctuation, quotes, line breaks), and its sentences.
///
/// Sentences end at `.` `؟` `?` `!` `؛` and line breaks, but never inside a quotation
/// (`«…»`, `“…”`, `"…"`), so a quoted statement of several sentences stays whole.
public struct AnalyzedText {
    public let text: String
    public let tokens: [Token]
    /// Match keys (see `MatchKey`), one per token; `عبد` + next word share the first key, the next is "".
    public let keys: [String]
    /// Normalised surface forms (ta marbuta folded), one per token.
    public let normalized: [String]
    /// `keys` and `normalized` as `Word`s (hashed once), for the lexicons' look-ups.
    let keyWords: [Word]
    let normalizedWords: [Word]
    /// The raw text between token i-1 and token i (for i = 0: from the start).
    public let gaps: [Substring]
    /// Token ranges of the sentences.
    public let sentences: [Range<Int>]
    /// Whether a quotation opens in the gap before token i (the gap's last quote mark opens).
    /// Straight `"` and `”` used both ways are told apart by pairing within the paragraph.
    public let quoteOpens: [Bool]

    public init(_ text: String, stemmer: CliticStemmer) {
        self.text = text
        let tokens = Tokenizer.tokenize(text)
        self.tokens = tokens
        var keys: [String] = []
        var normalized: [String] = []
        keys.reserveCapacity(tokens.count)
        for token in tokens {
            let norm = ArabicNormalizer.normalize(token.text, foldTaMarbuta: false)
            normalized.append(ArabicNormalizer.normalize(norm))
            keys.append(stemmer.stem(norm))
        }
        self.normalized = normalized
        self.keys = keys
        self.keyWords = keys.map { Word($0) }
        self.normalizedWords = normalized.map { Word($0) }
        var gaps: [Substring] = []
        gaps.reserveCapacity(tokens.count + 1)
        var previousEnd = text.startIndex
        for token in tokens {
            gaps.append(text[previousEnd..<token.range.lowerBound])
            previousEnd = token.range.upperBound
        }
        gaps.append(text[previousEnd...])
        self.gaps = gaps
        self.sentences = Self.splitSentences(tokens: tokens, gaps: gaps)
        self.quoteOpens = Self.classifyQuotes(gaps)
    }

    static func classifyQuotes(_ gaps: [Substring]) -> [Bool] {
        var result = [Bool](repeating: false, count: gaps.count)
        var stack: [Character] = []      // open quotes: « “ or " (straight / ambiguous)
        for (index, gap) in gaps.enumerated() {
            var lastOpened: Bool?
            for c in gap {
                if c.isNewline { stack.removeAll(); lastOpened = nil; continue }
                switch c {
                case "«", "“", "„":
                    stack.append(c); lastOpened = true
                case "»":
                    if let i = stack.lastIndex(of: "«") { stack.removeSubrange(i...) }
                    lastOpened = false
                case "”":
                    if stack.last == "“" { stack.removeLast(); lastOpened = false }
                    else if stack.last == "”" { stack.removeLast(); lastOpened = false }
                    else { stack.append("”"); lastOpened = true }
                case "\"":
                    if stack.last == "\"" { stack.removeLast(); lastOpened = false }
                    else { stack.append("\""); lastOpened = true }
                default: break
                }
            }
            result[index] = lastOpened == true
        }
        return result
    }

    static let terminators: Set<Character> = [".", "؟", "?", "!", "؛", "…"]
    static let openingQuotes: Set<Character> = ["«", "“"]
    static let closingQuotes: Set<Character> = ["»", "”"]

    static func splitSentences(tokens: [Token], gaps: [Substring]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        var depth = 0           // «» and “” nesting
        var straightOpen = false
        for i in 1..<max(1, tokens.count + 1) where i <= tokens.count {
            let gap = gaps[i]
            var ends = false
            var sawTerminatorOutside = false
            for c in gap {
                if c.isNewline {
                    ends = true; depth = 0; straightOpen = false
                } else if openingQuotes.contains(c) {
                    depth += 1
                } else if closingQuotes.contains(c) {
                    depth = max(0, depth - 1)
                } else if c == "\"" {
                    straightOpen.toggle()
                } else if terminators.contains(c), depth == 0, !straightOpen {
                    sawTerminatorOutside = true
                }
            }
            // A terminator counts when outside quotes at the end of the gap too (`… كاذبة».`).
            if sawTerminatorOutside && depth == 0 && !straightOpen { ends = true }
            if ends || i == tokens.count {
                if start < i { sentences.append(start..<i) }
                start = i
            }
        }
        return sentences
    }

    /// The sentence index containing token `i`.
    public func sentenceIndex(ofToken i: Int) -> Int {
        var low = 0, high = sentences.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if sentences[mid].upperBound <= i { low = mid + 1 }
            else if sentences[mid].lowerBound > i { high = mid - 1 }
            else { return mid }
        }
        return max(0, min(sentences.count - 1, low))
    }

    /// The original text from the start of token `from` to the end of token `to - 1`.
    public func slice(_ range: Range<Int>) -> Substring {
        guard !range.isEmpty else { return "" }
        return text[tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound]
    }

    /// Whether the gap before token `i` contains any of `characters`.
    public func gap(before i: Int, contains characters: Set<Character>) -> Bool {
        gaps[i].contains(where: { characters.contains($0) })
    }
}
