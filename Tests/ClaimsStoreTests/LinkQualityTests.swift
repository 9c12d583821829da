import Foundation
import XCTest
@testable import ClaimsStore

/// How ingest links the labelled article pairs of Tests/Fixtures/link_pairs.json (each pair alone in
/// a fresh database). The floors sit just under the figures measured; `claims-bench eval-links`
/// prints them, CLAIMS_EVAL_VERBOSE=1 the pairs linked otherwise than labelled.
final class LinkQualityTests: XCTestCase {
    func testLinkPairsFile() throws {
        let set = try LinkPairSet.load(path: TestSupport.path("Tests/Fixtures/link_pairs.json"))
        XCTAssertGreaterThanOrEqual(set.pairs.count, 150)
        XCTAssertEqual(Set(set.pairs.map(\.id)).count, set.pairs.count, "pair ids are unique")
        let kinds = Set(set.pairs.map(\.kind))
        XCTAssertEqual(kinds, ["denial", "contradiction", "same", "related", "unrelated", "distractor"])
        for pair in set.pairs {
            XCTAssertEqual(pair.sameEvent, !["unrelated", "distractor"].contains(pair.kind), pair.id)
            if !pair.sameEvent { XCTAssertEqual(pair.link, .none, pair.id) }
        }
    }

    func testLinkingOfLabelledPairs() throws {
        let evaluation = try LinkEvaluation(LinkPairSet.load(path: TestSupport.path("Tests/Fixtures/link_pairs.json")))
        FileHandle.standardError.write(Data((evaluation.report + "\n").utf8))
        if ProcessInfo.processInfo.environment["CLAIMS_EVAL_VERBOSE"] != nil {
            FileHandle.standardError.write(Data((evaluation.misses.map { "MISS " + $0 }.joined(separator: "\n") + "\n").utf8))
        }
        let denial = evaluation.precisionRecall(.denial), contradiction = evaluation.precisionRecall(.contradiction)
        XCTAssertGreaterThanOrEqual(denial.precision, 0.90)
        XCTAssertGreaterThanOrEqual(denial.recall, 0.95)
        XCTAssertGreaterThanOrEqual(contradiction.precision, 0.95)
        XCTAssertGreaterThanOrEqual(contradiction.recall, 0.42)
        XCTAssertLessThanOrEqual(evaluation.linksAcrossEvents, 3)
        XCTAssertGreaterThanOrEqual(evaluation.accuracy(kind: "unrelated").accuracy, 1.0)
        XCTAssertGreaterThanOrEqual(evaluation.accuracy(kind: "related").accuracy, 1.0)
        XCTAssertGreaterThanOrEqual(evaluation.accuracy(kind: "distractor").accuracy, 0.94)
        XCTAssertGreaterThanOrEqual(evaluation.accuracy(kind: "same").accuracy, 0.80)
    }
}
