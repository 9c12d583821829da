/// Schema versions and how to move a database from one to the next.
///
/// `schema.sql` always describes the newest version and is idempotent. Opening a database of an
/// older version runs the steps below from its version up, then `schema.sql`, in one transaction.
enum Migrations {
    /// The version `schema.sql` creates (its `PRAGMA user_version`).
    static let currentVersion = 2

    /// Steps that `schema.sql`'s `IF NOT EXISTS` statements cannot express (ALTER TABLE, data moves),
    /// keyed by the version they upgrade *from*.
    /// - 1 → 2 adds entities, mentions, claims and their indexes: all new tables, created by schema.sql.
    ///   Articles stored by version 1 have no claims until `claims extract --all` is run.
    static let steps: [Int: String] = [:]

    /// The application id `schema.sql` sets ('Clms').
    static let applicationID: Int = 0x436C_6D73
}
