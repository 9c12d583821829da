import XCTest
@testable import ClaimsStore

/// How a denial in one article meets the report it denies in another: by what the denial names
/// (root keys, short definite nouns), whatever predicate lexicon covers it, and never across
/// articles set in other countries or towns. Sentences written for these tests.
final class DenialLinkingTests: XCTestCase {
    private func links(_ drafts: [ArticleDraft]) throws -> [String] {
        let db = try TestSupport.memoryDatabase()
        _ = try Ingester(database: db).ingest(drafts: drafts)
        // (Links between the claims of two different articles.)
        let across = " x JOIN claims p ON p.id = x.claim_a_id JOIN claims q ON q.id = x.claim_b_id WHERE p.article_id != q.article_id"
        return try db.connection.query("SELECT x.kinds FROM conflicts" + across + " ORDER BY x.id") { $0.string(0) }
            + db.connection.query("SELECT 'same' FROM corroborations" + across) { $0.string(0) }
    }

    /// A denial whose content states what the report states (no lexicon predicate on either side) is
    /// a denial of it, never "the same statement".
    func testADenialOfTheSameStatementIsADenial() throws {
        let found = try links([
            ArticleDraft(source: "a", title: "تعزيزات الى الرقه", body: "قالت مصادر ميدانية إن تعزيزات عسكرية روسية وصلت الى مدينة الرقة خلال الليل.",
                         published: "2025-01-10"),
            ArticleDraft(source: "b", title: "موسكو تنفي", body: "نفت وزارة الدفاع الروسية ارسال تعزيزات عسكرية الى مدينة الرقه.", published: "2025-01-11"),
        ])
        XCTAssertTrue(found.contains { $0.contains("denial") }, "\(found)")
        XCTAssertFalse(found.contains("same"), "\(found)")
    }

    /// The forms of one root meet in the index (`سيستورد` / `استيراد`), and a two-letter definite
    /// noun (`السد`) is a content word.
    func testFormsOfOneRootAndShortNounsMeet() throws {
        let imports = try links([
            ArticleDraft(source: "a", title: "استيراد", body: "قالت مصادر في وزارة الزراعة الاردنية إن الأردن سيستورد 50 ألف رأس من الأغنام من رومانيا قبل العيد.",
                         published: "2024-06-01"),
            ArticleDraft(source: "b", title: "الزراعة تنفي", body: "نفت وزارة الزراعة الأردنية استيراد اغنام من رومانيا.", published: "2024-06-02"),
        ])
        XCTAssertTrue(imports.contains { $0.contains("denial") }, "\(imports)")
        let dam = try links([
            ArticleDraft(source: "a", title: "السيول", body: "قالت مصادر محلية إن سدا صغيرا انهار بعد السيول في الوادي.", published: "2024-03-01"),
            ArticleDraft(source: "b", title: "السلطات تنفي", body: "نفت السلطات المحلية انهيار أي سد بعد السيول.", published: "2024-03-01"),
        ])
        XCTAssertTrue(dam.contains { $0.contains("denial") }, "\(dam)")
    }

    /// The same kind of denial in an article set in another country (named only by the speaker's
    /// phrase in another sentence, or the title) is another event.
    func testArticlesSetInOtherCountriesAreNotLinked() throws {
        let found = try links([
            ArticleDraft(source: "a", title: "قرض جديد لمصر", body: "قالت مصادر حكومية مصرية إن صندوق النقد الدولي وافق على منح مصر قرضا جديدا.",
                         published: "2024-04-01"),
            ArticleDraft(source: "b", title: "تونس: لا اتفاق مع صندوق النقد",
                         body: "قال الناطق باسم الحكومة التونسية إن المفاوضات متوقفة. ونفت الحكومة أن يكون صندوق النقد الدولي قد وافق على منح قرض جديد.",
                         published: "2024-04-02"),
        ])
        XCTAssertEqual(found, [], "Tunisia's denial is not about Egypt's loan")
    }

    /// `نفت الوزارة ذلك` with no report in its article points to one in another: the assertion
    /// beside it (by the speaker named again by its head noun, `الوزارة`) contradicts that report,
    /// and the link is a denial.
    func testAPointerDenialAnswersTheReportItsAssertionContradicts() throws {
        let found = try links([
            ArticleDraft(source: "a", title: "اغلاق مستشفى", body: "قالت مصادر صحية عمانية إن وزارة الصحة قررت إغلاق قسم الطوارئ في مستشفى النهضة بسبب أعمال صيانة.",
                         published: "2024-02-05"),
            ArticleDraft(source: "b", title: "الصحة ترد", body: "نفت وزارة الصحة العمانية ذلك. وقالت الوزارة إن قسم الطوارئ في مستشفى النهضة يعمل ولن يغلق.",
                         published: "2024-02-05"),
        ])
        XCTAssertTrue(found.contains { $0.hasPrefix("denial") }, "\(found)")
    }

    /// A place one statement recognised by its trigger (`ولاية تيزي وزو`) and the other only spells
    /// (`في تيزي وزو`) is shared: another figure for the same measure there contradicts.
    func testANameRecognisedOnOneSideOnlyIsShared() {
        let reader = StatementReader(), comparer = ClaimComparer()
        let report = reader.read("حرائق اندلعت في غابات ولاية تيزي وزو وأتت على 300 هكتار")
        let other = reader.read("1200 هكتار احترقت في تيزي وزو")
        XCTAssertTrue(report.places.contains("تيزي وزو"))
        XCTAssertFalse(other.places.contains("تيزي وزو"))
        let comparison = comparer.compare(report, other)
        XCTAssertEqual(comparison.relation, .contradict, comparison.explanation)
        XCTAssertEqual(comparison.kinds, [.numeric])
        XCTAssertEqual(comparer.compare(report, reader.read("1200 هكتار احترقت في ولاية بجاية")).relation, .unrelated)
    }

    /// Frames separate only articles that share no country and no site: a foreign official speaking
    /// of a base in Iraq shares the base with the Iraqi report.
    func testFramesSeparateOnlyWhatSharesNothing() {
        let iraq = ArticleFrame(countries: ["العراق"], places: ["الأنبار"], sites: ["الأنبار", "قاعدة عين الأسد"])
        let american = ArticleFrame(countries: ["الولايات المتحدة"], places: [], sites: ["قاعدة عين الأسد"])
        XCTAssertFalse(iraq.separates(from: american))
        let oman = ArticleFrame(countries: ["عمان"], places: [], sites: [])
        let kuwait = ArticleFrame(countries: ["الكويت"], places: [], sites: [])
        XCTAssertTrue(oman.separates(from: kuwait))
        XCTAssertFalse(oman.separates(from: ArticleFrame()), "an article that names no country is not set elsewhere")
        let hodeidah = ArticleFrame(countries: ["اليمن"], places: ["الحديدة"], sites: ["الحديدة"])
        let taiz = ArticleFrame(countries: [], places: ["تعز"], sites: ["تعز"])
        XCTAssertTrue(hodeidah.separates(from: taiz))
        XCTAssertTrue(hodeidah.separates(from: ArticleFrame(countries: ["اليمن"], places: ["تعز"], sites: ["تعز"])),
                      "towns apart in one country")
        XCTAssertFalse(hodeidah.separates(from: ArticleFrame(countries: ["اليمن"], places: ["تعز", "الحديدة"], sites: ["تعز", "الحديدة"])))
    }
}
