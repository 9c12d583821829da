/// A stored article.
public struct Article: Equatable, Sendable {
    public let id: Int
    public let source: String
    public let url: String?
    public let outlet: String?
    public let title: String
    public let published: String?
    public let body: String
    public let contentHash: String
    public let extraJSON: String?
    public let ingestedAt: String
    /// True when the title was cut from the first sentence (the input had no headline).
    public let titleDerived: Bool
    public let author: String?
    public let kind: ArticleKind

    /// The JSON object documented in the README (`id, source, url, outlet, title, published, ingested_at`).
    public var json: JSONValue {
        .object([
            ("id", .int(id)), ("source", .string(source)), ("url", JSONValue(url)), ("outlet", JSONValue(outlet)),
            ("title", .string(title)), ("published", JSONValue(published)), ("ingested_at", .string(ingestedAt)),
            ("author", JSONValue(author)), ("kind", .string(kind.rawValue)),
        ])
    }

    static let columns = "id, source, url, outlet, title, published, body, content_hash, extra, ingested_at, title_derived, author, kind"

    init(row: Row) {
        id = row.int(0); source = row.string(1); url = row.optionalString(2); outlet = row.optionalString(3)
        title = row.string(4); published = row.optionalString(5); body = row.string(6); contentHash = row.string(7)
        extraJSON = row.optionalString(8); ingestedAt = row.string(9); titleDerived = row.bool(10)
        author = row.optionalString(11); kind = ArticleKind(rawValue: row.string(12)) ?? .article
    }
}
