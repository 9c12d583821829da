import Foundation
import XCTest
@testable import ClaimsStore

/// Crash safety and concurrency of the library: `verify()`, busy retries, duplicate-safe inserts,
/// clear errors for unusable database files, and cleaning that loses no text.
final class ReliabilityTests: XCTestCase {
    /// The sample corpus stored once (extraction is slow in debug builds), closed cleanly.
    static let sampleDatabase: Result<String, Error> = Result {
        let path = try TestSupport.temporaryDirectory() + "/samples.db"
        let db = try ClaimsDatabase(path: path)
        _ = try Ingester(database: db).ingest(paths: [TestSupport.path("Examples/articles")])
        return path
    }

    /// A private copy of the sample database.
    static func sampleDatabaseCopy() throws -> String {
        let copy = try TestSupport.temporaryDirectory() + "/samples.db"
        try FileManager.default.copyItem(atPath: try sampleDatabase.get(), toPath: copy)
        return copy
    }

    // MARK: verify()

    func testVerifyIsEmptyForASoundDatabase() throws {
        let path = try Self.sampleDatabaseCopy()
        let db = try ClaimsDatabase(path: path)
        XCTAssertEqual(db.verify(), [])
        XCTAssertEqual(try ClaimsDatabase.verify(path: path), [])
    }

    func testVerifyFindsAFullTextIndexOutOfStepWithItsContent() throws {
        let db = try ClaimsDatabase(path: try Self.sampleDatabaseCopy())
        // Delete an article behind the index's back.
        try db.connection.execute("DROP TRIGGER articles_fts_delete; DELETE FROM articles WHERE id = 2")
        let problems = db.verify()
        XCTAssertEqual(problems.count, 1, "\(problems)")
        XCTAssertTrue(problems[0].hasPrefix("articles_fts: the full-text index does not match its content"), problems[0])
        XCTAssertTrue(problems[0].contains("'rebuild'"), "says how to repair: \(problems[0])")
        // The suggested repair works.
        try db.connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
        XCTAssertEqual(db.verify(), [])
    }

    /// The checks are generic: they cover tables the schema does not have yet.
    func testVerifyCoversEveryFullTextTableAndForeignKey() throws {
        let db = try ClaimsDatabase(path: try TestSupport.temporaryDirectory() + "/generic.db")
        try db.connection.execute("""
            CREATE TABLE parents (id INTEGER PRIMARY KEY);
            CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parents(id));
            CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);
            CREATE VIRTUAL TABLE "notes fts" USING fts5(text, content='notes', content_rowid='id');
            PRAGMA foreign_keys = OFF;
            WITH RECURSIVE n(i) AS (SELECT 7 UNION ALL SELECT i + 1 FROM n WHERE i < 37)
            INSERT INTO children SELECT i, 42 FROM n;
            INSERT INTO notes VALUES (1, 'never indexed');
            PRAGMA foreign_keys = ON;
            """)
        let problems = db.verify()
        XCTAssertEqual(problems.count, 22, "20 orphans listed, 1 line for the other 11, 1 for the index: \(problems)")
        XCTAssertTrue(problems.contains("foreign_key_check: children row 7 refers to a missing row of parents"), "\(problems)")
        XCTAssertTrue(problems.contains("foreign_key_check: … and 11 more rows refer to missing rows"), "\(problems)")
        XCTAssertTrue(problems.contains { $0.hasPrefix("notes fts: the full-text index does not match") }, "\(problems)")
    }

    func testVerifyOfADamagedFileListsProblemsInsteadOfThrowing() throws {
        let path = try Self.sampleDatabaseCopy()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertGreaterThan(bytes.count, 8 * 4096)
        for i in 4096..<(4096 * 3) { bytes[i] = UInt8(truncatingIfNeeded: i &* 31) }   // garbage over pages 2–3
        try bytes.write(to: URL(fileURLWithPath: path))
        let problems = try ClaimsDatabase.verify(path: path)
        XCTAssertFalse(problems.isEmpty)
        XCTAssertThrowsError(try ClaimsDatabase.verify(path: path + ".missing")) { error in
            XCTAssertEqual(error as? ClaimsError, .databaseMissing(path: path + ".missing"))
        }
    }

    // MARK: opening unusable files

