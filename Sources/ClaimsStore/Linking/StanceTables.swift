import Foundation

/// The tables the pair features read, mined from the ANS train split by `claims-bench train-stance`
/// and kept as data files: document frequencies of root keys (`Data/stance_idf.tsv`), and how often
/// a word, or a pair of words, is what differs between two headlines that agree or disagree
/// (`Data/stance_differences.tsv`: single words, and antonym candidates — pairs differing in one word).
public struct StanceTables: Sendable {
    /// Counts of one difference: in pairs labelled disagree, and in pairs labelled agree.
    public struct Counts: Sendable, Equatable {
        public var disagree = 0
        public var agree = 0
    }

    public var documents = 0
    public var documentFrequency: [String: Int] = [:]
    /// A root key found on one side only.
    public var words: [String: Counts] = [:]
    /// Two root keys, one on each side, the only difference between the two (sorted, joined by a space).
    public var pairs: [String: Counts] = [:]

    public init() {}

    /// Inverse document frequency of a root key (an unseen key counts as seen once).
    public func idf(_ key: String) -> Double {
        let df = Double(documentFrequency[key] ?? 1)
        return log(Double(documents + 1) / df)
    }

    static func pairKey(_ x: String, _ y: String) -> String { x < y ? x + " " + y : y + " " + x }

    /// The difference words and word pairs of two statements, as the miner counts them: every word
    /// found on one side only, and when each side has at most two, every pair across.
    static func differences(onlyA: Set<String>, onlyB: Set<String>) -> (words: Set<String>, pairs: Set<String>) {
        var pairs = Set<String>()
        if onlyA.count <= 2, onlyB.count <= 2 {
            for x in onlyA { for y in onlyB { pairs.insert(pairKey(x, y)) } }
        }
        return (onlyA.union(onlyB), pairs)
    }

    // MARK: data files

    public static let builtIn: StanceTables = {
        var tables = StanceTables()
        tables.read(idf: EmbeddedResources.all["Data/stance_idf.tsv"] ?? "",
                    differences: EmbeddedResources.all["Data/stance_differences.tsv"] ?? "")
        return tables
    }()

    mutating func read(idf: String, differences: String) {
        for line in idf.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count == 2, let count = Int(fields[1]) {
                if fields[0] == "(documents)" { documents = count } else { documentFrequency[String(fields[0])] = count }
            }
        }
        for line in differences.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4, let disagree = Int(fields[2]), let agree = Int(fields[3]) else { continue }
            let counts = Counts(disagree: disagree, agree: agree)
            if fields[0] == "word" { words[String(fields[1])] = counts } else if fields[0] == "pair" { pairs[String(fields[1])] = counts }
        }
    }

    /// `Data/stance_idf.tsv`: keys seen in at least two documents (the others count as seen once).
    public func idfFile() -> String {
        var lines = ["# Document frequency of root keys over the ANS train split (s1 and s2 each a document), written by",
                     "# `swift run claims-bench train-stance ../shared/datasets/ans`. Keys seen once are left out (they count as 1).",
                     "(documents)\t\(documents)"]
        for (key, count) in documentFrequency.sorted(by: { $0.key < $1.key }) where count >= 2 { lines.append("\(key)\t\(count)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Data/stance_differences.tsv`: differences seen at least twice.
    public func differencesFile() -> String {
        var lines = ["# What differs between two headlines of the ANS train split, counted in pairs labelled disagree and agree;",
                     "# written by `swift run claims-bench train-stance ../shared/datasets/ans`. kind\tkeys\tdisagree\tagree.",
                     "# word: a root key on one side only; pair: two root keys, one per side, when each side has at most two of its own",
                     "# (antonym candidates: انسحب/تقدم, ارتفاع/انخفاض). Only differences seen at least twice are kept."]
        for (kind, table) in [("word", words), ("pair", pairs)] {
            for (key, counts) in table.sorted(by: { $0.key < $1.key }) where counts.disagree + counts.agree >= 2 {
                lines.append("\(kind)\t\(key)\t\(counts.disagree)\t\(counts.agree)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
