/// A light root-and-pattern analyser: reduces an Arabic word to a consonant key that the forms of
/// one root share, so that مغادرة / غادر / يغادر, دخول / دخل / يدخل and إجلاء / أجلى / الإجلاء
/// compare equal (`غدر`, `دخل`, `جل`).
///
/// It is not a full morphological analyser: after the clitics (`CliticStemmer`) it strips the
/// common inflectional suffixes, the imperfect and derivational prefixes (ي ت ن ا م است), the
/// infix ت of افتعل and the ن of انفعل, then drops the weak letters (ا و ي) and hamza. The words
/// of the gazetteer's names keep their stem: `تركيا` is no root `ركي`.
public struct RootAnalyzer: Sendable {
    let stemmer: CliticStemmer
    let names: Lexicon

    public init(stemmer: CliticStemmer = CliticStemmer()) {
        self.stemmer = stemmer
        self.names = Self.gazetteerNames
    }

    /// The words of the built-in entity names (not the clitic stemmer's protected words and cues:
    /// `أعلنت` and `مستويات` have roots).
    static let gazetteerNames: Lexicon = {
        var builder = Lexicon.Builder()
        var gazetteer = EmbeddedResources.gazetteer
        gazetteer.withUTF8 { builder.addGazetteer($0) }
        return Lexicon(protectedScalars: builder.words)
    }()

    private static let weak: Set<Unicode.Scalar> = ["ا", "و", "ي", "ء"]
    private static let suffixes: [[Unicode.Scalar]] = [
        ["ا", "ت"], ["و", "ن"], ["ي", "ن"], ["ا", "ن"], ["و", "ا"], ["ت", "م"], ["ه"],
    ]

    /// The root key of one word (any spelling: it is normalised first).
    public func key(_ word: String) -> String {
        let stem = stemmer.stem(ArabicNormalizer.normalize(word))
        return key(ofStem: stem)
    }

    /// Nisba adjectives of the gazetteer's places, stemmed, to the stem of their place
    /// (`مصري`, `المصرية`, `مصريين` → `مصر`; `الإيرانية` → `ايران`).
    static let nisbaPlaces: [String: String] = {
        let stemmer = CliticStemmer()
        var map: [String: String] = [:]
        for entity in Gazetteer.builtIn.entities where entity.type == .place {
            let place = stemmer.stem(ArabicNormalizer.normalize(entity.name))
            for nisba in entity.nisbas {
                let form = stemmer.stem(ArabicNormalizer.normalize(nisba))
                if map[form] == nil { map[form] = place }
            }
        }
        return map
    }()

    /// The root key of a normalised, clitic-stripped word.
    public func key(ofStem stem: String) -> String {
        if let place = Self.nisbaPlaces[stem] { return place }
        var letters = Array(stem.unicodeScalars)
        guard let first = letters.first, (0x0600...0x06FF).contains(first.value), letters.count >= 3,
              !names.isProtected(letters[...]) else { return stem }
        // Inflectional suffixes: plural and dual endings, ta marbuta, the past ت of a long verb.
        for suffix in Self.suffixes where letters.count - suffix.count >= 3 && letters.suffix(suffix.count).elementsEqual(suffix) {
            letters.removeLast(suffix.count)
            break
        }
        // A ta marbuta before the first-person ي (`استقالتي`), which the clitic stemmer keeps.
        if letters.count >= 6, letters.suffix(2).elementsEqual(["ت", "ي"]) { letters.removeLast(2) }
        if letters.count >= 5, letters.last == "ت" { letters.removeLast() }
        // The future س before an imperfect استفعل (سيستورد).
        if letters.count >= 7, letters[0] == "س", ["ي", "ت", "ن"].contains(letters[1]), letters[2] == "س", letters[3] == "ت" {
            letters.removeFirst()
        }
        // Derivational and imperfect prefixes.
        if letters.count >= 6, ["ا", "ي", "ت", "ن", "م"].contains(letters[0]), letters[1] == "س", letters[2] == "ت" {
            letters.removeFirst(3)                       // استفعل, يستفعل, مستفعل
            // A weak first radical shows as و or ي by pattern (يستورد / استيراد): neither is kept.
            if letters.count >= 3, Self.weak.contains(letters[0]) { letters.removeFirst() }
        } else if letters.count >= 4, ["ا", "ي", "ت", "ن", "م"].contains(letters[0]) {
            letters.removeFirst()
            if letters.count >= 4, letters[0] == "ن" { letters.removeFirst() }            // انفعل, ينفعل
            else if letters.count >= 4, letters[1] == "ت" { letters.remove(at: 1) }       // افتعل, يفتعل
        }
        let consonants = [letters[0]] + letters.dropFirst().filter { !Self.weak.contains($0) }
        // (A first و or ي is a root letter: وزارة → وزر, يوم → يم; a first ا is a pattern's.)
        let result = consonants.first == "ا" && consonants.count > 2 ? Array(consonants.dropFirst()) : consonants
        return result.count >= 2 ? String(String.UnicodeScalarView(result)) : stem
    }
}
