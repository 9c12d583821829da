import Foundation
import XCTest

/// Web pages and the same articles as JSON Lines, through the real binary: 42 distinct pages (the
/// UTF-8 fixture pages, each in two variants whose paragraphs differ by a closing sentence) and a
/// JSON Lines file of the same titles, bodies and metadata give the same articles and claims.
/// (Their speed is a benchmark figure: `claims-bench web-speed`, README "Web inputs".)
final class WebPagesAsJSONLinesCLITests: XCTestCase {
    func testPagesGiveTheSameArticlesAndClaimsAsJSONLines() throws {
        let cli = try CLIRunner()
        let pagesFolder = cli.directory + "/pages"
        try FileManager.default.createDirectory(atPath: pagesFolder, withIntermediateDirectories: true)
        let gold = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: WebInputsCLITests.pages + "/gold.json"))) as? [[String: Any]])
        var lines: [String] = []
        var count = 0
        for variant in 0..<2 {
            for page in gold where page["shape"] as? String != "windows-1256" {
                var html = try String(contentsOfFile: WebInputsCLITests.pages + "/" + (page["file"] as! String), encoding: .utf8)
                var paragraphs: [String] = []
                for paragraph in page["paragraphs"] as! [String] {
                    let changed = paragraph + " وهذه الفقرة من النسخة \(variant)."
                    html = html.replacingOccurrences(of: paragraph, with: changed)
                    paragraphs.append(changed)
                }
                count += 1
                try html.write(toFile: pagesFolder + "/page-\(count).html", atomically: true, encoding: .utf8)
                let record: [String: Any] = ["title": page["title"]!, "body": paragraphs.joined(separator: "\n"), "url": page["url"]!,
                                             "outlet": page["outlet"]!, "published": page["published"]!, "author": page["author"]!]
                lines.append(String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self))
            }
        }
        let jsonl = cli.directory + "/same.jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: jsonl, atomically: true, encoding: .utf8)

        func ingest(_ arguments: [String], database: String) throws -> [String: Any] {
            let result = try cli.run(["--db", database] + arguments + ["--format", "json"], useDatabaseOption: false)
            XCTAssertEqual(result.status, 0, result.stderr)
            return try XCTUnwrap(cli.json(result) as? [String: Any])
        }
        let jsonReport = try ingest(["ingest", jsonl], database: cli.directory + "/json.db")
        let htmlReport = try ingest(["ingest", pagesFolder], database: cli.directory + "/html.db")
        XCTAssertEqual(jsonReport["new"] as? Int, count)
        XCTAssertEqual(htmlReport["new"] as? Int, count)
        XCTAssertGreaterThan(jsonReport["claims"] as? Int ?? 0, count, "the articles carry claims")
        XCTAssertEqual(htmlReport["claims"] as? Int, jsonReport["claims"] as? Int, "the same articles give the same claims")
    }
}
