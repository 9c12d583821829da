import Foundation
import XCTest

/// `check` by retrieval and `compare` by the learned pair decision, through the real binary, on
/// the sample corpus with statements written for these tests.
final class CheckCompareCLITests: XCTestCase {
    func testCheckFindsClaimsOfAStatementWithNoLexiconPredicate() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["ingest", cli.samplesPath]).status, 0)
        func matches(_ statement: String) throws -> [[String: Any]] {
            let result = try cli.run(["check", statement, "--format", "json"])
            XCTAssertEqual(result.status, 0, result.stderr)
            return try XCTUnwrap(try cli.json(result) as? [[String: Any]])
        }
        func speaker(_ match: [String: Any]) -> String? {
            ((match["claim"] as? [String: Any])?["speaker"] as? [String: Any])?["text"] as? String
        }
        // `إنقاذ` (rescue) is no predicate of Data/predicates.tsv: the Kremlin's and Bloomberg's
        // "no plan to rescue Assad" are found by their words, and contradict the statement.
        let rescue = try matches("روسيا تريد انقاذ الأسد")
        XCTAssertTrue(rescue.contains { speaker($0) == "الكرملين" && ($0["relation"] as? String) == "contradicts" }, "\(rescue)")
        // `توقف عن العمل` is none either: Baghaei's denials of the evacuation answer it.
        let stopped = try matches("السفارة الإيرانية في دمشق توقفت عن العمل")
        XCTAssertTrue(stopped.contains { speaker($0) == "إسماعيل بقائي" && ($0["relation"] as? String) == "denies" }, "\(stopped)")
        // A statement of another subject finds nothing to support or contradict.
        let football = try matches("المنتخب يفوز ببطولة كأس العرب لكرة القدم")
        XCTAssertFalse(football.contains { ["supports", "contradicts", "denies"].contains($0["relation"] as? String ?? "") }, "\(football)")
    }

    func testCompareNamesTheFeaturesThatDecided() throws {
        let cli = try CLIRunner()
        let negated = try cli.run(["compare", "المفتي يصدر فتوى بتحريم التظاهر", "المفتي لم يصدر فتوى بتحريم التظاهر", "--format", "json"],
                                  useDatabaseOption: false)
        XCTAssertEqual(negated.status, 0, negated.stderr)
        let json = try XCTUnwrap(try cli.json(negated) as? [String: Any])
        XCTAssertEqual(json["relation"] as? String, "contradict")
        let features = try XCTUnwrap(json["features"] as? [[String: Any]])
        XCTAssertTrue(features.contains { ($0["name"] as? String) == "negation_one_side" && ($0["contribution"] as? Double ?? 0) > 0 }, "\(features)")
        XCTAssertNotNil((json["rules"] as? [String: Any])?["relation"])
        let text = try cli.run(["compare", "انسحب الجيش من حمص", "نفت وزارة الدفاع انسحاب الجيش من حمص"], useDatabaseOption: false)
        XCTAssertTrue(text.stdout.hasPrefix("contradict"), text.stdout)
        XCTAssertTrue(text.stdout.contains("decided by"), text.stdout)
    }
}
