import Foundation

/// Stores and reads articles. Every write runs inside the caller's transaction or its own.
public struct ArticleStore {
    public let database: ClaimsDatabase
    let stemmer: CliticStemmer
    var connection: Database { database.connection }

    public init(database: ClaimsDatabase, stemmer: CliticStemmer = CliticStemmer()) {
        self.database = database
        self.stemmer = stemmer
    }

    public enum InsertResult: Equatable, Sendable {
        case inserted(id: Int)
        case duplicate(existingID: Int)
    }

    /// The dedupe key: SHA-256 of the normalised body with white space collapsed.
    public static func contentHash(of body: String) -> String {
        let normalized = ArabicNormalizer.normalize(body)
        let collapsed = normalized.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return SHA256.hex(of: collapsed)
    }

    /// Inserts `article` unless an article with the same normalised body exists.
    /// One statement decides (`ON CONFLICT(content_hash) DO NOTHING`), so two processes storing the
    /// same article at once store it once, inside a transaction or not.
    /// The id of a stored article with the same normalised body, if any.
    public func existingID(of article: CleanArticle) throws -> Int? {
        try existingID(hash: Self.contentHash(of: article.body))
    }

    public func insert(_ article: CleanArticle, ingestedAt: String = ArticleStore.now()) throws -> InsertResult {
        let hash = Self.contentHash(of: article.body)
        if let existing = try existingID(hash: hash) { return .duplicate(existingID: existing) }
        try connection.cached("""
            INSERT INTO articles (source, url, outlet, title, title_derived, published, body, content_hash, extra, ingested_at, title_search, body_search)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(content_hash) DO NOTHING
            """).bind([
                article.source, article.url, article.outlet, article.title, !article.titleIsHeadline, article.published, article.body, hash,
                article.extraJSON, ingestedAt, stemmer.searchForm(of: article.title), stemmer.searchForm(of: article.body),
            ] as [any SQLBindable]).run()
        if connection.changes == 0, let existing = try existingID(hash: hash) { return .duplicate(existingID: existing) }
        return .inserted(id: Int(connection.lastInsertRowID))
    }

    private func existingID(hash: String) throws -> Int? {
        try connection.queryOne("SELECT id FROM articles WHERE content_hash = ?", [hash], { $0.int(0) })
    }

    public func article(id: Int) throws -> Article? {
        try connection.queryOne("SELECT \(Article.columns) FROM articles WHERE id = ?", [id], Article.init(row:))
    }

    public func count() throws -> Int {
        try connection.scalarInt("SELECT count(*) FROM articles")
    }

    /// Current UTC time as ISO 8601 (`2024-12-07T10:00:00Z`).
    public static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
