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
        let tokens = Tokenizer.tokenize(text)
        guard !tokens.isEmpty else { return "" }
        let matches = tokens.map { token -> Bool in
            let stem = stemmer.stem(ArabicNormalizer.normalize(token.text, foldTaMarbuta: false))
            return query.highlightStems.contains(stem) || query.highlightPrefixes.contains(where: { stem.hasPrefix($0) })
        }
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
            out += matches[i] ? open + token.text + close : token.text
            cursor = token.range.upperBound
        }
        if last < tokens.count - 1 { out += "…" } else { out += text[cursor...].replacingNewlines() }
        return out.trimmingWhitespace()
    }
}

extension StringProtocol {
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
