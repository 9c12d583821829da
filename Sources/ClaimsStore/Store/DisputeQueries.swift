/// A stored dispute: two stories in conflict, with the member pairs that show it.
public struct StoredDispute: Sendable {
    /// One side: the story and its centre (the claim its members state the same thing as).
    public struct Side: Sendable {
        public let story: StoredStory
        public let centre: StoredClaim

        public var json: JSONValue {
            guard case .object(var fields) = story.json else { return story.json }
            fields.append(("centre", centre.json))
            return .object(fields)
        }
    }

    public let id: Int
    public let kind: String
    public let kinds: [String]
    /// How many conflicting member pairs the two stories have.
    public let pairs: Int
    public let score: Double
    /// The reporting side of the strongest pair, and the denying side.
    public let a: Side
    public let b: Side
    /// The strongest member pairs, strongest first (at most `evidenceShown`).
    public let evidence: [StoredConflict]

    /// The same dispute with other evidence (e.g. all its member pairs).
    public func with(evidence pairs: [StoredConflict]) -> StoredDispute {
        StoredDispute(id: id, kind: kind, kinds: kinds, pairs: self.pairs, score: score, a: a, b: b, evidence: pairs)
    }

    /// Member pairs read per dispute for its evidence.
    public static let evidenceShown = 3

    /// Dispute JSON: `id, kind, kinds, pairs, score, a {story, centre {claim}}, b {…}, evidence [{conflict}]`.
    public var json: JSONValue {
        .object([("id", .int(id)), ("kind", .string(kind)), ("kinds", .array(kinds.map { .string($0) })), ("pairs", .int(pairs)),
                 ("score", .double((score * 100).rounded() / 100)), ("a", a.json), ("b", b.json), ("evidence", .array(evidence.map(\.json)))])
    }

    /// A flat record for CSV: both centres and the strongest pair.
    public var row: JSONValue {
        func side(_ prefix: String, _ side: Side) -> [(String, JSONValue)] {
            [(prefix + "story_id", .int(side.story.id)), (prefix + "claims", .int(side.story.claims)),
             (prefix + "independent_sources", .int(side.story.independentSources)), (prefix + "centre_claim_id", .int(side.centre.id)),
             (prefix + "speaker", .string(side.centre.speaker)), (prefix + "date", JSONValue(side.centre.saidOn ?? side.centre.published.map { String($0.prefix(10)) })),
             (prefix + "centre", .string(side.centre.content))]
        }
        let strongest = evidence.first
        return .object([("id", .int(id)), ("kind", .string(kind)), ("kinds", .string(kinds.joined(separator: ","))), ("pairs", .int(pairs)),
                        ("score", .double((score * 100).rounded() / 100))] + side("a_", a) + side("b_", b)
                       + [("strongest_conflict_id", JSONValue(strongest?.id)), ("explanation", .string(strongest?.explanation ?? ""))])
    }

    public static let rowColumns = ["id", "kind", "kinds", "pairs", "score",
                                    "a_story_id", "a_claims", "a_independent_sources", "a_centre_claim_id", "a_speaker", "a_date", "a_centre",
                                    "b_story_id", "b_claims", "b_independent_sources", "b_centre_claim_id", "b_speaker", "b_date", "b_centre",
                                    "strongest_conflict_id", "explanation"]
}

extension ConflictQueries {
    /// Disputes, strongest first (then those with more member pairs). Filters as for conflicts: a
    /// kind among the dispute's reasons, an entity in either story, a story with a claim on or after
    /// `since`.
    public func disputes(kind: Comparison.ConflictKind? = nil, entity: String? = nil, since: String? = nil, limit: Int? = nil) throws -> [StoredDispute] {
        let since = try ArticleFilter.checkedDate(since, option: "--since")
        var clauses: [String] = []
        var values: [any SQLBindable] = []
        if let kind { let filter = Self.kindClause(kind, table: "d"); clauses.append(filter.clause); values.append(filter.value) }
        if let since {
            clauses.append("(SELECT max(coalesce(s.last_date, '9999')) FROM stories s WHERE s.id IN (d.story_a_id, d.story_b_id)) >= ?")
            values.append(since)
        }
        if let entity {
            let (list, ids) = try entityFilter(entity)
            clauses.append("""
                EXISTS (SELECT 1 FROM story_claims sc JOIN claim_entities ce ON ce.claim_id = sc.claim_id
                        WHERE sc.story_id IN (d.story_a_id, d.story_b_id) AND ce.entity_id IN (\(list)))
                """)
            values += ids
        }
        values.append(limit.map { max(1, $0) } ?? -1)
        let ids = try connection.prepare("SELECT d.id FROM disputes d" + (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND "))
                                         + " ORDER BY d.score DESC, d.pairs DESC, d.id LIMIT ?").bind(values).map { $0.int(0) }
        return try ids.compactMap { try dispute(id: $0) }
    }

    /// One dispute with its sides and its strongest member pairs (`evidence` of them).
    public func dispute(id: Int, evidence: Int = StoredDispute.evidenceShown) throws -> StoredDispute? {
        guard let row = try connection.queryOne("SELECT id, story_a_id, story_b_id, kind, kinds, pairs, score FROM disputes WHERE id = ?", [id], {
            (id: $0.int(0), a: $0.int(1), b: $0.int(2), kind: $0.string(3), kinds: $0.string(4), pairs: $0.int(5), score: $0.double(6))
        }) else { return nil }
        let claims = ClaimQueries(database: database)
        func side(_ storyID: Int) throws -> StoredDispute.Side? {
            guard let story = try story(id: storyID), let centre = try claims.claim(id: story.centreClaimID) else { return nil }
            return StoredDispute.Side(story: story, centre: centre)
        }
        guard let a = try side(row.a), let b = try side(row.b) else { return nil }
        return StoredDispute(id: row.id, kind: row.kind, kinds: row.kinds.split(separator: ",").map(String.init), pairs: row.pairs, score: row.score,
                             a: a, b: b, evidence: try memberPairs(ofDispute: row.id, limit: evidence))
    }

    /// The conflicts between the members of a dispute's two stories, strongest first (`limit` nil: all).
    public func memberPairs(ofDispute id: Int, limit: Int? = nil) throws -> [StoredConflict] {
        let ids = try connection.query("""
            SELECT conflict_id FROM dispute_pairs_view WHERE dispute_id = ? ORDER BY score DESC, conflict_id LIMIT ?
            """, [id, limit ?? -1]) { $0.int(0) }
        return try ids.compactMap { try conflict(id: $0) }
    }

    /// The disputes a story is a side of, strongest first.
    public func disputes(ofStory id: Int) throws -> [StoredDispute] {
        try connection.query("SELECT id FROM disputes WHERE story_a_id = ?1 OR story_b_id = ?1 ORDER BY score DESC, pairs DESC, id", [id]) { $0.int(0) }
            .compactMap { try dispute(id: $0) }
    }
}
