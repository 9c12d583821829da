import CSQLite
import Foundation

/// One SQLite connection, opened with foreign keys on and a busy timeout (WAL on request).
/// Not thread-safe; use one connection per thread.
public final class Database {
    public enum Mode: Sendable { case readWrite, readOnly }

    let handle: OpaquePointer
    public let path: String
    private var statementCache: [String: Statement] = [:]
    private var transactionDepth = 0

    /// Opens (and with `.readWrite`, creates) the database at `path`.
    /// `busyTimeout` is how long a statement waits for another connection's lock.
    /// `immutable` (read-only only) tells SQLite the file cannot change while open, so it takes no
    /// locks and needs no `-shm` file: for a database in a read-only directory or on read-only media.
    public init(path: String, mode: Mode = .readWrite, busyTimeout: Duration = .seconds(10), immutable: Bool = false) throws {
        var handle: OpaquePointer?
        var flags = (mode == .readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE))
            | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        var name = path
        if immutable && mode == .readOnly {
            flags |= SQLITE_OPEN_URI
            name = "file:" + Self.percentEncoded(path) + "?immutable=1"
        }
        let code = sqlite3_open_v2(name, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = SQLiteError(connection: handle, code: code, sql: nil)
            sqlite3_close_v2(handle)
            throw error
        }
        self.handle = handle
        self.path = path
        let milliseconds = busyTimeout.components.seconds * 1000 + busyTimeout.components.attoseconds / 1_000_000_000_000_000
        sqlite3_busy_timeout(handle, Int32(clamping: milliseconds))
        do {
            try execute("PRAGMA foreign_keys = ON")
        } catch {
            statementCache.removeAll()
            sqlite3_close_v2(handle)
            throw error
        }
        Self.openPaths.opened(path)
    }

    /// The database files this process has open through SQLite (a raw read of such a file must wait:
    /// see `OpenPaths`).
    static let openPaths = OpenPaths()

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
        Self.openPaths.closed(path)
    }

    /// Runs one or more SQL statements that take no parameters (schema scripts, pragmas).
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw SQLiteError(code: code & 0xFF, extendedCode: sqlite3_extended_errcode(handle),
                              message: SQLiteError.withSystemError(text, code: code, connection: handle), sql: sql)
        }
    }

    /// A new prepared statement (finalized when released).
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// A prepared statement kept for the life of the connection; for hot paths.
    public func cached(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] { return statement }
        let statement = try prepare(sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs a write statement with positional parameters; returns the number of changed rows.
    @discardableResult
    public func run(_ sql: String, _ values: any SQLBindable...) throws -> Int {
        try cached(sql).bind(values).run()
        return changes
    }

    /// Runs a query with positional parameters and maps each row.
    public func query<T>(_ sql: String, _ values: [any SQLBindable] = [], _ transform: (Row) throws -> T) throws -> [T] {
        try cached(sql).bind(values).map(transform)
    }

    /// The first row of a query, mapped, or nil.
    public func queryOne<T>(_ sql: String, _ values: [any SQLBindable] = [], _ transform: (Row) throws -> T) throws -> T? {
        let statement = try cached(sql).bind(values)
        defer { sqlite3_reset(statement.handle) }
        return try statement.step() ? transform(statement.row) : nil
    }

    /// The first column of the first row.
    public func scalar(_ sql: String, _ values: [any SQLBindable] = []) throws -> SQLValue {
        try queryOne(sql, values) { $0[0] } ?? .null
    }

    public func scalarInt(_ sql: String, _ values: [any SQLBindable] = []) throws -> Int {
        if case .integer(let v) = try scalar(sql, values) { return Int(v) }
        return 0
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    public var changes: Int { Int(sqlite3_changes(handle)) }
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
    /// True when the connection cannot write (opened read-only, or the file is write-protected).
    public var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    /// How often a write transaction that found the database locked is retried (after the busy
    /// timeout expired), with exponential backoff; `busyRetries` counts the retries made.
    public var busyRetryLimit = 8
    public private(set) var busyRetries = 0

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// Nested calls become savepoints, so an inner failure rolls back only its own work.
    /// The outer transaction is `BEGIN IMMEDIATE`, taking the write lock up front, so that
    /// a busy database is waited for at the start instead of failing half-way. When SQLite still
    /// reports the database busy (another writer held the lock past the busy timeout), the whole
    /// transaction is rolled back and run again — `body` must therefore only change the database —
    /// up to `busyRetryLimit` times with exponential backoff and jitter.
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        guard transactionDepth == 0 else { return try runTransaction(body) }
        var attempt = 0
        while true {
            do {
                return try runTransaction(body)
            } catch let error as SQLiteError where error.isBusy && attempt < busyRetryLimit && !isInTransaction {
                attempt += 1
                busyRetries += 1
                // 20 ms, 40 ms … capped at 1 s, ±50 % so that competing writers spread out.
                let base = min(0.02 * Double(1 << min(attempt - 1, 10)), 1.0)
                Thread.sleep(forTimeInterval: base * Double.random(in: 0.5...1.5))
            }
        }
    }

    private func runTransaction<T>(_ body: () throws -> T) throws -> T {
        let depth = transactionDepth
        let savepoint = "sp\(depth)"
        try execute(depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT \(savepoint)")
        transactionDepth = depth + 1
        defer { transactionDepth = depth }
        do {
            let result = try body()
            try execute(depth == 0 ? "COMMIT" : "RELEASE \(savepoint)")
            return result
        } catch {
            // Also after a failed COMMIT, which can leave the transaction open (busy, disk full).
            if depth == 0 {
                if isInTransaction { try? execute("ROLLBACK") }
            } else {
                try? execute("ROLLBACK TO \(savepoint)")
                try? execute("RELEASE \(savepoint)")
            }
            throw error
        }
    }

    /// Runs `body` with a page cache of `kibibytes` (SQLite's default is 2 MB), then restores the
    /// default: for long write transactions (ingest, rebuilds) that touch more pages than that and
    /// would spill and re-read them. Bounded, so memory stays flat.
    public func withPageCache<T>(kibibytes: Int, _ body: () throws -> T) throws -> T {
        try execute("PRAGMA cache_size = -\(kibibytes)")
        defer { try? execute("PRAGMA cache_size = -2000") }
        return try body()
    }

    /// Switches to write-ahead logging (readers never block the writer) with `synchronous=NORMAL`,
    /// which in WAL mode is still crash-safe for the database (a power cut may lose the last commit).
    /// Done after the file is known to be ours, so that opening a foreign file changes nothing in it.
    ///
    /// The log is checkpointed every `walCheckpointPages` pages instead of SQLite's 1,000: ingest
    /// commits one small transaction per article, and each checkpoint syncs the log and copies
    /// its pages back; fewer, larger checkpoints made ingest ~20% faster in the benchmark (the log
    /// grows to ~40 MB before it is recycled; it is removed when the last connection closes).
    public func enableWriteAheadLog() throws {
        guard path != ":memory:" && !path.isEmpty else { return }
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
        try execute("PRAGMA wal_autocheckpoint = \(Self.walCheckpointPages)")
    }

    /// `path` for a `file:` URI: every byte but unreserved characters and `/` percent-encoded.
    static func percentEncoded(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80 && (c.isLetter || c.isNumber || "-._~/".contains(c)) { result.append(c) }
            else { result += String(format: "%%%02X", byte) }
        }
        return result
    }

    /// Pages of write-ahead log between automatic checkpoints (SQLite's default is 1,000).
    public static let walCheckpointPages = 10_000

    /// SQLite's version string.
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}
