import Foundation
import XCTest

/// A pointer denial (`نفت … ذلك`, `هذه الأنباء عارية عن الصحة`) whose article holds no report it points
/// to is resolved to the earlier article's report, end to end: ingest, `list`, `show claim`, `conflicts`.
/// The articles are written for the test.
final class PointerDenialCLITests: XCTestCase {
    func write(_ cli: CLIRunner, _ name: String, _ articles: [[String: String]]) throws -> String {
        let path = cli.directory + "/" + name
        let lines = try articles.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func claims(_ cli: CLIRunner, article: Int) throws -> [[String: Any]] {
        try XCTUnwrap(try cli.json(try cli.run(["list", "--article", String(article), "--format", "json"])) as? [[String: Any]])
    }

    func testAPointerDenialInALaterArticleDeniesTheEarlierReport() throws {
        let cli = try CLIRunner()
        let report = try write(cli, "report.jsonl", [[
            "title": "مصادر: اغلاق مستشفى الرازي في حلب لنقص الادوية", "outlet": "شبكة الشمال", "published": "2025-02-10",
            "body": "قالت مصادر طبية في حلب إن إدارة مستشفى الرازي أغلقت أبوابه أمام المرضى بسبب نقص الأدوية والوقود. وأضافت المصادر أن المرضى نقلوا إلى مستشفيات أخرى.",
        ]])
        XCTAssertEqual(try cli.run(["ingest", report]).status, 0)
        let denial = try write(cli, "denial.jsonl", [[
            "title": "مديرية الصحه تنفي اغلاق مستشفى الرازي في حلب", "outlet": "وكالة الأنباء المحلية", "published": "2025-02-11",
            "body": "قالت مديرية الصحة في حلب في بيان إن هذه الأنباء عارية عن الصحة، وإن المستشفى يستقبل المرضى كالمعتاد.",
        ]])
        let ingested = try cli.run(["ingest", denial])
        XCTAssertEqual(ingested.status, 0, ingested.stderr)
        let denying = try claims(cli, article: 2)
        let pointer = try XCTUnwrap(denying.first { ($0["content"] as? String) == "هذه الأنباء" }, "\(denying.map { $0["content"]! })")
        XCTAssertEqual(pointer["stance"] as? String, "denies")
        // What it denies: a report of the closure in the first article (its headline or its body).
        let reported = try claims(cli, article: 1)
        let denied = try XCTUnwrap(reported.first { ($0["id"] as? Int) == pointer["denies_claim_id"] as? Int },
                                   "\(pointer["denies_claim_id"] as Any) not among \(reported.map { "\($0["id"]!) \($0["content"]!)" })")
        XCTAssertEqual(denied["stance"] as? String, "asserts")
        XCTAssertTrue((denied["content"] as? String)?.contains("مستشفى الرازي") == true, "\(denied)")
        // `show claim` prints what the pointer denies; the conflict is a denial of that report.
        let shown = try cli.run(["show", "claim", String(pointer["id"] as! Int)])
        XCTAssertTrue(shown.stdout.contains(denied["content"] as! String), shown.stdout)
        let conflicts = try XCTUnwrap(try cli.json(try cli.run(["conflicts", "--pairs", "--format", "json"])) as? [[String: Any]])
        XCTAssertTrue(conflicts.contains { conflict in
            ((conflict["a"] as? [String: Any])?["id"] as? Int) == denied["id"] as? Int
                && ((conflict["b"] as? [String: Any])?["id"] as? Int) == pointer["id"] as? Int
                && (conflict["kinds"] as? [String])?.contains("denial") == true
        }, "\(conflicts)")
    }

    func testAPointerDenialOfAnotherEventStaysUnresolved() throws {
        let cli = try CLIRunner()
        let report = try write(cli, "report.jsonl", [[
            "title": "انباء عن استقالة وزير النقل", "published": "2025-02-10",
            "body": "ذكرت صحيفة محلية أن وزير النقل قدم استقالته إلى رئيس الحكومة بعد حادث القطار.",
        ]])
        XCTAssertEqual(try cli.run(["ingest", report]).status, 0)
        // Another event (a hospital, not a resignation): nothing of the report is what is denied.
        let denial = try write(cli, "denial.jsonl", [[
            "title": "الوزارة تنفي اغلاق مستشفى الرازي", "published": "2025-02-11",
            "body": "نفت وزارة الصحة ذلك في بيان مقتضب.",
        ]])
        XCTAssertEqual(try cli.run(["ingest", denial]).status, 0)
        for claim in try claims(cli, article: 2) { XCTAssertNil(claim["denies_claim_id"] as? Int, "\(claim)") }
    }
}
