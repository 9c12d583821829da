import Foundation
import XCTest

/// Export round trips, ClaimReview output, and every sqlite3 example of the README run by the real
/// sqlite3 shell on a database the tool produced.
final class EcosystemCLITests: XCTestCase {
    func ingested() throws -> CLIRunner {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["ingest", cli.samplesPath]).status, 0)
        return cli
    }

    func testArticlesExportIngestsBackAsTheyWere() throws {
        let cli = try ingested()
        let export = try cli.run(["export", "--what", "articles"])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertEqual(export.stdout.split(separator: "\n").count, 5)
        let other = cli.directory + "/other.db"
        let reingest = try cli.run(["--db", other, "ingest", "-"], input: export.stdout, useDatabaseOption: false)
        XCTAssertEqual(reingest.status, 0, reingest.stderr)
        func articles(_ db: String) throws -> [String] {
            try cli.run(["--db", db, "export", "--what", "articles"], useDatabaseOption: false).stdout.split(separator: "\n").map { line in
                var object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                for key in ["source", "ingested_at"] { object.removeValue(forKey: key) }
                return String(decoding: try JSONSerialization.data(withJSONObject: object, options: .sortedKeys), as: UTF8.self)
            }
        }
        XCTAssertEqual(try articles(other), try articles(cli.database))
        let claimsBefore = try cli.run(["export", "--what", "claims"]).stdout.split(separator: "\n").count
        let claimsAfter = try cli.run(["--db", other, "export", "--what", "claims"], useDatabaseOption: false).stdout.split(separator: "\n").count
        XCTAssertEqual(claimsAfter, claimsBefore, "the same claims are extracted again")
    }

    func testExportFormats() throws {
        let cli = try ingested()
        for (what, header) in [("claims", "id,speaker,via,cue,stance,content,said_on,article_id,outlet"), ("entities", "id,name,type,mentions"),
                               ("conflicts", "id,kind,kinds,score,a_claim_id"), ("stories", "id,label,claims,sources,independent_sources"),
                               ("disputes", "id,kind,kinds,pairs,score,a_story_id")] {
            let csv = try cli.run(["export", "--what", what, "--format", "csv"])
            XCTAssertEqual(csv.status, 0, csv.stderr)
            XCTAssertTrue(csv.stdout.hasPrefix(header), "\(what): \(csv.stdout.prefix(80))")
            let jsonl = try cli.run(["export", "--what", what])
            for line in jsonl.stdout.split(separator: "\n") { XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8))) }
            if what == "disputes" {
                // Every member pair of every dispute: as many as the conflicts.
                let pairs = jsonl.stdout.split(separator: "\n").map { line in
                    ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["evidence"] as? [Any] ?? []
                }.map(\.count).reduce(0, +)
                XCTAssertEqual(pairs, try cli.run(["export", "--what", "conflicts"]).stdout.split(separator: "\n").count)
            }
        }
        let reviews = try XCTUnwrap(try cli.json(try cli.run(["export", "--what", "conflicts", "--format", "claimreview"])) as? [[String: Any]])
        XCTAssertFalse(reviews.isEmpty)
        for review in reviews {
            XCTAssertEqual(review["@context"] as? String, "https://schema.org")
            XCTAssertEqual(review["@type"] as? String, "ClaimReview")
            XCTAssertNotNil(review["claimReviewed"] as? String)
            XCTAssertEqual((review["itemReviewed"] as? [String: Any])?["@type"] as? String, "Claim")
            XCTAssertNotNil((review["reviewRating"] as? [String: Any])?["alternateName"] as? String)
        }
        XCTAssertTrue(reviews.contains { ($0["author"] as? [String: Any])?["name"] as? String == "إسماعيل بقائي" })
        XCTAssertEqual(try cli.run(["export", "--what", "claims", "--format", "claimreview"]).status, 2)
        XCTAssertEqual(try cli.run(["export", "--what", "claims", "--since", "2024-12-07"]).status, 0)
    }

    /// Every `sqlite3 claims.db "…"` line of the README, run by the real sqlite3 shell.
    func testReadmeSQLExamplesRunInTheSqlite3Shell() throws {
        guard let sqlite3 = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("the sqlite3 shell is not installed (scripts/setup.sh installs it)")
        }
        let cli = try ingested()
        let readme = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n").map(String.init)
        let examples = lines.filter { $0.hasPrefix("sqlite3 claims.db \"") && $0.hasSuffix("\"") }
        XCTAssertGreaterThanOrEqual(examples.count, 5)
        for example in examples {
            let sql = String(example.dropFirst("sqlite3 claims.db \"".count).dropLast())
            let process = Process()
            process.executableURL = URL(fileURLWithPath: sqlite3)
            process.arguments = [cli.database, sql]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "\(sql): \(errors)")
            XCTAssertFalse(output.isEmpty, "no rows from: \(sql)")
            // Where the README shows the output (a block starting with `$ <the same command>`), it must match.
            if let shown = lines.firstIndex(of: "$ " + example) {
                let expected = lines[(shown + 1)...].prefix { $0 != "```" }.joined(separator: "\n")
                XCTAssertEqual(output.trimmingCharacters(in: .whitespacesAndNewlines), expected.trimmingCharacters(in: .whitespacesAndNewlines), sql)
            }
        }
    }
}

