/// The claims whose stories the claims stored since the last story build can change, so that an
/// ingest regroups those stories only, not the whole archive (at 100,000 articles, regrouping all of
/// them took 45 s of CPU after every ingest, however few the new articles).
///
/// Stories (and the disputes between them) are made from links between claims: corroborations,
/// statements continued in the next sentence (within one article), and conflicts; the grouping of a
/// connected set of claims depends on that set only (`StoryCentres`). So a story can only change if
/// one of its claims is connected, through such links, to a new claim: the region is the
/// closure of the new claims under corroborations, conflicts, membership of one story as last built
/// (continuations between earlier claims lie within their story) and, for the new claims, adjacency
/// in their article (which contains their continuations), found breadth first. It holds whole
/// groups of the old and of the new stories alike, so regrouping it gives what a whole rebuild gives.
///
/// That holds while the claims of the last build and the links between them are unchanged: new
/// claims only add links to themselves. Removing claims (re-extraction) or recomputing the links
/// (`conflicts --rebuild`) makes the next build a whole one.
struct StoryRegion {
    /// The temporary table holding the region's claim ids while its stories are regrouped.
    static let table = "story_region"
    /// The claims in the region.
    let claims: Int
    /// The largest claim id of the last build: the claims after it are the new ones.
    let builtThrough: Int
    /// The claims stored, new ones included.
    let storedClaims: Int
    private let connection: Database

    /// Claim ids bound per look-up of neighbours (a JSON array).
    private static let batchSize = 5_000

    /// The largest claim id of the last build, when every claim the last build grouped is still
    /// there (else nil: the next build must be a whole one), and the claims stored now.
    static func lastBuild(_ connection: Database) throws -> (builtThrough: Int, storedClaims: Int)? {
        let values = try connection.query("""
            SELECT key, CAST(value AS INTEGER) FROM settings WHERE key IN ('stories_built_through', 'stories_built_claims')
            """) { ($0.string(0), $0.int(1)) }
        let setting = Dictionary(values, uniquingKeysWith: { a, _ in a })
        guard let through = setting["stories_built_through"], let count = setting["stories_built_claims"] else { return nil }
        // (count(*) reads the smallest index; the claims after the mark are a short range of ids.)
        let stored = try connection.scalarInt("SELECT count(*) FROM claims")
        let added = try connection.scalarInt("SELECT count(*) FROM claims WHERE id > ?", [through])
        return stored - added == count ? (through, stored) : nil
    }

    /// Records what this build grouped: every claim up to the largest id, `storedClaims` of them.
    static func recordBuild(storedClaims: Int, _ connection: Database) throws {
        let through = try connection.scalarInt("SELECT coalesce(max(id), 0) FROM claims")
        for (key, value) in [("stories_built_through", through), ("stories_built_claims", storedClaims)] {
            try connection.run("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               key, String(value))
        }
    }

    /// The links between earlier claims changed: the next build regroups everything.
    static func forgetBuild(_ connection: Database) throws {
        try connection.run("DELETE FROM settings WHERE key IN ('stories_built_through', 'stories_built_claims')")
    }

    /// The region around the claims of id above `through`, written to `temp.story_region`.
    ///
    /// From every claim reached: its conflicts and corroborations, and the other claims of its
    /// story as last built (which hold the continuations between earlier claims); from a new claim,
    /// also the claims next to it in its article (its continuations are among them).
    static func around(claimsAfter through: Int, storedClaims: Int, _ connection: Database) throws -> StoryRegion {
        var frontier = try connection.query("SELECT id FROM claims WHERE id > ? ORDER BY id", [through]) { $0.int(0) }
        var region = Set(frontier)
        let links = try connection.cached("""
            WITH f(id) AS (SELECT value FROM json_each(?))
            SELECT claim_b_id FROM conflicts WHERE claim_a_id IN (SELECT id FROM f)
            UNION ALL SELECT claim_a_id FROM conflicts WHERE claim_b_id IN (SELECT id FROM f)
            UNION ALL SELECT claim_b_id FROM corroborations WHERE claim_a_id IN (SELECT id FROM f)
            UNION ALL SELECT claim_a_id FROM corroborations WHERE claim_b_id IN (SELECT id FROM f)
            UNION ALL SELECT y.id FROM claims x JOIN claims y ON y.article_id = x.article_id AND y.part = x.part
                                                              AND abs(y.sentence - x.sentence) <= 1 AND \(nextSentences("y", "x"))
                      WHERE x.id IN (SELECT id FROM f) AND x.id > ?
            """)
        let storiesOf = try connection.cached("SELECT DISTINCT story_id FROM story_claims WHERE claim_id IN (SELECT value FROM json_each(?))")
        let members = try connection.cached("SELECT claim_id FROM story_claims WHERE story_id = ?")
        // (A story's members are read once, however many of them are reached.)
        var storiesRead = Set<Int>()
        while !frontier.isEmpty {
            var next: [Int] = []
            func reach(_ id: Int) { if region.insert(id).inserted { next.append(id) } }
            for start in stride(from: 0, to: frontier.count, by: batchSize) {
                let batch = JSONValue.array(frontier[start..<min(start + batchSize, frontier.count)].map { .int($0) }).jsonText
                try links.bind([batch, through] as [any SQLBindable]).forEach { reach($0.int(0)) }
                var stories: [Int] = []
                try storiesOf.bind([batch] as [any SQLBindable]).forEach { if storiesRead.insert($0.int(0)).inserted { stories.append($0.int(0)) } }
                for story in stories { try members.bind([story] as [any SQLBindable]).forEach { reach($0.int(0)) } }
            }
            frontier = next
        }
        try connection.execute("CREATE TEMP TABLE IF NOT EXISTS \(table) (claim_id INTEGER PRIMARY KEY); DELETE FROM temp.\(table);")
        let insert = try connection.cached("INSERT INTO temp.\(table) (claim_id) VALUES (?)")
        for id in region.sorted() { try insert.bind([id] as [any SQLBindable]).run() }
        return StoryRegion(claims: region.count, builtThrough: through, storedClaims: storedClaims, connection: connection)
    }

    /// SQL bounding the ids of claims `y` to those of `x`'s article stored between its last claim
    /// before the sentence preceding `x`'s and its first claim after the sentence following it. An
    /// article's claims are stored in sentence order, so this holds every claim of the next
    /// sentences, and an index range replaces a scan of the whole article's claims per claim
    /// (quadratic in a long article). (Constant SQL: column names of the caller's query.)
    static func nextSentences(_ y: String, _ x: String) -> String {
        """
        \(y).id > coalesce((SELECT e.id FROM claims e WHERE e.article_id = \(x).article_id AND e.id < \(x).id
                             AND (e.part != \(x).part OR e.sentence < \(x).sentence - 1) ORDER BY e.id DESC LIMIT 1), 0)
        AND \(y).id < coalesce((SELECT e.id FROM claims e WHERE e.article_id = \(x).article_id AND e.id > \(x).id
                                 AND (e.part != \(x).part OR e.sentence > \(x).sentence + 1) ORDER BY e.id LIMIT 1), 9223372036854775807)
        """
    }

    /// Empties the temporary table.
    func drop() throws {
        try connection.execute("DELETE FROM temp.\(Self.table);")
    }
}
