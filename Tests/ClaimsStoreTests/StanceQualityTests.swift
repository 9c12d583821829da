import Foundation
import XCTest
@testable import ClaimsStore

/// The learned pair decision of `compare` and `check` (Sources/ClaimsStore/Linking): its root keys,
/// its figures on the ANS dev split (read from ../shared, skipped without it) and on the pairs
/// written for this project (Tests/Fixtures/stance_pairs.json, never used to train or tune it).
final class StanceQualityTests: XCTestCase {
    /// Figures compared as the quantities stated, in words or digits, approximations included.
    func testFiguresAreComparedAsQuantities() {
        let decision = PairDecision()
        func differ(_ a: String, _ b: String) -> Bool { PairFeatures.figuresDiffer(decision.analyse(a), decision.analyse(b)) }
        XCTAssertFalse(differ("الحكومة تخصص مئتي مليون دولار للاعمار", "الحكومة تخصص 200 مليون دولار للإعمار"))
        XCTAssertFalse(differ("عودة نصف مليون نازح", "عودة 500 الف نازح"))
        XCTAssertFalse(differ("سقوط أكثر من 50 قتيلا في الاشتباكات", "سقوط 53 قتيلا في الاشتباكات"))
        XCTAssertTrue(differ("مقتل 40 شخصا في القصف", "مقتل 65 شخصا في القصف"))
    }

    func testFormsOfOneRootShareAKey() {
        let roots = RootAnalyzer()
        for family in [["مغادرة", "غادر", "يغادر", "المغادرة", "مغادره"], ["دخول", "دخل", "يدخل", "بدخول"],
                       ["إجلاء", "أجلى", "الإجلاء", "اجلاء"], ["انسحاب", "انسحبت", "ينسحب", "الانسحاب"], ["سيطرة", "يسيطر", "سيطرت"],
                       ["استيراد", "يستورد", "سيستورد", "الاستيراد", "مستورد"], ["استقالة", "استقالته", "يستقيل", "استقالتي"]] {
            let keys = Set(family.map { roots.key($0) })
            XCTAssertEqual(keys.count, 1, "\(family) → \(keys)")
        }
        XCTAssertEqual(roots.key("المصرية"), roots.key("مصر"))
        XCTAssertEqual(roots.key("أعلنت"), roots.key("يعلن"))
        XCTAssertEqual(roots.key("تركيا"), "تركيا", "a name keeps its stem")
        XCTAssertNotEqual(roots.key("دخول"), roots.key("مغادرة"))
        XCTAssertNotEqual(roots.key("انسحاب"), roots.key("سيطرة"))
    }

    func testTheModelFileNamesEveryFeature() throws {
        let text = try XCTUnwrap(EmbeddedResources.all["Data/stance_model.tsv"])
        for name in PairFeatures.names {
            XCTAssertTrue(text.contains("\n" + name + "\t"), "Data/stance_model.tsv lacks \(name): run claims-bench train-stance")
        }
        XCTAssertFalse(StanceTables.builtIn.documentFrequency.isEmpty)
        XCTAssertFalse(StanceTables.builtIn.pairs.isEmpty)
    }

    func testANSDevFigures() throws {
        let path = TestSupport.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/datasets/ans/stance_dev.csv").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw XCTSkip("the ANS dev split is not at \(path) (../shared/datasets/ans): not measured")
        }
        let dev = LabelledPair.readANS(text)
        XCTAssertEqual(dev.count, 755)
        let decision = PairDecision()
        let evaluation = StanceEvaluation(predicted: dev.map { decision.decide($0.first, $0.second).label }, gold: dev.map(\.label))
        FileHandle.standardError.write(Data(("ANS dev:\n" + evaluation.report + "\n").utf8))
        XCTAssertGreaterThanOrEqual(evaluation.macroF1AgreeDisagree, StanceFloors.ansDevMacroF1, "ANS dev macro-F1 (agree, disagree)")
    }

    func testOwnPairs() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.path("Tests/Fixtures/stance_pairs.json")))
        let pairs = (try JSONSerialization.jsonObject(with: data) as! [String: Any])["pairs"] as! [[String: Any]]
        XCTAssertGreaterThanOrEqual(pairs.count, 40)
        let comparer = StatementComparer()
        var perKind: [String: (right: Int, total: Int)] = [:]
        for pair in pairs {
            let kind = pair["kind"] as! String, expected = pair["expected"] as! String
            let result = comparer.compare(pair["a"] as! String, pair["b"] as! String)
            let got = result.relation == .related ? "unrelated" : result.relation.rawValue
            perKind[kind, default: (0, 0)].total += 1
            if got == expected { perKind[kind, default: (0, 0)].right += 1 }
            else if ProcessInfo.processInfo.environment["CLAIMS_EVAL_VERBOSE"] != nil {
                FileHandle.standardError.write(Data("MISS \(pair["id"]!) \(kind): expected \(expected), got \(got) — \(result.explanation)\n".utf8))
            }
        }
        let right = perKind.values.reduce(0) { $0 + $1.right }, total = perKind.values.reduce(0) { $0 + $1.total }
        for (kind, f) in perKind.sorted(by: { $0.key < $1.key }) {
            FileHandle.standardError.write(Data("stance pairs \(kind): \(f.right)/\(f.total)\n".utf8))
        }
        FileHandle.standardError.write(Data(String(format: "stance pairs overall: %d/%d (%.2f)\n", right, total, Double(right) / Double(total)).utf8))
        XCTAssertGreaterThanOrEqual(Double(right) / Double(total), StanceFloors.ownPairsAccuracy)
    }

    func testCompareNamesTheFeaturesThatDecided() {
        let result = StatementComparer().compare("الجيش انسحب من مدينة حمص", "الجيش لم ينسحب من مدينة حمص")
        XCTAssertEqual(result.relation, .contradict)
        XCTAssertFalse(result.outcome.reasons.isEmpty)
        XCTAssertTrue(result.outcome.reasons.allSatisfy { PairFeatures.names.contains($0.name) && $0.contribution > 0 })
        XCTAssertTrue(result.explanation.hasPrefix("decided by "), result.explanation)
    }
}

/// Floors just under the figures measured with the model in Data/stance_model.tsv (README "Measured quality").
enum StanceFloors {
    static let ansDevMacroF1 = 0.77
    static let ownPairsAccuracy = 0.90
}
