/// Names of the gazetteer that are also written without their inner space: `ديرالزور` for
/// `دير الزور`, `عبدالرحمن` for `عبد الرحمن`. The stemmer splits the joined form into its two words,
/// at ingest and in queries alike, so both spellings index and search the same
/// (`ديرالزور` finds the articles that write `دير الزور`, and the other way round).
///
/// Built from every pair of adjacent words of a name or alias where the second starts with the
/// article (`ال`) and the first does not: that is where writers drop the space.
public struct JoinedNames: Sendable {
    /// Joined normalised form (ta marbuta kept) → the number of scalars of its first word.
    let splits: [[Unicode.Scalar]: Int]

    static let alef: Unicode.Scalar = "\u{0627}", lam: Unicode.Scalar = "\u{0644}"

    public static let builtIn = JoinedNames(gazetteer: EmbeddedResources.gazetteer)

    init(gazetteer: String) {
        var splits: [[Unicode.Scalar]: Int] = [:]
        for line in gazetteer.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3 else { continue }
            let names = [fields[1]] + fields[2].split(separator: "|")
            for name in names {
                let words = name.split(separator: " ").map { Array(ArabicNormalizer.normalize(String($0), foldTaMarbuta: false).unicodeScalars) }
                for (first, second) in zip(words, words.dropFirst())
                where first.count >= 2 && !Self.startsWithArticle(first) && Self.startsWithArticle(second) && second.count > 2 {
                    splits[first + second] = first.count
                }
            }
        }
        self.splits = splits
    }

    static func startsWithArticle(_ word: [Unicode.Scalar]) -> Bool {
        word.count >= 2 && word[0] == alef && word[1] == lam
    }

    /// Where the normalised `word` splits into two words of a name, or nil. Cheap for other words:
    /// only a word with `ال` after its third letter is looked up.
    @inline(__always)
    func split(_ word: [Unicode.Scalar]) -> Int? {
        guard word.count >= 5 else { return nil }
        var i = 2
        while i <= word.count - 3 {
            if word[i] == Self.alef && word[i + 1] == Self.lam { return splits[word] }
            i += 1
        }
        return nil
    }
}
