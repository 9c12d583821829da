import Foundation

/// What `claims stats` reports: row counts per table, articles per outlet, date range, size.
public struct DatabaseStats: Sendable {
    public var tables: [(name: String, rows: Int)] = []
    public var outlets: [(outlet: String, articles: Int)] = []
    public var earliest: String?
    public var latest: String?
    public var fileBytes: Int = 0
    public var schemaVersion = 0

    public init(database: ClaimsDatabase) throws {
        let db = database.connection
        // One read transaction: every count comes from the same snapshot while others write.
        let ownTransaction = !db.isInTransaction
        if ownTransaction { try db.execute("BEGIN") }
        defer { if ownTransaction { try? db.execute("COMMIT") } }
        let names = try db.query("""
            SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
              AND name NOT LIKE '%_fts_%' ORDER BY name
            """) { $0.string(0) }
        for name in names {
            // Table names come from sqlite_schema, not from the user; quoted as identifiers.
            let count = try db.scalarInt("SELECT count(*) FROM \"\(name.replacingOccurrences(of: "\"", with: "\"\""))\"")
            tables.append((name, count))
        }
        outlets = try db.query("""
            SELECT coalesce(outlet, '(unknown)'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1
            """) { ($0.string(0), $0.int(1)) }
        earliest = try db.queryOne("SELECT min(published) FROM articles") { $0.optionalString(0) } ?? nil
        latest = try db.queryOne("SELECT max(published) FROM articles") { $0.optionalString(0) } ?? nil
        let pages = try db.scalarInt("PRAGMA page_count")
        let pageSize = try db.scalarInt("PRAGMA page_size")
        fileBytes = pages * pageSize
        schemaVersion = database.schemaVersion
    }

    public var json: JSONValue {
        .object([
            ("tables", .object(tables.map { ($0.name, .int($0.rows)) })),
            ("outlets", .object(outlets.map { ($0.outlet, .int($0.articles)) })),
            ("published_from", JSONValue(earliest)), ("published_to", JSONValue(latest)),
            ("database_bytes", .int(fileBytes)), ("schema_version", .int(schemaVersion)),
        ])
    }
}
