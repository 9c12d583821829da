import XCTest
@testable import ClaimsStore

final class DatabaseTests: XCTestCase {
    func makeDatabase() throws -> Database {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, score REAL, data BLOB, flag INTEGER)")
        return db
    }

    func testBindsAndReadsEveryTypeByPosition() throws {
        let db = try makeDatabase()
        try db.run("INSERT INTO t (name, score, data, flag) VALUES (?, ?, ?, ?)", "بقائي", 0.75, [UInt8]([1, 2, 3]), true)
        let row = try XCTUnwrap(try db.queryOne("SELECT id, name, score, data, flag FROM t") { row in
            (row.int(0), row.string(1), row.double(2), row[3], row.bool(4))
        })
        XCTAssertEqual(row.0, 1)
        XCTAssertEqual(row.1, "بقائي")
        XCTAssertEqual(row.2, 0.75)
        XCTAssertEqual(row.3, .blob([1, 2, 3]))
        XCTAssertTrue(row.4)
    }

    func testBindsByNameAndNull() throws {
        let db = try makeDatabase()
        let insert = try db.prepare("INSERT INTO t (name, score) VALUES (:name, :score)")
        try insert.bind(named: ["name": "حمص", "score": Optional<Double>.none]).run()
        try insert.bind(named: [":name": "دمشق", "score": 2.5]).run()
        let rows = try db.query("SELECT name, score FROM t ORDER BY id") { ($0.string(0), $0.optionalDouble(1)) }
        XCTAssertEqual(rows.map(\.0), ["حمص", "دمشق"])
        XCTAssertEqual(rows.map(\.1), [nil, 2.5])
        XCTAssertThrowsError(try insert.bind(named: ["missing": 1]))
    }

    func testWrongParameterCountIsAnError() throws {
        let db = try makeDatabase()
        XCTAssertThrowsError(try db.run("INSERT INTO t (name) VALUES (?)", "a", "b")) { error in
            XCTAssertTrue((error as? SQLiteError)?.message.contains("1 parameters, 2 values") == true)
        }
    }

    func testErrorsCarryCodeMessageAndSQL() throws {
        let db = try makeDatabase()
        try db.run("INSERT INTO t (name) VALUES (?)", "x")
        XCTAssertThrowsError(try db.run("INSERT INTO t (name) VALUES (?)", "x")) { error in
            let sqlError = error as? SQLiteError
            XCTAssertEqual(sqlError?.code, 19)                 // SQLITE_CONSTRAINT
            XCTAssertTrue(sqlError?.isUniqueViolation == true)
            XCTAssertTrue(sqlError?.message.contains("UNIQUE") == true)
            XCTAssertEqual(sqlError?.sql, "INSERT INTO t (name) VALUES (?)")
        }
        XCTAssertThrowsError(try db.prepare("SELEC nonsense")) { error in
            XCTAssertEqual((error as? SQLiteError)?.code, 1)
            XCTAssertTrue("\(error)".contains("SELEC nonsense"))
        }
    }

    func testValuesAreNeverInterpretedAsSQL() throws {
        let db = try makeDatabase()
        let hostile = "x'); DROP TABLE t; --"
        try db.run("INSERT INTO t (name) VALUES (?)", hostile)
        XCTAssertEqual(try db.scalar("SELECT name FROM t"), .text(hostile))
    }

    func testTransactionCommitsOnSuccessAndRollsBackOnError() throws {
        let db = try makeDatabase()
        try db.transaction { try db.run("INSERT INTO t (name) VALUES ('kept')") }
        struct Boom: Error {}
        XCTAssertThrowsError(try db.transaction {
            try db.run("INSERT INTO t (name) VALUES ('lost')")
            throw Boom()
        })
        XCTAssertEqual(try db.query("SELECT name FROM t") { $0.string(0) }, ["kept"])
        XCTAssertFalse(db.isInTransaction)
    }

    func testNestedTransactionRollsBackOnlyItsOwnWork() throws {
        let db = try makeDatabase()
        struct Boom: Error {}
        try db.transaction {
            try db.run("INSERT INTO t (name) VALUES ('outer')")
            XCTAssertThrowsError(try db.transaction {
                try db.run("INSERT INTO t (name) VALUES ('inner')")
                throw Boom()
            })
            try db.run("INSERT INTO t (name) VALUES ('after')")
        }
        XCTAssertEqual(try db.query("SELECT name FROM t ORDER BY id") { $0.string(0) }, ["outer", "after"])
    }

    func testCachedStatementIsReused() throws {
        let db = try makeDatabase()
        let first = try db.cached("SELECT count(*) FROM t")
        let second = try db.cached("SELECT count(*) FROM t")
        XCTAssertTrue(first === second)
        try db.run("INSERT INTO t (name) VALUES (?)", "a")
        XCTAssertEqual(try db.scalarInt("SELECT count(*) FROM t"), 1)
        try db.run("INSERT INTO t (name) VALUES (?)", "b")
        XCTAssertEqual(try db.scalarInt("SELECT count(*) FROM t"), 2)
    }

    func testPageCacheIsRaisedForTheBodyAndRestoredAfterEvenOnError() throws {
        let db = try Database(path: ":memory:")
        let inside = try db.withPageCache(kibibytes: 16_384) { try db.scalarInt("PRAGMA cache_size") }
        XCTAssertEqual(inside, -16_384)
        XCTAssertEqual(try db.scalarInt("PRAGMA cache_size"), -2000)
        struct Stop: Error {}
        XCTAssertThrowsError(try db.withPageCache(kibibytes: 8_192) { throw Stop() })
        XCTAssertEqual(try db.scalarInt("PRAGMA cache_size"), -2000)
    }
}

