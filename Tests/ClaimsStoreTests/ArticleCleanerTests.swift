import XCTest
@testable import ClaimsStore

final class ArticleCleanerTests: XCTestCase {
    let cleaner = ArticleCleaner()

    func clean(_ prefix: String) throws -> CleanArticle {
        try cleaner.clean(ArticleDraft(source: prefix, body: try TestSupport.sampleText(prefix)))
    }

    func testHeadlineTitleAndNoDate() throws {
        let article = try clean("000")
        XCTAssertEqual(article.title, "نيويورك تايمز: إيران بدأت إجلاء قادتها العسكريين من سوريا")
        XCTAssertTrue(article.body.hasPrefix("قالت صحيفة نيويورك تايمز"))
        XCTAssertNil(article.published)
    }

    func testOutletFromDatelineAndTitleFromLeadParagraph() throws {
        let article = try clean("001")
        XCTAssertEqual(article.outlet, "القدس العربي")
        XCTAssertTrue(article.title.hasPrefix("تقدمت قوات المعارضة السورية"), article.title)
        XCTAssertLessThanOrEqual(article.title.count, 121)
        XCTAssertTrue(article.body.hasPrefix("دمشق – «القدس العربي»: تقدمت"), "the lead stays in the body")
    }

    func testDropsAdsRepeatedTitleNewsletterAndReadMore() throws {
        let article = try clean("002")
        XCTAssertEqual(article.title, "قوات الأسد تنسحب من درعا ودير الزور مع تقدم المتمردين السوريين نحو حمص")
        XCTAssertFalse(article.body.contains("[ad_1]"))
        XCTAssertFalse(article.body.contains("[ad_2]"))
        XCTAssertFalse(article.body.contains("قوات الأسد تنسحب من درعا ودير الزور مع تقدم"), "repeated title dropped")
        XCTAssertFalse(article.body.contains("قم بالتسجيل"), "newsletter line dropped")
        XCTAssertFalse(article.body.contains("اقرأ المزيد"))
        XCTAssertTrue(article.body.hasPrefix("واصل مقاتلو المعارضة السورية"))
        // Two near-identical quotes differ in their last words: both are kept.
        XCTAssertTrue(article.body.contains("وآمل أن تأتي أيام أفضل"))
        XCTAssertTrue(article.body.contains("أتمنى أن تأتي أيام أفضل"))
    }

    func testDateLineImagePlaceholdersAndShareLines() throws {
        let article = try clean("003")
        XCTAssertEqual(article.published, "2024-12-07")
        XCTAssertEqual(article.title, "على وقع هزيمة ميليشياتها وانسحابها... إيران تنفي إخلاء سفارتها في دمشق")
        XCTAssertFalse(article.body.contains("صورة\n"))
        XCTAssertFalse(article.body.contains("أخبار سورية ٧ ديسمبر"))
        XCTAssertFalse(article.body.contains("اقرأ أيضاً"))
        XCTAssertFalse(article.body.contains("مشاركة:"))
        XCTAssertFalse(article.body.contains("ـــــــ"))
        XCTAssertTrue(article.body.hasPrefix("نفى المتحدث باسم الخارجية الإيرانية إسماعيل بقائي"))
    }

    func testPublishedLineRepeatedCaptionAndBackToTop() throws {
        let article = try clean("004")
        XCTAssertEqual(article.published, "2024-12-06T23:47")   // the date of نشر في 06-12-2024 | 23:47, with its time
        XCTAssertEqual(article.title, "المعارضة السورية المُسلحة على أسوار «حمص».. وتدعو قوات الأسد للانشقاق")
        XCTAssertFalse(article.body.contains("نشر في"))
        XCTAssertFalse(article.body.contains("آخر تحديث"))
        XCTAssertFalse(article.body.contains("back to top"))
        let caption = "عنصر من القوات المعارضة يحاول إزالة صورة الأسد من أحد ميادين حلب"
        XCTAssertEqual(article.body.components(separatedBy: caption).count - 1, 1, "repeated caption kept once")
    }

