import Foundation
import XCTest
@testable import ClaimsStore

/// The parts of web-page reading, each on a page or value of its own kind.
final class WebPageTests: XCTestCase {
    func page(_ html: String, contentType: String? = nil) throws -> WebPage {
        try WebPage(bytes: Array(html.utf8), source: "t.html", contentType: contentType)
    }

    func testWidgetPhrasesAreSignalsOnlyWhereTheyLabelSomething() {
        for text in ["شارك:", "اقرأ أيضا", "مواقيت الصلاة", "أسعار العملات اليوم", "التعليقات (3)", "عاجل: انفجار في الميناء",
                     "The post X appeared first on Y."] {
            XCTAssertTrue(MainTextExtractor.isBoilerplatePhrase(text), text)
        }
        for text in ["شاركت الوزارة في المؤتمر الدولي للطاقة", "شارك مئات المتظاهرين في مسيرة وسط المدينة",
                     "الطقس البارد أتلف جزءا كبيرا من محاصيل الأغوار هذا العام"] {
            XCTAssertFalse(MainTextExtractor.isBoilerplatePhrase(text), text)
        }
    }

    func testPageWithoutArticleTextIsRefused() throws {
        let menuOnly = try page("<html><body><nav><ul><li><a href='/'>الرئيسية</a></li><li><a href='/a'>اقتصاد</a></li></ul></nav></body></html>")
        XCTAssertThrowsError(try menuOnly.draft()) { error in
            XCTAssertEqual("\(error)", "empty article: no article text found in the page")
        }
    }

    func testBoilerplateInsideTheArticleIsDroppedWithItsBox() throws {
        let html = """
            <html><head><title>عنوان الخبر | موقع المدينة</title></head><body><div class="wrapper has-sidebar">
            <div class="x1"><p>قال رئيس البلدية إن مشروع الصرف الصحي سينتهي في الربيع المقبل، بعد تأخر دام عامين.</p>
            <p>وأوضح أن الكلفة تجاوزت المبلغ المرصود بسبب ارتفاع أسعار المواد، وأن البلدية طلبت دعما إضافيا.</p>
            <div class="x2"><h4>مواضيع ذات صلة</h4><p>افتتاح مدرسة جديدة في الحي الشرقي بحضور المحافظ ومديري التربية في المنطقة</p></div>
            <p>وأضاف أن الأعمال ستتواصل ليلا في الشوارع الرئيسية لتخفيف الازدحام على السكان والتجار.</p></div>
            <div class="sidebar"><p>نص طويل في الشريط الجانبي عن موضوع آخر تماما لا علاقة له بالخبر، يتحدث عن مهرجان فني.</p></div>
            </div></body></html>
            """
        let found = try page(html)
        XCTAssertEqual(found.paragraphs, [
            "قال رئيس البلدية إن مشروع الصرف الصحي سينتهي في الربيع المقبل، بعد تأخر دام عامين.",
            "وأوضح أن الكلفة تجاوزت المبلغ المرصود بسبب ارتفاع أسعار المواد، وأن البلدية طلبت دعما إضافيا.",
            "وأضاف أن الأعمال ستتواصل ليلا في الشوارع الرئيسية لتخفيف الازدحام على السكان والتجار.",
        ], "a wrapper named has-sidebar is not a sidebar; the related box goes with its heading")
        XCTAssertEqual(found.metadata.title, "عنوان الخبر")
        XCTAssertEqual(found.metadata.outlet, "موقع المدينة")
    }

