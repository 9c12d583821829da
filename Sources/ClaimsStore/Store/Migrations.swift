/// Schema versions and how to move a database from one to the next.
///
/// `schema.sql` always describes the newest version and is idempotent. Opening a database of an
/// older version runs the steps below from its version up, then `schema.sql`, in one transaction.
enum Migrations {
    /// The version `schema.sql` creates (its `PRAGMA user_version`).
    static let currentVersion = 4

    /// Steps that `schema.sql`'s `IF NOT EXISTS` statements cannot express (ALTER TABLE, data moves),
    /// by the version they upgrade *from*.
    /// - 1 → 2 adds `articles.title_derived` here; entities, mentions, claims and their indexes are
    ///   new tables, created by schema.sql. Articles stored by version 1 get their claims from
    ///   `claims extract`.
    /// - 2 → 3 added the index `claim_terms_day` (schema.sql created it; no step here).
    /// - 3 → 4 keys `claim_terms` by (term, day, claim_id), which makes that index (a third copy of
    ///   every posting) unnecessary; an unknown day becomes `ConflictDetector.undatedDay`.
    static func upgrade(_ db: Database, from version: Int) throws {
        switch version {
        case 1:
            try db.execute("ALTER TABLE articles ADD COLUMN title_derived INTEGER NOT NULL DEFAULT 0;")
        case 3:
            // (A version 1 database has no `claim_terms` yet: schema.sql creates it.)
            // -1000000 is `ConflictDetector.undatedDay` (tested).
            guard try db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'claim_terms'") == 1 else { return }
            try db.execute("""
                CREATE TABLE claim_terms_v4 (
                    term      TEXT NOT NULL,
                    day       INTEGER NOT NULL,
                    claim_id  INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
                    PRIMARY KEY (term, day, claim_id)
                ) WITHOUT ROWID;
                INSERT INTO claim_terms_v4 (term, day, claim_id) SELECT term, coalesce(day, -1000000), claim_id FROM claim_terms;
                DROP TABLE claim_terms;
                ALTER TABLE claim_terms_v4 RENAME TO claim_terms;
                """)
        default:
            break
        }
    }

    /// The application id `schema.sql` sets ('Clms').
    static let applicationID: Int = 0x436C_6D73
}
