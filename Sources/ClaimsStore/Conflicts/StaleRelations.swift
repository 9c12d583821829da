/// Conflicts, corroborations, stories and disputes are derived from the claims. A recomputation of all of
/// them (`claims extract --all`, which gives every claim a new id, and `conflicts --rebuild`) is
/// several transactions; a `settings` row marks them stale from its first to its last, so that a
/// recomputation killed half-way is seen (`verify`, a warning on reads) and finished by the next
/// writer instead of leaving relations silently missing.
public enum StaleRelations {
    static let settingKey = "relations_stale"

    /// What readers and `verify` say while the relations are stale and nobody is recomputing them.
    public static let problem = "conflicts and stories are stale: an `extract --all` or `conflicts --rebuild` was interrupted; "
        + "the next writing command (e.g. `claims extract`) recomputes them"

    /// Marks the relations stale, naming this process (its own transaction: it must outlive a kill).
    static func mark(_ db: Database) throws {
        try db.transaction {
            try db.run("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       settingKey, ProcessIdentity.current)
        }
    }

    /// True when the relations are stale and the process that marked them no longer runs.
    public static func needRepair(_ db: Database) throws -> Bool {
        guard let owner = try db.queryOne("SELECT value FROM settings WHERE key = ?", [settingKey], { $0.string(0) }) else { return false }
        return owner != ProcessIdentity.current && !ProcessIdentity.isRunning(owner)
    }

    /// What a recomputation made.
    public struct Outcome: Sendable {
        public var conflicts = 0
        public var corroborations = 0
        public var stories = 0
        public var disputes = 0
    }

    /// Recomputes every conflict, corroboration, story and dispute, the relations marked stale throughout.
    @discardableResult
    public static func recompute(_ database: ClaimsDatabase, detector: ConflictDetector) throws -> Outcome {
        let db = database.connection
        try mark(db)
        let links = try detector.rebuild()
        let grouping = try db.transaction {
            let grouping = try StoryBuilder(database: database).rebuild()
            try db.run("DELETE FROM settings WHERE key = ?", settingKey)
            return grouping
        }
        return Outcome(conflicts: links.conflicts, corroborations: links.corroborations, stories: grouping.stories, disputes: grouping.disputes)
    }
}
