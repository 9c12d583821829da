/// Keeps the `*_search` columns (and so the FTS indexes) in step with the stemmer that queries them.
/// The stemmer's lexicon ships with the binary; when it changes, queries would stem differently from
/// the stored text, so the columns are recomputed once, on the first write-open by the new binary.
public enum SearchIndexMaintenance {
    /// Identifies the normaliser and stemmer: a hash of the lexicon and of a probe of the rules.
    public static let fingerprint: String = {
        let stemmer = CliticStemmer()
        let probe = "والسفارة بالسفارة سفارتها فعّالة إيران لرويترز وقال الوزير ٢٠٢٤ «» ى ة ديرالزور"
        // Over the data the lexicon is built from (hashed as bytes: rebuilding the word set as
        // sorted Strings cost a quarter of a search's start-up) and a probe of the stemmer's rules.
        let inputs = [EmbeddedResources.protectedWords, EmbeddedResources.gazetteer, EmbeddedResources.cues]
        return SHA256.hex(of: Array((inputs.joined(separator: "\u{0}") + "|" + stemmer.searchForm(of: probe)).utf8))
    }()

    /// False when the search columns were made by another stemmer (a reader does not redo them).
    static func isCurrent(_ db: Database) throws -> Bool {
        guard try db.scalarInt("SELECT EXISTS (SELECT 1 FROM articles) OR EXISTS (SELECT 1 FROM claims)") == 1 else { return true }
        return try db.queryOne("SELECT value FROM settings WHERE key = 'stemmer_fingerprint'") { $0.string(0) } == fingerprint
    }

    static let staleWarning = "the search columns were made by another version of claims: a search may miss words "
        + "until the next writing command (e.g. `claims extract`) redoes them"

    /// Rebuilds the search columns when they were made by another stemmer. Returns the number of rows redone.
    @discardableResult
    public static func ensureCurrent(_ database: ClaimsDatabase) throws -> Int {
        let db = database.connection
        let stored = try db.queryOne("SELECT value FROM settings WHERE key = 'stemmer_fingerprint'") { $0.string(0) }
        guard stored != fingerprint else { return 0 }
        let stemmer = CliticStemmer()
        return try db.transaction {
            var count = 0
            do {   // (a new, empty database has nothing to redo)
                // Updating the columns fires the FTS triggers, which replace the indexed terms.
                let articles = try db.query("SELECT id, title, body FROM articles") { ($0.int(0), $0.string(1), $0.string(2)) }
                for (id, title, body) in articles {
                    try db.run("UPDATE articles SET title_search = ?, body_search = ? WHERE id = ?",
                               stemmer.searchForm(of: title), stemmer.searchForm(of: body), id)
                    count += 1
                }
                let claims = try db.query("SELECT id, content FROM claims") { ($0.int(0), $0.string(1)) }
                for (id, content) in claims {
                    try db.run("UPDATE claims SET content_search = ? WHERE id = ?", stemmer.searchForm(of: content), id)
                    count += 1
                }
            }
            try db.run("INSERT INTO settings (key, value) VALUES ('stemmer_fingerprint', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", fingerprint)
            return count
        }
    }
}
