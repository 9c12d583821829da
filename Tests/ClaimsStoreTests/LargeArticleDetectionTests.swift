import XCTest
@testable import ClaimsStore

/// Conflict detection inside one article compares a claim with its article's
/// `sameArticleClaims` claims before it, never with every earlier claim: what keeps one very long
/// article linear (issue 17, failure 7; its time is `claims-bench large`).
final class LargeArticleDetectionTests: XCTestCase {
    /// An article: a statement, `filler` claims about something else, the statement again.
    func ingestArticle(filler: Int) throws -> (db: ClaimsDatabase, first: Int, last: Int) {
        var sentences = ["قال وزير الخارجية التركي إن قوات المعارضة تقدمت نحو ضواحي دمشق الشمالية."]
        let places = ["حمص", "حماة", "درعا", "إدلب", "الرقة", "اللاذقية", "طرطوس"]
        for index in 0..<filler {
            sentences.append("وقال مدير بلدية \(places[index % places.count]) إن أعمال صيانة شبكة المياه في الحي رقم \(index + 1) ستنتهي خلال أسبوع.")
        }
        sentences.append("وأكد وزير الخارجيه التركى ان قوات المعارضه تقدمت نحو ضواحى دمشق الشماليه.")
        let path = try TestSupport.temporaryDirectory() + "/long-\(filler).jsonl"
        let record = JSONValue.object([("title", .string("خبر طويل")), ("body", .string(sentences.joined(separator: "\n"))),
                                       ("published", .string("2024-12-07"))])
        try (record.jsonText + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let db = try TestSupport.memoryDatabase()
        _ = try Ingester(database: db).ingest(paths: [path])
        let ids = try db.connection.query("SELECT id FROM claims ORDER BY id") { $0.int(0) }
        XCTAssertEqual(ids.count, filler + 2, "one claim a sentence")
        return (db, ids.first ?? 0, ids.last ?? 0)
    }

    func testAClaimIsComparedWithTheNearestClaimsOfItsArticleOnly() throws {
        // Within reach: the statement repeated 60 claims later finds the first as its closest candidate.
        let near = try ingestArticle(filler: 60)
        let nearDetector = try ConflictDetector(database: near.db)
        let nearCandidates = try nearDetector.candidates(for: XCTUnwrap(nearDetector.load(near.last)))
        XCTAssertEqual(nearCandidates.first, near.first, "\(nearCandidates)")

        // Past `sameArticleClaims` (100) claims: only the nearest claims of the article are read and compared.
        let far = try ingestArticle(filler: 120)
        let farDetector = try ConflictDetector(database: far.db)
        XCTAssertFalse(try farDetector.candidates(for: XCTUnwrap(farDetector.load(far.last))).contains(far.first))
        // The filler claims share their keys: the last one's candidates are its nearest.
        let filler = far.last - 1
        let fillerCandidates = try farDetector.candidates(for: XCTUnwrap(farDetector.load(filler)))
        XCTAssertFalse(fillerCandidates.isEmpty)
        XCTAssertTrue(fillerCandidates.allSatisfy { $0 >= filler - ConflictDetector.sameArticleClaims && $0 < filler }, "\(fillerCandidates)")
    }
}
