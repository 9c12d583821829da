import Foundation
import XCTest

/// End-to-end tests of the claim and entity commands on the sample corpus.
final class ClaimsCommandTests: XCTestCase {
    func ingested() throws -> CLIRunner {
        let cli = try CLIRunner()
        let result = try cli.run(["ingest", cli.samplesPath])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("claims"), result.stderr)
        return cli
    }

    func testListJSONHasTheEvacuationClaimAndTheDenial() throws {
        let cli = try ingested()
        let result = try cli.run(["list", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let claims = try XCTUnwrap(try cli.json(result) as? [[String: Any]])
        XCTAssertGreaterThan(claims.count, 100)
        let evacuation = try XCTUnwrap(claims.first { ($0["content"] as? String) == "طهران بدأت إجلاء قادتها العسكريين من سوريا" })
        XCTAssertEqual((evacuation["speaker"] as? [String: Any])?["text"] as? String, "نيويورك تايمز")
        XCTAssertEqual(evacuation["via"] as? [String], ["نيويورك تايمز", "مسؤولين إيرانيين"])
        XCTAssertEqual(evacuation["stance"] as? String, "asserts")
        let denial = try XCTUnwrap(claims.first { ($0["content"] as? String) == "إخلاء السفارة الإيرانية في دمشق" })
        XCTAssertEqual((denial["speaker"] as? [String: Any])?["entity"] as? String, "إسماعيل بقائي")
        XCTAssertEqual(denial["stance"] as? String, "denies")
        XCTAssertEqual(denial["said_on"] as? String, "2024-12-07")
        XCTAssertEqual(denial["cue"] as? String, "نفى")
        // Documented keys, in order.
        let line = try cli.run(["list", "--limit", "1", "--format", "jsonl"]).stdout
        XCTAssertTrue(line.hasPrefix("{\"id\":1,\"claim_key\":\"397ebc385641f831\",\"article_id\":1,\"speaker\":{\"text\":"), line)
        for key in ["\"via\":", "\"cue\":", "\"stance\":", "\"content\":", "\"quote\":", "\"said_on\":", "\"sentence\":", "\"entities\":"] {
            XCTAssertTrue(line.contains(key), key)
        }
    }

    func testListFiltersAndTable() throws {
        let cli = try ingested()
        let denials = try cli.run(["list", "--stance", "denies"])
        XCTAssertEqual(denials.status, 0)
        XCTAssertTrue(denials.stdout.hasPrefix("id  "), denials.stdout)
        XCTAssertTrue(denials.stdout.contains("إسماعيل بقائي"))
        XCTAssertFalse(denials.stdout.contains("asserts"))
        let observatory = try XCTUnwrap(try cli.json(try cli.run(["list", "--speaker", "المرصد", "--format", "json"])) as? [[String: Any]])
        XCTAssertFalse(observatory.isEmpty)
        XCTAssertTrue(observatory.allSatisfy { (($0["speaker"] as? [String: Any])?["entity"] as? String) == "المرصد السوري لحقوق الإنسان" })
        let csv = try cli.run(["list", "--entity", "دير الزور", "--format", "csv"]).stdout
        XCTAssertTrue(csv.hasPrefix("id,speaker,via,cue,stance,content,said_on,article_id,outlet,claim_key\r\n"), csv)
        XCTAssertEqual(try cli.run(["list", "--stance", "maybe"]).status, 2)
        let unknown = try cli.run(["list", "--entity", "لا أحد"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("no entity named"), unknown.stderr)
    }

    func testShowClaimAndEntity() throws {
        let cli = try ingested()
        let denials = try XCTUnwrap(try cli.json(try cli.run(["list", "--speaker", "بقائي", "--stance", "denies", "--format", "json"])) as? [[String: Any]])
        let id = try XCTUnwrap(denials.first?["id"] as? Int)
        let shown = try cli.run(["show", "claim", String(id)])
        XCTAssertEqual(shown.status, 0)
        XCTAssertTrue(shown.stdout.contains("نفى المتحدث باسم الخارجية الإيرانية إسماعيل بقائي"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("said on:  2024-12-07"))
        let entity = try cli.run(["show", "entity", "رامي عبدالرحمن"])
        XCTAssertEqual(entity.status, 0, entity.stderr)
        XCTAssertTrue(entity.stdout.hasPrefix("رامي عبد الرحمن — person, builtin, of المرصد السوري لحقوق الإنسان"), entity.stdout)
        XCTAssertTrue(entity.stdout.contains("claims by رامي عبد الرحمن"))
        let json = try XCTUnwrap(try cli.json(try cli.run(["show", "entity", "المرصد", "--format", "json"])) as? [String: Any])
        XCTAssertEqual(json["name"] as? String, "المرصد السوري لحقوق الإنسان")
        XCTAssertEqual(json["origin"] as? String, "builtin")
        XCTAssertFalse((json["claims_by"] as? [Any] ?? []).isEmpty)
        XCTAssertEqual(try cli.run(["show", "claim", "99999"]).status, 1)
        XCTAssertEqual(try cli.run(["show", "entity", "لا أحد"]).status, 1)
    }

    func testEntitiesListAndAdd() throws {
        let cli = try ingested()
        let people = try XCTUnwrap(try cli.json(try cli.run(["entities", "--type", "person", "--top", "5", "--format", "json"])) as? [[String: Any]])
        XCTAssertEqual(people.count, 5)
        XCTAssertTrue(people.allSatisfy { $0["type"] as? String == "person" })
        let counts = people.compactMap { $0["mentions"] as? Int }
        XCTAssertEqual(counts, counts.sorted(by: >))
        // A user entity is used by the next ingest.
        let added = try cli.run(["entities", "add", "لواء الحرية", "--type", "organization", "--alias", "اللواء الحر"])
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertTrue(added.stdout.contains("لواء الحرية (organization, user)"), added.stdout)
        let article = cli.directory + "/new.txt"
        try "بيان جديد\n\nوقال اللواء الحر في بيان إن مقاتليه سيطروا على التلة.".write(toFile: article, atomically: true, encoding: .utf8)
        XCTAssertEqual(try cli.run(["ingest", article]).status, 0)
        let claims = try XCTUnwrap(try cli.json(try cli.run(["list", "--speaker", "لواء الحرية", "--format", "json"])) as? [[String: Any]])
        XCTAssertEqual(claims.count, 1)
        let user = try XCTUnwrap(try cli.json(try cli.run(["entities", "--origin", "user", "--format", "json"])) as? [[String: Any]])
        XCTAssertEqual(user.first?["name"] as? String, "لواء الحرية")
        XCTAssertEqual(try cli.run(["entities", "add", "حمص", "--type", "person"]).status, 2)
        XCTAssertEqual(try cli.run(["entities", "add", "x", "--type", "planet"]).status, 2)
    }

    func testExtractAgainReplacesClaims() throws {
        let cli = try ingested()
        let before = try XCTUnwrap(try cli.json(try cli.run(["stats", "--format", "json"])) as? [String: Any])
        let again = try cli.run(["extract", "--all"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("extracted: 5 articles"), again.stderr)
        let after = try XCTUnwrap(try cli.json(try cli.run(["stats", "--format", "json"])) as? [String: Any])
        XCTAssertEqual((before["tables"] as? [String: Int])?["claims"], (after["tables"] as? [String: Int])?["claims"])
    }
}
