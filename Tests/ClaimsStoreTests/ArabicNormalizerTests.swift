import XCTest
@testable import ClaimsStore

final class ArabicNormalizerTests: XCTestCase {
    func n(_ text: String) -> String { ArabicNormalizer.normalize(text) }

    func testRemovesDiacriticsAndSuperscriptAlef() {
        XCTAssertEqual(n("فعّالة"), "فعاله")
        XCTAssertEqual(n("المُسلحة"), "المسلحه")
        XCTAssertEqual(n("نُشرت"), "نشرت")
        XCTAssertEqual(n("هٰذا"), "هذا")
    }

    func testRemovesTatweel() {
        XCTAssertEqual(n("عـسكر"), "عسكر")
        XCTAssertEqual(n("الحـــرس"), "الحرس")
    }

    func testUnifiesAlefForms() {
        XCTAssertEqual(n("إيران"), "ايران")
        XCTAssertEqual(n("أردوغان"), "اردوغان")
        XCTAssertEqual(n("آخر"), "اخر")
        XCTAssertEqual(n("ٱلله"), "الله")
    }

    func testAlefMaqsuraAndTaMarbuta() {
        XCTAssertEqual(n("إلى"), "الي")
        XCTAssertEqual(n("السفارة"), "السفاره")
        XCTAssertEqual(ArabicNormalizer.normalize("السفارة", foldTaMarbuta: false), "السفارة")
    }

    func testHamzaOnSeats() {
        XCTAssertEqual(n("رؤية"), "رويه")
        XCTAssertEqual(n("بقائي"), "بقايي")
    }

    func testArabicIndicAndPersianDigits() {
        XCTAssertEqual(n("٧ ديسمبر ٢٠٢٤"), "7 ديسمبر 2024")
        XCTAssertEqual(n("۱۲"), "12")
    }

    func testQuotesAndDashes() {
        XCTAssertEqual(n("«حمص» “كاذبة” – بيان"), "\"حمص\" \"كاذبه\" - بيان")
    }

    func testLatinLowercased() {
        XCTAssertEqual(n("CNN"), "cnn")
    }

    func testTokenizerKeepsDiacriticsInsideWordsAndOffsets() {
        let text = "السفارة ما زالت فعّالة."
        let tokens = Tokenizer.tokenize(text)
        XCTAssertEqual(tokens.map(\.text), ["السفارة", "ما", "زالت", "فعّالة"])
        let last = tokens[3]
        let scalars = Array(text.unicodeScalars)
        XCTAssertEqual(String(String.UnicodeScalarView(scalars[last.start..<last.end])), "فعّالة")
    }
}
