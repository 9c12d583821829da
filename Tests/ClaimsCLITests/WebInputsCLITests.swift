import ClaimsStore
import Foundation
import XCTest

/// Issue 16: web pages, feeds, posts, web archives, CSV and web addresses — through the real binary.
final class WebInputsCLITests: XCTestCase {
    static let pages = CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/pages").path

    static func articles(_ cli: CLIRunner) throws -> [[String: Any]] {
        let result = try cli.run(["export", "--what", "articles"])
        return try result.stdout.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func testSavedPagesAreIngestedWithTheirMetadataAndOnlyOnce() throws {
        let cli = try CLIRunner()
        let folder = cli.directory + "/saved"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["page-01.html", "page-02.html", "page-03.html", "page-04.html", "page-05.html"] {
            try FileManager.default.copyItem(atPath: Self.pages + "/" + name, toPath: folder + "/" + name)
        }
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: URL(fileURLWithPath: folder + "/logo.png"))
        let first = try cli.run(["ingest", "--format", "json", folder])
        XCTAssertEqual(first.status, 0, first.stderr)
        let report = try XCTUnwrap(cli.json(first) as? [String: Any])
        XCTAssertEqual(report["new"] as? Int, 5)
        // An unsupported file is reported as skipped, with its reason, in the report and on stderr.
        let skipped = try XCTUnwrap(report["skipped"] as? [[String: Any]])
        XCTAssertEqual(skipped.first?["location"] as? String, folder + "/logo.png")
        XCTAssertEqual(skipped.first?["reason"] as? String, "skipped: unsupported file format (.png)")
        XCTAssertTrue(first.stderr.contains("warning: \(folder)/logo.png: skipped: unsupported file format (.png)"), first.stderr)
        XCTAssertTrue(first.stderr.contains("page-04.html: transcoded from Windows-1256 (declared)"), first.stderr)

        let stored = try Self.articles(cli)
        let gold = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.pages + "/gold.json"))) as? [[String: Any]])
        for (article, expected) in zip(stored, gold) {
            XCTAssertEqual(article["title"] as? String, expected["title"] as? String)
            XCTAssertEqual(article["outlet"] as? String, expected["outlet"] as? String)
            XCTAssertEqual((article["published"] as? String)?.prefix(10), (expected["published"] as? String)?.prefix(10))
            XCTAssertEqual(article["url"] as? String, expected["url"] as? String)
            XCTAssertEqual(article["kind"] as? String, "article")
            let body = try XCTUnwrap(article["body"] as? String)
            XCTAssertFalse(body.contains("مواقيت الصلاة") || body.contains("جميع الحقوق") || body.contains("اقرأ أيضا"), body)
        }
        XCTAssertEqual(stored.first?["author"] as? String, "سامر الحلبي")
        // Claims come out of page text as out of any article.
        let claims = try XCTUnwrap(cli.json(try cli.run(["list", "--article", "1", "--format", "json"])) as? [[String: Any]])
        XCTAssertFalse(claims.isEmpty)

        let again = try cli.run(["ingest", "--format", "json", folder])
        let second = try XCTUnwrap(cli.json(again) as? [String: Any])
        XCTAssertEqual(second["new"] as? Int, 0)
        XCTAssertEqual(second["duplicates"] as? Int, 5)

        // A page on standard input is recognised by its content.
        let piped = try cli.run(["ingest", "-"], input: try String(contentsOfFile: Self.pages + "/page-06.html", encoding: .utf8))
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertTrue(piped.stderr.contains("ingested: 1 new"), piped.stderr)
    }

    static func rss(_ items: [(title: String, body: String, date: String)], broken: Bool = false) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>نشرة الساحل</title><link>https://sahel.example/</link>

            """
        for (index, item) in items.enumerated() {
            text += """
                <item><title>\(item.title)</title><link>https://sahel.example/news/\(index)</link>
                <pubDate>\(item.date)</pubDate><dc:creator>قسم الأخبار</dc:creator>
                <description>ملخص قصير</description>
                <content:encoded><![CDATA[<p>\(item.body)</p><p>اقرأ أيضا: <a href="/x">خبر آخر</a></p><p>The post appeared first on <a href="/">Sahel</a>.</p>]]></content:encoded></item>

                """
        }
        return text + (broken ? "<item><title>بلا إغلاق" : "</channel></rss>\n")
    }

    func testFeedsGiveOneArticlePerItemAndAddNothingTheSecondTime() throws {
        let cli = try CLIRunner()
        let feed = cli.directory + "/news.rss"
        try Self.rss([
            ("إغلاق ميناء اللاذقية بسبب العاصفة", "أعلنت إدارة الميناء إغلاقه أمام السفن حتى انتهاء العاصفة. وقال مدير الميناء إن الأمواج تجاوزت أربعة أمتار.", "Sat, 07 Dec 2024 10:30:00 +0300"),
            ("افتتاح سوق شعبي جديد في جبلة", "افتتحت بلدية جبلة سوقا شعبيا يضم مئة محل للخضار والفواكه.", "Fri, 06 Dec 2024 08:00:00 +0300"),
        ]).write(toFile: feed, atomically: true, encoding: .utf8)
        let atom = cli.directory + "/updates.atom"
        try """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>مدونة الرصد</title>
            <entry><title>تقرير عن جودة المياه في النهر</title><link rel="alternate" href="https://rasd.example/water"/>
            <updated>2024-12-05T12:00:00Z</updated><author><name>فريق الرصد</name></author>
            <content type="html">&lt;p&gt;أظهرت عينات أخذت من النهر ارتفاع نسبة الملوحة خلال الشهر الماضي.&lt;/p&gt;</content></entry>
            </feed>
            """.write(toFile: atom, atomically: true, encoding: .utf8)
        let first = try cli.run(["ingest", "--format", "json", feed, atom])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual((try cli.json(first) as? [String: Any])?["new"] as? Int, 3)
        let stored = try Self.articles(cli)
        XCTAssertEqual(stored.map { $0["title"] as? String }, ["إغلاق ميناء اللاذقية بسبب العاصفة", "افتتاح سوق شعبي جديد في جبلة", "تقرير عن جودة المياه في النهر"])
        XCTAssertEqual(stored[0]["published"] as? String, "2024-12-07T10:30")
        XCTAssertEqual(stored[0]["url"] as? String, "https://sahel.example/news/0")
        XCTAssertEqual(stored[0]["outlet"] as? String, "نشرة الساحل")
        XCTAssertEqual(stored[0]["author"] as? String, "قسم الأخبار")
        XCTAssertEqual(stored[0]["body"] as? String, "أعلنت إدارة الميناء إغلاقه أمام السفن حتى انتهاء العاصفة. وقال مدير الميناء إن الأمواج تجاوزت أربعة أمتار.")
        XCTAssertEqual(stored[2]["url"] as? String, "https://rasd.example/water")
        XCTAssertEqual(stored[2]["published"] as? String, "2024-12-05T12:00")
        XCTAssertEqual(stored[2]["author"] as? String, "فريق الرصد")

        let again = try cli.run(["ingest", "--format", "json", feed, atom])
        let second = try XCTUnwrap(cli.json(again) as? [String: Any])
        XCTAssertEqual(second["new"] as? Int, 0)
        XCTAssertEqual(second["duplicates"] as? Int, 3)

        // A broken feed fails whole with its line; nothing of it is stored.
        let broken = cli.directory + "/broken.xml"
        try Self.rss([("خبر سليم في أول الملف", "نص سليم للخبر الأول في الملف المكسور.", "Sat, 07 Dec 2024 10:30:00 +0300")], broken: true)
            .write(toFile: broken, atomically: true, encoding: .utf8)
        let failed = try cli.run(["ingest", broken])
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.contains("\(broken): malformed XML at line"), failed.stderr)
        XCTAssertEqual(try Self.articles(cli).count, 3)
    }

    func testPostsAndStatementsAreArticlesSpokenByTheirAuthor() throws {
        let cli = try CLIRunner()
        let posts = cli.directory + "/posts.jsonl"
        try """
            {"text": "مطار دمشق الدولي سيعود إلى العمل صباح الغد", "author": "وزارة النقل السورية", "kind": "post", "url": "https://social.example/p/1", "published": "2024-12-07"}
            {"text": "قال الناطق باسم الدفاع المدني إن فرق الإنقاذ انتشلت ثلاثة ناجين", "author": "حساب الأخبار", "kind": "post"}
            {"text": "نص", "kind": "tweet"}

            """.write(toFile: posts, atomically: true, encoding: .utf8)
        let oneLine = cli.directory + "/statement.txt"
        try "الحكومة تعلن عطلة رسمية يوم الأحد\n".write(toFile: oneLine, atomically: true, encoding: .utf8)
        let result = try cli.run(["ingest", posts, oneLine])
        XCTAssertEqual(result.status, 1, "the bad kind fails")
        XCTAssertTrue(result.stderr.contains("posts.jsonl:3: field \"kind\" must be article, post or statement, got \"tweet\""), result.stderr)
        XCTAssertTrue(result.stderr.contains("ingested: 3 new"), result.stderr)
        let stored = try Self.articles(cli)
        XCTAssertEqual(stored[0]["kind"] as? String, "post")
        XCTAssertEqual(stored[0]["author"] as? String, "وزارة النقل السورية")
        XCTAssertEqual(stored[0]["title_derived"] as? Bool, true)
        XCTAssertEqual(stored[2]["body"] as? String, "الحكومة تعلن عطلة رسمية يوم الأحد")
        XCTAssertEqual(stored[2]["title_derived"] as? Bool, true)
        // An uncued post is its author's claim; a cued one keeps its own speaker.
        let first = try XCTUnwrap(cli.json(try cli.run(["list", "--article", "1", "--format", "json"])) as? [[String: Any]])
        XCTAssertEqual(first.count, 1)
        XCTAssertEqual((first[0]["speaker"] as? [String: Any])?["text"] as? String, "وزارة النقل السورية")
        XCTAssertEqual(first[0]["cue"] as? String, "post")
        XCTAssertEqual(first[0]["said_on"] as? String, "2024-12-07")
        let second = try XCTUnwrap(cli.json(try cli.run(["list", "--article", "2", "--format", "json"])) as? [[String: Any]])
        XCTAssertFalse(second.contains { ($0["speaker"] as? [String: Any])?["text"] as? String == "حساب الأخبار" }, "\(second)")
        XCTAssertFalse(second.isEmpty)
        // The export of posts ingests back as posts.
        let export = try cli.run(["export", "--what", "articles"])
        let other = try CLIRunner()
        XCTAssertEqual(try other.run(["ingest", "-"], input: export.stdout).status, 0)
        XCTAssertEqual(try Self.articles(other).map { $0["kind"] as? String }, ["post", "post", "article"])
    }

    static func warcRecord(type: String, uri: String, date: String, contentType: String, block: [UInt8]) -> [UInt8] {
        let header = "WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Target-URI: \(uri)\r\nWARC-Date: \(date)\r\n"
            + "WARC-Record-ID: <urn:uuid:\(UUID().uuidString)>\r\nContent-Type: \(contentType)\r\nContent-Length: \(block.count)\r\n\r\n"
        return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
    }

    static func httpResponse(status: String, type: String, body: [UInt8], chunked: Bool = false) -> [UInt8] {
        var head = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\n"
        var payload = body
        if chunked {
            head += "Transfer-Encoding: chunked\r\n"
            let half = body.count / 2
            let crlf: [UInt8] = [13, 10]
            payload = Array(String(half, radix: 16).utf8) + crlf
            payload += body[..<half]
            payload += crlf + Array(String(body.count - half, radix: 16).utf8) + crlf
            payload += body[half...]
            payload += Array("\r\n0\r\n\r\n".utf8)
        }
        return Array((head + "\r\n").utf8) + payload
    }

    func testWebArchivesGiveEveryHTMLResponse() throws {
        let cli = try CLIRunner()
        let page1 = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.pages + "/page-07.html")))
        let page2 = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.pages + "/page-11.html")))
        // page-09 is Windows-1256: the HTTP header says so too.
        let page3 = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.pages + "/page-09.html")))
        var archive: [UInt8] = []
        archive += Self.warcRecord(type: "warcinfo", uri: "", date: "2024-12-08T00:00:00Z", contentType: "application/warc-fields", block: Array("software: test\r\n".utf8))
        archive += Self.warcRecord(type: "request", uri: "https://a.example/one", date: "2024-12-08T01:00:00Z", contentType: "application/http; msgtype=request", block: Array("GET /one HTTP/1.1\r\nHost: a.example\r\n\r\n".utf8))
        archive += Self.warcRecord(type: "response", uri: "https://a.example/one", date: "2024-12-08T01:00:00Z", contentType: "application/http; msgtype=response",
                                   block: Self.httpResponse(status: "200 OK", type: "text/html; charset=utf-8", body: page1))
        archive += Self.warcRecord(type: "response", uri: "https://a.example/logo.png", date: "2024-12-08T01:00:01Z", contentType: "application/http; msgtype=response",
                                   block: Self.httpResponse(status: "200 OK", type: "image/png", body: [0x89, 0x50]))
        archive += Self.warcRecord(type: "response", uri: "https://a.example/missing", date: "2024-12-08T01:00:02Z", contentType: "application/http; msgtype=response",
                                   block: Self.httpResponse(status: "404 Not Found", type: "text/html", body: Array("<html><body><p>الصفحة غير موجودة</p></body></html>".utf8)))
        archive += Self.warcRecord(type: "response", uri: "https://b.example/two", date: "2024-12-08T02:00:00Z", contentType: "application/http; msgtype=response",
                                   block: Self.httpResponse(status: "200 OK", type: "text/html", body: page2, chunked: true))
        archive += Self.warcRecord(type: "response", uri: "https://c.example/three", date: "2024-12-08T03:00:00Z", contentType: "application/http; msgtype=response",
                                   block: Self.httpResponse(status: "200 OK", type: "text/html; charset=windows-1256", body: page3))
        let plain = cli.directory + "/crawl.warc"
        try Data(archive).write(to: URL(fileURLWithPath: plain))
        let result = try cli.run(["ingest", "--format", "json", plain])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual((try cli.json(result) as? [String: Any])?["new"] as? Int, 3)
        let stored = try Self.articles(cli)
        XCTAssertEqual(stored.map { $0["url"] as? String }, ["https://a.example/one", "https://b.example/two", "https://c.example/three"])
        XCTAssertEqual(stored.map { $0["source"] as? String }, [plain + "#3", plain + "#6", plain + "#7"])
        XCTAssertEqual(stored[0]["title"] as? String, "أمطار غزيرة تغلق طرقا رئيسية في جنوب العراق")
        XCTAssertEqual(stored[2]["title"] as? String, "مهرجان للكتاب في الشارقة يستقبل أكثر من مليون زائر")

        // The same archive gzip-compressed (one member per record, as crawlers write it) adds nothing new.
        let gz = cli.directory + "/crawl.warc.gz"
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "gzip -c '\(plain)' > '\(gz)'"]
        try gzip.run()
        gzip.waitUntilExit()
        let compressed = try XCTUnwrap(cli.json(try cli.run(["ingest", "--format", "json", gz])) as? [String: Any])
        XCTAssertEqual(compressed["duplicates"] as? Int, 3)

        // A record cut short fails with its place; the records before it are stored.
        let other = try CLIRunner()
        let cut = other.directory + "/cut.warc"
        try Data(archive.prefix(archive.count - 2000)).write(to: URL(fileURLWithPath: cut))
        let truncated = try other.run(["ingest", cut])
        XCTAssertEqual(truncated.status, 1)
        XCTAssertTrue(truncated.stderr.contains("\(cut)#7: WARC record cut short"), truncated.stderr)
        XCTAssertEqual(try Self.articles(other).count, 2)
        let garbage = other.directory + "/garbage.warc.gz"
        try Data([0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02, 0x03]).write(to: URL(fileURLWithPath: garbage))
        let bad = try other.run(["ingest", garbage])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("\(garbage): truncated gzip data") || bad.stderr.contains("\(garbage): corrupt gzip data"), bad.stderr)
    }

    func testCSVTablesOfArticlesAreReadAndOtherTablesRefused() throws {
        let cli = try CLIRunner()
        let table = cli.directory + "/articles.csv"
        try """
            title,body,url,outlet,published,section\r
            "عودة الكهرباء إلى حلب","قالت الشركة إن التيار عاد إلى الأحياء الشرقية.\nوأضافت أن الصيانة انتهت.",https://x.example/1,صدى الشمال,2024-12-06,محليات\r
            "افتتاح معرض للكتاب","افتتح معرض للكتاب، يضم ""ألف عنوان"" جديد.",,,2024-12-05,ثقافة\r

            """.write(toFile: table, atomically: true, encoding: .utf8)
        let result = try cli.run(["ingest", table])
        XCTAssertEqual(result.status, 0, result.stderr)
        let stored = try Self.articles(cli)
        XCTAssertEqual(stored.count, 2)
        XCTAssertEqual(stored[0]["body"] as? String, "قالت الشركة إن التيار عاد إلى الأحياء الشرقية.\nوأضافت أن الصيانة انتهت.")
        XCTAssertEqual(stored[0]["outlet"] as? String, "صدى الشمال")
        XCTAssertEqual(stored[1]["body"] as? String, "افتتح معرض للكتاب، يضم \"ألف عنوان\" جديد.")
        XCTAssertEqual((stored[1]["extra"] as? [String: Any])?["section"] as? String, "ثقافة")

        // A claims export is a table, not articles: refused whole, never one article.
        let claims = cli.directory + "/claims.csv"
        try cli.run(["export", "--what", "claims", "--format", "csv"]).stdout.write(toFile: claims, atomically: true, encoding: .utf8)
        let refused = try cli.run(["ingest", claims])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("\(claims): a CSV table without a \"body\" or \"text\" column is not articles (columns: id, speaker, via"), refused.stderr)
        XCTAssertEqual(try Self.articles(cli).count, 2)
        // On standard input too.
        let piped = try cli.run(["ingest", "-"], input: try String(contentsOfFile: claims, encoding: .utf8))
        XCTAssertEqual(piped.status, 1)
        XCTAssertTrue(piped.stderr.contains("-: a CSV table without a \"body\" or \"text\" column is not articles"), piped.stderr)
        XCTAssertEqual(try Self.articles(cli).count, 2)
    }
}
