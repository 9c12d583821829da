import XCTest
@testable import ClaimsStore

final class CliticStemmerTests: XCTestCase {
    let stemmer = CliticStemmer()
    func stem(_ word: String) -> String { stemmer.stem(ArabicNormalizer.normalize(word, foldTaMarbuta: false)) }

    func testProcliticsAndArticle() {
        for form in ["سفارة", "السفارة", "والسفارة", "بالسفارة", "للسفارة", "وللسفارة", "فالسفارة", "كالسفارة"] {
            XCTAssertEqual(stem(form), "سفاره", form)
        }
    }

    func testEncliticPronounRestoresTaMarbuta() {
        XCTAssertEqual(stem("سفارتها"), "سفاره")
        XCTAssertEqual(stem("حكومتهم"), "حكومه")
        XCTAssertEqual(stem("قواتها"), "قوات")      // a plural keeps its ت
        XCTAssertEqual(stem("قادتها"), "قاده")
    }

    func testBarePrepositionOnNouns() {
        XCTAssertEqual(stem("لرويترز"), "رويترز")
        XCTAssertEqual(stem("وقال"), "قال")
    }

    func testLexiconProtectsNamesAndRoots() {
        XCTAssertEqual(stem("بشار"), "بشار")
        XCTAssertEqual(stem("لبنان"), "لبنان")
        XCTAssertEqual(stem("بغداد"), "بغداد")
        XCTAssertEqual(stem("وزير"), "وزير")
        XCTAssertEqual(stem("الوزير"), "وزير")
        XCTAssertEqual(stem("فصائل"), "فصايل")
        XCTAssertEqual(stem("والفصائل"), "فصايل")
    }

    func testShortWordsAreLeftAlone() {
        XCTAssertEqual(stem("في"), "في")
        XCTAssertEqual(stem("من"), "من")
        XCTAssertEqual(stem("ولد"), "ولد")
    }

    func testSearchFormOfSentence() {
        XCTAssertEqual(stemmer.searchForm(of: "إخلاء السفارة الإيرانية في دمشق"), "اخلاء سفاره ايرانيه في دمشق")
    }
}