    func testALeadParagraphBesideTheBodyIsKept() throws {
        let html = """
            <html><body><div class="story"><h1>عنوان</h1>
            <p class="lead">أعلنت وزارة الزراعة عن خطة لدعم مزارعي القمح في المحافظات الشمالية بعد موسم جفاف قاس أضر بالمحاصيل.</p>
            <div class="share"><a href="#">شارك</a></div>
            <div class="article-body"><p>وقال الوزير إن الدعم يشمل البذور والأسمدة بأسعار مخفضة، وقروضا ميسرة لصغار المزارعين.</p>
            <p>وأضاف أن التسجيل يبدأ الأسبوع المقبل في مديريات الزراعة، ويستمر شهرا كاملا.</p>
            <p>ويتوقع خبراء أن تخفف الخطة من خسائر الموسم الماضي، لكنهم طالبوا بحلول دائمة لمشكلة المياه.</p></div>
            <div class="post-date"><span>2024-12-01</span> آخر تحديث للخبر</div></div></body></html>
            """
        let article = try ArticleCleaner().clean(try page(html).draft())
        XCTAssertEqual(article.title, "عنوان")
        let paragraphs = article.body.split(separator: "\n")
        XCTAssertEqual(paragraphs.first, "أعلنت وزارة الزراعة عن خطة لدعم مزارعي القمح في المحافظات الشمالية بعد موسم جفاف قاس أضر بالمحاصيل.")
        XCTAssertEqual(paragraphs.count, 4, "\(paragraphs)")
    }

    func testABodySplitInTwoBoxesIsKeptWholeAndASideColumnIsNot() throws {
        let html = """
            <html><body><table><tr><td class="a"><div class="t">
            <p>قالت مديرية التربية إن العام الدراسي سيبدأ في موعده رغم الأضرار التي لحقت ببعض المدارس، وإن الصيانة جارية.</p>
            <p>وأضافت المديرية أن ثلاثين مدرسة تحتاج إلى ترميم عاجل قبل استقبال الطلاب، وأن الكلفة تقدر بمليوني دولار.</p>
            <p>وأشارت إلى أن منظمات دولية تعهدت بتغطية نصف المبلغ، على أن تتكفل الحكومة بالباقي خلال شهرين.</p></div>
            <div class="ad">إعلان</div><div class="t">
            <p>ودعت المديرية الأهالي إلى تسجيل أبنائهم في المدارس القريبة من سكنهم، تخفيفا للازدحام في وسائل النقل.</p></div></td>
            <td class="b"><div><b>أخبار أخرى</b><div>افتتاح مستشفى ميداني جديد في الريف الشمالي، يضم قسما للطوارئ وغرفتي عمليات، بتمويل من جمعية خيرية محلية.</div></div>
            <div><b>من الأرشيف</b><div>تراجعت أسعار الإسمنت في الأسواق المحلية، بعد وصول شحنات جديدة من الخارج، وفق ما قال تجار مواد البناء.</div></div></td></tr></table></body></html>
            """
        let paragraphs = try page(html).paragraphs
        XCTAssertEqual(paragraphs.count, 4, "\(paragraphs)")
        XCTAssertTrue(paragraphs.last?.hasPrefix("ودعت المديرية الأهالي") == true)
    }

    func testJSONLinkedDataAndTitleWithoutTheSiteName() throws {
        let html = """
            <html><head><meta property="og:title" content="انخفاض أسعار الذهب - الاقتصادي">
            <script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
            {"@type":["NewsArticle"],"datePublished":"2024-12-06T18:45:00+03:00","author":[{"@type":"Person","name":"سارة يوسف"}],
            "publisher":{"@type":"Organization","name":"الاقتصادي"},"url":"https://eco.example/gold"}]}]</script></head>
            <body><article><p>تراجعت أسعار الذهب في السوق المحلية اليوم بنسبة اثنين في المئة، بحسب نقابة الصاغة.</p></article></body></html>
            """
        let metadata = try page(html).metadata
        XCTAssertEqual(metadata, PageMetadata(title: "انخفاض أسعار الذهب", outlet: "الاقتصادي", published: "2024-12-06T18:45",
                                              url: "https://eco.example/gold", author: "سارة يوسف"))
    }

