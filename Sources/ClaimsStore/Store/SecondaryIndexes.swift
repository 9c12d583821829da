import Foundation

/// The indexes that serve queries but not ingest (articles by date and outlet, mentions and
/// claim–entity links by entity, claims by speaker, stance and date): a large ingest drops them
/// and makes them again at its end, a sort of the whole table each instead of one B-tree insertion
/// per row at a random place (at 100,000 articles, ~90 of an article's ~500 B-tree entries, in
/// indexes larger than the page cache).
///
/// Crash safety: the drop is committed together with a `settings` row naming the ingesting
/// process (PID, start time and boot: `ProcessIdentity`, so a reused PID is not taken for it); if
/// that process dies before making them again, the next writer that opens the database makes them
/// (`restoreIfInterrupted`), or, when it cannot (disk full), warns and leaves them to the one after.
/// Readers never make them: they get the same answers, more slowly, with a warning.
enum SecondaryIndexes {
    /// The indexes dropped (all declared in schema.sql, where their definitions are read from).
    static let names = ["articles_published", "articles_outlet", "mentions_entity", "claims_speaker_entity",
                        "claims_stance", "claims_said_on", "claim_entities_entity"]
    static let settingKey = "indexes_deferred_by"

    /// Ingests of fewer bytes than this keep the indexes (making them again would cost more).
    static let minimumInputBytes = 32 << 20
    /// Bytes of input per stored article, to compare the input with the archive (4.7 KB in the
    /// benchmark corpus): dropping pays when the ingest at least doubles the archive.
    static let bytesPerArticle = 4_700

    /// Drops the indexes when the input is large against the archive; true when it did.
    static func deferIfWorthIt(inputBytes: Int, minimumBytes: Int = minimumInputBytes, _ db: Database) throws -> Bool {
        guard inputBytes >= minimumBytes else { return false }
        let articles = try db.scalarInt("SELECT coalesce(max(id), 0) FROM articles")
        guard inputBytes / bytesPerArticle >= articles else { return false }
        try db.transaction {
            try db.run("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       settingKey, ProcessIdentity.current)
            // (Names from the list above, never data.)
            for name in names { try db.execute("DROP INDEX IF EXISTS \(name);") }
        }
        return true
    }

    /// Makes the indexes again, as schema.sql defines them.
    static func restore(_ db: Database) throws {
        try db.transaction {
            for statement in definitions() { try db.execute(statement) }
            try db.run("DELETE FROM settings WHERE key = ?", settingKey)
        }
    }

    /// True when an ingest dropped the indexes and no longer runs.
    static func areMissing(_ db: Database) throws -> Bool {
        guard let owner = try db.queryOne("SELECT value FROM settings WHERE key = ?", [settingKey], { $0.string(0) }) else { return false }
        return owner != ProcessIdentity.current && !ProcessIdentity.isRunning(owner)
    }

    /// Makes the indexes again when an ingest that dropped them is no longer running. Returns a
    /// warning when that fails (e.g. on a full disk): nothing is lost, the next writer tries again.
    static func restoreIfInterrupted(_ db: Database) throws -> String? {
        guard try areMissing(db) else { return nil }
        do {
            try restore(db)
            return nil
        } catch let error as SQLiteError {
            return "\(names.count) indexes dropped by an interrupted ingest could not be made again (\(error.message)); "
                + "queries are slower until a writing command can make them"
        }
    }

    /// What readers are told while the indexes are missing.
    static let missingWarning = "\(names.count) indexes are missing since an ingest was interrupted: queries are slower "
        + "until the next writing command (e.g. `claims extract`) makes them"

    /// The `CREATE INDEX` statements of `names` in schema.sql (a test checks that none is missing).
    static func definitions() -> [String] {
        let statements = EmbeddedResources.schema.split(separator: "\n").map(String.init).filter { $0.hasPrefix("CREATE INDEX IF NOT EXISTS ") }
        return names.compactMap { name in statements.first { $0.hasPrefix("CREATE INDEX IF NOT EXISTS \(name) ON ") } }
    }
}
