import XCTest
@testable import ClaimsStore

final class IngestTests: XCTestCase {
    func testSampleCorpusTwiceIsDeduplicated() throws {
        let db = try TestSupport.memoryDatabase()
        let ingester = try Ingester(database: db)
        let first = try ingester.ingest(paths: [TestSupport.path("Examples/articles")])
        XCTAssertEqual(first.inserted.count, 5)
        XCTAssertEqual(first.failures, [])
        let second = try ingester.ingest(paths: [TestSupport.path("Examples/articles")])
        XCTAssertEqual(second.inserted.count, 0)
        XCTAssertEqual(second.duplicates, 5)
        XCTAssertEqual(try db.connection.scalarInt("SELECT count(*) FROM articles_fts"), 5)
    }

    func testDedupeIgnoresDiacriticsAndSpacing() throws {
        let db = try TestSupport.memoryDatabase()
        let store = ArticleStore(database: db)
        let a = CleanArticle(source: "a", title: "ت", body: "السفارة ما زالت فعّالة", url: nil, outlet: nil, published: nil, extraJSON: nil)
        var b = a
        b.body = "السفارة  ما زالت فعالة"
        XCTAssertEqual(try store.insert(a), .inserted(id: 1))
        XCTAssertEqual(try store.insert(b), .duplicate(existingID: 1))
    }

    func testJSONLinesGoodAndBadLines() throws {
        let dir = try TestSupport.temporaryDirectory()
        let path = dir + "/feed.jsonl"
        try """
        {"title": "إيران تنفي", "body": "نفى المتحدث باسم الخارجية الإيرانية إخلاء السفارة.", "outlet": "أخبار سورية", "date": "2024-12-07", "lang": "ar"}
        {"title": "مكسور", "body": "نص"
        {"title": 5, "body": "نص آخر"}
        {"title": "بلا نص"}

        {"text": "قال المرصد السوري إن القوات انسحبت من حمص.", "published": "٧ ديسمبر ٢٠٢٤"}
        [1, 2]
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let db = try TestSupport.memoryDatabase()
        let report = try Ingester(database: db).ingest(paths: [path])
        XCTAssertEqual(report.inserted.count, 2)
        XCTAssertEqual(report.failures.map(\.location), ["\(path):2", "\(path):3", "\(path):4", "\(path):7"])
        XCTAssertTrue(report.failures[0].reason.hasPrefix("invalid JSON"), report.failures[0].reason)
        XCTAssertEqual(report.failures[1].reason, "field \"title\" must be a string, got a number")
        XCTAssertEqual(report.failures[2].reason, "missing \"body\" (or \"text\")")
        XCTAssertTrue(report.failures[3].reason.contains("expected a JSON object"))
        let article = try XCTUnwrap(try ArticleStore(database: db).article(id: 1))
        XCTAssertEqual(article.extraJSON, "{\"lang\":\"ar\"}")
        XCTAssertEqual(article.published, "2024-12-07")
        XCTAssertEqual(article.outlet, "أخبار سورية")
        XCTAssertEqual(try ArticleStore(database: db).article(id: 2)?.published, "2024-12-07")
    }

    func testJSONArrayFile() throws {
        let path = try TestSupport.temporaryDirectory() + "/items.json"
        try """
        [{"title": "أ", "body": "قالت رويترز إن الفصائل سيطرت على درعا."}, {"body": ""}]
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let report = try Ingester(database: try TestSupport.memoryDatabase()).ingest(paths: [path])
        XCTAssertEqual(report.inserted.count, 1)
        XCTAssertEqual(report.failures.map(\.location), ["\(path)[1]"])
    }

    func testMissingPathsAndEmptyFilesFailAlone() throws {
        let dir = try TestSupport.temporaryDirectory()
        try "".write(toFile: dir + "/empty.txt", atomically: true, encoding: .utf8)
        try "قالت وزارة الدفاع السورية إن التقارير كاذبة.\n\nالجيش في حمص.".write(toFile: dir + "/good.txt", atomically: true, encoding: .utf8)
        try "not an article".write(toFile: dir + "/ignored.odt", atomically: true, encoding: .utf8)
        let report = try Ingester(database: try TestSupport.memoryDatabase()).ingest(paths: [dir, dir + "/nope.txt"])
        XCTAssertEqual(report.inserted.count, 1)
        XCTAssertEqual(Set(report.failures.map(\.description)), [
            "\(dir)/nope.txt: no such file or directory",
            "\(dir)/empty.txt: empty file",
        ])
        XCTAssertEqual(report.warnings.map(\.description), ["\(dir)/ignored.odt: skipped: unsupported file format (.odt)"])
    }

