import Foundation
import XCTest

/// `claims ingest URL` against a small HTTP server on 127.0.0.1 (Python's http.server, started
/// here on a free port): pages, a feed, redirects, the charset from the header, a timeout, the
/// size limit and error statuses. No outside address is ever used.
final class WebFetchCLITests: XCTestCase {
    static let server = #"""
        import http.server, socketserver, sys, time
        pages = sys.argv[1]
        def page(name): return open(pages + "/" + name, "rb").read()
        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args): pass
            def send(self, status, body=b"", type="text/html", headers=()):
                self.send_response(status)
                self.send_header("Content-Type", type)
                for key, value in headers: self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def do_GET(self):
                path = self.path
                if path == "/page": self.send(200, page("page-02.html"), "text/html; charset=utf-8")
                elif path == "/moved": self.send(302, headers=[("Location", "/page")])
                elif path == "/arabic":
                    text = "<html><head><title>خبر بترميز ويندوز</title></head><body><article><h1>خبر بترميز ويندوز</h1>"
                    text += "<p>قال رئيس البلدية إن أعمال تعبيد الطريق الرئيسي ستنتهي خلال أسبوعين، وإن حركة السير ستعود كما كانت.</p>"
                    text += "<p>وأضاف أن البلدية خصصت مبلغا إضافيا لإنارة الشوارع الفرعية في الحي القديم.</p></article></body></html>"
                    self.send(200, text.encode("cp1256"), "text/html; charset=windows-1256")
                elif path in ("/feed", "/feed-as-html"):
                    feed = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>نشرة المدينة</title>'
                    feed += '<item><title>افتتاح حديقة عامة</title><link>https://city.example/park</link><pubDate>Thu, 05 Dec 2024 09:00:00 GMT</pubDate>'
                    feed += '<description>&lt;p&gt;افتتحت البلدية حديقة عامة جديدة في الحي الغربي.&lt;/p&gt;</description></item></channel></rss>'
                    self.send(200, feed.encode("utf-8"), "application/rss+xml" if path == "/feed" else "text/html; charset=utf-8")
                elif path == "/slow":
                    time.sleep(4); self.send(200, page("page-02.html"))
                elif path == "/big": self.send(200, b"<html><body>" + b"<p>x</p>" * 40000 + b"</body></html>")
                elif path == "/loop": self.send(302, headers=[("Location", "/loop")])
                elif path == "/image": self.send(200, bytes([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1]), "image/png")
                else: self.send(404, b"<html><body>not found</body></html>")
        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer): daemon_threads = True
        server = Server(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#

    func testAddressesAreFetchedWithRedirectsCharsetTimeoutAndLimits() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
            throw XCTSkip("python3 is needed for the local HTTP server of this test")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", Self.server, WebInputsCLITests.pages]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        var portText = ""
        while !portText.hasSuffix("\n") {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty { break }
            portText += String(decoding: byte, as: UTF8.self)
        }
        let port = try XCTUnwrap(Int(portText.trimmingCharacters(in: .whitespacesAndNewlines)), "server port")
        let base = "http://127.0.0.1:\(port)"
        let cli = try CLIRunner()

        let result = try cli.run(["ingest", "--format", "json", base + "/moved", base + "/arabic", base + "/feed", base + "/feed-as-html"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try XCTUnwrap(cli.json(result) as? [String: Any])
        XCTAssertEqual(report["new"] as? Int, 3)
        XCTAssertEqual(report["duplicates"] as? Int, 1, "a feed served as text/html is read as the feed it is")
        XCTAssertTrue(result.stderr.contains("\(base)/arabic: transcoded from Windows-1256 (declared)"), result.stderr)
        let articles = try WebInputsCLITests.articles(cli)
        XCTAssertEqual(articles[0]["title"] as? String, "ارتفاع أسعار الخضار في أسواق عمّان مع موجة البرد")
        XCTAssertEqual(articles[0]["source"] as? String, base + "/moved")
        XCTAssertEqual(articles[0]["url"] as? String, "https://site01.example/news/1001-vegetable-prices", "the page's canonical URL")
        XCTAssertEqual(articles[1]["title"] as? String, "خبر بترميز ويندوز")
        XCTAssertEqual(articles[1]["url"] as? String, base + "/arabic", "no canonical URL: the address fetched")
        XCTAssertTrue((articles[1]["body"] as? String ?? "").hasPrefix("قال رئيس البلدية إن أعمال تعبيد"), "\(articles[1])")
        XCTAssertEqual(articles[2]["url"] as? String, "https://city.example/park")
        XCTAssertEqual(articles[2]["outlet"] as? String, "نشرة المدينة")

        // (The slow page answers after 4 s: "timed out" below says the 1 s limit ended the wait; the
        // bound here only stops a hung run, it measures nothing.)
        let failures = try cli.run(["ingest", "--timeout", "1", "--max-bytes", "100000",
                                    base + "/slow", base + "/big", base + "/missing", base + "/loop", base + "/image"], timeout: 120)
        XCTAssertEqual(failures.status, 1)
        for message in ["\(base)/slow: timed out", "\(base)/big: larger than the limit of 100000 bytes", "\(base)/missing: HTTP status 404",
                        "\(base)/loop: too many redirects", "\(base)/image: not a web page or a feed (Content-Type: image/png)"] {
            XCTAssertTrue(failures.stderr.contains(message), "missing «\(message)» in:\n\(failures.stderr)")
        }
        XCTAssertTrue(failures.stderr.contains("ingested: 0 new, 0 duplicates, 5 failed"), failures.stderr)
        // Nothing listens on port 9 of this machine: a clear error, not a hang.
        let refused = try cli.run(["ingest", "--timeout", "2", "http://127.0.0.1:9/x"])
        XCTAssertTrue(refused.stderr.contains("http://127.0.0.1:9/x: cannot fetch"), refused.stderr)
    }
}
