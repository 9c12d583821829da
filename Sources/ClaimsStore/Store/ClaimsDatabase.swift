import Foundation

/// Opens a claims database: creates it with `schema.sql` when new, migrates an older version,
/// refuses a newer one or a foreign file with a clear `ClaimsError`.
public final class ClaimsDatabase {
    public let connection: Database
    public let path: String
    /// What the caller should tell the user about the database as opened (indexes or relations left
    /// to repair by an interrupted command, a repair that failed); empty when all is well.
    public private(set) var warnings: [String] = []

    /// - Parameters:
    ///   - create: true for a writer. When false (a reader), a missing file is an error (read commands
    ///     never create databases), a file that cannot be written (read-only file, directory or file
    ///     system) is opened read-only, so reading works wherever the file can be read, and nothing is
    ///     written: what an interrupted command left to repair is reported in `warnings` and repaired
    ///     by the next writer. (The one write a reader makes is the migration of an older schema.)
    ///   - readOnly: opens without write access (no migration; an old version is refused).
    /// A writer (`create`) on a file or directory that cannot be written gets `ClaimsError.readOnly`
    /// before anything is touched; a damaged file gets `ClaimsError.damaged`.
    public init(path: String, create: Bool = true, readOnly: Bool = false) throws {
        self.path = path
        let isMemory = path == ":memory:" || path.isEmpty
        var readOnly = readOnly
        var immutable = false
        if !isMemory {
            var info = stat()
            if stat(path, &info) == 0 {
                if info.st_mode & S_IFMT == S_IFDIR {
                    throw ClaimsError.cannotOpen(path: path, reason: "it is a directory, not a database file")
                }
                // A read command never turns an empty file (`touch x.db`, a failed download) into a database.
                if !create && info.st_size == 0 {
                    throw ClaimsError.notAClaimsDatabase(path: path, reason: "an empty file of 0 bytes; `claims --db \(path) ingest FILES…` makes it one")
                }
                if !readOnly, let blocker = Self.writeBlocker(path) {
                    if create { throw ClaimsError.readOnly(path: path, reason: blocker) }
                    readOnly = true
                }
                // In a read-only directory a WAL database needs its -shm file; without one (and with no
                // -wal, so nothing uncommitted), nobody can be writing it: open it as immutable.
                let directory = Self.directory(of: path)
                if readOnly && access(directory, W_OK) != 0 && access(path + "-shm", F_OK) != 0 {
                    guard access(path + "-wal", F_OK) != 0 else {
                        throw ClaimsError.cannotOpen(path: path, reason: "its write-ahead log \(path)-wal has no -shm file and \(directory) is read-only; open it once where the directory can be written")
                    }
                    immutable = true
                }
            } else {
                if !create || readOnly { throw ClaimsError.databaseMissing(path: path) }
                let directory = Self.directory(of: path)
                var dirInfo = stat()
                guard stat(directory, &dirInfo) == 0, dirInfo.st_mode & S_IFMT == S_IFDIR else {
                    throw ClaimsError.cannotOpen(path: path, reason: "the directory \(directory) does not exist")
                }
                if access(directory, W_OK) != 0 {
                    throw ClaimsError.readOnly(path: path, reason: "cannot create it in \(directory): \(String(cString: strerror(errno)))")
                }
            }
        }
        // The file's size against its header, read before SQLite opens the file in this process: closing
        // any descriptor of a database file releases every POSIX lock the process holds on it, so a
        // check made with the connection open would let another writer overwrite the log under it.
        let fileProblems = create && !readOnly ? DatabaseFileCheck.problems(path: path) : []
        do {
            connection = try Database(path: path, mode: readOnly ? .readOnly : .readWrite, immutable: immutable)
            try Self.prepareSchema(connection, path: path, readOnly: readOnly)
            if create && !readOnly {
                try Self.refuseIfDamaged(connection, path: path, fileProblems: fileProblems)
                try connection.enableWriteAheadLog()
                try SearchIndexMaintenance.ensureCurrent(self)
                if let warning = try SecondaryIndexes.restoreIfInterrupted(connection) { warnings.append(warning) }
            } else {
                warnings = readerWarnings()
            }
        } catch let error as SQLiteError {
            throw ClaimsError.database(path, error) ?? error
        }
    }

    /// Databases up to this size are checked (`PRAGMA quick_check`, ~0.1 s) before a writer writes;
    /// a larger one would cost a read of the whole archive per run: its damage stops the writer where
    /// SQLite meets it, and `claims verify` finds the rest.
    static let checkedBeforeWritingBytes = 64 << 20

