import Foundation
import CSQLite

/// An error reported by SQLite, carrying everything needed to understand it:
/// the primary and extended result codes, SQLite's message and the SQL that failed.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let extendedCode: Int32
    public let message: String
    public let sql: String?

    public init(code: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil) {
        self.code = code
        self.extendedCode = extendedCode ?? code
        self.message = message
        self.sql = sql
    }

    /// Builds the error from the connection's current error state.
    init(connection: OpaquePointer?, code: Int32, sql: String?) {
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        self.init(code: code & 0xFF, extendedCode: extended,
                  message: Self.withSystemError(message, code: code, connection: connection), sql: sql)
    }

    /// For errors of the file system (I/O, full, cannot open), SQLite's message says little
    /// ("disk I/O error"); the operating system's reason ("File too large", "Permission denied") is added.
    static func withSystemError(_ message: String, code: Int32, connection: OpaquePointer?) -> String {
        guard [SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN].contains(code & 0xFF), let connection else { return message }
        let errno = sqlite3_system_errno(connection)
        guard errno != 0 else {
            // SQLite keeps no errno for a failed write (ENOSPC becomes SQLITE_FULL, anything else this).
            let extended = code > 0xFF ? code : sqlite3_extended_errcode(connection)
            return extended == 778 /* SQLITE_IOERR_WRITE */ ? "\(message) while writing (disk full or file size limit reached?)" : message
        }
        let reason = String(cString: strerror(errno))
        return message.contains(reason) ? message : "\(message) (\(reason))"
    }

    /// True when another connection holds the lock (worth retrying).
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
    /// True for a UNIQUE / PRIMARY KEY violation.
    public var isUniqueViolation: Bool {
        extendedCode == 2067 /* SQLITE_CONSTRAINT_UNIQUE */ || extendedCode == 1555 /* SQLITE_CONSTRAINT_PRIMARYKEY */
    }

    public var description: String {
        var text = "SQLite error \(code)"
        if extendedCode != code { text += " (extended \(extendedCode))" }
        text += ": \(message)"
        if let sql { text += " — in: \(sql.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))" }
        return text
    }
}
