import Foundation

/// Consistency checks of a claims database (`claims verify`): generic, so they cover every table the
/// schema has or will have.
extension ClaimsDatabase {
    /// Checks the open database and returns its problems, one sentence each (empty when sound):
    /// - `PRAGMA integrity_check`: the b-trees, indexes, UNIQUE and NOT NULL constraints;
    /// - `PRAGMA foreign_key_check`: every foreign key points at an existing row;
    /// - for every FTS5 table in `sqlite_schema`, FTS5's `integrity-check` against its content
    ///   (for external-content tables, that the index holds exactly the rows of the content table).
    ///   On a read-only connection, where FTS5 cannot run it, the indexed row count is compared with
    ///   the content's instead;
    /// - every index schema.sql declares exists (unless a running ingest dropped it), and no
    ///   recomputation of the relations was left half done (`StaleRelations`).
    public func verify() -> [String] {
        var problems: [String] = []
        let db = connection
        func describe(_ error: Error) -> String {
            (error as? SQLiteError)?.message ?? "\(error)"
        }
        do {
            let rows = try db.query("PRAGMA integrity_check(100)") { $0.string(0) }
            if rows != ["ok"] {
                // A row may hold several lines (`*** in database main ***` then one per fault).
                let lines = rows.flatMap { $0.split(separator: "\n").map(String.init) }.filter { !$0.hasPrefix("***") }
                problems += lines.prefix(Self.maxReportedLines).map { "integrity_check: \($0)" }
                if lines.count > Self.maxReportedLines {
                    problems.append("integrity_check: … and \(lines.count - Self.maxReportedLines) more")
                }
            }
        } catch {
            problems.append("integrity_check could not run: \(describe(error))")
        }
        do {
            let orphans = try db.query("PRAGMA foreign_key_check") { row in
                "foreign_key_check: \(row.string(0)) row \(row.optionalInt(1).map(String.init) ?? "?") refers to a missing row of \(row.string(2))"
            }
            problems += orphans.prefix(Self.maxReportedLines)
            if orphans.count > Self.maxReportedLines {
                problems.append("foreign_key_check: … and \(orphans.count - Self.maxReportedLines) more rows refer to missing rows")
            }
        } catch {
            problems.append("foreign_key_check could not run: \(describe(error))")
        }
        problems += unfinishedWork(describe)
        let ftsTables: [String]
        do {
            ftsTables = try db.query("""
                SELECT name FROM sqlite_schema
                WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' AND lower(sql) LIKE '%using fts5%'
                ORDER BY name
                """) { $0.string(0) }
        } catch {
            problems.append("cannot list the full-text tables: \(describe(error))")
            return problems
        }
        for name in ftsTables {
            let table = Self.quotedIdentifier(name)
            do {
                if db.isReadOnly {
                    let docsize = name + "_docsize"
                    guard try db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = ?", [docsize]) == 1 else { continue }
                    let indexed = try db.scalarInt("SELECT count(*) FROM \(Self.quotedIdentifier(docsize))")
                    let rows = try db.scalarInt("SELECT count(*) FROM \(table)")
                    if indexed != rows {
                        problems.append("\(name): the full-text index holds \(indexed) rows, its content \(rows)")
                    }
                } else {
                    try db.execute("INSERT INTO \(table)(\(table), rank) VALUES ('integrity-check', 1)")
                }
            } catch {
                problems.append("\(name): the full-text index does not match its content (\(describe(error))); "
                    + "rebuild it with: sqlite3 \(path) \"INSERT INTO \(name)(\(name)) VALUES ('rebuild')\"")
            }
        }
        return problems
    }

    /// Indexes missing from the schema and relations left stale by a process that no longer runs.
    private func unfinishedWork(_ describe: (Error) -> String) -> [String] {
        var problems: [String] = []
        do {
            let declared = EmbeddedResources.schema.split(separator: "\n").compactMap { line -> String? in
                for prefix in ["CREATE INDEX IF NOT EXISTS ", "CREATE UNIQUE INDEX IF NOT EXISTS "] where line.hasPrefix(prefix) {
                    return line.dropFirst(prefix.count).split(separator: " ").first.map(String.init)
                }
                return nil
            }
            let present = Set(try connection.query("SELECT name FROM sqlite_schema WHERE type = 'index'") { $0.string(0) })
            let missing = declared.filter { !present.contains($0) }
            let deferred = try connection.scalarInt("SELECT count(*) FROM settings WHERE key = ?", [SecondaryIndexes.settingKey]) == 1
            let ownerGone = try SecondaryIndexes.areMissing(connection)
            if !missing.isEmpty, !deferred || ownerGone {
                problems.append("indexes missing: \(missing.joined(separator: ", "))"
                    + (deferred ? " (dropped by an interrupted ingest; the next writing command, e.g. `claims extract`, makes them)" : ""))
            }
            if try StaleRelations.needRepair(connection) { problems.append(StaleRelations.problem) }
        } catch {
            problems.append("cannot check the indexes and settings: \(describe(error))")
        }
        return problems
    }

    /// Opens the database at `path` and checks it (`verify()`). A file that cannot even be opened
    /// as a claims database (not SQLite, damaged header, newer version) is one problem; only a
    /// missing file is thrown (`ClaimsError.databaseMissing`).
    public static func verify(path: String) throws -> [String] {
        // (Before SQLite opens the files, which can reset what they show.)
        let fileProblems = access(path, F_OK) == 0 ? DatabaseFileCheck.problems(path: path) : []
        do {
            return try fileProblems + ClaimsDatabase(path: path, create: false).verify()
        } catch let error as ClaimsError {
            switch error {
            case .databaseMissing: throw error
            case .damaged(_, let reason):
                return fileProblems + ["the file cannot be opened: \(reason); restore a backup, or recover what is readable with "
                        + "`sqlite3 \(path) .recover | sqlite3 NEW.db`"]
            default: return fileProblems + [error.description]
            }
        } catch let error as SQLiteError {
            return fileProblems + [ClaimsError.database(path, error)?.description ?? "database error: \(error.message)"]
        }
    }

    static let maxReportedLines = 20

    static func quotedIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
