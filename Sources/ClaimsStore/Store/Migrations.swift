/// Schema versions and how to move a database from one to the next.
///
/// `schema.sql` always describes the newest version and is idempotent. Opening a database of an
/// older version runs the steps below from its version up, then `schema.sql`, in one transaction.
enum Migrations {
    /// The version `schema.sql` creates (its `PRAGMA user_version`).
    static let currentVersion = 1

    /// Steps that `schema.sql`'s `IF NOT EXISTS` statements cannot express (ALTER TABLE, data moves),
    /// keyed by the version they upgrade *from*.
    static let steps: [Int: String] = [:]

    /// The application id `schema.sql` sets ('Clms').
    static let applicationID: Int = 0x436C_6D73
}
