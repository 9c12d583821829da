import Foundation
import XCTest

/// End-to-end tests of conflicts, stories, check and compare on the sample corpus.
final class ConflictsCLITests: XCTestCase {
    func ingested() throws -> CLIRunner {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["ingest", cli.samplesPath]).status, 0)
        return cli
    }

    func testConflictsShowTheThreeCasesOfTheCorpus() throws {
        let cli = try ingested()
        let result = try cli.run(["conflicts", "--pairs", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let conflicts = try XCTUnwrap(try cli.json(result) as? [[String: Any]])
        func side(_ conflict: [String: Any], _ key: String) -> (speaker: String, content: String) {
            let claim = conflict[key] as! [String: Any]
            return ((claim["speaker"] as! [String: Any])["text"] as! String, claim["content"] as! String)
        }
        // The evacuation report and Baghaei's denial (إجلاء / إخلاء).
        XCTAssertTrue(conflicts.contains { side($0, "a").speaker == "نيويورك تايمز" && side($0, "a").content.contains("الإجلاء")
            && side($0, "b").speaker == "إسماعيل بقائي" && ($0["kinds"] as? [String])?.contains("denial") == true })
        // The Observatory's withdrawal from Homs against the Defence Ministry: denial and contradiction at once.
        XCTAssertTrue(conflicts.contains { side($0, "a").speaker == "المرصد السوري لحقوق الإنسان" && side($0, "b").speaker == "وزارة الدفاع السورية"
            && ($0["kinds"] as? [String]) == ["denial", "contradiction"] })
        // Figures of different scope (727 since the offensive began, 200 on Friday) are not a conflict.
        XCTAssertFalse(conflicts.contains { ($0["kind"] as? String) == "numeric" })
        for conflict in conflicts {
            XCTAssertNotNil(conflict["explanation"] as? String)
            XCTAssertTrue((0...1).contains(conflict["score"] as? Double ?? -1))
        }
        let table = try cli.run(["conflicts", "--pairs", "--kind", "contradiction"])
        XCTAssertTrue(table.stdout.contains("why:"), table.stdout)
        XCTAssertFalse(table.stdout.contains("conflict") && table.stdout.contains(": denial (score"), "only contradictions listed")
        XCTAssertEqual(try cli.run(["conflicts", "--kind", "rumour"]).status, 2)
    }

    /// `show conflict N`: both claims, why detection linked them, and the pair decision's reading with
    /// its features (a denial's content read with its stance); a missing id is an error.
    func testShowConflictNamesTheFeaturesThatDecide() throws {
        let cli = try ingested()
        let listed = try XCTUnwrap(try cli.json(try cli.run(["conflicts", "--pairs", "--format", "json"])) as? [[String: Any]])
        let denial = try XCTUnwrap(listed.first { ($0["kinds"] as? [String])?.contains("denial") == true })
        let id = try XCTUnwrap(denial["id"] as? Int)
        let json = try cli.run(["show", "conflict", String(id), "--format", "json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let shown = try XCTUnwrap(try cli.json(json) as? [String: Any])
        XCTAssertEqual(shown["id"] as? Int, id)
        let decision = try XCTUnwrap(shown["pair_decision"] as? [String: Any])
        XCTAssertTrue(["agree", "disagree", "other"].contains(decision["label"] as? String ?? ""))
        XCTAssertFalse((decision["features"] as? [[String: Any]] ?? []).isEmpty)
        let table = try cli.run(["show", "conflict", String(id)])
        XCTAssertTrue(table.stdout.contains("why:") && table.stdout.contains("the pair decision"), table.stdout)
        let missing = try cli.run(["show", "conflict", "99999"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no conflict with id 99999"), missing.stderr)
    }

    func testRebuildGivesTheSameConflicts() throws {
        let cli = try ingested()
        let before = try cli.run(["conflicts", "--pairs", "--format", "csv"]).stdout
        let disputesBefore = try cli.run(["conflicts", "--format", "csv"]).stdout
        let rebuilt = try cli.run(["conflicts", "--rebuild", "--pairs", "--format", "csv"])
        XCTAssertEqual(rebuilt.status, 0, rebuilt.stderr)
        XCTAssertTrue(rebuilt.stderr.contains("rebuilt:") && rebuilt.stderr.contains("disputes"), rebuilt.stderr)
        // Same pairs, kinds and explanations (ids are renumbered).
        func rows(_ csv: String) -> [String] { csv.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", maxSplits: 1)[1] }.map(String.init).sorted() }
        XCTAssertEqual(rows(rebuilt.stdout), rows(before))
        // Same disputes: kinds, pairs, score and both centres (story, claim and conflict ids aside).
        func disputes(_ csv: String) -> [String] {
            csv.split(separator: "\r\n").dropFirst().map { row in
                let fields = row.split(separator: ",", omittingEmptySubsequences: false)
                return ([1, 2, 3, 4] + [6, 7] + [9, 10, 11] + [13, 14] + [16, 17, 18]).map { String(fields[$0]) }.joined(separator: ",")
            }.sorted()
        }
        XCTAssertEqual(disputes(try cli.run(["conflicts", "--format", "csv"]).stdout), disputes(disputesBefore))
        XCTAssertEqual(try cli.run(["conflicts", "--window", "3"]).status, 2, "--window needs --rebuild")
    }

    /// `claims conflicts` lists disputes between stories: each once, with both centres, its kind, its
    /// number of member pairs and the strongest; `show dispute` prints all of its pairs; every format agrees.
    func testConflictsListDisputesBetweenStories() throws {
        let cli = try ingested()
        let pairs = try XCTUnwrap(try cli.json(try cli.run(["conflicts", "--pairs", "--format", "json"])) as? [[String: Any]])
        let result = try cli.run(["conflicts", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let disputes = try XCTUnwrap(try cli.json(result) as? [[String: Any]])
        XCTAssertGreaterThan(disputes.count, 0)
        XCTAssertLessThan(disputes.count, pairs.count, "several pairs between the same two stories make one dispute")
        XCTAssertEqual(disputes.map { $0["pairs"] as? Int ?? 0 }.reduce(0, +), pairs.count, "every pair is in one dispute")
        // The Observatory's Homs withdrawal against the Defence Ministry: one dispute of several pairs.
        func centre(_ dispute: [String: Any], _ side: String) -> [String: Any] { (dispute[side] as! [String: Any])["centre"] as! [String: Any] }
        let homs = try XCTUnwrap(disputes.first {
            (centre($0, "a")["content"] as! String).contains("حمص") && (centre($0, "b")["speaker"] as! [String: Any])["text"] as? String == "وزارة الدفاع السورية"
        }, "\(disputes)")
        XCTAssertGreaterThan(homs["pairs"] as? Int ?? 0, 1)
        XCTAssertTrue((homs["kinds"] as? [String] ?? []).contains("denial"))
        let evidence = try XCTUnwrap(homs["evidence"] as? [[String: Any]])
        XCTAssertFalse(evidence.isEmpty)
        XCTAssertEqual(evidence.map { $0["score"] as? Double ?? 0 }, evidence.map { $0["score"] as? Double ?? 0 }.sorted(by: >))
        for key in ["id", "label", "claims", "independent_sources", "centre_claim_id", "centre"] { XCTAssertNotNil((homs["a"] as? [String: Any])?[key], key) }
        // Table, CSV and JSON Lines list the same disputes.
        let table = try cli.run(["conflicts"]).stdout
        XCTAssertEqual(table.components(separatedBy: "\ndispute ").count + (table.hasPrefix("dispute ") ? 0 : -1), disputes.count, table)
        XCTAssertTrue(table.contains("member pair"), table)
        let csv = try cli.run(["conflicts", "--format", "csv"]).stdout.split(separator: "\r\n")
        XCTAssertEqual(csv.first.map(String.init), "id,kind,kinds,pairs,score,a_story_id,a_claims,a_independent_sources,a_centre_claim_id,a_speaker,a_date,a_centre,"
                       + "b_story_id,b_claims,b_independent_sources,b_centre_claim_id,b_speaker,b_date,b_centre,strongest_conflict_id,explanation")
        XCTAssertEqual(csv.count - 1, disputes.count)
        XCTAssertEqual(try cli.run(["conflicts", "--format", "jsonl"]).stdout.split(separator: "\n").count, disputes.count)
        XCTAssertEqual(try XCTUnwrap(try cli.json(try cli.run(["conflicts", "--kind", "numeric", "--format", "json"])) as? [Any]).count, 0)
        // show dispute: every member pair, in each format.
        let id = String(homs["id"] as! Int)
        let shown = try cli.run(["show", "dispute", id])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertEqual(shown.stdout.components(separatedBy: "\nconflict ").count - 1, homs["pairs"] as? Int, shown.stdout)
        let json = try XCTUnwrap(try cli.json(try cli.run(["show", "dispute", id, "--format", "json"])) as? [String: Any])
        XCTAssertEqual((json["evidence"] as? [Any])?.count, homs["pairs"] as? Int)
        XCTAssertEqual(try cli.run(["show", "dispute", id, "--format", "csv"]).stdout.split(separator: "\r\n").count - 1, homs["pairs"] as? Int)
        XCTAssertEqual(try cli.run(["show", "dispute", "999"]).status, 1)
        // A side's story shows the dispute.
        let story = try XCTUnwrap(try cli.json(try cli.run(["show", "story", String((homs["a"] as! [String: Any])["id"] as! Int), "--format", "json"])) as? [String: Any])
        XCTAssertTrue((story["disputes"] as? [[String: Any]] ?? []).contains { $0["id"] as? Int == homs["id"] as? Int })
    }

    func testStoriesAndShowStory() throws {
        let cli = try ingested()
        let stories = try XCTUnwrap(try cli.json(try cli.run(["stories", "--entity", "دير الزور", "--format", "json"])) as? [[String: Any]])
        let deirEzZor = try XCTUnwrap(stories.first { ($0["label"] as? String)?.contains("دير الزور") == true && ($0["claims"] as? Int ?? 0) >= 4 })
        XCTAssertGreaterThanOrEqual(deirEzZor["independent_sources"] as? Int ?? 0, 2)
        XCTAssertEqual(deirEzZor["disputed"] as? Int, 0, "reported by several, disputed by none")
        let shown = try cli.run(["show", "story", String(deirEzZor["id"] as! Int)])
        XCTAssertEqual(shown.status, 0)
        XCTAssertTrue(shown.stdout.contains("first"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("relay") || shown.stdout.contains("independent"))
        XCTAssertEqual(try cli.run(["show", "story", "999"]).status, 1)
    }

    func testCheckAStatementAgainstTheArchive() throws {
        let cli = try ingested()
        let result = try cli.run(["check", "إيران أخلت سفارتها في دمشق", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let matches = try XCTUnwrap(try cli.json(result) as? [[String: Any]])
        XCTAssertTrue(matches.contains { ($0["relation"] as? String) == "contradicts" || ($0["relation"] as? String) == "denies" }, "\(matches)")
        XCTAssertTrue(matches.contains { (($0["claim"] as? [String: Any])?["speaker"] as? [String: Any])?["text"] as? String == "إسماعيل بقائي" })
        let supported = try XCTUnwrap(try cli.json(try cli.run(["check", "القوات السورية انسحبت من مدينة دير الزور", "--format", "json"])) as? [[String: Any]])
        XCTAssertTrue(supported.contains { ($0["relation"] as? String) == "supports" }, "\(supported.map { $0["relation"]! })")
        XCTAssertEqual(try cli.run(["check", "؟؟"]).status, 2)
    }

    func testCompareWithoutADatabase() throws {
        let cli = try CLIRunner()
        let contradict = try cli.run(["compare", "انسحبت القوات الحكومية من مدينة تدمر", "القوات الحكومية لا تزال منتشرة في مدينة تدمر", "--format", "json"],
                                     useDatabaseOption: false)
        XCTAssertEqual(contradict.status, 0, contradict.stderr)
        let json = try XCTUnwrap(try cli.json(contradict) as? [String: Any])
        XCTAssertEqual(json["relation"] as? String, "contradict")
        XCTAssertFalse((json["explanation"] as? String ?? "").isEmpty)
        let agree = try cli.run(["compare", "الفصائل تسيطر على مدينة حماة", "الفصائل تبسط سيطرتها على حماة"], useDatabaseOption: false)
        XCTAssertTrue(agree.stdout.hasPrefix("agree"), agree.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.directory + "/claims.db"), "compare touches no database")
    }
}
