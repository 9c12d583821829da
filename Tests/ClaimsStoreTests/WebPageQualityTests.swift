import Foundation
import XCTest
@testable import ClaimsStore

/// Main text and metadata of web pages, through the real path: page reader, then the cleaner that
/// ingest runs. The bars are the issue's: ≥ 95% of each article's sentences kept, ≤ 5% boilerplate
/// sentences, and title, outlet, date and URL right on ≥ 95% of the pages. Measured on the 24 pages
/// of Tests/Fixtures/pages (our own articles in seven page shapes of Arabic news sites; see the
/// README there), and on the 70 real Wikinews articles of ../shared laid out in the same shapes.
final class WebPageQualityTests: XCTestCase {
    struct Gold: Decodable {
        let file, shape, title, outlet, published, url, author: String
        let paragraphs: [String]
    }

    struct Figures {
        var pages = 0, goldSentences = 0, kept = 0, extracted = 0, boilerplate = 0
        var fieldsRight = ["title": 0, "outlet": 0, "published": 0, "url": 0, "author": 0]
        var recall: Double { Double(kept) / Double(max(goldSentences, 1)) }
        var noise: Double { Double(boilerplate) / Double(max(extracted, 1)) }
    }

    static func sentences(_ text: String) -> [String] {
        text.split(whereSeparator: { ".؟!\n".contains($0) })
            .map { ArabicNormalizer.normalize(String($0)).split(separator: " ").joined(separator: " ") }
            .filter { $0.split(separator: " ").count >= 3 }
    }

    func measure(_ folder: String) throws -> Figures {
        let gold = try JSONDecoder().decode([Gold].self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/gold.json")))
        var figures = Figures()
        figures.pages = gold.count
        let verbose = ProcessInfo.processInfo.environment["CLAIMS_EVAL_VERBOSE"] != nil
        for page in gold {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + page.file)))
            let draft = try WebPage(bytes: bytes, source: page.file).draft()
            let article = try ArticleCleaner().clean(draft)
            let body = ArabicNormalizer.normalize(article.body).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            var expected: [String] = []
            for sentence in page.paragraphs.flatMap({ Self.sentences($0) }) where !expected.contains(sentence) { expected.append(sentence) }
            figures.goldSentences += expected.count
            for sentence in expected {
                if body.contains(sentence) { figures.kept += 1 } else if verbose { print("\(page.file) [\(page.shape)] lost: \(sentence)") }
            }
            let goldText = Self.sentences(page.paragraphs.joined(separator: "\n")).joined(separator: " ")
            for sentence in Self.sentences(article.body) {
                figures.extracted += 1
                if !goldText.contains(sentence) {
                    figures.boilerplate += 1
                    if verbose { print("\(page.file) [\(page.shape)] boilerplate: \(sentence)") }
                }
            }
            let found = ["title": article.title, "outlet": article.outlet, "published": article.published.map { String($0.prefix(10)) },
                         "url": article.url, "author": article.author]
            let wanted = ["title": page.title, "outlet": page.outlet, "published": page.published, "url": page.url, "author": page.author]
            for (field, value) in wanted {
                if found[field] == value { figures.fieldsRight[field]! += 1 }
                else if verbose { print("\(page.file) [\(page.shape)] \(field): \(found[field].flatMap { $0 } ?? "nil") ≠ \(value)") }
            }
        }
        return figures
    }

    func assertBars(_ figures: Figures, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        print(String(format: "%@: %d pages, sentences kept %.3f (%d/%d), boilerplate %.3f (%d/%d)", name,
                     figures.pages, figures.recall, figures.kept, figures.goldSentences, figures.noise, figures.boilerplate, figures.extracted))
        print("\(name): fields right of \(figures.pages): "
              + figures.fieldsRight.sorted(by: { $0.key < $1.key }).map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        XCTAssertGreaterThanOrEqual(figures.recall, 0.95, file: file, line: line)
        XCTAssertLessThanOrEqual(figures.noise, 0.05, file: file, line: line)
        for field in ["title", "outlet", "published", "url"] {
            XCTAssertGreaterThanOrEqual(Double(figures.fieldsRight[field]!) / Double(figures.pages), 0.95, field, file: file, line: line)
        }
    }

    func testPagesKeepTheArticleAndDropTheBoilerplate() throws {
        let figures = try measure(TestSupport.path("Tests/Fixtures/pages"))
        XCTAssertGreaterThanOrEqual(figures.pages, 20)
        assertBars(figures, "web pages")
    }

    /// The 70 real Arabic Wikinews articles of ../shared, laid out by the fixtures' generator in the
    /// same seven shapes in a temporary folder (nothing of the corpus enters the repository).
    func testRealArticlesInTheSameShapes() throws {
        let corpus = TestSupport.path("../shared/corpora/arwikinews-qcri/articles.jsonl")
        guard FileManager.default.fileExists(atPath: corpus) else {
            throw XCTSkip("../shared/corpora/arwikinews-qcri is not here: the real-article pages are not measured")
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
            throw XCTSkip("python3 is needed to lay out the real articles as pages")
        }
        let folder = try TestSupport.temporaryDirectory()
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        generator.currentDirectoryURL = URL(fileURLWithPath: TestSupport.path("Tests/Fixtures/pages"))
        generator.arguments = ["make-pages.py", "--wikinews", corpus, "--out", folder]
        generator.standardOutput = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        XCTAssertEqual(generator.terminationStatus, 0)
        let figures = try measure(folder)
        XCTAssertEqual(figures.pages, 70)
        assertBars(figures, "real articles as pages")
    }
}
