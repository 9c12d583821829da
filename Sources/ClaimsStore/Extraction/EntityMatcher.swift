/// Finds gazetteer entities in analysed text: a trie over the match keys of every name, alias
/// and nisba adjective, matched greedily (longest name first) at each word. Cost is linear in
/// the number of words (each start walks at most the longest name's length).
public struct EntityMatcher: Sendable {
    /// What a match refers to.
    public struct Target: Sendable, Equatable {
        public let entityIndex: Int
        /// True when matched through a nisba adjective (`الإيرانية` → إيران).
        public let viaNisba: Bool
        /// A one-word name written with the article (`الميادين`) matches only with it: without it,
        /// the word is the common noun (`ميادين حلب`, the squares of Aleppo).
        public var requiresArticle = false
    }

    private final class Node: @unchecked Sendable {
        var children: [Word: Node] = [:]
        var target: Target?
    }

    private let root = Node()
    public let gazetteer: Gazetteer
    let stemmer: CliticStemmer

    public init(gazetteer: Gazetteer, stemmer: CliticStemmer = CliticStemmer()) {
        self.gazetteer = gazetteer
        self.stemmer = stemmer
        for (index, entity) in gazetteer.entities.enumerated() {
            for name in [entity.name] + entity.aliases {
                let keys = MatchKey.keys(ofPhrase: name, stemmer: stemmer)
                var target = Target(entityIndex: index, viaNisba: false)
                target.requiresArticle = keys.count == 1 && ArabicNormalizer.normalize(name).hasPrefix("ال")
                insert(keys, target, overwrite: name == entity.name)
            }
            for nisba in entity.nisbas {
                insert(MatchKey.keys(ofPhrase: nisba, stemmer: stemmer), Target(entityIndex: index, viaNisba: true), overwrite: false)
            }
        }
    }

    private func insert(_ keys: [String], _ target: Target, overwrite: Bool) {
        guard !keys.isEmpty, !keys.contains(where: \.isEmpty) else { return }
        var node = root
        for key in keys.map({ Word($0) }) {
            if let next = node.children[key] { node = next } else {
                let next = Node()
                node.children[key] = next
                node = next
            }
        }
        // A name wins over a nisba with the same key (سورية: the country's alias and its adjective).
        if node.target == nil || overwrite || (node.target?.viaNisba == true && !target.viaNisba) {
            node.target = target
        }
    }

    /// Whether a word carries the article, after any conjunction or preposition (`والميادين`, `للميادين`).
    static func hasArticle(_ word: String) -> Bool {
        var w = Substring(word)
        if let first = w.first, "وف".contains(first), w.dropFirst().hasPrefix("ال") || w.dropFirst().hasPrefix("ب") || w.dropFirst().hasPrefix("ل") { w = w.dropFirst() }
        if let first = w.first, "بكل".contains(first), w.dropFirst().hasPrefix("ال") || w.hasPrefix("لل") { return true }
        return w.hasPrefix("ال")
    }

    /// A match: tokens `range` of the text refer to `target`.
    public struct Match: Sendable, Equatable {
        public let range: Range<Int>
        public let target: Target
    }

    /// All non-overlapping matches in `text`, longest first at each position, left to right.
    public func matches(in text: AnalyzedText, within limit: Range<Int>? = nil) -> [Match] {
        let range = limit ?? 0..<text.tokens.count
        var result: [Match] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if let match = longestMatch(in: text, at: i, end: range.upperBound) {
                result.append(match)
                i = match.range.upperBound
            } else {
                i += 1
            }
        }
        return result
    }

    /// The longest name starting at token `start`, not crossing a sentence-internal break
    /// (a comma, colon, quote or line break between two of its words ends it).
    public func longestMatch(in text: AnalyzedText, at start: Int, end: Int) -> Match? {
        var best: Match?
        walk(root, text, start, start, end, &best)
        return best
    }

    // Quotes do not break a name: `صحيفة "الشرق الأوسط"` is one.
    private static let breaks: Set<Character> = ["،", ",", ":", "\n", ".", "؛", "(", ")", "؟", "!"]

    private func walk(_ node: Node, _ text: AnalyzedText, _ start: Int, _ i: Int, _ end: Int, _ best: inout Match?) {
        guard i < end else { return }
        if i > start, text.gap(before: i, contains: Self.breaks) { return }
        if let next = node.children[text.keyWords[i]] {
            if let target = next.target, (best?.range.count ?? 0) < i + 1 - start,
               !target.requiresArticle || i > start || Self.hasArticle(text.normalized[i]) {
                best = Match(range: start..<(i + 1), target: target)
            }
            walk(next, text, start, i + 1, end, &best)
        }
        // `عبد الرحمن` written as two words: try the joined key.
        if text.normalized[i] == "عبد", i + 1 < end, !text.gap(before: i + 1, contains: Self.breaks) {
            let joined = stemmer.stem("عبد" + ArabicNormalizer.normalize(text.tokens[i + 1].text, foldTaMarbuta: false))
            if let next = node.children[Word(joined)] {
                if let target = next.target, (best?.range.count ?? 0) < i + 2 - start {
                    best = Match(range: start..<(i + 2), target: target)
                }
                walk(next, text, start, i + 2, end, &best)
            }
        }
    }
}
