/// A stored conflict with both sides.
public struct StoredConflict: Sendable {
    public let id: Int
    public let kind: String
    public let kinds: [String]
    public let score: Double
    public let explanation: String
    public let a: StoredClaim
    public let b: StoredClaim

    /// Conflict JSON: `id, kind, kinds, score, explanation, a {claim}, b {claim}`.
    public var json: JSONValue {
        .object([("id", .int(id)), ("kind", .string(kind)), ("kinds", .array(kinds.map { .string($0) })),
                 ("score", .double((score * 100).rounded() / 100)), ("explanation", .string(explanation)), ("a", a.json), ("b", b.json)])
    }
}

/// A story: claims stating the same thing as its centre.
public struct StoredStory: Sendable {
    public let id: Int
    public let label: String
    /// The claim every member states the same thing as.
    public let centreClaimID: Int
    public let claims: Int
    public let sources: Int
    public let independentSources: Int
    public let disputed: Int
    public let firstDate: String?
    public let lastDate: String?

    public var json: JSONValue {
        .object([("id", .int(id)), ("label", .string(label)), ("claims", .int(claims)), ("sources", .int(sources)),
                 ("independent_sources", .int(independentSources)), ("disputed", .int(disputed)),
                 ("first_date", JSONValue(firstDate)), ("last_date", JSONValue(lastDate)), ("centre_claim_id", .int(centreClaimID))])
    }
    public static let rowColumns = ["id", "label", "claims", "sources", "independent_sources", "disputed", "first_date", "last_date", "centre_claim_id"]

    static let selectSQL = "SELECT s.id, s.label, s.claims, s.sources, s.independent_sources, s.disputed, s.first_date, s.last_date, s.centre_claim_id FROM stories s"

    init(_ row: Row) {
        self.init(id: row.int(0), label: row.string(1), centreClaimID: row.int(8), claims: row.int(2), sources: row.int(3),
                  independentSources: row.int(4), disputed: row.int(5), firstDate: row.optionalString(6), lastDate: row.optionalString(7))
    }

    init(id: Int, label: String, centreClaimID: Int, claims: Int, sources: Int, independentSources: Int, disputed: Int,
         firstDate: String?, lastDate: String?) {
        (self.id, self.label, self.centreClaimID, self.claims, self.sources) = (id, label, centreClaimID, claims, sources)
        (self.independentSources, self.disputed, self.firstDate, self.lastDate) = (independentSources, disputed, firstDate, lastDate)
    }
}

/// Reads conflicts and stories; checks a statement against the archive.
public struct ConflictQueries {
    public let database: ClaimsDatabase
    var connection: Database { database.connection }

    public init(database: ClaimsDatabase) { self.database = database }

    /// The ids of the entities named `entity`, as SQL placeholders and their values (an error when none).
    func entityFilter(_ entity: String) throws -> (placeholders: String, values: [any SQLBindable]) {
        let ids = try ClaimQueries(database: database).entityIDs(matching: entity)
        guard !ids.isEmpty else { throw ClaimsError.notFound("no entity named \"\(entity)\" (see `claims entities`)") }
        return (Array(repeating: "?", count: ids.count).joined(separator: ","), ids.map { $0 as any SQLBindable })
    }

    /// `--kind`: a kind among the comma-separated `kinds` of `table`.
    static func kindClause(_ kind: Comparison.ConflictKind, table: String) -> (clause: String, value: any SQLBindable) {
        ("(',' || \(table).kinds || ',') LIKE ?", "%," + kind.rawValue + ",%")
    }

