/// What `claims --version` prints: the release, the schema version it creates and reads, and the
/// SQLite library it runs on (FTS5 behaviour and file format depend on it).
public enum ClaimsVersion {
    public static let release = "0.15.0"
    /// The schema version this build creates and reads (`PRAGMA user_version`).
    public static let schema = Migrations.currentVersion

    public static var description: String {
        "claims \(release) (schema version \(schema), SQLite \(Database.sqliteVersion))"
    }
}
