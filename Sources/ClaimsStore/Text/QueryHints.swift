/// Advice on a query that is valid but probably not what was meant.
public enum QueryHints {
    /// A hint when the query has `and` / `or` / `not` in lower case: only the upper-case words are
    /// operators, so the lower-case ones are searched as words (and `and` is in no Arabic article).
    public static func lowercaseOperators(in query: String) -> String? {
        var inPhrase = false
        var word = ""
        var found: [String] = []
        func flush() {
            if ["and", "or", "not"].contains(word), !found.contains(word) { found.append(word) }
            word = ""
        }
        for character in query {
            if character == "\"" || character == "«" || character == "»" { flush(); inPhrase.toggle(); continue }
            if character.isLetter, !inPhrase { word.append(character) } else { flush() }
        }
        flush()
        guard !found.isEmpty else { return nil }
        let words = found.map { "'\($0)'" }.joined(separator: ", ")
        let upper = found.map { $0.uppercased() }.joined(separator: " / ")
        return "\(words) in lower case is searched as a word, not an operator; write \(upper) to combine words"
    }
}
