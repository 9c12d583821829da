/// Builds a snippet of the original text (not the normalised index text) around the words that
/// match a query, with each match marked.
public struct SnippetBuilder: Sendable {
    public var open = "["
    public var close = "]"
    /// Words of context in the snippet.
    public var windowWords = 20
    let stemmer: CliticStemmer

    public init(stemmer: CliticStemmer = CliticStemmer()) { self.stemmer = stemmer }

    /// The best window of `text` for `query`: the one with the most matching words.
    public func snippet(of text: String, for query: SearchQuery) -> String {
        // One pass over the scalars: each word's range (as Tokenizer splits words) and whether it
        // matches, with no String per word (only the words shown are cut out below).
        let matcher = Matcher(query)
        var letters = [Unicode.Scalar]()
        var ranges: [Range<String.Index>] = []
        var matches: [Bool] = []
        ranges.reserveCapacity(text.utf8.count / 6)
        matches.reserveCapacity(text.utf8.count / 6)
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var wordStart: String.Index?
        var fast = true   // the word so far qualifies for the scalar comparison
        func endWord(at end: String.Index) {
            guard let start = wordStart else { return }
            ranges.append(start..<end)
            matches.append(fast ? matcher.matchesNormalized(&letters, stemmer: stemmer)
                                : matcher.matches(String(scalars[start..<end]), stemmer: stemmer, buffer: &letters))
            wordStart = nil
        }
        while index != scalars.endIndex {
            let scalar = scalars[index]
            if ArabicNormalizer.isWordScalar(scalar) {
                if wordStart == nil {
                    wordStart = index
                    fast = true
                    letters.removeAll(keepingCapacity: true)
                }
                if fast {
                    if Matcher.isFastScalar(scalar) {
                        if let mapped = ArabicNormalizer.map(scalar, foldTaMarbuta: false) { letters.append(mapped) }
                    } else {
                        fast = false
                    }
                }
            } else {
                endWord(at: index)
            }
            scalars.formIndex(after: &index)
        }
        endWord(at: scalars.endIndex)
        guard !ranges.isEmpty else { return "" }
        let tokens = ranges.map { (range: $0, text: text[$0]) }
        // Slide a window of `windowWords` tokens; keep the first with the most matches.
        var best = 0, bestCount = -1, count = 0
        for i in 0..<tokens.count {
            if matches[i] { count += 1 }
            if i >= windowWords, matches[i - windowWords] { count -= 1 }
            let start = max(0, i - windowWords + 1)
            if count > bestCount { bestCount = count; best = start }
        }
        // Centre the first match in the window when possible.
        if let firstMatch = (best..<min(tokens.count, best + windowWords)).first(where: { matches[$0] }) {
            best = max(0, min(firstMatch - min(4, windowWords / 4), tokens.count - windowWords))
        }
        let last = min(tokens.count, best + windowWords) - 1
        var out = best > 0 ? "…" : ""
        var cursor = tokens[best].range.lowerBound
        for i in best...last {
            let token = tokens[i]
            out += text[cursor..<token.range.lowerBound].replacingNewlines()
            out += matches[i] ? open + token.text + close : String(token.text)
            cursor = token.range.upperBound
        }
        if last < tokens.count - 1 { out += "…" } else { out += text[cursor...].replacingNewlines() }
        return out.trimmingWhitespace()
    }
}

/// Whether a word of the text stems to a highlighted stem or prefix. Words of scalars below
/// U+0300 and Arabic letters (all there is in news text) are compared as scalars, with no String
/// per word; for them scalar equality and prefixes agree with String's (no combining marks are
/// left after normalisation). Other words take the original String path.
struct Matcher {
    let query: SearchQuery
    /// A query has a handful of stems: compared one by one, which beats hashing every word.
    let stems: [[Unicode.Scalar]]
    let prefixes: [[Unicode.Scalar]]

    init(_ query: SearchQuery) {
        self.query = query
        stems = query.highlightStems.map { Array($0.unicodeScalars) }
        prefixes = query.highlightPrefixes.map { Array($0.unicodeScalars) }
    }

    /// Scalars for which the scalar comparison agrees with String's: below U+0300, or Arabic
    /// other than U+0610–061A (marks that normalisation keeps, which join the previous letter).
    @inline(__always)
    static func isFastScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x0300 || ((0x0600...0x06FF).contains(scalar.value) && !(0x0610...0x061A).contains(scalar.value))
    }

    func matches(_ word: String, stemmer: CliticStemmer, buffer letters: inout [Unicode.Scalar]) -> Bool {
        letters.removeAll(keepingCapacity: true)
        for scalar in word.unicodeScalars {
            guard Self.isFastScalar(scalar) else {
                let stem = stemmer.stem(ArabicNormalizer.normalize(word, foldTaMarbuta: false))
                return query.highlightStems.contains(stem) || query.highlightPrefixes.contains(where: { stem.hasPrefix($0) })
            }
            if let mapped = ArabicNormalizer.map(scalar, foldTaMarbuta: false) { letters.append(mapped) }
        }
        return matchesNormalized(&letters, stemmer: stemmer)
    }

    /// `letters`: a word of fast scalars, already normalised (ta marbuta kept); stemmed in place.
    @inline(__always)
    func matchesNormalized(_ letters: inout [Unicode.Scalar], stemmer: CliticStemmer) -> Bool {
        _ = stemmer.stem(&letters)
        if stems.contains(where: { $0.count == letters.count && $0.elementsEqual(letters) }) { return true }
        return prefixes.contains { prefix in letters.count >= prefix.count && letters[..<prefix.count].elementsEqual(prefix) }
    }
}

extension StringProtocol {
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
