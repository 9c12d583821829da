import Foundation
import XCTest

/// End-to-end tests: the real binary on the sample corpus.
final class CLITests: XCTestCase {
    func testIngestTwiceThenDuplicates() throws {
        let cli = try CLIRunner()
        let first = try cli.run(["ingest", cli.samplesPath])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("ingested: 5 new, 0 duplicates, 0 failed"), first.stderr)
        XCTAssertEqual(first.stdout, "", "summary goes to standard error")
        let second = try cli.run(["ingest", "--format", "json", cli.samplesPath])
        XCTAssertEqual(second.status, 0)
        let summary = try XCTUnwrap(try cli.json(second) as? [String: Any])
        XCTAssertEqual(summary["new"] as? Int, 0)
        XCTAssertEqual(summary["duplicates"] as? Int, 5)
        XCTAssertEqual(summary["failed"] as? Int, 0)
    }

    func testSearchNormalisationCasesAndJSON() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["ingest", cli.samplesPath]).status, 0)
        func hits(_ query: String) throws -> [[String: Any]] {
            let result = try cli.run(["search", query, "--format", "json"])
            XCTAssertEqual(result.status, 0, result.stderr)
            return try XCTUnwrap(try cli.json(result) as? [[String: Any]])
        }
        // Clitics: سفارة finds السفارة / والسفارة / بالسفارة / سفارتها.
        let embassy = try hits("سفارة")
        XCTAssertTrue(embassy.contains { ($0["snippet"] as? String)?.contains("[السفارة]") == true })
        XCTAssertEqual(Set(try hits("سفارتها").map { $0["article_id"] as? Int }), Set(embassy.map { $0["article_id"] as? Int }))
        // Diacritics: فعالة finds فعّالة; alef forms: ايران finds إيران.
        let effective = try hits("فعالة")
        XCTAssertEqual(effective.count, 1)
        XCTAssertTrue((effective[0]["snippet"] as? String)?.contains("[فعّالة]") == true)
        XCTAssertTrue(try hits("ايران").contains { ($0["snippet"] as? String)?.contains("[إيران]") == true })
        // Keys are the documented ones, in order.
        let line = try cli.run(["search", "بقائي", "--format", "jsonl"]).stdout
        XCTAssertTrue(line.hasPrefix("{\"article_id\":4,\"title\":"), line)
        for key in ["\"outlet\":", "\"published\":\"2024-12-07\"", "\"snippet\":", "\"rank\":"] { XCTAssertTrue(line.contains(key), key) }
    }

    func testMalformedQueryExitsWithTwoAndAClearMessage() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["ingest", cli.samplesPath]).status, 0)
        for query in ["\"حمص", "(حمص", "حمص AND", "NOT"] {
            let result = try cli.run(["search", query])
            XCTAssertEqual(result.status, 2, query)
            XCTAssertTrue(result.stderr.contains("invalid query"), result.stderr)
            XCTAssertFalse(result.stderr.contains("fts5"), "no raw SQLite message: \(result.stderr)")
            XCTAssertEqual(result.stdout, "")
        }
    }

    func testCSVAndTableOutput() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["ingest", cli.samplesPath]).status, 0)
        let csv = try cli.run(["search", "بقائي", "--format", "csv"]).stdout
        XCTAssertTrue(csv.hasPrefix("article_id,title,outlet,published,snippet,rank\r\n4,"), csv)
        let table = try cli.run(["search", "بقائي"]).stdout
        XCTAssertTrue(table.hasPrefix("article_id  title"), table)
    }

    func testReadCommandsOnMissingDatabase() throws {
        let cli = try CLIRunner()
        for command in [["search", "حمص"], ["stats"], ["show", "article", "1"]] {
            let result = try cli.run(command)
            XCTAssertEqual(result.status, 1, command.joined(separator: " "))
            XCTAssertTrue(result.stderr.contains("no database at \(cli.database)"), result.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.database))
    }

    func testDatabaseFromEnvironmentAndDefault() throws {
        let cli = try CLIRunner()
        let envDB = cli.directory + "/env.db"
        XCTAssertEqual(try cli.run(["ingest", cli.samplesPath], useDatabaseOption: false, environment: ["CLAIMS_DB": envDB]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: envDB))
        XCTAssertEqual(try cli.run(["stats"], useDatabaseOption: false).status, 1, "no ./claims.db yet")
        XCTAssertEqual(try cli.run(["ingest", cli.samplesPath + "/000_fd4e9686c416e7c7.txt"], useDatabaseOption: false).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: cli.directory + "/claims.db"))
    }

    func testShowArticleAndStats() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["ingest", cli.samplesPath]).status, 0)
        let shown = try cli.run(["show", "article", "2"])
        XCTAssertEqual(shown.status, 0)
        XCTAssertTrue(shown.stdout.contains("outlet: القدس العربي"), shown.stdout)
        let json = try XCTUnwrap(try cli.json(try cli.run(["show", "article", "5", "--format", "json"])) as? [String: Any])
        XCTAssertEqual(json["published"] as? String, "2024-12-06T23:47")
        XCTAssertEqual(try cli.run(["show", "article", "99"]).status, 1)
        let stats = try XCTUnwrap(try cli.json(try cli.run(["stats", "--format", "json"])) as? [String: Any])
        XCTAssertEqual((stats["tables"] as? [String: Any])?["articles"] as? Int, 5)
        XCTAssertEqual(stats["published_from"] as? String, "2024-12-06T23:47")
    }

    func testIngestFromStandardInputAndBadLinesExitOne() throws {
        let cli = try CLIRunner()
        let input = """
        {"title": "إيران تنفي إخلاء سفارتها", "body": "نفى المتحدث باسم الخارجية الإيرانية إسماعيل بقائي إخلاء السفارة الإيرانية في دمشق.", "published": "2024-12-07"}
        {"title": broken}
        """
        let result = try cli.run(["ingest", "-"], input: input)
        XCTAssertEqual(result.status, 1, "a failed line makes the run fail")
        XCTAssertTrue(result.stderr.contains("-:2: invalid JSON"), result.stderr)
        XCTAssertTrue(result.stderr.contains("1 new"), result.stderr)
        XCTAssertEqual(try cli.run(["search", "بقائي", "--format", "jsonl"]).stdout.split(separator: "\n").count, 1)
    }

    func testDemoRunsOnTheBundledCorpus() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["demo"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("5 new"), result.stdout)
        XCTAssertTrue(result.stdout.contains("[فعّالة]"), result.stdout)
    }

    func testUsageErrorsExitTwo() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["search"]).status, 2)
        XCTAssertEqual(try cli.run(["frobnicate"]).status, 2)
        XCTAssertEqual(try cli.run(["search", "حمص", "--format", "xml"]).status, 2)
        XCTAssertEqual(try cli.run(["--help"], useDatabaseOption: false).status, 0)
    }
}
