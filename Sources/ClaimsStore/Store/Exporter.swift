/// What `claims export` writes.
public enum ExportKind: String, CaseIterable, Sendable {
    case articles, claims, entities, conflicts, stories, disputes
}

public enum ExportFormat: String, CaseIterable, Sendable {
    case jsonl, csv
    /// schema.org ClaimReview JSON-LD, for conflicts.
    case claimreview
}

/// Streams the database out as JSON Lines or CSV, one row at a time (constant memory). Articles
/// exported as JSON Lines ingest back as they were: `claims export --what articles | claims --db other.db ingest -`.
public struct Exporter {
    public let database: ClaimsDatabase
    var connection: Database { database.connection }

    public init(database: ClaimsDatabase) { self.database = database }

    /// Writes `kind` in `format`, calling `write` with each chunk of text.
    public func export(_ kind: ExportKind, format: ExportFormat, since: String? = nil, write: (String) -> Void) throws {
        let since = try ArticleFilter.checkedDate(since, option: "--since")
        if format == .claimreview {
            guard kind == .conflicts else { throw ClaimsError.invalidArgument("--format claimreview goes with --what conflicts") }
            try claimReviews(since: since, write: write)
            return
        }
        switch kind {
        case .articles: try articles(format, since, write)
        case .claims: try claims(format, since, write)
        case .entities: try entities(format, write)
        case .conflicts: try conflicts(format, since, write)
        case .stories: try stories(format, since, write)
        case .disputes: try disputes(format, since, write)
        }
    }

    private func emit(_ record: JSONValue, _ columns: [String], _ format: ExportFormat, header: inout Bool, _ write: (String) -> Void) {
        switch format {
        case .csv:
            if !header { write(columns.map(RecordRenderer.csvField).joined(separator: ",") + "\r\n"); header = true }
            write(columns.map { RecordRenderer.csvField(record[$0]?.plainText ?? "") }.joined(separator: ",") + "\r\n")
        default:
            write(record.jsonText + "\n")
        }
    }

    private func articles(_ format: ExportFormat, _ since: String?, _ write: (String) -> Void) throws {
        let columns = ["id", "title", "body", "url", "outlet", "published", "source", "ingested_at", "title_derived", "author", "kind", "extra"]
        var header = false
        try connection.prepare("""
            SELECT id, title, body, url, outlet, published, source, ingested_at, extra, title_derived, author, kind FROM articles
            WHERE ? IS NULL OR substr(published, 1, 10) >= ? ORDER BY id
            """).bind([since, since] as [any SQLBindable]).forEach { row in
                let extra = row.optionalString(8).flatMap { try? JSONParser.parse($0) } ?? .null
                let record = JSONValue.object([
                    ("id", .int(row.int(0))), ("title", .string(row.string(1))), ("body", .string(row.string(2))), ("url", JSONValue(row.optionalString(3))),
                    ("outlet", JSONValue(row.optionalString(4))), ("published", JSONValue(row.optionalString(5))), ("source", .string(row.string(6))),
                    ("ingested_at", .string(row.string(7))), ("title_derived", .bool(row.bool(9))),
                    ("author", JSONValue(row.optionalString(10))), ("kind", .string(row.string(11))), ("extra", extra),
                ])
                emit(record, columns, format, header: &header, write)
            }
        if !header, format == .csv { write(columns.joined(separator: ",") + "\r\n") }
    }

    private func claims(_ format: ExportFormat, _ since: String?, _ write: (String) -> Void) throws {
        var header = false
        try connection.prepare(StoredClaim.selectSQL + " WHERE ? IS NULL OR coalesce(c.said_on, substr(a.published, 1, 10)) >= ? ORDER BY c.id")
            .bind([since, since] as [any SQLBindable]).forEach { row in
                let claim = StoredClaim(row: row)
                emit(format == .csv ? claim.row : claim.json, StoredClaim.csvColumns, format, header: &header, write)
            }
        if !header, format == .csv { write(StoredClaim.csvColumns.joined(separator: ",") + "\r\n") }
    }

    private func entities(_ format: ExportFormat, _ write: (String) -> Void) throws {
        var header = false
        for entity in try EntityQueries(database: database).list(top: Int.max) {
            emit(entity.json, StoredEntity.rowColumns, format, header: &header, write)
        }
        if !header, format == .csv { write(StoredEntity.rowColumns.joined(separator: ",") + "\r\n") }
    }

    private static let conflictColumns = ["id", "kind", "kinds", "score", "a_claim_id", "a_speaker", "a_date", "a_content", "b_claim_id", "b_speaker", "b_date", "b_content", "explanation"]

