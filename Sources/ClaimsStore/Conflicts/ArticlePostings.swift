/// What conflict detection keeps while it detects the claims of one article, so that the cost of
/// a claim does not grow with the length of its article (issue 17, failure 7: one 4 MiB article of
/// ~10,000 claims, all of one day, was quadratic).
///
/// - A claim is compared with the claims of its own article among the `sameArticleClaims` before
///   it only. A news article has far fewer claims (the sample and benchmark articles at most 43),
///   so every pair of it is compared as before; in a very long text each claim would otherwise read
///   up to `postingsPerKey` postings of its own article per key and compare `maxCandidates` of them,
///   most of them claims thousands of sentences away.
/// - The postings of older articles do not change while the article's claims are detected (every
///   claim indexed meanwhile is one of its own, of a higher id), and its claims share most keys and
///   days: they are read once per key and days, and only on the days that hold any.
/// - Its own claims' postings are read only on the days its claims are indexed under.
///
/// Claims of one article have consecutive ids (they are stored in one savepoint, by one writer):
/// those below its first claim are older articles'.
struct ArticlePostings {
    var article: Int?
    /// The id of the article's first claim (nil: it has none stored; every claim is older).
    var firstClaim: Int?
    /// Per day, whether it holds postings of older articles (probed once).
    var olderDays: [Int: Bool] = [:]
    /// The days the article's own claims are indexed under (a superset).
    var ownDays = Set<Int>()
    /// Postings of older articles per day list and key.
    var olderByKey: [OlderKey: [Int]] = [:]

    struct OlderKey: Hashable {
        let days: [Int]
        let key: String
    }

    /// A claim of `article` was just indexed under `day`.
    mutating func noteIndexed(day: Int, article: Int) {
        if article == self.article { ownDays.insert(day) }
    }
}

extension ConflictDetector {
    /// The most claims of its own article one claim is compared with: the nearest before it.
    static let sameArticleClaims = 100
    /// At most this many keys' older postings are kept (up to `postingsPerKey` ids each).
    static let olderPostingsLimit = 2_000

    /// Starts the bookkeeping of `record`'s article, unless it is the one being detected.
    func startArticle(of record: Record) throws {
        guard articlePostings.article != record.articleID else { return }
        var started = ArticlePostings()
        started.article = record.articleID
        started.firstClaim = try connection.queryOne("SELECT min(id) FROM claims WHERE article_id = ?", [record.articleID]) { $0.optionalInt(0) } ?? nil
        if let first = started.firstClaim {
            // What is indexed of the article so far; each claim indexed from now on adds its day.
            try connection.cached("SELECT DISTINCT day FROM claim_terms WHERE claim_id >= ? AND claim_id <= ?")
                .bind([first, record.id] as [any SQLBindable]).forEach { started.ownDays.insert($0.int(0)) }
        }
        articlePostings = started
    }

    /// Claims below this id are older articles' (a claim of no stored article: every claim).
    private var articleStart: Int { articlePostings.firstClaim ?? Int.max }

    /// For each of `keys`, its newest postings of older articles on `days`.
    func olderArticlesPostings(of keys: [String], days: [Int]) throws -> [[Int]] {
        if articlePostings.olderByKey.count > Self.olderPostingsLimit { articlePostings.olderByKey = [:] }
        let days = try days.filter(holdsOlderPostings)
        let cacheKeys = keys.map { ArticlePostings.OlderKey(days: days, key: $0) }
        let missing = keys.indices.filter { articlePostings.olderByKey[cacheKeys[$0]] == nil }
        for (index, ids) in zip(missing, try newestPostings(of: missing.map { keys[$0] }, days: days, ids: 0..<articleStart)) {
            articlePostings.olderByKey[cacheKeys[index]] = ids
        }
        return cacheKeys.map { articlePostings.olderByKey[$0] ?? [] }
    }

