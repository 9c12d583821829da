/// What `claims --version` prints: the release, the schema version it creates and reads, and the
/// SQLite library it runs on (FTS5 behaviour and file format depend on it).
public enum ClaimsVersion {
    public static let release = "0.15.0"

    public static var description: String {
        "claims \(release) (schema version \(Migrations.currentVersion), SQLite \(Database.sqliteVersion))"
    }
}
