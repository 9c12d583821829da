/// Event predicates and their opposites (`Data/predicates.tsv`): the vocabulary that lets claims
/// be compared by meaning rather than by words (إجلاء and إخلاء are both "leave"; "leave" is the
/// opposite of "remain").
public struct PredicateLexicon: Sendable {
    /// Concepts by the key of a one-word form.
    private(set) var singleWord: [Word: Set<String>] = [:]
    /// Multi-word forms (`لا يزال`, `إطلاق سراح`) as key sequences, by their first key.
    private(set) var phrases: [Word: [(keys: [Word], concept: String)]] = [:]
    /// Opposite concepts of each concept.
    public private(set) var opposites: [String: Set<String>] = [:]

    public init(tsv: String, stemmer: CliticStemmer) {
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count >= 2 else { continue }
            let concept = fields[0]
            if fields.count >= 3, fields[2] != "-" {
                for opposite in fields[2].split(separator: "|").map(String.init) {
                    opposites[concept, default: []].insert(opposite)
                    opposites[opposite, default: []].insert(concept)
                }
            }
            for form in fields[1].split(separator: "|") {
                let keys = Tokenizer.tokenize(String(form)).map { Word(MatchKey.of($0.text, stemmer: stemmer)) }
                if keys.count == 1 { singleWord[keys[0], default: []].insert(concept) }
                else if keys.count > 1 { phrases[keys[0], default: []].append((keys, concept)) }
            }
        }
        for key in phrases.keys { phrases[key]!.sort { $0.keys.count > $1.keys.count } }
        for concept in Set(singleWord.values.flatMap { $0 } + phrases.values.flatMap { $0.map(\.concept) } + opposites.keys) {
            families[concept] = computeFamily(of: concept)
        }
    }

    /// `family(of:)` of every concept (asked once per concept of every claim indexed).
    private var families: [String: String] = [:]

    public static let builtIn = PredicateLexicon(tsv: EmbeddedResources.all["Data/predicates.tsv"] ?? "", stemmer: CliticStemmer())

    /// A predicate found in a text: its concept and token range.
    public struct Occurrence: Equatable, Sendable {
        public let concept: String
        public let range: Range<Int>
    }

    /// Every predicate in `text`, multi-word forms first (`لا يزال` is "remain", not a negation).
    public func occurrences(in text: AnalyzedText) -> [Occurrence] {
        var result: [Occurrence] = []
        var covered = [Bool](repeating: false, count: text.tokens.count)
        for i in text.tokens.indices {
            let candidates = (phrases[text.keyWords[i]] ?? []) + (text.keyWords[i] != text.normalizedWords[i] ? phrases[text.normalizedWords[i]] ?? [] : [])
            for phrase in candidates where i + phrase.keys.count <= text.tokens.count {
                if phrase.keys.indices.allSatisfy({ text.keyWords[i + $0] == phrase.keys[$0] || text.normalizedWords[i + $0] == phrase.keys[$0] }) {
                    result.append(Occurrence(concept: phrase.concept, range: i..<(i + phrase.keys.count)))
                    for j in i..<(i + phrase.keys.count) { covered[j] = true }
                    break
                }
            }
        }
        for i in text.tokens.indices where !covered[i] {
            var concepts = singleWord[text.keyWords[i]] ?? []
            // First persons of the imperfect: نستخدم, أستخدم → يستخدم. (Not ت: تدخّل is a noun, not تدخل.)
            let key = text.keys[i]
            if concepts.isEmpty, key.count >= 4, let first = key.first, "نا".contains(first) {
                concepts = singleWord[Word("ي" + key.dropFirst())] ?? []
            }
            // Plurals of the imperfect and the past (يفرون, تصلان → يفر, تصل; اقتحموا → اقتحم).
            if concepts.isEmpty, key.count >= 5, let first = key.first, "يت".contains(first), key.hasSuffix("ون") || key.hasSuffix("ان") {
                concepts = singleWord[Word(String(key.dropLast(2)))] ?? []
            }
            if concepts.isEmpty, key.count >= 5, key.hasSuffix("وا") {
                concepts = singleWord[Word(String(key.dropLast(2)))] ?? []
            }
            for concept in concepts.sorted() {
                result.append(Occurrence(concept: concept, range: i..<(i + 1)))
            }
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A concept's family: it and everything reachable through opposites (leave, remain, collapse),
    /// the same for every member, so that opposite claims meet under one index key.
    public func family(of concept: String) -> String {
        families[concept] ?? computeFamily(of: concept)
    }

    private func computeFamily(of concept: String) -> String {
        var members: Set<String> = [concept]
        var frontier = [concept]
        while let next = frontier.popLast() {
            for other in opposites[next] ?? [] where members.insert(other).inserted { frontier.append(other) }
        }
        return members.sorted().joined(separator: "~")
    }

    public func areOpposite(_ a: String, _ b: String) -> Bool {
        opposites[a]?.contains(b) == true
    }
}
