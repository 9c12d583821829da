/// Finds the stored claims a statement may be about, with no predicate lexicon in the way: BM25
/// over the claims' normalised text (the `claims_fts` index, IDF from the archive) for any of the
/// statement's content words, plus the claims that mention the same entities; the best `limit`.
struct ClaimRetrieval {
    let connection: Database
    let stemmer: CliticStemmer

    /// Claim ids, best first: the BM25 rank (any content word) and the entities in common, each
    /// scored by its rank in its own list (reciprocal-rank fusion, so neither scale dominates).
    func candidates(for statement: String, entities: Set<Word>, limit: Int) throws -> [Int] {
        var scores: [Int: Double] = [:]
        var words: [String] = []
        for word in stemmer.searchForm(of: statement).split(separator: " ").map(String.init)
        where word.unicodeScalars.count >= 2 && !Proposition.functionWords.contains(word) && !StatementAnalysis.negators.contains(word) && !words.contains(word) {
            words.append(word)
        }
        if !words.isEmpty {
            // Every word quoted: nothing of the statement reaches FTS5 as syntax.
            let match = words.prefix(30).map { "\"" + $0.replacingOccurrences(of: "\"", with: "") + "\"" }.joined(separator: " OR ")
            let ranked = try connection.query("SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?", [match, limit * 2]) { $0.int(0) }
            for (position, id) in ranked.enumerated() { scores[id, default: 0] += 1 / Double(60 + position) }
        }
        if !entities.isEmpty {
            let names = entities.map(\.text).sorted()
            let list = Array(repeating: "?", count: names.count).joined(separator: ",")
            let ranked = try connection.query("""
                SELECT ce.claim_id FROM claim_entities ce JOIN entities e ON e.id = ce.entity_id
                WHERE e.name IN (\(list)) AND ce.role = 'mentioned'
                GROUP BY ce.claim_id ORDER BY count(DISTINCT ce.entity_id) DESC, ce.claim_id DESC LIMIT ?
                """, names.map { $0 as any SQLBindable } + [limit * 2]) { $0.int(0) }
            for (position, id) in ranked.enumerated() { scores[id, default: 0] += 1 / Double(60 + position) }
        }
        return scores.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(limit).map(\.key)
    }
}