    public func conflicts(kind: Comparison.ConflictKind? = nil, entity: String? = nil, since: String? = nil, limit: Int? = nil) throws -> [StoredConflict] {
        let since = try ArticleFilter.checkedDate(since, option: "--since")
        var clauses: [String] = []
        var values: [any SQLBindable] = []
        if let kind { let filter = Self.kindClause(kind, table: "x"); clauses.append(filter.clause); values.append(filter.value) }
        if let since {
            clauses.append("""
                max(coalesce((SELECT coalesce(c.said_on, substr(a.published, 1, 10)) FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = x.claim_a_id), ''),
                    coalesce((SELECT coalesce(c.said_on, substr(a.published, 1, 10)) FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = x.claim_b_id), '')) >= ?
                """)
            values.append(since)
        }
        if let entity {
            let (list, ids) = try entityFilter(entity)
            clauses.append("(x.claim_a_id IN (SELECT claim_id FROM claim_entities WHERE entity_id IN (\(list))) OR x.claim_b_id IN (SELECT claim_id FROM claim_entities WHERE entity_id IN (\(list))))")
            values += ids + ids
        }
        values.append(limit.map { max(1, $0) } ?? -1)
        let ids = try connection.prepare("SELECT x.id FROM conflicts x" + (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND "))
                                         + " ORDER BY x.score DESC, x.id LIMIT ?").bind(values).map { $0.int(0) }
        return try ids.compactMap { try conflict(id: $0) }
    }

    public func conflict(id: Int) throws -> StoredConflict? {
        guard let row = try connection.queryOne("SELECT id, kind, kinds, score, explanation, claim_a_id, claim_b_id FROM conflicts WHERE id = ?", [id], {
            ($0.int(0), $0.string(1), $0.string(2), $0.double(3), $0.string(4), $0.int(5), $0.int(6))
        }) else { return nil }
        let claims = ClaimQueries(database: database)
        guard let a = try claims.claim(id: row.5), let b = try claims.claim(id: row.6) else { return nil }
        return StoredConflict(id: row.0, kind: row.1, kinds: row.2.split(separator: ",").map(String.init), score: row.3, explanation: row.4, a: a, b: b)
    }

    public func stories(entity: String? = nil, since: String? = nil, limit: Int? = nil) throws -> [StoredStory] {
        // (Stored stories only: a reader never regroups them; an interrupted ingest's new claims
        // are grouped by the next writer.)
        let since = try ArticleFilter.checkedDate(since, option: "--since")
        var clauses: [String] = []
        var values: [any SQLBindable] = []
        if let since { clauses.append("coalesce(s.last_date, '9999') >= ?"); values.append(since) }
        if let entity {
            let (list, ids) = try entityFilter(entity)
            clauses.append("s.id IN (SELECT sc.story_id FROM story_claims sc JOIN claim_entities ce ON ce.claim_id = sc.claim_id WHERE ce.entity_id IN (\(list)))")
            values += ids
        }
        values.append(limit.map { max(1, $0) } ?? -1)
        return try connection.prepare(StoredStory.selectSQL + (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND "))
                                      + " ORDER BY s.independent_sources DESC, s.claims DESC, s.id LIMIT ?")
            .bind(values).map(StoredStory.init)
    }

    public func story(id: Int) throws -> StoredStory? {
        try connection.queryOne(StoredStory.selectSQL + " WHERE s.id = ?", [id], StoredStory.init)
    }

    /// A story's claims in order, with their roles, and the conflicts touching them.
    public func storyTimeline(id: Int) throws -> (story: StoredStory, claims: [(role: String, source: String, claim: StoredClaim)], conflicts: [StoredConflict])? {
        guard let story = try story(id: id) else { return nil }
        let members = try connection.query("SELECT claim_id, role, source FROM story_claims WHERE story_id = ?", [id]) { ($0.int(0), $0.string(1), $0.string(2)) }
        let queries = ClaimQueries(database: database)
        var claims: [(role: String, source: String, claim: StoredClaim)] = []
        for (claimID, role, source) in members {
            if let claim = try queries.claim(id: claimID) { claims.append((role, source, claim)) }
        }
        claims.sort { (($0.claim.saidOn ?? $0.claim.published.map { String($0.prefix(10)) } ?? "9999"), $0.claim.id)
                    < (($1.claim.saidOn ?? $1.claim.published.map { String($0.prefix(10)) } ?? "9999"), $1.claim.id) }
        let conflicts = try connection.query("""
            SELECT id FROM conflicts WHERE claim_a_id IN (SELECT claim_id FROM story_claims WHERE story_id = ?1)
                                        OR claim_b_id IN (SELECT claim_id FROM story_claims WHERE story_id = ?1)
            ORDER BY score DESC, id
            """, [id]) { $0.int(0) }.compactMap { try conflict(id: $0) }
        return (story, claims, conflicts)
    }

    /// `claims check`: stored claims related to a statement, best first, each labelled
    /// supports / contradicts / denies / related. Candidates come by retrieval (`ClaimRetrieval`:
    /// BM25 over the claims' text and shared entities, `candidates` at most) and from the conflict
    /// index; each is judged by the pair decision `compare` uses. `limit` nil: every match.
    public func check(_ statement: String, limit: Int? = 10, candidates: Int = 50, windowDays: Int? = nil) throws
        -> [(label: String, comparison: Comparison, claim: StoredClaim)] {
        let detector = try ConflictDetector(database: database, windowDays: try windowDays ?? ConflictSettings.windowDays(database))
        let reader = StatementReader(gazetteer: try ExtractionStore(database: database).gazetteer(), context: detector.context)
        var typed = reader.read(statement)
        typed.date = nil   // a typed statement has no date: compare with every date
        let probe = ConflictDetector.Record(id: Int.max, articleID: -1, speakerKey: "", stance: typed.stance, isCall: false, target: nil,
                                            isPointer: false, proposition: typed)
        var ids = try ClaimRetrieval(connection: connection, stemmer: detector.context.stemmer)
            .candidates(for: statement, entities: typed.entities, limit: candidates)
        for id in try detector.candidates(for: probe) where !ids.contains(id) { ids.append(id) }
        let comparer = StatementComparer(decision: PairDecision(reader: reader, comparer: detector.comparer))
        let roots = RootAnalyzer(stemmer: detector.context.stemmer)
        let typedAnalysis = StatementAnalysis(statement, proposition: typed, roots: roots)
        var results: [(label: String, comparison: Comparison, claim: StoredClaim)] = []
        let queries = ClaimQueries(database: database)
        for id in ids {
            // Appeals (`حثت … على مغادرة`) state no fact to support or contradict.
            guard let record = try detector.load(id), !record.isPointer, !record.isCall, let claim = try queries.claim(id: id) else { continue }
            // A typed statement is a hypothesis about its actor: a denial by that actor answers it.
            let result = comparer.compare(StatementAnalysis(claim.content, proposition: record.proposition, roots: roots), typedAnalysis,
                                          asCheck: true)
            let label: String
            switch result.relation {
            case .agree: label = "supports"
            case .contradict:
                label = record.stance == .denies && typed.stance != .denies && !result.kinds.contains(.contradiction) ? "denies" : "contradicts"
            case .related: label = "related"
            case .unrelated: continue
            }
            let comparison = Comparison(relation: result.relation, kinds: result.kinds, score: result.score, explanation: result.explanation)
            results.append((label, comparison, claim))
        }
        let order = ["contradicts": 0, "denies": 0, "supports": 1, "related": 2]
        results.sort { (order[$0.label]!, -$0.comparison.score, $0.claim.id) < (order[$1.label]!, -$1.comparison.score, $1.claim.id) }
        return limit.map { Array(results.prefix(max(0, $0))) } ?? results
    }
}
