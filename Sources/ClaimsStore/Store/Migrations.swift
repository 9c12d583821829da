/// Schema versions and how to move a database from one to the next.
///
/// `schema.sql` always describes the newest version and is idempotent. Opening a database of an
/// older version runs the steps below from its version up, then `schema.sql`, in one transaction.
enum Migrations {
    /// The version `schema.sql` creates (its `PRAGMA user_version`).
    static let currentVersion = 3

    /// Steps that `schema.sql`'s `IF NOT EXISTS` statements cannot express (ALTER TABLE, data moves),
    /// keyed by the version they upgrade *from*.
    /// - 1 → 2 adds `articles.title_derived` here; entities, mentions, claims and their indexes are
    ///   new tables, created by schema.sql. Articles stored by version 1 get their claims from
    ///   `claims extract`.
    /// - 2 → 3 adds the index `claim_terms_day` (schema.sql creates it; no step here).
    static let steps: [Int: String] = [
        1: "ALTER TABLE articles ADD COLUMN title_derived INTEGER NOT NULL DEFAULT 0;",
    ]

    /// The application id `schema.sql` sets ('Clms').
    static let applicationID: Int = 0x436C_6D73
}
