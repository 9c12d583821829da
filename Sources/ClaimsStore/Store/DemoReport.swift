/// `claims demo`: ingests the sample corpus the binary carries and describes what was found.
public enum DemoReport {
    /// The bundled articles as drafts (source `sample:NAME`).
    public static var sampleDrafts: [ArticleDraft] {
        EmbeddedResources.sampleArticles.map { ArticleDraft(source: "sample:" + $0.name, body: $0.text) }
    }

    /// Where `claims demo` writes unless `--db` names a file.
    public static let defaultDatabase = "demo.db"

    /// Refuses a database that holds articles other than the samples (the user's archive), so that
    /// the demo never adds its articles and conflicts to it by mistake. The samples are known by
    /// their content hash, however they were ingested (by `demo` or from `Examples/articles`).
    public static func checkIsDemoDatabase(_ database: ClaimsDatabase) throws {
        let cleaner = ArticleCleaner()
        let samples = sampleDrafts.compactMap { try? ArticleStore.contentHash(of: cleaner.clean($0).body) }
        let others = try database.connection.scalarInt(
            "SELECT count(*) FROM articles WHERE content_hash NOT IN (" + samples.map { _ in "?" }.joined(separator: ",") + ")",
            samples.map { $0 as any SQLBindable })
        guard others == 0 else {
            throw ClaimsError.invalidArgument("\(database.path) holds \(others) article\(others == 1 ? "" : "s") that are not the demo's: "
                + "run the demo on its own database (`claims demo` writes ./\(defaultDatabase)), or add --force to add the sample articles to it")
        }
    }

    /// Example searches the report runs, one per normalisation case.
    static let searches = ["سفارة", "ايران", "فعالة", "\"دير الزور\"", "حمص AND انسحبت"]

    public static func run(database: ClaimsDatabase) throws -> String {
        let report = try Ingester(database: database).ingest(drafts: sampleDrafts)
        var text = "claims demo — \(database.path)\n"
        text += report.summary + "\n\n"
        text += "Articles:\n"
        let articles = try database.connection.query(
            "SELECT id, coalesce(outlet, '-'), coalesce(published, '-'), title FROM articles ORDER BY id") {
                ($0.int(0), $0.string(1), $0.string(2), $0.string(3))
        }
        for (id, outlet, published, title) in articles {
            // Arabic cells isolated (padded outside the isolate), so a bidi terminal keeps the columns.
            let shortOutlet = DisplayWidth.truncate(outlet, to: 16)
            text += "  #\(id)  \(DisplayWidth.pad(published, to: 16))  \(BidiIsolation.isolate(shortOutlet))"
                + String(repeating: " ", count: 16 - DisplayWidth.of(shortOutlet))
                + "  \(BidiIsolation.isolate(DisplayWidth.truncate(title, to: 70)))\n"
        }
        text += "\nClaims per article:\n"
        let perArticle = try database.connection.query("""
            SELECT a.id, count(c.id), sum(c.stance = 'denies'), sum(c.stance = 'unconfirmed'), sum(c.anonymous)
            FROM articles a LEFT JOIN claims c ON c.article_id = a.id GROUP BY a.id ORDER BY a.id
            """) { ($0.int(0), $0.int(1), $0.int(2), $0.int(3), $0.int(4)) }
        for (id, total, denials, unconfirmed, anonymous) in perArticle {
            text += "  #\(id)  \(total) claims (\(denials) denials, \(unconfirmed) unconfirmed, \(anonymous) from unnamed sources)\n"
        }
        var denialFilter = ClaimFilter()
        denialFilter.stance = .denies
        let denials = try ClaimQueries(database: database).list(denialFilter)
        let denied = try ClaimQueries(database: database).deniedClaims(of: denials)
        text += "\nDenials found (\(denials.count)):\n"
        for claim in denials {
            // A pointer denial (`نفت ذلك`) shows what it denies.
            let content = DisplayWidth.truncate(claim.contentShowingDenied(claim.targetClaimID.flatMap { denied[$0] }), to: 100)
            text += "  [\(claim.id)] \(BidiIsolation.isolate(claim.speaker)) (\(BidiIsolation.isolate(claim.cue))\(claim.saidOn.map { ", " + $0 } ?? "")): \(BidiIsolation.isolate(content))\n"
        }
        let conflicts = try ConflictQueries(database: database).conflicts()
        text += "\nConflicts found (\(conflicts.count)):\n"
        for conflict in conflicts {
            text += "  \(conflict.kinds.joined(separator: " + ")): [\(conflict.a.id)] \(BidiIsolation.isolate(conflict.a.speaker)): \(BidiIsolation.isolate(DisplayWidth.truncate(conflict.a.content, to: 60)))\n"
            text += "      ⟷ [\(conflict.b.id)] \(BidiIsolation.isolate(conflict.b.speaker)): \(BidiIsolation.isolate(DisplayWidth.truncate(conflict.b.content, to: 60)))\n"
        }
        let stories = try ConflictQueries(database: database).stories()
        text += "\nStories (\(stories.count); claims stating the same thing):\n"
        for story in stories.prefix(6) {
            text += "  #\(story.id)  \(story.claims) claims, \(story.independentSources) independent source\(story.independentSources == 1 ? "" : "s")\(story.disputed > 0 ? ", disputed" : ""): \(BidiIsolation.isolate(DisplayWidth.truncate(story.label, to: 70)))\n"
        }
        text += "\nSearches (normalised and clitic-aware):\n"
        let engine = SearchEngine(database: database)
        for query in searches {
            let hits = try engine.search(query, filter: ArticleFilter(limit: 3))
            text += "  claims search '\(query)' → \(hits.count == 3 ? "3+" : String(hits.count)) article(s)\n"
            if let first = hits.first {
                text += "    #\(first.articleID): \(BidiIsolation.isolate(DisplayWidth.truncate(first.snippet, to: 110)))\n"
            }
        }
        return text
    }
}
