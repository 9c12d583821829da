import Foundation
import XCTest
@testable import ClaimsStore

/// Accuracy of `compare` (the learned pair decision with the rules' verdict, `StatementComparer`) on
/// hand-written statement pairs of the kinds found in headlines (Tests/Fixtures/compare_pairs.json).
/// CLAIMS_EVAL_VERBOSE=1 prints every miss; `claims-bench eval-compare` also prints the rules alone.
final class CompareQualityTests: XCTestCase {
    func testAccuracyPerKind() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.path("Tests/Fixtures/compare_pairs.json")))
        let pairs = (try JSONSerialization.jsonObject(with: data) as! [String: Any])["pairs"] as! [[String: Any]]
        XCTAssertGreaterThanOrEqual(pairs.count, 60)
        let comparer = StatementComparer()
        var perKind: [String: (right: Int, total: Int)] = [:]
        let verbose = ProcessInfo.processInfo.environment["CLAIMS_EVAL_VERBOSE"] != nil
        for pair in pairs {
            let kind = pair["kind"] as! String, expected = pair["expected"] as! String
            let result = comparer.compare(pair["a"] as! String, pair["b"] as! String)
            let got = result.relation == .related ? "unrelated" : result.relation.rawValue
            perKind[kind, default: (0, 0)].total += 1
            if got == expected { perKind[kind, default: (0, 0)].right += 1 }
            else if verbose {
                FileHandle.standardError.write(Data("MISS \(pair["id"]!) \(kind): expected \(expected), got \(got) — \(result.explanation)\n".utf8))
            }
        }
        var total = (right: 0, total: 0)
        for (kind, figures) in perKind.sorted(by: { $0.key < $1.key }) {
            FileHandle.standardError.write(Data(String(format: "compare %@: %d/%d (%.2f)\n", kind, figures.right, figures.total, Double(figures.right) / Double(figures.total)).utf8))
            total.right += figures.right; total.total += figures.total
        }
        let accuracy = Double(total.right) / Double(total.total)
        FileHandle.standardError.write(Data(String(format: "compare overall: %d/%d (%.2f)\n", total.right, total.total, accuracy).utf8))
        XCTAssertGreaterThanOrEqual(accuracy, 0.70, "compare accuracy")
    }
}
