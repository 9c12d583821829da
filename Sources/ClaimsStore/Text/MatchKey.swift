/// The key under which a word is compared everywhere in extraction: normalised (ta marbuta folded)
/// and clitic-stripped, so `والمرصد`, `المرصد`, `للمرصد` all have the key `مرصد`.
public enum MatchKey {
    public static func of(_ word: String, stemmer: CliticStemmer) -> String {
        stemmer.stem(ArabicNormalizer.normalize(word, foldTaMarbuta: false))
    }

    /// Keys of every word of a phrase, with `عبد` joined to the next word so that
    /// `عبد الرحمن` and `عبدالرحمن` agree.
    public static func keys(ofPhrase phrase: String, stemmer: CliticStemmer) -> [String] {
        var keys: [String] = []
        var pendingAbd = false
        for token in Tokenizer.tokenize(phrase) {
            let normalized = ArabicNormalizer.normalize(token.text, foldTaMarbuta: false)
            if pendingAbd {
                keys[keys.count - 1] = "عبد" + normalized
                keys[keys.count - 1] = stemmer.stem(keys[keys.count - 1])
                pendingAbd = false
                continue
            }
            keys.append(stemmer.stem(normalized))
            if normalized == "عبد" { pendingAbd = true }
        }
        return keys
    }
}