    func testOtherDatelinesAndDateForms() {
        XCTAssertEqual(MetadataInference.outletFromDateline("بيروت (رويترز) - قال مصدر إن ..."), "رويترز")
        XCTAssertEqual(MetadataInference.outletFromDateline("عمّان - \"الغد\": أعلنت الحكومة ..."), "الغد")
        XCTAssertEqual(MetadataInference.outletFromDateline("القاهرة – «الشروق»: قال ..."), "الشروق")
        XCTAssertNil(MetadataInference.outletFromDateline("قالت المعارضة السورية اليوم الجمعة إن قواتها وصلت"))
        XCTAssertEqual(ArabicDates.firstDate(in: "٣ كانون الأول ٢٠٢٤")?.iso, "2024-12-03")
        XCTAssertEqual(ArabicDates.firstDate(in: "الأحد 15 تشرين الثاني 2026")?.iso, "2026-11-15")
        XCTAssertEqual(ArabicDates.firstDate(in: "نشر في 2024/11/30 10:05")?.iso, "2024-11-30T10:05")
        XCTAssertEqual(ArabicDates.firstDate(in: "١ أبريل ٢٠٢٣م")?.iso, "2023-04-01")
        XCTAssertNil(ArabicDates.firstDate(in: "31 فبراير 2024"))
    }

    func testGenericBoilerplateLines() {
        for line in ["[ad_1]", "back to top", "اقرأ أيضاً:", "اقرأ المزيد »", "صورة", "ـــــــ ــ", "مشاركة:", "المصدر"] {
            XCTAssertTrue(ArticleCleaner.isBoilerplate(line), line)
        }
        for line in ["قالت المصادر إن الصورة غير واضحة", "وزير الخارجية", "2024"] {
            XCTAssertFalse(ArticleCleaner.isBoilerplate(line), line)
        }
    }

    func testBylinesAndPhotoCreditsAreNoTitleAndNoClaim() throws {
        for line in ["كتب: سامر الخطيب", "كتبت - هبة محمود", "بقلم: د. نادر يوسف", "تصوير: وكالة محلية", "مصدر الصورة: أرشيف"] {
            XCTAssertTrue(ArticleCleaner.isBoilerplate(line), line)
        }
        XCTAssertFalse(ArticleCleaner.isBoilerplate("كتب الوزير في تغريدة أن الاتفاق قريب وأن الوفد سيعود غدا إلى العاصمة"))
        let article = try ArticleCleaner().clean(ArticleDraft(source: "byline.txt", body: "كتب: سامر الخطيب\nالحكومة تعلن خطة للكهرباء\nقال وزير الطاقة إن الانقطاعات ستنتهي قريبا."))
        XCTAssertEqual(article.title, "الحكومة تعلن خطة للكهرباء")
    }

    func testEmptyArticlesAreRefusedAndOneLineIsAPost() throws {
        XCTAssertThrowsError(try cleaner.clean(ArticleDraft(source: "x", body: "   \n\n")))
        XCTAssertThrowsError(try cleaner.clean(ArticleDraft(source: "x", body: "ـــــ\n[ad_1]\n"))) { error in
            XCTAssertEqual("\(error)", "empty article: no text")
        }
        // One line is a post (or a headline, a statement): its own body, with a derived title.
        let post = try cleaner.clean(ArticleDraft(source: "x", body: "المطار مغلق حتى إشعار آخر\n\n[ad_1]\n"))
        XCTAssertEqual(post.body, "المطار مغلق حتى إشعار آخر")
        XCTAssertEqual(post.title, "المطار مغلق حتى إشعار آخر")
        XCTAssertFalse(post.titleIsHeadline)
    }

    func testCalendarArithmetic() throws {
        let date = try XCTUnwrap(CalendarDate(iso: "2024-12-07"))
        XCTAssertEqual(date.weekday, 6)                       // Saturday
        XCTAssertEqual(date.adding(days: -1).iso, "2024-12-06")
        XCTAssertEqual(date.adding(days: 25).iso, "2025-01-01")
        XCTAssertEqual(CalendarDate(iso: "2024-02-29")?.adding(days: 1).iso, "2024-03-01")
    }
}