    func testUnusableDatabasePathsGiveClearErrors() throws {
        let dir = try TestSupport.temporaryDirectory()
        XCTAssertThrowsError(try ClaimsDatabase(path: dir)) { error in
            XCTAssertEqual(error as? ClaimsError, .cannotOpen(path: dir, reason: "it is a directory, not a database file"))
        }
        XCTAssertThrowsError(try ClaimsDatabase(path: dir + "/no/such/dir/x.db")) { error in
            XCTAssertEqual(error as? ClaimsError, .cannotOpen(path: dir + "/no/such/dir/x.db", reason: "the directory \(dir)/no/such/dir does not exist"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/no"))
        // Truncated to half: damaged, named, and left as it was.
        let path = try Self.sampleDatabaseCopy()
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try SearchEngine(database: try ClaimsDatabase(path: path, create: false)).search("حمص")) { error in
            guard case ClaimsError.damaged(let named, _)? = error as? ClaimsError else { return XCTFail("\(error)") }
            XCTAssertEqual(named, path)
            XCTAssertTrue("\(error)".contains(".recover"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)).count, whole.count / 2)
    }

    func testReadOnlyOpeningStillReadsAndRefusesWrites() throws {
        let path = try Self.sampleDatabaseCopy()
        let reader = try ClaimsDatabase(path: path, create: false, readOnly: true)
        XCTAssertTrue(reader.isReadOnly)
        XCTAssertEqual(try ArticleStore(database: reader).count(), 5)
        XCTAssertFalse(try SearchEngine(database: reader).search("حمص").isEmpty)
        XCTAssertEqual(reader.verify(), [], "verify works read-only too")
        XCTAssertThrowsError(try Ingester(database: reader).ingest(drafts: [ArticleDraft(source: "x", body: "عنوان\n\nنص جديد عن حمص.")])) { error in
            XCTAssertEqual((error as? SQLiteError)?.code, 8, "SQLITE_READONLY: \(error)")
            XCTAssertEqual(ClaimsError.database(path, error as! SQLiteError), .readOnly(path: path, reason: (error as! SQLiteError).message))
        }
    }

    // MARK: concurrency

    /// A connection that finds the write lock held past its busy timeout retries the whole transaction.
    func testBusyTransactionIsRetriedWithBackoff() throws {
        let path = try TestSupport.temporaryDirectory() + "/busy.db"
        _ = try ClaimsDatabase(path: path)
        let holder = LockHolder(try Database(path: path))
        try holder.database.execute("BEGIN IMMEDIATE")
        let writer = try ClaimsDatabase(path: path)
        let impatient = try Database(path: path, busyTimeout: .milliseconds(30))
        _ = writer
        let released = expectation(description: "lock released")
        let releasing = ResultBox()
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.4)
            releasing.add(1)
            try? holder.database.execute("COMMIT")
            released.fulfill()
        }
        let id = try impatient.transaction { () -> Int64 in
            try impatient.run("INSERT INTO articles (source, title, body, content_hash, ingested_at, title_search, body_search) VALUES ('t', 't', 'b', 'h', 'now', 't', 'b')")
            return impatient.lastInsertRowID
        }
        XCTAssertEqual(id, 1)
        XCTAssertGreaterThan(impatient.busyRetries, 0, "the first attempts found the database locked")
        XCTAssertEqual(releasing.total, 1, "the transaction went through only once the holder was committing")
        wait(for: [released], timeout: 5)

        // A lock held through every retry is an error (busy), not a hang, and leaves no transaction open.
        try holder.database.execute("BEGIN IMMEDIATE")
        impatient.busyRetryLimit = 2
        XCTAssertThrowsError(try impatient.transaction { try impatient.run("DELETE FROM articles") }) { error in
            XCTAssertTrue((error as? SQLiteError)?.isBusy == true, "\(error)")
            XCTAssertEqual(ClaimsError.database(path, error as! SQLiteError), .busy(path: path))
        }
        XCTAssertFalse(impatient.isInTransaction)
        try holder.database.execute("COMMIT")
        XCTAssertEqual(try impatient.scalarInt("SELECT count(*) FROM articles"), 1, "the failed DELETE changed nothing")
    }

