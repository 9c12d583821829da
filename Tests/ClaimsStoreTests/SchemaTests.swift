import XCTest
@testable import ClaimsStore

final class SchemaTests: XCTestCase {
    func testEmbeddedCopiesEqualTheFiles() throws {
        XCTAssertFalse(EmbeddedResources.all.isEmpty)
        for (path, embedded) in EmbeddedResources.all {
            let onDisk = try String(contentsOfFile: TestSupport.path(path), encoding: .utf8)
            XCTAssertEqual(embedded, onDisk, "\(path) differs from the copy in the binary: run scripts/embed-resources.sh")
        }
        XCTAssertNotNil(EmbeddedResources.all["schema.sql"])
        XCTAssertNotNil(EmbeddedResources.all["Data/gazetteer.tsv"])
    }

    func testSchemaVersionMatchesMigrations() throws {
        let db = try TestSupport.memoryDatabase()
        XCTAssertEqual(db.schemaVersion, Migrations.currentVersion)
        XCTAssertEqual(try db.connection.scalarInt("PRAGMA application_id"), Migrations.applicationID)
    }

    func testNewFileIsCreatedAndReopened() throws {
        let path = try TestSupport.temporaryDirectory() + "/new.db"
        _ = try ClaimsDatabase(path: path)
        let reopened = try ClaimsDatabase(path: path, create: false)
        XCTAssertEqual(reopened.schemaVersion, Migrations.currentVersion)
        XCTAssertEqual(try reopened.connection.scalar("PRAGMA journal_mode"), .text("wal"))
    }

    func testMissingDatabaseIsNotCreatedByReaders() throws {
        let path = try TestSupport.temporaryDirectory() + "/missing.db"
        XCTAssertThrowsError(try ClaimsDatabase(path: path, create: false)) { error in
            XCTAssertEqual(error as? ClaimsError, .databaseMissing(path: path))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testForeignDatabaseIsRefusedAndLeftUntouched() throws {
        let path = try TestSupport.temporaryDirectory() + "/other.db"
        do {
            let other = try Database(path: path)
            try other.execute("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try ClaimsDatabase(path: path)) { error in
            guard case ClaimsError.notAClaimsDatabase = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("not a claims database"))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }

    func testNonDatabaseFileIsRefused() throws {
        let path = try TestSupport.temporaryDirectory() + "/text.db"
        try "هذا ليس قاعدة بيانات، بل نص عادي طويل بما يكفي ليبدو ملفا".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ClaimsDatabase(path: path)) { error in
            XCTAssertTrue("\(error)".contains("not an SQLite database"), "\(error)")
        }
    }

    func testNewerSchemaIsRefused() throws {
        let path = try TestSupport.temporaryDirectory() + "/newer.db"
        do {
            let db = try ClaimsDatabase(path: path)
            try db.connection.execute("PRAGMA user_version = \(Migrations.currentVersion + 1)")
        }
        XCTAssertThrowsError(try ClaimsDatabase(path: path)) { error in
            XCTAssertEqual(error as? ClaimsError, .newerSchema(path: path, found: Migrations.currentVersion + 1, supported: Migrations.currentVersion))
        }
    }

    func testOlderSchemaIsMigratedKeepingData() throws {
        let path = try TestSupport.temporaryDirectory() + "/older.db"
        do {
            let db = try ClaimsDatabase(path: path)
            _ = try ArticleStore(database: db).insert(CleanArticle(source: "a.txt", title: "عنوان", body: "نص المقال عن حمص", url: nil, outlet: nil, published: nil, extraJSON: nil))
            // Simulate an older file: drop what a later version adds and lower the version.
            try db.connection.execute("DROP INDEX articles_outlet; PRAGMA user_version = 0")
        }
        let migrated = try ClaimsDatabase(path: path)
        XCTAssertEqual(migrated.schemaVersion, Migrations.currentVersion)
        XCTAssertEqual(try migrated.connection.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'articles_outlet'"), 1)
        XCTAssertEqual(try ArticleStore(database: migrated).count(), 1)
    }
}
