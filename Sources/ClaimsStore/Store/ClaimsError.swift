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
    /// The database file is damaged (truncated, overwritten): SQLite reports it malformed.
    case damaged(path: String, reason: String)
    /// The database cannot be written: read-only file, directory or file system.
    case readOnly(path: String, reason: String)
    /// The database cannot be opened or created (a directory, a missing parent directory …).
    case cannotOpen(path: String, reason: String)
    /// Writing failed: disk full, file size limit, I/O error. What was committed before is intact.
    case writeFailed(path: String, reason: String)
    /// Another process kept the database locked longer than every retry waited.
    case busy(path: String)

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
        case .damaged(let path, let reason):
            return "\(path) is damaged (\(reason)): `claims --db \(path) verify` lists the problems; "
                + "restore a backup, or recover what is readable with `sqlite3 \(path) .recover | sqlite3 NEW.db`"
        case .readOnly(let path, let reason):
            return "cannot write to \(path): \(reason); nothing was changed"
        case .cannotOpen(let path, let reason):
            return "cannot open database \(path): \(reason)"
        case .writeFailed(let path, let reason):
            return "writing to \(path) failed: \(reason); the database keeps everything stored before the failure"
        case .busy(let path):
            return "\(path) is locked by another process and stayed locked through every retry; try again later"
        }
    }

    /// A `ClaimsError` naming the database for an SQLite error caused by the database file as a
    /// whole (damaged, read-only, full, locked), or nil for other errors.
    public static func database(_ path: String, _ error: SQLiteError) -> ClaimsError? {
        switch error.code {
        case 11 /* SQLITE_CORRUPT */: return .damaged(path: path, reason: error.message)
        case 26 /* SQLITE_NOTADB */: return .notAClaimsDatabase(path: path, reason: "not an SQLite database file")
        case 8 /* SQLITE_READONLY */: return .readOnly(path: path, reason: error.message)
        case 13 /* SQLITE_FULL */, 10 /* SQLITE_IOERR */: return .writeFailed(path: path, reason: error.message)
        case 14 /* SQLITE_CANTOPEN */: return .cannotOpen(path: path, reason: error.message)
        case 5 /* SQLITE_BUSY */, 6 /* SQLITE_LOCKED */: return .busy(path: path)
        default: return nil
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
