import XCTest
@testable import ClaimsStore

final class JSONParserTests: XCTestCase {
    func string(_ json: String) throws -> String? {
        if case .string(let s) = try JSONParser.parse(json) { return s }
        return nil
    }

    func testStringsWithAndWithoutEscapes() throws {
        XCTAssertEqual(try string(#""قالت وزارة الدفاع""#), "قالت وزارة الدفاع")
        XCTAssertEqual(try string(#""""#), "")
        // An escape after plain text, and plain text after it (the fast path hands over mid-string).
        XCTAssertEqual(try string(#""نفى \"التقارير\" كلها\n""#), "نفى \"التقارير\" كلها\n")
        XCTAssertEqual(try string(#""\u0627\u0644\u0623 \ud83d\ude00 \/ \\""#), "الأ 😀 / \\")
        XCTAssertThrowsError(try JSONParser.parse("\"سطر\nثان\""), "a raw control character")
        XCTAssertThrowsError(try JSONParser.parse(#""غير منتهية"#))
        XCTAssertThrowsError(try JSONParser.parse(#""\ud83d""#), "an unpaired surrogate")
    }

    func testWrittenStringsParseBackUnchanged() throws {
        var random = SplitMix64(seed: 20241206)
        let alphabet = Array("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءآأؤإئىة\u{064E}\u{0651}\"\\/\n\t\u{01}é😀0")
        for _ in 0..<500 {
            let text = String((0..<Int(random.next() % 40)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            let json = JSONValue.object([("k", .string(text)), ("a", .array([.string(text), .int(1)]))]).jsonText
            XCTAssertEqual(try JSONParser.parse(json), JSONValue.object([("k", .string(text)), ("a", .array([.string(text), .int(1)]))]), json)
        }
    }
}
