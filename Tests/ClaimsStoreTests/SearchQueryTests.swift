import XCTest
@testable import ClaimsStore

final class SearchQueryTests: XCTestCase {
    func fts(_ text: String) throws -> String { try SearchQuery(text).ftsExpression }

    func testWordsAreNormalisedStemmedAndQuoted() throws {
        XCTAssertEqual(try fts("السفارة"), "\"سفاره\"")
        XCTAssertEqual(try fts("إيران"), "\"ايران\"")
        XCTAssertEqual(try fts("فعّالة"), "\"فعاله\"")
        XCTAssertEqual(try fts("حمص دمشق"), "\"حمص\" AND \"دمشق\"")
    }

    func testPhrasesOperatorsParenthesesAndPrefix() throws {
        XCTAssertEqual(try fts("\"السفارة الإيرانية\""), "\"سفاره ايرانيه\"")
        XCTAssertEqual(try fts("«دير الزور»"), "\"دير زور\"")
        XCTAssertEqual(try fts("حمص OR حماة"), "\"حمص\" OR \"حماه\"")
        XCTAssertEqual(try fts("حمص NOT دمشق"), "\"حمص\" NOT \"دمشق\"")
        XCTAssertEqual(try fts("(حمص OR حماة) انسحاب"), "( \"حمص\" OR \"حماه\" ) AND \"انسحاب\"")
        XCTAssertEqual(try fts("سيطر*"), "\"سيطر\"*")
    }

    func testSyntaxOfTheUserCannotReachFTS5() throws {
        // FTS5 operators in lower case, column filters and SQL are just words here.
        XCTAssertEqual(try fts("body_search: x"), "\"body search\" AND \"x\"")
        XCTAssertEqual(try fts("'; DROP TABLE articles; --"), "\"drop\" AND \"table\" AND \"articles\"")
    }

    func testMalformedQueriesGiveClearErrors() {
        for (query, fragment) in [("\"حمص", "unterminated"), ("(حمص", "unbalanced"), ("حمص)", "unbalanced"),
                                  ("AND حمص", "left"), ("حمص OR", "right"), ("حمص AND OR دمشق", "followed by"),
                                  ("؟!", "no searchable words"), ("()", "empty parentheses"), ("*", "must follow a word")] {
            XCTAssertThrowsError(try SearchQuery(query), query) { error in
                guard case ClaimsError.invalidQuery(let message) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(message.contains(fragment), "\(query): \(message)")
            }
        }
        XCTAssertThrowsError(try SearchQuery(String(repeating: "حمص ", count: 400)))
    }
}
