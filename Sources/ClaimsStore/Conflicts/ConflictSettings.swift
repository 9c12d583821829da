/// Settings of conflict detection kept in the database, so every ingest uses the same ones.
public enum ConflictSettings {
    public static let defaultWindowDays = 4

    /// How many days apart two claims may be and still be linked.
    public static func windowDays(_ database: ClaimsDatabase) throws -> Int {
        let stored = try database.connection.queryOne("SELECT value FROM settings WHERE key = 'conflict_window_days'") { $0.string(0) }
        return stored.flatMap(Int.init) ?? defaultWindowDays
    }

    public static func setWindowDays(_ days: Int, _ database: ClaimsDatabase) throws {
        guard (0...3650).contains(days) else { throw ClaimsError.invalidArgument("--window: days must be between 0 and 3650") }
        try database.connection.run("""
            INSERT INTO settings (key, value) VALUES ('conflict_window_days', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value
            """, String(days))
    }
}
