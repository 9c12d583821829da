/// A user's search query, checked and translated into an FTS5 expression over the normalised,
/// clitic-stripped index. Supports words, "phrases", `AND`, `OR`, `NOT`, parentheses and prefix
/// `word*`. Every term goes into FTS5 as a quoted string, so no input can inject FTS5 syntax;
/// structural mistakes are reported as `ClaimsError.invalidQuery` with what to change.
public struct SearchQuery: Equatable, Sendable {
    /// The FTS5 MATCH expression.
    public let ftsExpression: String
    /// Stems to highlight in snippets (exact).
    public let highlightStems: Set<String>
    /// Prefixes to highlight in snippets.
    public let highlightPrefixes: [String]

    static let maxLength = 1000
    /// Deeper nesting would overflow FTS5's parser stack; no real query needs it.
    static let maxDepth = 20

    public init(_ text: String, stemmer: CliticStemmer = CliticStemmer()) throws {
        guard text.count <= Self.maxLength else {
            throw ClaimsError.invalidQuery("longer than \(Self.maxLength) characters")
        }
        let lexemes = try Self.lex(text)
        var parts: [String] = []
        var stems = Set<String>()
        var prefixes: [String] = []
        var depth = 0
        var previous: Lexeme?   // the last emitted lexeme, for checking operator placement
        var negated = false
        for lexeme in lexemes {
            switch lexeme {
            case .open:
                if case .term? = previous { parts.append("AND") }
                if case .close? = previous { parts.append("AND") }
                depth += 1
                guard depth <= Self.maxDepth else {
                    throw ClaimsError.invalidQuery("parentheses nested more than \(Self.maxDepth) deep")
                }
                parts.append("(")
            case .close:
                guard depth > 0 else { throw ClaimsError.invalidQuery("unbalanced ')'") }
                if case .op(let name)? = previous { throw ClaimsError.invalidQuery("\(name) before ')' needs a term after it") }
                if case .open? = previous { throw ClaimsError.invalidQuery("empty parentheses") }
                depth -= 1
                parts.append(")")
            case .op(let name):
                switch previous {
                case nil, .open?: throw ClaimsError.invalidQuery("\(name) needs a term on its left, e.g. 'حمص \(name) دمشق'")
                case .op(let other)?: throw ClaimsError.invalidQuery("\(other) followed by \(name)")
                default: break
                }
                parts.append(name)
                negated = name == "NOT"
            case .term(let words, let isPhrase, let isPrefix):
                // A name written without its inner space (`ديرالزور`) becomes the phrase of its two words, as indexed.
                var stemmed = words.flatMap { stemmer.stems(ArabicNormalizer.normalize($0, foldTaMarbuta: false)) }.filter { !$0.isEmpty }
                if isPrefix, let last = words.last, !stemmed.isEmpty {
                    stemmed[stemmed.count - 1] = stemmer.stemPrefix(ArabicNormalizer.normalize(last, foldTaMarbuta: false))
                }
                guard !stemmed.isEmpty else { continue }
                if case .term? = previous { parts.append("AND") }
                if case .close? = previous { parts.append("AND") }
                let quoted = "\"" + stemmed.joined(separator: " ") + "\""
                if isPrefix {
                    parts.append(quoted + "*")
                    if !negated { prefixes.append(stemmed.last!) }
                } else {
                    parts.append(quoted)
                }
                if !negated { stems.formUnion(isPrefix ? Array(stemmed.dropLast()) : stemmed) }
                _ = isPhrase
                negated = false
            }
            previous = lexeme
        }
        if depth > 0 { throw ClaimsError.invalidQuery("unbalanced '(': \(depth) not closed") }
        if case .op(let name)? = previous { throw ClaimsError.invalidQuery("\(name) needs a term on its right") }
        guard stems.count + prefixes.count > 0 else {
            throw ClaimsError.invalidQuery("no searchable words in \"\(text.prefix(80))\"")
        }
        ftsExpression = parts.joined(separator: " ")
        highlightStems = stems
        highlightPrefixes = prefixes
    }

    enum Lexeme: Equatable {
        case term(words: [String], isPhrase: Bool, isPrefix: Bool)
        case op(String)
        case open, close
    }

    static func lex(_ text: String) throws -> [Lexeme] {
        var result: [Lexeme] = []
        var index = text.startIndex
        let quotes: Set<Character> = ["\"", "«", "»", "“", "”"]
        while index < text.endIndex {
            let c = text[index]
            if c.isWhitespace || (c.unicodeScalars.first.map { $0.properties.generalCategory == .control } ?? false) {
                index = text.index(after: index)
            } else if c == "(" {
                result.append(.open); index = text.index(after: index)
            } else if c == ")" {
                result.append(.close); index = text.index(after: index)
            } else if quotes.contains(c) {
                let start = text.index(after: index)
                guard let end = text[start...].firstIndex(where: { quotes.contains($0) }) else {
                    throw ClaimsError.invalidQuery("unterminated phrase: a quote opened and not closed")
                }
                let words = Tokenizer.tokenize(String(text[start..<end])).map(\.text)
                var next = text.index(after: end)
                var isPrefix = false
                if next < text.endIndex, text[next] == "*" { isPrefix = true; next = text.index(after: next) }
                if !words.isEmpty { result.append(.term(words: words, isPhrase: true, isPrefix: isPrefix)) }
                index = next
            } else {
                var end = index
                while end < text.endIndex, !text[end].isWhitespace, !"()\"«»“”".contains(text[end]) { end = text.index(after: end) }
                let word = String(text[index..<end])
                index = end
                if ["AND", "OR", "NOT"].contains(word) {
                    result.append(.op(word))
                    continue
                }
                let isPrefix = word.hasSuffix("*")
                // A word with inner punctuation (e.g. `دير-الزور`) becomes a phrase of its parts.
                let words = Tokenizer.tokenize(word).map(\.text)
                if isPrefix, words.isEmpty { throw ClaimsError.invalidQuery("'*' must follow a word, e.g. 'سفار*'") }
                if !words.isEmpty { result.append(.term(words: words, isPhrase: words.count > 1, isPrefix: isPrefix)) }
            }
        }
        return result
    }
}