    /// Several connections storing the same articles at once, in transactions and without: each once.
    func testConcurrentInsertsOfTheSameArticlesStoreEachOnce() throws {
        let path = try TestSupport.temporaryDirectory() + "/race.db"
        _ = try ClaimsDatabase(path: path)
        let articles = (0..<150).map { i in
            CleanArticle(source: "s\(i)", title: "عنوان \(i)", body: "قال المرصد إن القوات انسحبت من حمص، الخبر رقم \(i).",
                         url: nil, outlet: nil, published: nil, extraJSON: nil)
        }
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            do {
                let db = try ClaimsDatabase(path: path)
                let store = ArticleStore(database: db)
                var inserted = 0
                for article in worker % 2 == 0 ? articles : articles.reversed() {
                    let result = worker < 2 ? try db.connection.transaction { try store.insert(article) } : try store.insert(article)
                    if case .inserted = result { inserted += 1 }
                }
                results.add(inserted)
            } catch {
                results.fail("\(error)")
            }
        }
        XCTAssertEqual(results.errors, [])
        XCTAssertEqual(results.total, articles.count, "each article inserted by exactly one connection")
        let db = try ClaimsDatabase(path: path)
        XCTAssertEqual(try ArticleStore(database: db).count(), articles.count)
        XCTAssertEqual(db.verify(), [])
    }

    // MARK: input that must not be lost or hang

    func testOneLineBodiesMentioningDatesAndNewslettersAreKeptWhole() throws {
        let cleaner = ArticleCleaner()
        let cases = [
            "وكان التقرير الذي نشر في 5 ديسمبر 2024 قد أشار إلى انسحاب القوات من حمص.",
            "نشر في 06-12-2024 | 23:47. تحولات السلطة في درعا ودير الزور.",
            "قتل 5 أشخاص في 6 ديسمبر 2024.",
            "قال المتحدث إن النشرة الإخبارية الجديدة متاحة بعد التسجيل، وأضاف أن القوات انسحبت من حمص ومن ريف حماة الشمالي بعد معارك عنيفة.",
        ]
        for body in cases {
            let draft = ArticleDraft(source: "x.jsonl:1", title: "عنوان", body: body, isPlainText: false)
            XCTAssertEqual(try cleaner.clean(draft).body, body)
        }
        // The header date line of a scraped article is still read and dropped.
        let scraped = try cleaner.clean(ArticleDraft(source: "a.txt", body: "العنوان\nنشر في 06-12-2024 | 23:47\n\nقالت المعارضة إن قواتها وصلت إلى حمص."))
        XCTAssertEqual(scraped.published, "2024-12-06T23:47")
        XCTAssertEqual(scraped.body, "قالت المعارضة إن قواتها وصلت إلى حمص.")
    }

    /// A long line is searched for its end once: reading it costs linear time (it used to rescan on
    /// every 64 KiB). The time itself is a benchmark figure (`claims-bench long-lines`).
    func testVeryLongLinesAreReadInLinearTime() throws {
        let path = try TestSupport.temporaryDirectory() + "/long.jsonl"
        let line = [UInt8](repeating: UInt8(ascii: "a"), count: 6 << 20)
        var bytes = line + [0x0A] + Array("{\"body\": \"x\"}\n".utf8) + line + [0x0A] + Array("tail".utf8)
        let total = bytes.count
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        bytes = []
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let reader = LineReader(fileDescriptor: fd, maxLineBytes: 8 << 20)
        guard case .text(let first)? = try reader.next() else { return XCTFail("first line") }
        XCTAssertEqual(first.count, 6 << 20)
        guard case .text(let second)? = try reader.next() else { return XCTFail("second line") }
        XCTAssertEqual(String(decoding: second, as: UTF8.self), "{\"body\": \"x\"}")
        guard case .text(let third)? = try reader.next() else { return XCTFail("third line") }
        XCTAssertEqual(third.count, 6 << 20)
        guard case .text(let tail)? = try reader.next() else { return XCTFail("tail") }
        XCTAssertEqual(tail, Array("tail".utf8))
        XCTAssertNil(try reader.next())
        XCTAssertEqual(reader.bytesSearched, total, "each byte of 12 MiB of lines is searched for a newline once")

        // Over the limit: reported with its size, and the next line is intact.
        let limited = open(path, O_RDONLY)
        defer { close(limited) }
        let small = LineReader(fileDescriptor: limited, maxLineBytes: 1 << 20)
        guard case .tooLong(let count)? = try small.next() else { return XCTFail("too long") }
        XCTAssertEqual(count, 6 << 20)
        guard case .text(let next)? = try small.next() else { return XCTFail("next") }
        XCTAssertEqual(String(decoding: next, as: UTF8.self), "{\"body\": \"x\"}")
    }

    func testDeeplyNestedQueryIsAClearErrorNotAnFTS5Message() throws {
        let deep = String(repeating: "(", count: 300) + "حمص" + String(repeating: ")", count: 300)
        XCTAssertThrowsError(try SearchQuery(deep)) { error in
            XCTAssertEqual(error as? ClaimsError, .invalidQuery("parentheses nested more than 20 deep"))
        }
        let fine = String(repeating: "(", count: 20) + "حمص" + String(repeating: ")", count: 20)
        let db = try ClaimsDatabase(path: try Self.sampleDatabaseCopy())
        XCTAssertFalse(try SearchEngine(database: db).search(fine).isEmpty)
    }
}

/// Hands a connection to another thread (the test serialises its use).
final class LockHolder: @unchecked Sendable {
    let database: Database
    init(_ database: Database) { self.database = database }
}

/// Collects results from concurrent workers.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int] = []
    private var failures: [String] = []
    func add(_ count: Int) { lock.lock(); counts.append(count); lock.unlock() }
    func fail(_ message: String) { lock.lock(); failures.append(message); lock.unlock() }
    var total: Int { lock.lock(); defer { lock.unlock() }; return counts.reduce(0, +) }
    var errors: [String] { lock.lock(); defer { lock.unlock() }; return failures }
}