    func testWindows1256AndUTF16AreTranscoded() throws {
        let text = "قال المرصد إن القوات انسحبت من حمص.\n\nوأضاف أن الجيش في حمص."
        let dir = try TestSupport.temporaryDirectory()
        // Encode with the inverse of the decoder's table (Foundation on Linux has no cp1256).
        var inverse: [Unicode.Scalar: UInt8] = [:]
        for byte in UInt8(0)...UInt8(255) { inverse[TextDecoder.cp1256([byte]).unicodeScalars.first!] = byte }
        let cp1256 = Data(try text.unicodeScalars.map { try XCTUnwrap(inverse[$0]) })
        try cp1256.write(to: URL(fileURLWithPath: dir + "/arabic-1256.txt"))
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(try XCTUnwrap(text.replacingOccurrences(of: "حمص", with: "حماة").data(using: .utf16LittleEndian)))
        try utf16.write(to: URL(fileURLWithPath: dir + "/arabic-16.txt"))
        let db = try TestSupport.memoryDatabase()
        let report = try Ingester(database: db).ingest(paths: [dir])
        XCTAssertEqual(report.inserted.count, 2, "\(report.failures)")
        XCTAssertEqual(report.notes.count, 2)
        XCTAssertEqual(try ArticleStore(database: db).article(id: 1)?.title, "قال المرصد إن القوات انسحبت من حمص.")
    }

    func testBinaryFileIsRefused() throws {
        let path = try TestSupport.temporaryDirectory() + "/image.txt"
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]).write(to: URL(fileURLWithPath: path))
        let report = try Ingester(database: try TestSupport.memoryDatabase()).ingest(paths: [path])
        XCTAssertEqual(report.failures.count, 1)
        XCTAssertTrue(report.failures[0].reason.contains("binary"))
    }
}

final class IngestRollbackTests: XCTestCase {
    /// An article that fails after creating an entity rolls back with it; the next article that
    /// mentions the same entity must create it again, not reuse the id the failed one had.
    func testAFailedArticleTakesItsNewEntitiesWithItAndTheNextOneStillStores() throws {
        for viaFile in [false, true] {
            let db = try TestSupport.memoryDatabase()
            // Any claim about an explosion fails to store (a stand-in for an error in the middle of an article).
            try db.connection.execute("""
                CREATE TRIGGER refuse_claim BEFORE INSERT ON claims WHEN NEW.content LIKE '%انفجار%'
                BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;
                """)
            let drafts = [
                ArticleDraft(source: "a", body: "خبر\n\nقال المرصد السوري لحقوق الإنسان إن انفجارا وقع في مدينة منبج.", published: "2024-12-06"),
                ArticleDraft(source: "b", body: "خبر آخر\n\nقال المرصد السوري لحقوق الإنسان إن القصف طال مدينة منبج.", published: "2024-12-06"),
            ]
            let report: IngestReport
            if viaFile {
                let path = NSTemporaryDirectory() + "rollback-\(ProcessInfo.processInfo.processIdentifier).jsonl"
                let lines = drafts.map { #"{"title": "خبر", "body": "\#($0.body.replacingOccurrences(of: "\n", with: "\\n"))", "published": "2024-12-06"}"# }
                try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
                defer { try? FileManager.default.removeItem(atPath: path) }
                report = try Ingester(database: db).ingest(paths: [path])
            } else {
                report = try Ingester(database: db).ingest(drafts: drafts)
            }
            XCTAssertEqual(report.failures.count, 1, "\(report.failures)")
            XCTAssertEqual(report.inserted.count, 1)
            let dangling = try db.connection.scalarInt("SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = m.entity_id)")
            XCTAssertEqual(dangling, 0)
            XCTAssertEqual(try db.connection.scalarInt("SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.name = 'منبج'"), 1)
            XCTAssertEqual(db.verify(), [])
        }
    }
}