    private func conflicts(_ format: ExportFormat, _ since: String?, _ write: (String) -> Void) throws {
        var header = false
        for conflict in try ConflictQueries(database: database).conflicts(since: since) {
            let record: JSONValue
            if format == .csv {
                func date(_ claim: StoredClaim) -> JSONValue { JSONValue(claim.saidOn ?? claim.published.map { String($0.prefix(10)) }) }
                record = .object([
                    ("id", .int(conflict.id)), ("kind", .string(conflict.kind)), ("kinds", .string(conflict.kinds.joined(separator: ","))),
                    ("score", .double((conflict.score * 100).rounded() / 100)),
                    ("a_claim_id", .int(conflict.a.id)), ("a_speaker", .string(conflict.a.speaker)), ("a_date", date(conflict.a)), ("a_content", .string(conflict.a.content)),
                    ("b_claim_id", .int(conflict.b.id)), ("b_speaker", .string(conflict.b.speaker)), ("b_date", date(conflict.b)), ("b_content", .string(conflict.b.content)),
                    ("explanation", .string(conflict.explanation)),
                ])
            } else {
                record = conflict.json
            }
            emit(record, Self.conflictColumns, format, header: &header, write)
        }
        if !header, format == .csv { write(Self.conflictColumns.joined(separator: ",") + "\r\n") }
    }

    private func stories(_ format: ExportFormat, _ since: String?, _ write: (String) -> Void) throws {
        var header = false
        let queries = ConflictQueries(database: database)
        for story in try queries.stories(since: since) {
            var record = story.json
            if format != .csv, case .object(var fields) = record {
                let members = try connection.query("SELECT claim_id, role, source FROM story_claims WHERE story_id = ? ORDER BY claim_id", [story.id]) {
                    JSONValue.object([("claim_id", .int($0.int(0))), ("role", .string($0.string(1))), ("source", .string($0.string(2)))])
                }
                fields.append(("members", .array(members)))
                record = .object(fields)
            }
            emit(record, StoredStory.rowColumns, format, header: &header, write)
        }
        if !header, format == .csv { write(StoredStory.rowColumns.joined(separator: ",") + "\r\n") }
    }

    /// Disputes: JSON Lines with both sides and every member pair; CSV one row per dispute.
    private func disputes(_ format: ExportFormat, _ since: String?, _ write: (String) -> Void) throws {
        var header = false
        let queries = ConflictQueries(database: database)
        for dispute in try queries.disputes(since: since) {
            let record = format == .csv ? dispute.row : dispute.with(evidence: try queries.memberPairs(ofDispute: dispute.id)).json
            emit(record, StoredDispute.rowColumns, format, header: &header, write)
        }
        if !header, format == .csv { write(StoredDispute.rowColumns.joined(separator: ",") + "\r\n") }
    }

    /// Denied and contradicted claims as schema.org ClaimReview JSON-LD (a JSON array): the claim,
    /// its author and date, and the denial or contradiction as the review.
    private func claimReviews(since: String?, write: (String) -> Void) throws {
        write("[")
        var first = true
        for conflict in try ConflictQueries(database: database).conflicts(since: since) {
            let (claim, review) = (conflict.a, conflict.b)
            func agent(_ c: StoredClaim) -> JSONValue {
                .object([("@type", .string(c.speakerType == "person" ? "Person" : "Organization")), ("name", .string(c.speaker))])
            }
            func date(_ c: StoredClaim) -> JSONValue { JSONValue(c.saidOn ?? c.published.map { String($0.prefix(10)) }) }
            let verdict = conflict.kinds.contains("denial") ? "Denied by \(review.speaker)" : "Contradicted by \(review.speaker)"
            let document = JSONValue.object([
                ("@context", .string("https://schema.org")), ("@type", .string("ClaimReview")),
                ("datePublished", date(review)), ("claimReviewed", .string(claim.content)), ("inLanguage", .string("ar")),
                ("itemReviewed", .object([
                    ("@type", .string("Claim")), ("author", agent(claim)), ("datePublished", date(claim)),
                    ("appearance", .object([("@type", .string("NewsArticle")), ("headline", .string(claim.articleTitle)),
                                            ("publisher", JSONValue(claim.outlet))])),
                ])),
                ("author", agent(review)),
                ("reviewRating", .object([("@type", .string("Rating")), ("alternateName", .string(verdict)),
                                          ("ratingExplanation", .string(conflict.explanation))])),
                ("reviewBody", .string(review.content)),
                ("identifier", .string("claims-conflict-\(conflict.id)")),
            ])
            write((first ? "\n  " : ",\n  ") + document.jsonText)
            first = false
        }
        write(first ? "]\n" : "\n]\n")
    }
}
