/// One search result.
public struct SearchHit: Equatable, Sendable {
    public let articleID: Int
    public let title: String
    public let outlet: String?
    public let published: String?
    public let snippet: String
    /// bm25 score (lower is better, as in FTS5).
    public let rank: Double

    public var json: JSONValue {
        .object([
            ("article_id", .int(articleID)), ("title", .string(title)), ("outlet", JSONValue(outlet)),
            ("published", JSONValue(published)), ("snippet", .string(snippet)),
            ("rank", .double(rank)),
        ])
    }
}

/// Filters shared by listing commands.
public struct ArticleFilter: Sendable {
    public var outlet: String?
    /// Inclusive ISO dates (`YYYY-MM-DD`).
    public var since: String?
    public var until: String?
    public var limit: Int = 20
    public init(outlet: String? = nil, since: String? = nil, until: String? = nil, limit: Int = 20) {
        self.outlet = outlet; self.since = since; self.until = until; self.limit = limit
    }

    /// Checks both dates and that `since` is not after `until` (which would match nothing).
    public static func checkedRange(since: String?, until: String?) throws -> (since: String?, until: String?) {
        let since = try checkedDate(since, option: "--since")
        let until = try checkedDate(until, option: "--until")
        if let since, let until, since > until {
            throw ClaimsError.invalidArgument("--since \(since) is after --until \(until): no date is in that range (swap them?)")
        }
        return (since, until)
    }

    /// Checks the dates and returns them in ISO form.
    public static func checkedDate(_ text: String?, option: String) throws -> String? {
        guard let text else { return nil }
        if let date = CalendarDate(iso: text), text.count == 10 { return date.iso }
        if let found = ArabicDates.firstDate(in: text) { return found.date.iso }
        throw ClaimsError.invalidArgument("\(option): not a date: \"\(text)\" (use YYYY-MM-DD)")
    }
}

/// Full-text search over articles: bm25 ranking (title weighted above body), snippets of the
/// original text, filters by outlet and date.
public struct SearchEngine {
    public let database: ClaimsDatabase
    let stemmer = CliticStemmer()

    public init(database: ClaimsDatabase) { self.database = database }

    public func search(_ text: String, filter: ArticleFilter = ArticleFilter()) throws -> [SearchHit] {
        let query = try SearchQuery(text, stemmer: stemmer)
        let (since, until) = try ArticleFilter.checkedRange(since: filter.since, until: filter.until)
        let outlets = try matchingOutlets(filter.outlet)
        if let outlets, outlets.isEmpty { return [] }
        // The best `limit` hits are ranked first, from the index (joined to `articles` only for the
        // filters given, which read no text); only those rows' text is then read for snippets.
        // Ranking every match with its body in the sorter made frequent words 2-3x slower.
        // Placeholders only (never values) are generated for the filters and the outlet list.
        var filters = ""
        var values: [any SQLBindable] = [query.ftsExpression]
        if let since { filters += " AND substr(a.published, 1, 10) >= ?"; values.append(since) }
        if let until { filters += " AND substr(a.published, 1, 10) <= ?"; values.append(until) }
        if let outlets {
            filters += " AND a.outlet IN (" + Array(repeating: "?", count: outlets.count).joined(separator: ",") + ")"
            values += outlets.map { $0 as any SQLBindable }
        }
        values.append(max(1, filter.limit))
        let ranked = filters.isEmpty
            ? "SELECT rowid AS id, bm25(articles_fts, 4.0, 1.0) AS rank FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
            : "SELECT articles_fts.rowid AS id, bm25(articles_fts, 4.0, 1.0) AS rank FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                + "WHERE articles_fts MATCH ?\(filters) ORDER BY rank LIMIT ?"
        let sql = """
            SELECT a.id, a.title, a.outlet, a.published, a.body, hits.rank
            FROM (\(ranked)) AS hits JOIN articles a ON a.id = hits.id
            ORDER BY hits.rank
            """
        let snippets = SnippetBuilder(stemmer: stemmer)
        do {
            return try database.connection.query(sql, values) { row in
                let body = row.string(4)
                let title = row.string(1)
                var snippet = snippets.snippet(of: body, for: query)
                if !snippet.contains(snippets.open) {
                    let titleSnippet = snippets.snippet(of: title, for: query)
                    if titleSnippet.contains(snippets.open) { snippet = titleSnippet }
                }
                return SearchHit(articleID: row.int(0), title: title, outlet: row.optionalString(2),
                                 published: row.optionalString(3), snippet: snippet, rank: row.double(5))
            }
        } catch let error as SQLiteError where error.code == 1 /* SQLITE_ERROR: fts5 syntax */ {
            throw ClaimsError.invalidQuery(error.message)
        }
    }

    /// Stored outlet names equal to `name` after normalisation (so `القدس العربي` matches `«القدس العربي»` spellings).
    func matchingOutlets(_ name: String?) throws -> [String]? {
        guard let name else { return nil }
        let wanted = ArabicNormalizer.normalize(name).trimmingCharacters(in: "«»\"")
        let all = try database.connection.query("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL") { $0.string(0) }
        return all.filter { ArabicNormalizer.normalize($0).trimmingCharacters(in: "«»\"") == wanted }
    }
}
