import XCTest
@testable import ClaimsStore

final class SearchEngineTests: XCTestCase {
    nonisolated(unsafe) static var database: ClaimsDatabase!

    override class func setUp() {
        database = try! TestSupport.memoryDatabase()
        _ = try! Ingester(database: database).ingest(paths: [TestSupport.path("Examples/articles")])
    }

    func ids(_ query: String, _ filter: ArticleFilter = ArticleFilter()) throws -> Set<Int> {
        Set(try SearchEngine(database: Self.database).search(query, filter: filter).map(\.articleID))
    }

    func testCliticsAndSpellingVariantsFindTheSameArticles() throws {
        let embassy = try ids("سفارة")
        XCTAssertTrue(embassy.contains(4))          // السفارة الإيرانية …, سفارتها
        XCTAssertEqual(try ids("السفارة"), embassy)
        XCTAssertEqual(try ids("سفارتها"), embassy)
        XCTAssertEqual(try ids("بالسفارة"), embassy)
        XCTAssertEqual(try ids("فعالة"), [4])        // written فعّالة
        XCTAssertEqual(try ids("ايران"), try ids("إيران"))
        XCTAssertTrue(try ids("ايران").contains(1))
    }

    func testSnippetIsOriginalTextWithTheMatchMarked() throws {
        let hit = try XCTUnwrap(try SearchEngine(database: Self.database).search("فعالة").first)
        XCTAssertTrue(hit.snippet.contains("[فعّالة]"), hit.snippet)
        XCTAssertEqual(hit.title, "على وقع هزيمة ميليشياتها وانسحابها... إيران تنفي إخلاء سفارتها في دمشق")
    }

    func testPhraseAndOperators() throws {
        XCTAssertEqual(try ids("\"إسماعيل بقائي\""), [4])
        XCTAssertTrue(try ids("\"دير الزور\"").isSuperset(of: [1, 2, 3, 5]))
        XCTAssertEqual(try ids("بقائي OR بلينكن"), [1, 4])
        XCTAssertEqual(try ids("حمص NOT بقائي").contains(4), false)
        XCTAssertEqual(try ids("بلينك*"), [1])
    }

    func testFilters() throws {
        XCTAssertEqual(try ids("حمص", ArticleFilter(outlet: "«القدس العربي»")), [2])
        XCTAssertEqual(try ids("حمص", ArticleFilter(since: "2024-12-07")), [4])
        XCTAssertEqual(try ids("حمص", ArticleFilter(until: "2024-12-06")), [5])
        XCTAssertEqual(try SearchEngine(database: Self.database).search("حمص", filter: ArticleFilter(limit: 2)).count, 2)
        XCTAssertThrowsError(try ids("حمص", ArticleFilter(since: "yesterday")))
    }
}