    /// Refuses to write into a file whose size disagrees with its header or, when small enough,
    /// whose pages `quick_check` finds damaged: writing would build on the damage.
    static func refuseIfDamaged(_ db: Database, path: String, fileProblems: [String]) throws {
        guard path != ":memory:", !path.isEmpty else { return }
        if let problem = fileProblems.first(where: { $0.contains("pages but its header") }) {
            throw ClaimsError.damaged(path: path, reason: problem)
        }
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) <= checkedBeforeWritingBytes else { return }
        // (quick_check itself fails on some damaged pages, after reporting them: what it said, then why it stopped.)
        var rows: [String] = []
        do {
            try db.prepare("PRAGMA quick_check(3)").forEach { rows.append($0.string(0)) }
        } catch let error as SQLiteError where error.code == 11 /* SQLITE_CORRUPT */ {
            rows.append(error.message)
        }
        if rows != ["ok"] {
            throw ClaimsError.damaged(path: path, reason: "quick_check: " + rows.joined(separator: "; ").replacingOccurrences(of: "\n", with: "; "))
        }
    }

    /// What a reader is told of the repairs the next writer will make.
    private func readerWarnings() -> [String] {
        var warnings: [String] = []
        if (try? SecondaryIndexes.areMissing(connection)) == true { warnings.append(SecondaryIndexes.missingWarning) }
        if (try? StaleRelations.needRepair(connection)) == true { warnings.append(StaleRelations.problem) }
        if (try? SearchIndexMaintenance.isCurrent(connection)) == false { warnings.append(SearchIndexMaintenance.staleWarning) }
        return warnings
    }

    /// Why `path` (an existing file) cannot be written, or nil when it can: the file itself, and the
    /// directory for the journal / write-ahead log files unless those exist and are writable.
    static func writeBlocker(_ path: String) -> String? {
        if access(path, W_OK) != 0 {
            return "the file is read-only (\(String(cString: strerror(errno))))"
        }
        let directory = directory(of: path)
        if access(directory, W_OK) != 0 {
            let reason = String(cString: strerror(errno))
            if !(access(path + "-wal", W_OK) == 0 && access(path + "-shm", W_OK) == 0) {
                return "its directory \(directory) is read-only (\(reason)), so SQLite cannot create its journal"
            }
        }
        return nil
    }

    static func directory(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    /// What the file holds, read in one statement so that it is one consistent snapshot even while
    /// another process is creating or migrating the database.
    private static func schemaState(_ db: Database) throws -> (applicationID: Int, version: Int, tables: Int) {
        try db.queryOne("""
            SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version),
                   (SELECT count(*) FROM sqlite_schema)
            """) { ($0.int(0), $0.int(1), $0.int(2)) } ?? (0, 0, 0)
    }

    private static func prepareSchema(_ db: Database, path: String, readOnly: Bool) throws {
        var state = try schemaState(db)
        let isNew = state.tables == 0 && state.applicationID == 0
        let isOlder = state.applicationID == Migrations.applicationID && state.version < Migrations.currentVersion
        if isNew || isOlder {
            guard !readOnly else {
                throw ClaimsError.notAClaimsDatabase(path: path, reason: isNew ? "empty file"
                    : "schema version \(state.version) needs a migration; open it once without read-only")
            }
            // Decided again under the write lock: another process may have created or migrated it meanwhile.
            try db.transaction {
                let current = try schemaState(db)
                if current.tables == 0 && current.applicationID == 0 {
                    try db.execute(EmbeddedResources.schema)
                } else if current.applicationID == Migrations.applicationID && current.version < Migrations.currentVersion {
                    for from in current.version..<Migrations.currentVersion {
                        try Migrations.upgrade(db, from: from)
                    }
                    try db.execute(EmbeddedResources.schema)
                    try Migrations.afterSchema(db, from: current.version)
                }
            }
            state = try schemaState(db)
        }
        guard state.applicationID == Migrations.applicationID else {
            throw ClaimsError.notAClaimsDatabase(path: path, reason: "its application_id is \(state.applicationID), not claims'")
        }
        if state.version > Migrations.currentVersion {
            throw ClaimsError.newerSchema(path: path, found: state.version, supported: Migrations.currentVersion)
        }
    }

    /// True when the database was opened without write access (read-only file or directory).
    public var isReadOnly: Bool { connection.isReadOnly }

    /// The schema version of the open database.
    public var schemaVersion: Int { (try? connection.scalarInt("PRAGMA user_version")) ?? 0 }
}
