import Foundation
import XCTest
@testable import ClaimsStore

/// Fuzzing of the inputs issue 17 found broken: NUL escapes in JSON strings, and single articles
/// far longer than usual (analysed by segments). Same seed and iteration variables as `FuzzTests`.
final class HardeningFuzzTests: XCTestCase {
    /// JSON records with `\u0000` anywhere in their strings are stored with every character, and
    /// each claim and mention points at the same text in the stored body.
    func testFuzzNULEscapesAreStoredWhole() throws {
        let directory = try TestSupport.temporaryDirectory()
        let database = try ClaimsDatabase(path: directory + "/nul.db")
        let ingester = try Ingester(database: database)
        var fuzz = Fuzzer(seed: FuzzTests.seed)
        let iterations = max(20, FuzzTests.iterations / 20)
        for iteration in 0..<iterations {
            func withNULs(_ text: String) -> String {
                var scalars = Array(text.unicodeScalars)
                for _ in 0..<fuzz.int(1...3) { scalars.insert("\u{0}", at: fuzz.int(0...scalars.count)) }
                return String(String.UnicodeScalarView(scalars))
            }
            let title = withNULs("خبر \(iteration) " + fuzz.arabicWord())
            let body = withNULs("قال المرصد السوري إن القوات انسحبت من حمص يوم \(iteration). " + fuzz.arabicText(maxLines: 3))
            let outlet = withNULs("رويترز")
            let record: [String: Any] = ["title": title, "body": body, "outlet": outlet]
            let path = directory + "/record-\(iteration).json"
            try JSONSerialization.data(withJSONObject: record).write(to: URL(fileURLWithPath: path))
            let report = try ingester.ingest(paths: [path])
            guard let id = report.inserted.first else { continue }   // (text the cleaner empties, or a duplicate)
            let stored = try XCTUnwrap(try ArticleStore(database: database).article(id: id))
            // What is stored is exactly what the cleaner made of the record, NULs included.
            let cleaned = try ArticleCleaner().clean(ArticleDraft(source: path, title: title, body: body, outlet: outlet, isPlainText: false))
            XCTAssertEqual(stored.body, cleaned.body, "iteration \(iteration)")
            XCTAssertEqual(stored.title, cleaned.title, "iteration \(iteration)")
            let scalars = Array(stored.body.unicodeScalars)
            let claims = try database.connection.query("SELECT content_start, content_end FROM claims WHERE article_id = ? AND part = 'body'", [id]) {
                ($0.int(0), $0.int(1))
            }
            for (start, end) in claims { XCTAssertTrue(start <= end && end <= scalars.count, "iteration \(iteration): claim past the body") }
        }
        XCTAssertEqual(database.verify(), [])
    }

    /// Texts of any length split into segments that put the text back together, start at their
    /// offsets, end at line breaks where there are some, and stay bounded.
    func testFuzzTextSegmentsCoverTheTextAtBoundedSizes() {
        var fuzz = Fuzzer(seed: FuzzTests.seed)
        for iteration in 0..<max(10, FuzzTests.iterations / 50) {
            let maximum = fuzz.int(50...400)
            var text = ""
            let lines = fuzz.int(0...60)
            for _ in 0..<lines {
                text += (0..<fuzz.int(0...40)).map { _ in fuzz.arabicWord() }.joined(separator: fuzz.pick([" ", " ", ". ", "؟ "]))
                text += fuzz.pick(["\n", "\n", "\r\n", " "])
            }
            let segments = TextSegments.split(text, maximumScalars: maximum)
            XCTAssertEqual(segments.map { String($0.text) }.joined(), text, "iteration \(iteration)")
            var offset = 0
            for (index, segment) in segments.enumerated() {
                XCTAssertEqual(segment.scalarOffset, offset, "iteration \(iteration)")
                offset += segment.text.unicodeScalars.count
                if segments.count > 1, index < segments.count - 1 {
                    XCTAssertLessThanOrEqual(segment.text.unicodeScalars.count, maximum * 2 + 400, "iteration \(iteration)")
                }
            }
            if text.unicodeScalars.count <= maximum { XCTAssertEqual(segments.count, 1) }
        }
    }

    /// A single long article (up to ~40 segments' worth) is extracted with offsets into the whole
    /// body: every mention's and claim's text is the body's at its offsets.
    func testFuzzLargeSingleArticlesKeepTheirOffsets() throws {
        var fuzz = Fuzzer(seed: FuzzTests.seed)
        let sentences = ["قال المرصد السوري لحقوق الإنسان إن القوات الحكومية انسحبت من مدينة حمص.",
                         "ونفت وزارة الدفاع السورية ذلك وقالت إن الجيش لا يزال في حمص.",
                         "وأكد وزير الخارجية التركي أن المعارضة تقدمت نحو دمشق.", "شهدت المدينة حركة مرور كثيفة."]
        let extractor = ArticleExtractor()
        for iteration in 0..<max(2, FuzzTests.iterations / 300) {
            var body = ""
            while body.unicodeScalars.count < TextSegments.maximumScalars * fuzz.int(2...5) {
                body += fuzz.pick(sentences) + (fuzz.chance(0.3) ? "\n" : " ") + (fuzz.chance(0.1) ? fuzz.arabicWord() + " " : "")
            }
            let extraction = extractor.extract(title: "خبر طويل", body: body, published: "2024-12-07")
            let scalars = Array(body.unicodeScalars)
            func text(_ start: Int, _ end: Int) -> String { String(String.UnicodeScalarView(scalars[start..<end])) }
            let bodyMentions = extraction.mentions.filter { $0.part == .body }
            XCTAssertGreaterThan(bodyMentions.count, 100)
            for mention in bodyMentions { XCTAssertEqual(text(mention.start, mention.end), mention.text, "iteration \(iteration)") }
            let claims = extraction.claims.filter { $0.part == .body }
            XCTAssertGreaterThan(claims.count, 20)
            XCTAssertEqual(claims.map(\.sentenceIndex), claims.map(\.sentenceIndex).sorted(), "sentences count on through the body")
            for claim in claims {
                XCTAssertTrue(text(claim.sentenceStart, claim.sentenceEnd).contains(text(claim.contentStart, claim.contentEnd)))
            }
        }
    }
}
