import XCTest
@testable import ClaimsStore

/// Table layout, bidi isolation and query hints, below the CLI.
final class TerminalOutputTests: XCTestCase {
    func testIsolationWrapsRightToLeftCellsOnly() {
        XCTAssertEqual(BidiIsolation.isolate("حمص"), "\u{2068}حمص\u{2069}")
        XCTAssertEqual(BidiIsolation.isolate("2024-12-07"), "2024-12-07")
        XCTAssertEqual(BidiIsolation.isolate("denies"), "denies")
        XCTAssertEqual(BidiIsolation.isolate("שלום"), "\u{2068}שלום\u{2069}", "Hebrew too")
        XCTAssertEqual(DisplayWidth.of(BidiIsolation.isolate("حمص")), 3, "isolates take no column")
    }

    func testLayoutKeepsNaturalWidthsWhenTheyFit() {
        let layout = TableLayout(natural: [2, 10, 20], headers: ["id", "speaker", "content"], shrinkable: [false, true, true], available: 80)
        XCTAssertEqual(layout.widths, [2, 10, 20])
        XCTAssertNil(layout.wrappedColumn)
        XCTAssertEqual(TableLayout(natural: [2, 10, 200], headers: ["id", "speaker", "content"], shrinkable: [false, true, true], available: nil).widths,
                       [2, 10, 200], "no terminal width: nothing fitted")
    }

    func testLayoutWrapsTheLongestTextColumnAndCutsOthersNeverIds() {
        let headers = ["id", "speaker", "cue", "content", "said_on"]
        let layout = TableLayout(natural: [6, 30, 12, 120, 10], headers: headers, shrinkable: [false, true, true, true, false], available: 80)
        XCTAssertEqual(layout.wrappedColumn, 3)
        XCTAssertEqual(layout.widths[0], 6, "ids are never cut")
        XCTAssertEqual(layout.widths[4], 10, "dates are never cut")
        XCTAssertEqual(TableLayout.total(layout.widths), 80)
        XCTAssertGreaterThanOrEqual(layout.widths[3], layout.widths[1], "the wrapped column keeps the most room")
        XCTAssertGreaterThanOrEqual(layout.widths[1], 8)
    }

    func testLayoutNarrowsTheGapAsALastResort() {
        // The stories table: numbers under long headers leave little room for the label.
        let headers = ["id", "label", "claims", "sources", "independent_sources", "disputed", "first_date", "last_date"]
        let natural = [2, 120, 6, 7, 19, 8, 10, 10]
        let layout = TableLayout(natural: natural, headers: headers, shrinkable: [false, true, false, false, false, false, false, false], available: 80)
        XCTAssertEqual(layout.gap, 1)
        XCTAssertEqual(TableLayout.total(layout.widths, gap: 1), 80)
        XCTAssertEqual(layout.wrappedColumn, 1)
        XCTAssertEqual(TableLayout(natural: [2, 10, 20], headers: ["id", "a", "b"], shrinkable: [false, true, true], available: 80).gap, 2)
    }

    func testWrapBreaksAtSpacesAndSplitsOverlongWords() {
        XCTAssertEqual(TableLayout.wrap("الأنباء الواردة عن إخلاء السفارة", to: 15), ["الأنباء الواردة", "عن إخلاء", "السفارة"])
        XCTAssertEqual(TableLayout.wrap("abcdefghij", to: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(TableLayout.wrap("فعّالة جداً", to: 6), ["فعّالة", "جداً"], "marks stay with their letters and take no column")
    }

    func testTableRowsWrapUnderTheirColumn() {
        var renderer = RecordRenderer(format: .table)
        renderer.terminalWidth = 40
        let record = JSONValue.object([("id", .int(7)), ("speaker", .string("المرصد")), ("content", .string("انسحبت القوات الحكومية من مدينة حمص إلى مشارفها يوم الجمعة"))])
        let lines = renderer.render([record], columns: ["id", "speaker", "content"]).split(separator: "\n").map(String.init)
        XCTAssertGreaterThan(lines.count, 3)
        for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), 40, line) }
        XCTAssertTrue(lines[2].hasPrefix("7   \u{2068}المرصد\u{2069}"), lines[2])
        let contentColumn = DisplayWidth.of(String(lines[0][..<lines[0].range(of: "content")!.lowerBound]))
        for line in lines.dropFirst(3) {
            XCTAssertEqual(line.prefix(while: { $0 == " " }).count, contentColumn, "continuation lines start under the column")
        }
    }

    func testLowercaseOperatorHint() {
        XCTAssertNotNil(QueryHints.lowercaseOperators(in: "حمص and دمشق"))
        XCTAssertEqual(QueryHints.lowercaseOperators(in: "حمص or دمشق not حلب"),
                       "'or', 'not' in lower case is searched as a word, not an operator; write OR / NOT to combine words")
        XCTAssertNil(QueryHints.lowercaseOperators(in: "حمص AND دمشق"))
        XCTAssertNil(QueryHints.lowercaseOperators(in: "\"and\" «or»"), "quoted words are meant as words")
        XCTAssertNil(QueryHints.lowercaseOperators(in: "android"))
    }

    func testJoinedNamesSplitAsTheSpacedNameIsIndexed() {
        let stemmer = CliticStemmer()
        XCTAssertEqual(stemmer.searchForm(of: "في ديرالزور"), stemmer.searchForm(of: "في دير الزور"))
        XCTAssertEqual(stemmer.searchForm(of: "رامي عبدالرحمن"), stemmer.searchForm(of: "رامي عبد الرحمن"))
        XCTAssertEqual(stemmer.stems("ديرالزور"), ["دير", "زور"])
        XCTAssertEqual(stemmer.stems("والسفارة"), [stemmer.stem("والسفارة")], "other words are one stem")
        XCTAssertEqual(try SearchQuery("ديرالزور").ftsExpression, "\"دير زور\"")
    }
}