/// What a person sees in a terminal: the progress line and colour, run under `script` (a real pty).
final class TerminalCLITests: XCTestCase {
    func underTerminal(_ command: String, environment: [String: String] = [:]) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("script(1) is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func testProgressLineAndColourOnlyOnATerminal() throws {
        let cli = try CLIRunner()
        let claims = CLIRunner.binary
        let ingest = try underTerminal("\(claims) --db \(cli.database) ingest \(cli.samplesPath)")
        XCTAssertTrue(ingest.contains("\r\u{1B}[K"), "progress line rewritten in place")
        XCTAssertTrue(ingest.contains(" inputs, "), ingest)
        XCTAssertTrue(ingest.contains("ingested: 5 new"))
        let quiet = try underTerminal("\(claims) --db \(cli.directory)/q.db ingest --quiet \(cli.samplesPath)")
        XCTAssertFalse(quiet.contains(" inputs, "), "--quiet silences progress")
        XCTAssertTrue(try underTerminal("\(claims) --db \(cli.database) search حمص --limit 1").contains("\u{1B}[1m"), "bold header on a terminal")
        XCTAssertFalse(try underTerminal("\(claims) --db \(cli.database) search حمص --limit 1", environment: ["NO_COLOR": "1"]).contains("\u{1B}["))
        // Not a terminal: no progress, no escape codes (CLIRunner uses pipes).
        let piped = try cli.run(["search", "حمص", "--limit", "1"])
        XCTAssertFalse(piped.stdout.contains("\u{1B}["))
    }
}

/// Datasette on a database the tool produced: the FTS tables are detected and its search box
/// finds articles and claims with the normalised form. Skipped when Datasette is not installed.
final class DatasetteTests: XCTestCase {
    func testDatasetteDetectsTheFullTextTables() throws {
        let candidates = ["/usr/local/bin/datasette", "/usr/bin/datasette", NSHomeDirectory() + "/.pyenv/shims/datasette"]
        guard let datasette = candidates.first(where: FileManager.default.isExecutableFile),
              FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") else { throw XCTSkip("Datasette (or curl) is not installed") }
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["ingest", cli.samplesPath]).status, 0)
        let port = 20000 + Int.random(in: 0..<20000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: datasette)
        server.arguments = ["serve", cli.database, "--host", "127.0.0.1", "--port", String(port)]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        // curl, since Foundation on Linux fetches no http URLs without FoundationNetworking.
        func get(_ path: String) -> Any? {
            let curl = Process()
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            curl.arguments = ["-s", "--max-time", "5", "http://127.0.0.1:\(port)\(path)"]
            let out = Pipe()
            curl.standardOutput = out
            curl.standardError = FileHandle.nullDevice
            guard (try? curl.run()) != nil else { return nil }
            let data = out.fileHandleForReading.readDataToEndOfFile()
            curl.waitUntilExit()
            return try? JSONSerialization.jsonObject(with: data)
        }
        var database: [String: Any]?
        for _ in 0..<40 where database == nil {   // at most ~10 s for the server to start
            database = get("/test.json") as? [String: Any]
            if database == nil { Thread.sleep(forTimeInterval: 0.25) }
        }
        let tables = try XCTUnwrap(database?["tables"] as? [[String: Any]], "Datasette did not answer")
        XCTAssertEqual(tables.first { $0["name"] as? String == "articles" }?["fts_table"] as? String, "articles_fts")
        XCTAssertEqual(tables.first { $0["name"] as? String == "claims" }?["fts_table"] as? String, "claims_fts")
        let query = try cli.run(["search", "--fts-query", "بالسفارة"], useDatabaseOption: false).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let hits = try XCTUnwrap(get("/test/articles.json?_search=\(encoded)&_shape=array") as? [[String: Any]])
        XCTAssertFalse(hits.isEmpty)
        let claims = try XCTUnwrap(get("/test/claims.json?_search=\(encoded)&_shape=array") as? [[String: Any]])
        XCTAssertFalse(claims.isEmpty)
    }
}
