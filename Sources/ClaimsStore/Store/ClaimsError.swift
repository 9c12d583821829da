/// Errors with a message meant for the user of the command-line tool.
public enum ClaimsError: Error, CustomStringConvertible, Equatable {
    /// The database file does not exist (read commands never create one).
    case databaseMissing(path: String)
    /// The file is an SQLite database of another application, or not a database at all.
    case notAClaimsDatabase(path: String, reason: String)
    /// The database was written by a newer `claims`.
    case newerSchema(path: String, found: Int, supported: Int)
    /// A search query that cannot be run; the message says what to change.
    case invalidQuery(String)
    /// A command-line argument is invalid (bad date, unknown value …).
    case invalidArgument(String)
    /// Something the user asked for does not exist (`show article 99`).
    case notFound(String)

    public var description: String {
        switch self {
        case .databaseMissing(let path):
            return "no database at \(path): run `claims --db \(path) ingest FILES…` (or `claims demo`) first"
        case .notAClaimsDatabase(let path, let reason):
            return "\(path) is not a claims database (\(reason)); refusing to touch it"
        case .newerSchema(let path, let found, let supported):
            return "\(path) has schema version \(found), newer than this claims supports (\(supported)); upgrade claims"
        case .invalidQuery(let message):
            return "invalid query: \(message)"
        case .invalidArgument(let message):
            return message
        case .notFound(let message):
            return message
        }
    }

    /// True for errors in what the user typed (exit code 2) rather than in data or state (exit code 1).
    public var isUsageError: Bool {
        switch self {
        case .invalidQuery, .invalidArgument: return true
        default: return false
        }
    }
}
