import Foundation

/// Opens a claims database: creates it with `schema.sql` when new, migrates an older version,
/// refuses a newer one or a foreign file with a clear `ClaimsError`.
public final class ClaimsDatabase {
    public let connection: Database
    public let path: String

    /// - Parameters:
    ///   - create: when false, a missing file is an error (read commands never create databases).
    ///   - readOnly: opens without write access (no migration; an old version is refused).
    public init(path: String, create: Bool = true, readOnly: Bool = false) throws {
        self.path = path
        let isMemory = path == ":memory:" || path.isEmpty
        if !isMemory && !FileManager.default.fileExists(atPath: path) && (!create || readOnly) {
            throw ClaimsError.databaseMissing(path: path)
        }
        do {
            connection = try Database(path: path, mode: readOnly ? .readOnly : .readWrite)
            try Self.prepareSchema(connection, path: path, readOnly: readOnly)
            if !readOnly {
                try connection.enableWriteAheadLog()
                try SearchIndexMaintenance.ensureCurrent(self)
            }
        } catch let error as SQLiteError where error.code == 26 /* SQLITE_NOTADB */ {
            throw ClaimsError.notAClaimsDatabase(path: path, reason: "not an SQLite database file")
        }
    }

    private static func prepareSchema(_ db: Database, path: String, readOnly: Bool) throws {
        let applicationID = try db.scalarInt("PRAGMA application_id")
        let version = try db.scalarInt("PRAGMA user_version")
        let tableCount = try db.scalarInt("SELECT count(*) FROM sqlite_schema")
        if tableCount == 0 && applicationID == 0 {
            guard !readOnly else { throw ClaimsError.notAClaimsDatabase(path: path, reason: "empty file") }
            try db.transaction { try db.execute(EmbeddedResources.schema) }
            return
        }
        guard applicationID == Migrations.applicationID else {
            throw ClaimsError.notAClaimsDatabase(path: path, reason: "its application_id is \(applicationID), not claims'")
        }
        if version > Migrations.currentVersion {
            throw ClaimsError.newerSchema(path: path, found: version, supported: Migrations.currentVersion)
        }
        if version < Migrations.currentVersion {
            guard !readOnly else {
                throw ClaimsError.notAClaimsDatabase(path: path, reason: "schema version \(version) needs a migration; open it once without read-only")
            }
            try db.transaction {
                for from in version..<Migrations.currentVersion {
                    if let step = Migrations.steps[from] { try db.execute(step) }
                }
                try db.execute(EmbeddedResources.schema)
            }
        }
    }

    /// The schema version of the open database.
    public var schemaVersion: Int { (try? connection.scalarInt("PRAGMA user_version")) ?? 0 }
}
