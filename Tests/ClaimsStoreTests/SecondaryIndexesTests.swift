import Foundation
import XCTest
@testable import ClaimsStore

/// A large ingest stores without the indexes it does not read and makes them at its end; one that
/// dies in between leaves them to the next writer that opens the database.
final class SecondaryIndexesTests: XCTestCase {
    func indexes(_ db: Database) throws -> Set<String> {
        Set(try db.query("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL") { $0.string(0) })
    }

    func testEveryDeferredIndexIsDeclaredInTheSchema() {
        XCTAssertEqual(SecondaryIndexes.definitions().count, SecondaryIndexes.names.count)
    }

    func testALargeIngestMakesTheIndexesAtItsEnd() throws {
        let db = try TestSupport.memoryDatabase()
        let all = try indexes(db.connection)
        XCTAssertTrue(Set(SecondaryIndexes.names).isSubset(of: all))
        let ingester = try Ingester(database: db)
        ingester.deferIndexesFromBytes = 1
        var missingWhileStoring: Set<String> = []
        ingester.progress = { _ in missingWhileStoring.formUnion(all.subtracting((try? self.indexes(db.connection)) ?? all)) }
        let report = try ingester.ingest(paths: [TestSupport.path("Examples/articles")])
        XCTAssertEqual(report.inserted.count, 5)
        XCTAssertEqual(missingWhileStoring, Set(SecondaryIndexes.names))
        XCTAssertEqual(try indexes(db.connection), all)
        XCTAssertNil(try db.connection.queryOne("SELECT value FROM settings WHERE key = ?", [SecondaryIndexes.settingKey]) { $0.string(0) })
        XCTAssertEqual(db.verify(), [])
        // The same archive as an ingest that keeps its indexes.
        let plain = try TestSupport.memoryDatabase()
        _ = try Ingester(database: plain).ingest(paths: [TestSupport.path("Examples/articles")])
        let tables = "SELECT (SELECT count(*) FROM mentions), (SELECT count(*) FROM claims), (SELECT count(*) FROM claim_entities), (SELECT count(*) FROM conflicts)"
        XCTAssertEqual(try db.connection.query(tables) { [$0.int(0), $0.int(1), $0.int(2), $0.int(3)] },
                       try plain.connection.query(tables) { [$0.int(0), $0.int(1), $0.int(2), $0.int(3)] })
        // Into an archive larger than the input, the indexes stay.
        let second = try Ingester(database: db)
        second.deferIndexesFromBytes = 1
        second.progress = { _ in missingWhileStoring = all.subtracting((try? self.indexes(db.connection)) ?? all) }
        _ = try second.ingest(paths: [try writeArticle("خبر قصير\n\nقال المرصد إن القوات انسحبت من حماة.")])
        XCTAssertEqual(missingWhileStoring, [])
    }

    func testIndexesDroppedByAnIngestThatDiedAreMadeAtTheNextOpening() throws {
        let path = try TestSupport.temporaryDirectory() + "/deferred.db"
        let all: Set<String>
        do {
            let db = try ClaimsDatabase(path: path)
            all = try indexes(db.connection)
            XCTAssertTrue(try SecondaryIndexes.deferIfWorthIt(inputBytes: 1, minimumBytes: 1, db.connection))
            XCTAssertTrue(try indexes(db.connection).isDisjoint(with: SecondaryIndexes.names))
            // Still running (this process): another opening leaves them dropped.
            _ = try ClaimsDatabase(path: path)
            XCTAssertTrue(try indexes(db.connection).isDisjoint(with: SecondaryIndexes.names))
            // The process that dropped them is gone (no process has this id).
            try db.connection.run("UPDATE settings SET value = ? WHERE key = ?", "2147483646", SecondaryIndexes.settingKey)
        }
        let reopened = try ClaimsDatabase(path: path)
        XCTAssertEqual(try indexes(reopened.connection), all)
        XCTAssertNil(try reopened.connection.queryOne("SELECT value FROM settings WHERE key = ?", [SecondaryIndexes.settingKey]) { $0.string(0) })
    }

    private func writeArticle(_ text: String) throws -> String {
        let path = try TestSupport.temporaryDirectory() + "/article.txt"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
