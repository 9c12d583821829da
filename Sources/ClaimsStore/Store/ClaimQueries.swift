/// Filters for `claims list`.
public struct ClaimFilter: Sendable {
    public var speaker: String?
    public var entity: String?
    public var stance: Stance?
    public var articleID: Int?
    public var outlet: String?
    /// Inclusive ISO dates, compared with the date the claim was made, else the article's date.
    public var since: String?
    public var until: String?
    /// At most this many (nil: all).
    public var limit: Int?
    public init() {}
}

/// Reads claims and entities.
public struct ClaimQueries {
    public let database: ClaimsDatabase
    var connection: Database { database.connection }

    public init(database: ClaimsDatabase) { self.database = database }

    public func claim(id: Int) throws -> StoredClaim? {
        try connection.queryOne(StoredClaim.selectSQL + " WHERE c.id = ?", [id], StoredClaim.init(row:))
    }

    /// The claims that the pointer denials among `claims` deny, by id.
    public func deniedClaims(of claims: [StoredClaim]) throws -> [Int: StoredClaim] {
        var denied: [Int: StoredClaim] = [:]
        for target in Set(claims.compactMap(\.targetClaimID)) { denied[target] = try claim(id: target) }
        return denied
    }

    public func claims(ids: [Int]) throws -> [StoredClaim] {
        try ids.compactMap { try claim(id: $0) }
    }

    /// Claims matching `filter`, oldest first.
    public func list(_ filter: ClaimFilter) throws -> [StoredClaim] {
        let (since, until) = try ArticleFilter.checkedRange(since: filter.since, until: filter.until)
        var clauses: [String] = []
        var values: [any SQLBindable] = []
        if let stance = filter.stance { clauses.append("c.stance = ?"); values.append(stance.rawValue) }
        if let article = filter.articleID { clauses.append("c.article_id = ?"); values.append(article) }
        if let since { clauses.append("coalesce(c.said_on, substr(a.published, 1, 10)) >= ?"); values.append(since) }
        if let until { clauses.append("coalesce(c.said_on, substr(a.published, 1, 10)) <= ?"); values.append(until) }
        if let outlet = filter.outlet {
            let outlets = try SearchEngine(database: database).matchingOutlets(outlet) ?? []
            clauses.append("a.outlet IN (" + (outlets.isEmpty ? "NULL" : Array(repeating: "?", count: outlets.count).joined(separator: ",")) + ")")
            values += outlets.map { $0 as any SQLBindable }
        }
        if let speaker = filter.speaker {
            let ids = try entityIDs(matching: speaker)
            // The speaker entity, or the phrase as written (normalised words must all appear).
            var alternatives = ["0"]
            if !ids.isEmpty {
                alternatives.append("c.speaker_entity_id IN (" + Array(repeating: "?", count: ids.count).joined(separator: ",") + ")")
                values += ids.map { $0 as any SQLBindable }
            }
            let words = speaker.split(separator: " ").map(String.init)
            alternatives.append("(" + words.map { _ in "c.speaker LIKE ? ESCAPE '\\'" }.joined(separator: " AND ") + ")")
            values += words.map { "%" + Self.escapeLike($0) + "%" as any SQLBindable }
            clauses.append("(" + alternatives.joined(separator: " OR ") + ")")
        }
        if let entity = filter.entity {
            let ids = try entityIDs(matching: entity)
            guard !ids.isEmpty else { throw ClaimsError.notFound("no entity named \"\(entity)\" (see `claims entities`)") }
            clauses.append("c.id IN (SELECT claim_id FROM claim_entities WHERE entity_id IN (" + Array(repeating: "?", count: ids.count).joined(separator: ",") + "))")
            values += ids.map { $0 as any SQLBindable }
        }
        let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        values.append(filter.limit.map { max(1, $0) } ?? -1)
        // Only placeholders are added to the SQL; every value is bound.
        return try connection.prepare(StoredClaim.selectSQL + whereClause + " ORDER BY coalesce(c.said_on, a.published), c.article_id, c.id LIMIT ?")
            .bind(values).map(StoredClaim.init(row:))
    }

    static let builtInMatcher = EntityMatcher(gazetteer: .builtIn)

    static func escapeLike(_ text: String) -> String {
        var out = ""
        for c in text { if c == "%" || c == "_" || c == "\\" { out.append("\\") }; out.append(c) }
        return out
    }

    /// Entities whose name or alias is `name` after normalisation (also via the built-in gazetteer).
    public func entityIDs(matching name: String) throws -> [Int] {
        var keys = [Gazetteer.nameKey(name)]
        // Whatever the recogniser reads the whole text as (an alias, a nisba, a form with clitics).
        let text = AnalyzedText(name, stemmer: CliticStemmer())
        if let match = Self.builtInMatcher.longestMatch(in: text, at: 0, end: text.tokens.count), match.range.count == text.tokens.count {
            keys.append(Gazetteer.nameKey(Self.builtInMatcher.gazetteer.entities[match.target.entityIndex].name))
        }
        var ids = Set<Int>()
        for key in keys {
            ids.formUnion(try connection.query("SELECT id FROM entities WHERE name_key = ?", [key]) { $0.int(0) })
            ids.formUnion(try connection.query("SELECT entity_id FROM entity_aliases WHERE alias_key = ?", [key]) { $0.int(0) })
        }
        return ids.sorted()
    }
}
