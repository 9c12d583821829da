import CSQLite

// SQLite copies bound text and blobs when given this destructor.
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement. Parameters are always bound, never pasted into SQL.
/// Reusable: `bind` resets it first.
public final class Statement {
    let handle: OpaquePointer
    unowned let database: Database
    public let sql: String

    init(database: Database, sql: String) throws {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw SQLiteError(connection: database.handle, code: code, sql: sql)
        }
        self.handle = handle
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Number of `?` / `:name` parameters.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// Resets the statement and binds values by position (1-based in SQL, 0-based here).
    @discardableResult
    public func bind(_ values: [any SQLBindable]) throws -> Statement {
        try resetAndClear()
        guard values.count == parameterCount else {
            throw SQLiteError(code: SQLITE_RANGE, message: "statement has \(parameterCount) parameters, \(values.count) values given", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            try bind(value.sqlValue, at: Int32(offset + 1))
        }
        return self
    }

    /// Resets the statement and binds values by name (`:name`, `@name` or `$name`; the key may omit the prefix).
    @discardableResult
    public func bind(named values: [String: any SQLBindable]) throws -> Statement {
        try resetAndClear()
        for (name, value) in values {
            var index: Int32 = 0
            for prefix in name.first.map({ [":", "@", "$"].contains($0) }) == true ? [""] : [":", "@", "$"] {
                index = sqlite3_bind_parameter_index(handle, prefix + name)
                if index != 0 { break }
            }
            guard index != 0 else {
                throw SQLiteError(code: SQLITE_RANGE, message: "no parameter named \(name)", sql: sql)
            }
            try bind(value.sqlValue, at: index)
        }
        return self
    }

    private func resetAndClear() throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    private func bind(_ value: SQLValue, at index: Int32) throws {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, index)
        case .integer(let v): code = sqlite3_bind_int64(handle, index, v)
        case .real(let v): code = sqlite3_bind_double(handle, index, v)
        case .text(let v):
            // With its length in bytes, never -1: a NUL inside the text (`\u0000` in JSON) is kept
            // instead of ending the string there.
            var text = v
            code = text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    // (An empty string has no buffer; a null pointer would bind NULL, not '' .)
                    guard let start = chars.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, SQLITE_TRANSIENT) }
                    return sqlite3_bind_text64(handle, index, start, sqlite3_uint64(chars.count), SQLITE_TRANSIENT, UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let v):
            code = v.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), SQLITE_TRANSIENT) }
        }
        guard code == SQLITE_OK else { throw SQLiteError(connection: database.handle, code: code, sql: sql) }
    }

    /// Advances one row. Returns false when done. The statement is reset on completion or error,
    /// so that it never holds a read transaction open.
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE:
            sqlite3_reset(handle)
            return false
        default:
            let error = SQLiteError(connection: database.handle, code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs a statement that returns no rows.
    public func run() throws {
        while try step() {}
    }

    /// The current row; valid until the next `step`.
    public var row: Row { Row(statement: self) }

    /// Steps through every row, mapping each.
    public func map<T>(_ transform: (Row) throws -> T) throws -> [T] {
        var result: [T] = []
        do {
            while try step() { result.append(try transform(row)) }
        } catch {
            sqlite3_reset(handle)
            throw error
        }
        return result
    }

    /// Calls `body` for each row without collecting (streaming).
    public func forEach(_ body: (Row) throws -> Void) throws {
        do {
            while try step() { try body(row) }
        } catch {
            sqlite3_reset(handle)
            throw error
        }
    }

    public var columnNames: [String] {
        (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
    }
}

/// Typed access to the columns of the current row.
public struct Row {
    let statement: Statement
    var handle: OpaquePointer { statement.handle }

    public var count: Int { Int(sqlite3_column_count(handle)) }

    public subscript(index: Int) -> SQLValue {
        let i = Int32(index)
        switch sqlite3_column_type(handle, i) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, i))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, i))
        case SQLITE_TEXT: return .text(text(i))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, i))
            guard count > 0, let bytes = sqlite3_column_blob(handle, i) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    public subscript(name: String) -> SQLValue {
        guard let index = columnIndex(name) else { return .null }
        return self[index]
    }

    public func columnIndex(_ name: String) -> Int? {
        for i in 0..<count where String(cString: sqlite3_column_name(handle, Int32(i))) == name { return i }
        return nil
    }

    private func text(_ i: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, i) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, i))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    public func isNull(_ index: Int) -> Bool { sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL }
    public func int(_ index: Int) -> Int { Int(sqlite3_column_int64(handle, Int32(index))) }
    public func int64(_ index: Int) -> Int64 { sqlite3_column_int64(handle, Int32(index)) }
    public func double(_ index: Int) -> Double { sqlite3_column_double(handle, Int32(index)) }
    public func bool(_ index: Int) -> Bool { int64(index) != 0 }
    public func string(_ index: Int) -> String { text(Int32(index)) }
    public func optionalString(_ index: Int) -> String? { isNull(index) ? nil : text(Int32(index)) }
    public func optionalInt(_ index: Int) -> Int? { isNull(index) ? nil : int(index) }
    public func optionalDouble(_ index: Int) -> Double? { isNull(index) ? nil : double(index) }
}
