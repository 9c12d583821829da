/// A light root-and-pattern analyser: reduces an Arabic word to a consonant key that the forms of
/// one root share, so that مغادرة / غادر / يغادر, دخول / دخل / يدخل and إجلاء / أجلى / الإجلاء
/// compare equal (`غدر`, `دخل`, `جل`).
///
/// It is not a full morphological analyser: after the clitics (`CliticStemmer`) it strips the
/// common inflectional suffixes, the imperfect and derivational prefixes (ي ت ن ا م است), the
/// infix ت of افتعل and the ن of انفعل, then drops the weak letters (ا و ي) and hamza. Words the
/// lexicon protects (names, places) keep their stem: `تركيا` is no root `ركي`.
public struct RootAnalyzer: Sendable {
    let stemmer: CliticStemmer

    public init(stemmer: CliticStemmer = CliticStemmer()) {
        self.stemmer = stemmer
    }

    private static let weak: Set<Unicode.Scalar> = ["ا", "و", "ي", "ء"]
    private static let suffixes: [[Unicode.Scalar]] = [
        ["ا", "ت"], ["و", "ن"], ["ي", "ن"], ["ا", "ن"], ["و", "ا"], ["ت", "م"], ["ه"],
    ]

    /// The root key of one word (any spelling: it is normalised first).
    public func key(_ word: String) -> String {
        let stem = stemmer.stem(ArabicNormalizer.normalize(word))
        return key(ofStem: stem)
    }

    /// The root key of a normalised, clitic-stripped word.
    public func key(ofStem stem: String) -> String {
        var letters = Array(stem.unicodeScalars)
        guard let first = letters.first, (0x0600...0x06FF).contains(first.value), letters.count >= 3,
              !stemmer.lexicon.isProtected(letters[...]) else { return stem }
        // Inflectional suffixes: plural and dual endings, ta marbuta, the past ت of a long verb.
        for suffix in Self.suffixes where letters.count - suffix.count >= 3 && letters.suffix(suffix.count).elementsEqual(suffix) {
            letters.removeLast(suffix.count)
            break
        }
        if letters.count >= 5, letters.last == "ت" { letters.removeLast() }
        // Derivational and imperfect prefixes.
        if letters.count >= 6, ["ا", "ي", "ت", "ن", "م"].contains(letters[0]), letters[1] == "س", letters[2] == "ت" {
            letters.removeFirst(3)                       // استفعل, يستفعل, مستفعل
        } else if letters.count >= 4, ["ا", "ي", "ت", "ن", "م"].contains(letters[0]) {
            letters.removeFirst()
            if letters.count >= 4, letters[0] == "ن" { letters.removeFirst() }            // انفعل, ينفعل
            else if letters.count >= 4, letters[1] == "ت" { letters.remove(at: 1) }       // افتعل, يفتعل
        }
        let consonants = [letters[0]] + letters.dropFirst().filter { !Self.weak.contains($0) }
        let result = consonants.first.map { Self.weak.contains($0) && consonants.count > 2 ? Array(consonants.dropFirst()) : consonants } ?? consonants
        return result.count >= 2 ? String(String.UnicodeScalarView(result)) : stem
    }
}
