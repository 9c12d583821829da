/// Schema versions and how to move a database from one to the next.
///
/// `schema.sql` always describes the newest version and is idempotent. Opening a database of an
/// older version runs the steps below from its version up, then `schema.sql`, in one transaction.
enum Migrations {
    /// The version `schema.sql` creates (its `PRAGMA user_version`).
    static let currentVersion = 7

    /// Steps that `schema.sql`'s `IF NOT EXISTS` statements cannot express (ALTER TABLE, data moves),
    /// by the version they upgrade *from*.
    /// - 1 → 2 adds `articles.title_derived` here; entities, mentions, claims and their indexes are
    ///   new tables, created by schema.sql. Articles stored by version 1 get their claims from
    ///   `claims extract`.
    /// - 2 → 3 added the index `claim_terms_day` (schema.sql created it; no step here).
    /// - 3 → 4 keys `claim_terms` by (term, day, claim_id), which makes that index (a third copy of
    ///   every posting) unnecessary; an unknown day becomes `ConflictDetector.undatedDay`.
    /// - 4 → 5 keys `claim_terms` by (day, term, claim_id): detection reads and writes the postings of
    ///   a few days, which are then neighbours in the table (at 1 M claims, keyed by term first, its
    ///   cost per claim grew with the archive).
    /// - 5 → 6 adds `articles.author` and `articles.kind` (posts and statements; web pages' bylines).
    /// - 6 → 7 groups stories around a centre (`stories.centre_claim_id`) and links them by disputes
    ///   (table `disputes`, made by schema.sql). Stories are derived from the claims and their links:
    ///   the old ones are dropped here and regrouped by `afterSchema`.
    static func upgrade(_ db: Database, from version: Int) throws {
        switch version {
        case 1:
            try db.execute("ALTER TABLE articles ADD COLUMN title_derived INTEGER NOT NULL DEFAULT 0;")
        case 3:
            // -1000000 is `ConflictDetector.undatedDay` (tested).
            try rekeyClaimTerms(db, key: "term, day, claim_id", day: "coalesce(day, -1000000)")
        case 4:
            try rekeyClaimTerms(db, key: "day, term, claim_id", day: "day")
        case 5:
            // (Each column only when missing: a file relabelled as an older version may have them.)
            let columns = try db.query("SELECT name FROM pragma_table_info('articles')") { $0.string(0) }
            if !columns.contains("author") { try db.execute("ALTER TABLE articles ADD COLUMN author TEXT;") }
            if !columns.contains("kind") {
                try db.execute("ALTER TABLE articles ADD COLUMN kind TEXT NOT NULL DEFAULT 'article' CHECK (kind IN ('article', 'post', 'statement'));")
            }
        case 6:
            try db.execute("DROP TABLE IF EXISTS story_claims; DROP TABLE IF EXISTS stories;")
        default:
            break
        }
    }

    /// Steps that need the newest schema in place (run after `schema.sql`, in the same transaction),
    /// for a database that was of version `version`.
    static func afterSchema(_ db: Database, from version: Int) throws {
        if version < 7 {
            // (A whole regrouping: ~40 s of CPU for the 1.15 M claims of 100,000 articles, once.)
            try StoryBuilder(connection: db).rebuild()
        }
    }

    /// Copies `claim_terms` into a table of the same columns keyed by `key`, in the key's order (the
    /// B-tree is written from left to right); schema.sql then makes the index by claim again.
    /// (A version 1 database has no `claim_terms` yet: schema.sql creates it.)
    private static func rekeyClaimTerms(_ db: Database, key: String, day: String) throws {
        guard try db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'claim_terms'") == 1 else { return }
        // (Constant SQL fragments of this file, never data.)
        try db.execute("""
            CREATE TABLE claim_terms_rekeyed (
                term      TEXT NOT NULL,
                day       INTEGER NOT NULL,
                claim_id  INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
                PRIMARY KEY (\(key))
            ) WITHOUT ROWID;
            INSERT INTO claim_terms_rekeyed (term, day, claim_id) SELECT term, \(day), claim_id FROM claim_terms ORDER BY \(key);
            DROP TABLE claim_terms;
            ALTER TABLE claim_terms_rekeyed RENAME TO claim_terms;
            """)
    }

    /// The application id `schema.sql` sets ('Clms').
    static let applicationID: Int = 0x436C_6D73
}
