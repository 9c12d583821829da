import Foundation
import XCTest
@testable import ClaimsStore

/// Main text and metadata of the 24 pages of Tests/Fixtures/pages (our own articles in five page
/// shapes of Arabic news sites; see the README there), through the real path: page reader, then
/// the cleaner that ingest runs. The bars are the issue's: ≥ 95% of each article's sentences kept,
/// ≤ 5% boilerplate sentences, and title, outlet, date and URL right on ≥ 95% of the pages.
final class WebPageQualityTests: XCTestCase {
    struct Gold: Decodable {
        let file, shape, title, outlet, published, url, author: String
        let paragraphs: [String]
    }

    static func sentences(_ text: String) -> [String] {
        text.split(whereSeparator: { ".؟!\n".contains($0) })
            .map { ArabicNormalizer.normalize(String($0)).split(separator: " ").joined(separator: " ") }
            .filter { $0.split(separator: " ").count >= 3 }
    }

    func testPagesKeepTheArticleAndDropTheBoilerplate() throws {
        let folder = TestSupport.path("Tests/Fixtures/pages")
        let gold = try JSONDecoder().decode([Gold].self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/gold.json")))
        XCTAssertGreaterThanOrEqual(gold.count, 20)
        var goldSentences = 0, kept = 0, extracted = 0, boilerplate = 0
        var fieldsRight = ["title": 0, "outlet": 0, "published": 0, "url": 0, "author": 0]
        let verbose = ProcessInfo.processInfo.environment["CLAIMS_EVAL_VERBOSE"] != nil
        for page in gold {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + page.file)))
            let draft = try WebPage(bytes: bytes, source: page.file).draft()
            let article = try ArticleCleaner().clean(draft)
            let body = ArabicNormalizer.normalize(article.body).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let expected = page.paragraphs.flatMap { Self.sentences($0) }
            let expectedText = Set(expected)
            goldSentences += expected.count
            for sentence in expected {
                if body.contains(sentence) { kept += 1 } else if verbose { print("\(page.file) [\(page.shape)] lost: \(sentence)") }
            }
            for sentence in Self.sentences(article.body) {
                extracted += 1
                if !expectedText.contains(sentence) && !expected.contains(where: { $0.contains(sentence) }) {
                    boilerplate += 1
                    if verbose { print("\(page.file) [\(page.shape)] boilerplate: \(sentence)") }
                }
            }
            let found = ["title": article.title, "outlet": article.outlet, "published": article.published.map { String($0.prefix(10)) },
                         "url": article.url, "author": article.author]
            let wanted = ["title": page.title, "outlet": page.outlet, "published": page.published, "url": page.url, "author": page.author]
            for (field, value) in wanted {
                if found[field] == value { fieldsRight[field]! += 1 }
                else if verbose { print("\(page.file) [\(page.shape)] \(field): \(found[field].flatMap { $0 } ?? "nil") ≠ \(value)") }
            }
        }
        let recall = Double(kept) / Double(goldSentences)
        let noise = Double(boilerplate) / Double(max(extracted, 1))
        print(String(format: "web pages: %d pages, sentences kept %.3f (%d/%d), boilerplate %.3f (%d/%d)",
                     gold.count, recall, kept, goldSentences, noise, boilerplate, extracted))
        print("web pages: fields right of \(gold.count): " + fieldsRight.sorted(by: { $0.key < $1.key }).map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        XCTAssertGreaterThanOrEqual(recall, 0.95)
        XCTAssertLessThanOrEqual(noise, 0.05)
        for field in ["title", "outlet", "published", "url"] {
            XCTAssertGreaterThanOrEqual(Double(fieldsRight[field]!) / Double(gold.count), 0.95, field)
        }
    }
}
