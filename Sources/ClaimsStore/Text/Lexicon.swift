/// Words the clitic stemmer must leave whole: the protected-word list (`Data/protected_words.txt`),
/// the reporting verbs of `Data/cues.tsv` and the words of built-in entity names (`Data/gazetteer.tsv`), so that `بشار`, `لبنان` and
/// `بغداد` are not cut into `شار`, `بنان`, `غداد`.
///
/// The stemmer's output feeds the full-text index, so the lexicon is built from the embedded
/// data only (never from user additions): the same text always stems the same way.
public struct Lexicon: Sendable {
    /// Normalised forms (ta marbuta kept) that are never stripped.
    public let protectedWords: Set<String>

    public init(protectedWords: Set<String>) {
        self.protectedWords = protectedWords
    }

    /// The lexicon built from the data files the binary carries.
    public static let builtIn: Lexicon = {
        var words = Set<String>()
        for line in (EmbeddedResources.all["Data/protected_words.txt"] ?? "").split(separator: "\n") {
            let word = line.trimmingWhitespace()
            guard !word.isEmpty, !word.hasPrefix("#") else { continue }
            words.insert(ArabicNormalizer.normalize(word, foldTaMarbuta: false))
        }
        for line in (EmbeddedResources.all["Data/gazetteer.tsv"] ?? "").split(separator: "\n") {
            guard !line.hasPrefix("#") else { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3 else { continue }
            // Names and aliases: their words, without the article, are protected.
            let names = [fields[1]] + fields[2].split(separator: "|") + (fields.count > 3 ? fields[3].split(separator: "|") : [])
            for name in names where name != "-" {
                for (position, token) in Tokenizer.tokenize(String(name)).enumerated() {
                    var word = ArabicNormalizer.normalize(token.text, foldTaMarbuta: false)
                    if word.hasPrefix("ال"), word.count > 4 { word.removeFirst(2) }
                    // Later words of a name may carry a real clitic (`للأمم`, `لحقوق`): only the
                    // first word, where a name's own letters stand (`بشار`, `لبنان`), is taken whole.
                    if position > 0, let first = word.first, "لبوفك".contains(first) { continue }
                    if word.count >= 3 { words.insert(word) }
                }
            }
        }
        // Reporting verbs (`وفقا`, `بحسب`, `لفتت`) are words, not clitic + stem.
        for form in CueLexicon.allForms(in: EmbeddedResources.all["Data/cues.tsv"] ?? "") {
            words.insert(ArabicNormalizer.normalize(form, foldTaMarbuta: false))
        }
        return Lexicon(protectedWords: words)
    }()

    public func isProtected(_ normalizedWord: String) -> Bool {
        protectedWords.contains(normalizedWord)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