    /// For each of `keys`, the postings on `days` of the article's `sameArticleClaims` claims before `id`.
    func ownArticlePostings(of keys: [String], days: [Int], below id: Int) throws -> [[Int]] {
        let start = min(max(articleStart, id - Self.sameArticleClaims), id)
        return try newestPostings(of: keys, days: days.filter { articlePostings.ownDays.contains($0) }, ids: start..<id)
    }

    /// Whether `day` holds postings of claims older than the article. (Probed when a claim of the
    /// article first reads that day, when none of its own claims are indexed under it yet: the
    /// first posting of the day answers.)
    private func holdsOlderPostings(_ day: Int) throws -> Bool {
        if let known = articlePostings.olderDays[day] { return known }
        let holds = try connection.cached("SELECT EXISTS (SELECT 1 FROM claim_terms WHERE day = ? AND +claim_id < ?)")
            .bind([day, articleStart] as [any SQLBindable]).map { $0.bool(0) }.first ?? false
        articlePostings.olderDays[day] = holds
        return holds
    }

    /// For each of `keys`, the ids of its newest postings on `days` within `ids` (at most
    /// `postingsPerKey`, newest first). For each day, one seek per key into the key (day, term,
    /// claim_id), all in one statement: the days around a claim are neighbours in the table, so
    /// the cost depends on the news of those days, not on the archive's size.
    func newestPostings(of keys: [String], days: [Int], ids: Range<Int>) throws -> [[Int]] {
        var postings = [[Int]](repeating: [], count: keys.count)
        guard !ids.isEmpty, !keys.isEmpty, !days.isEmpty else { return postings }
        let dayList = JSONValue.array(days.map { .int($0) }).jsonText
        let keyList = JSONValue.array(keys.map { .string($0) }).jsonText
        let bounded = ids.count > Self.postingsPerKey
        let statement: Statement
        if !bounded {
            // (No more than `postingsPerKey` claims in the range: all their postings are the newest.
            // CROSS JOIN keeps the planner on one seek per day and key, not a scan of each day.)
            statement = try connection.cached("""
                WITH days(day) AS (SELECT value FROM json_each(?1)), keys(position, term) AS (SELECT key, value FROM json_each(?2))
                SELECT keys.position, t.claim_id FROM days CROSS JOIN keys CROSS JOIN claim_terms t ON t.day = days.day AND t.term = keys.term
                WHERE t.claim_id < ?3 AND t.claim_id >= ?4
                """)
        } else {
            // For each day and key, only its newest `postingsPerKey` postings are read (the lowest
            // claim id among them is found first, by one index walk): reading all of them made a day
            // with thousands of claims — one very long article — quadratic. Per key, the newest of
            // these over the days are those of all postings.
            statement = try connection.cached("""
                WITH days(day) AS (SELECT value FROM json_each(?1)), keys(position, term) AS (SELECT key, value FROM json_each(?2)),
                     bounds(day, position, term, low) AS MATERIALIZED (
                         SELECT days.day, keys.position, keys.term,
                                (SELECT c.claim_id FROM claim_terms c WHERE c.day = days.day AND c.term = keys.term
                                 AND c.claim_id < ?3 AND c.claim_id >= ?4 ORDER BY c.claim_id DESC LIMIT 1 OFFSET ?5)
                         FROM days, keys)
                SELECT b.position, t.claim_id FROM bounds b JOIN claim_terms t ON t.day = b.day AND t.term = b.term
                WHERE t.claim_id < ?3 AND t.claim_id >= coalesce(b.low, ?4)
                """)
        }
        try statement.bind([dayList, keyList, ids.upperBound, ids.lowerBound] + (bounded ? [Self.postingsPerKey - 1] : []) as [any SQLBindable])
            .forEach { postings[$0.int(0)].append($0.int(1)) }
        for index in keys.indices where postings[index].count > 1 {
            postings[index].sort(by: >)
            if postings[index].count > Self.postingsPerKey { postings[index].removeLast(postings[index].count - Self.postingsPerKey) }
        }
        return postings
    }
}