    func testCharsetFromTheHeaderTheMetaOrTheBytes() throws {
        let arabic = "<html><body><p>قالت الوزارة إن الامتحانات ستبدأ في موعدها المحدد دون أي تأجيل.</p></body></html>"
        let cp1256 = Windows1256Encoding.encode(arabic)
        // Declared by the header only.
        let byHeader = try WebPage(bytes: cp1256, source: "x", contentType: "text/html; charset=windows-1256")
        XCTAssertEqual(byHeader.paragraphs.first, "قالت الوزارة إن الامتحانات ستبدأ في موعدها المحدد دون أي تأجيل.")
        XCTAssertEqual(byHeader.note, "transcoded from Windows-1256 (declared)")
        // Declared nowhere: sniffed.
        let sniffed = try WebPage(bytes: cp1256, source: "x")
        XCTAssertEqual(sniffed.paragraphs, byHeader.paragraphs)
        XCTAssertEqual(sniffed.note, "transcoded from Windows-1256")
        // Declared Windows-1256 but saved as UTF-8: the bytes decide.
        let resaved = try WebPage(bytes: Array(("<meta charset=\"windows-1256\">" + arabic).utf8), source: "x")
        XCTAssertEqual(resaved.paragraphs, byHeader.paragraphs)
        XCTAssertNil(resaved.note)
        XCTAssertEqual(PageDecoder.charset(inContentType: "text/html; Charset=\"UTF-8\""), "utf-8")
    }

    func testFeedDatesAndFormatsByContent() {
        XCTAssertEqual(FeedReader.isoDate("Sat, 07 Dec 2024 10:30:00 +0300"), "2024-12-07T10:30")
        XCTAssertEqual(FeedReader.isoDate("7 Dec 2024"), "2024-12-07")
        XCTAssertEqual(FeedReader.isoDate("2024-12-05T12:00:00Z"), "2024-12-05T12:00")
        XCTAssertNil(FeedReader.isoDate("yesterday"))
        XCTAssertEqual(WebInputReader.format(name: "-", head: ArraySlice(" <!DOCTYPE html><html>".utf8)), .html)
        XCTAssertEqual(WebInputReader.format(name: "", head: ArraySlice("<?xml version=\"1.0\"?><rss>".utf8)), .feed)
        XCTAssertEqual(WebInputReader.format(name: "", head: ArraySlice("WARC/1.1\r\n".utf8)), .warc)
        XCTAssertEqual(WebInputReader.format(name: "a.warc.gz", head: [0x1F, 0x8B]), .warc)
        XCTAssertNil(WebInputReader.format(name: "a.txt", head: ArraySlice("<html>".utf8)), "a .txt file stays text")
        XCTAssertNil(WebInputReader.format(name: "", head: ArraySlice("{\"title\": 1}".utf8)))
    }

    func testCSVRecordsFollowRFC4180() throws {
        let records = try CSVArticleReader.records("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\n\r\nlast,\n", name: "t.csv")
        XCTAssertEqual(records.map(\.fields), [["a", "b"], ["x, \"y\"", "two\nlines"], ["last", ""]])
        XCTAssertEqual(records.map(\.line), [1, 2, 5])
        XCTAssertThrowsError(try CSVArticleReader.records("a,b\n\"open,b\n", name: "t.csv")) { error in
            XCTAssertEqual("\(error)", "t.csv:2: a quoted CSV field opened and not closed")
        }
    }
}

/// Windows-1256 bytes of Arabic text (the letters used in these tests and ASCII).
enum Windows1256Encoding {
    static func encode(_ text: String) -> [UInt8] {
        var table: [UInt32: UInt8] = [:]
        for byte in UInt8(0x80)...UInt8(0xFF) {
            if let scalar = TextDecoder.cp1256([byte]).unicodeScalars.first { table[scalar.value] = byte }
        }
        return text.unicodeScalars.map { $0.value < 0x80 ? UInt8($0.value) : table[$0.value] ?? 0x3F }
    }
}
