import ClaimsStore
import Foundation
import XCTest

/// Issue 5: crash safety, concurrent use, hostile and broken input — through the real binary.
final class ReliabilityCLITests: XCTestCase {
    // MARK: 1. atomic articles

    /// `claims ingest` killed with SIGKILL at random points leaves a sound database every time, and
    /// the same command run again stores the rest, each distinct article exactly once.
    func testKilledIngestLeavesASoundDatabaseAndARerunCompletesIt() throws {
        let cli = try CLIRunner()
        let distinct = 2000
        // Every 25th record is repeated a little later, as feeds do.
        var indices: [Int] = []
        for index in 0..<distinct {
            indices.append(index)
            if index % 25 == 24 { indices.append(index - 7) }
        }
        let feed = cli.directory + "/feed.jsonl"
        try Corpus.writeJSONLines(indices, to: feed)

        var rng = SplitMix64(seed: 5)
        var figures: [String] = []
        var previous = 0
        for kill in 1...4 {
            // Kill at a random point of the writing: once a random 4–14 % more of the articles are
            // stored (each run first skips what earlier runs stored), plus 0–30 ms to land anywhere
            // in a transaction. Independent of the machine's speed.
            let target = previous + Int(Double(distinct) * (0.04 + 0.10 * rng.unit()))
            let jitter = 0.03 * rng.unit()
            let child = try BackgroundClaims(cli, ["ingest", "--quiet", feed])
            let started = Date()
            while child.isRunning, Date().timeIntervalSince(started) < 60, try Self.articleCount(cli.database) < target {
                Thread.sleep(forTimeInterval: 0.005)
            }
            Thread.sleep(forTimeInterval: jitter)
            XCTAssertTrue(child.isRunning, "kill \(kill): the ingest was still running")
            Foundation.kill(child.process.processIdentifier, SIGKILL)
            child.process.waitUntilExit()
            XCTAssertEqual(child.process.terminationReason, .uncaughtSignal)
            let (articles, problems) = try CLIRunner.checkDatabase(cli.database)
            XCTAssertEqual(problems, [], "after kill \(kill)")
            XCTAssertGreaterThanOrEqual(articles, target, "committed articles never disappear")
            figures.append("kill \(kill) after \(String(format: "%.2f", Date().timeIntervalSince(started))) s: \(articles) articles")
            previous = articles
        }
        XCTAssertLessThan(previous, distinct, "the kills interrupted the ingest")

        let rerun = try cli.run(["ingest", "--format", "json", feed], timeout: 120)
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        let summary = try XCTUnwrap(try cli.json(rerun) as? [String: Any])
        XCTAssertEqual(summary["new"] as? Int, distinct - previous, "the rerun stores exactly the rest")
        XCTAssertEqual(summary["failed"] as? Int, 0)
        let (articles, problems) = try CLIRunner.checkDatabase(cli.database)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(articles, distinct, "every distinct article once, none twice")
        let verify = try cli.run(["verify"])
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
        XCTAssertEqual(verify.stdout, "ok\n")
        print("kill test: \(indices.count) records (\(distinct) distinct); " + figures.joined(separator: "; ")
              + "; rerun: \(summary["new"] ?? "?") new, \(summary["duplicates"] ?? "?") duplicates in \(summary["elapsed_seconds"] ?? "?") s; total \(articles); checks ok")
    }

    static func articleCount(_ path: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        return (try? Database(path: path, mode: .readOnly).scalarInt("SELECT count(*) FROM articles")) ?? 0
    }

    // MARK: 2. concurrency

    /// Two ingesters with overlapping inputs and readers (search, stats, show) on one database:
    /// no "database is locked", no article lost or doubled, every reader sees a consistent state.
    func testTwoIngestersAndReadersShareTheDatabase() throws {
        let cli = try CLIRunner()
        try cli.copySampleDatabase()
        let first = cli.directory + "/a.jsonl", second = cli.directory + "/b.jsonl"
        try Corpus.writeJSONLines(Array(0..<500), to: first)
        try Corpus.writeJSONLines(Array((250..<750).reversed()), to: second)   // 250 shared, met from the other end
        let started = Date()
        let writers = [try BackgroundClaims(cli, ["ingest", "--format", "json", "--quiet", first]),
                       try BackgroundClaims(cli, ["ingest", "--format", "json", "--quiet", second])]
        var reads = 0
        var lastCount = 5
        var readerErrors: [String] = []
        while writers.contains(where: \.isRunning) && Date().timeIntervalSince(started) < 120 {
            let stats = try cli.run(["stats", "--format", "json"])
            let search = try cli.run(["search", "حمص", "--format", "json", "--limit", "5"])
            let show = try cli.run(["show", "article", "1", "--format", "json"])
            reads += 3
            for result in [stats, search, show] where result.status != 0 || !result.stderr.isEmpty {
                readerErrors.append("status \(result.status): \(result.stderr)")
            }
            if let json = try? cli.json(stats) as? [String: Any], let tables = json["tables"] as? [String: Any],
               let count = tables["articles"] as? Int {
                XCTAssertEqual(tables["articles_fts"] as? Int, count, "one snapshot: the index counts what the table holds")
                XCTAssertGreaterThanOrEqual(count, lastCount, "a reader never sees articles disappear")
                lastCount = count
            } else {
                readerErrors.append("stats output: \(stats.stdout)")
            }
            XCTAssertNotNil(try? cli.json(search) as? [[String: Any]], search.stdout)
        }
        for writer in writers { XCTAssertTrue(writer.wait(timeout: 120)) }
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(readerErrors, [])
        var summaries: [[String: Any]] = []
        for writer in writers {
            XCTAssertEqual(writer.process.terminationStatus, 0, writer.stderr)
            XCTAssertFalse(writer.stderr.contains("locked"), writer.stderr)
            summaries.append(try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(writer.stdout.utf8)) as? [String: Any]))
        }
        let new = summaries.map { $0["new"] as? Int ?? -1 }
        let duplicates = summaries.map { $0["duplicates"] as? Int ?? -1 }
        let retries = summaries.map { $0["busy_retries"] as? Int ?? -1 }
        XCTAssertEqual(new.reduce(0, +), 750, "each distinct article stored by exactly one ingester")
        XCTAssertEqual(duplicates.reduce(0, +), 250, "the shared articles were seen as duplicates by the other")
        let (articles, problems) = try CLIRunner.checkDatabase(cli.database)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(articles, 755)
        print("concurrency test: 2 ingesters (500 + 500 records, 250 shared) and \(reads) reader runs in "
              + String(format: "%.1f s", elapsed) + "; new \(new), duplicates \(duplicates), busy retries \(retries), "
              + "elapsed \(summaries.map { $0["elapsed_seconds"] ?? "?" }) s; total \(articles) articles; checks ok")
    }

    // MARK: 3. bad input

    func testBadInputsFailAloneWithClearMessagesAndTheGoodAreStored() throws {
        let cli = try CLIRunner()
        let dir = cli.directory + "/in"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        func write(_ name: String, _ bytes: [UInt8]) { _ = FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(bytes)) }
        func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }
        let article = "قال المرصد السوري إن القوات الحكومية انسحبت من حمص.\n\nوأضاف أن الفصائل تقدمت نحو المدينة."
        let sample = try String(contentsOfFile: cli.samplesPath + "/000_fd4e9686c416e7c7.txt", encoding: .utf8)

        write("good.txt", utf8(sample))
        write("bom.txt", [0xEF, 0xBB, 0xBF] + utf8("عنوان بعلامة الترتيب\n\n" + article))
        write("cp1256.txt", Windows1256.encode("عنوان بترميز ويندوز\n\nقالت الوزارة إن الوضع في دمشق مستقر، وأضافت أن الطرق مفتوحة."))
        write("utf16.txt", [0xFF, 0xFE] + Array("عنوان بترميز يونيكود\n\nقال الجيش إن قواته في حماة.".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        write("bad-utf8.txt", utf8("عنوان\n\nنص ") + [0xFF, 0xFE, 0x80] + utf8(" مكسور"))
        write("empty.txt", [])
        write("blank.txt", utf8("  \n\t\n   \n"))
        write("title-only.txt", utf8("عنوان بلا نص\n"))
        write("nul.txt", utf8("نص ") + [0x00] + utf8(" بعد صفر"))
        write("fake-image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52])
        write("too-big.txt", utf8("عنوان\n\n" + String(repeating: "قال الوزير إن الوضع مستقر. ", count: 8000)))   // ~ 390 KB
        write("one-line.txt", utf8((0..<2400).map { Corpus.plainSentences[$0 % 6] }.joined(separator: " ")))   // ~ 150 KB, no newline
        let jsonLines: [[UInt8]] = [
            utf8(Corpus.jsonLine(1)),
            utf8("{\"title\": \"مكسور\", \"body\": \"نص"),
            utf8("{\"title\": 5, \"body\": \"نص\"}"),
            utf8("{\"title\": \"بلا نص\"}"),
            utf8("{\"title\": \"ضخم\", \"body\": \"" + String(repeating: "ب", count: 150_000) + "\"}"),
            utf8("{\"title\": \"") + [0xC3, 0x28] + utf8("\", \"body\": \"x\"}"),
            utf8("[1, 2]"),
            utf8(Corpus.jsonLine(2)),
        ]
        write("feed.jsonl", jsonLines.flatMap { $0 + [0x0A] })
        write("utf16.jsonl", [0xFF, 0xFE] + Array((Corpus.jsonLine(3) + "\n" + Corpus.jsonLine(4) + "\n").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        write("cp1256.jsonl", Windows1256.encode("{\"title\": \"سطر بترميز ويندوز\", \"body\": \"قال المتحدث إن المفاوضات مستمرة.\"}\n"))
        try FileManager.default.createDirectory(atPath: dir + "/loop", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/loop/again", withDestinationPath: "..")
        XCTAssertEqual(mkfifo(dir + "/pipe.jsonl", 0o644), 0)
        XCTAssertEqual(mkfifo(cli.directory + "/explicit-pipe.txt", 0o644), 0)
        _ = FileManager.default.createFile(atPath: cli.directory + "/photo.png", contents: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]))

        let arguments = ["ingest", "--max-bytes", "200000", dir, dir + "/missing.txt", cli.directory + "/photo.png", cli.directory + "/explicit-pipe.txt"]
        let result = try cli.run(arguments, timeout: 60)
        XCTAssertEqual(result.status, 1, "anything failed: exit 1")
        let expected = [
            "\(dir)/missing.txt: no such file or directory",
            "\(dir)/bad-utf8.txt: not valid UTF-8 (first bad byte at offset 17)",
            "\(dir)/empty.txt: empty file",
            "\(dir)/blank.txt: only whitespace",
            "\(dir)/nul.txt: binary data (NUL byte at offset 5); not a text file",
            "\(dir)/fake-image.txt: binary data (NUL byte at offset 8); not a text file",
            "\(dir)/too-big.txt: larger than the limit of 200000 bytes (raise it with --max-bytes)",
            "\(dir)/feed.jsonl:2: invalid JSON",
            "\(dir)/feed.jsonl:3: field \"title\" must be a string, got a number",
            "\(dir)/feed.jsonl:4: missing \"body\" (or \"text\")",
            "\(dir)/feed.jsonl:5: line of 300031 bytes exceeds the limit of 200000 (raise it with --max-bytes)",
            "\(dir)/feed.jsonl:6: not valid UTF-8",
            "\(dir)/feed.jsonl:7: expected a JSON object with \"title\" and \"body\", got an array",
            "\(cli.directory)/photo.png: binary data (NUL byte at offset 8); not a text file",
            "warning: \(dir)/loop/again: skipped: directory already visited (symbolic link loop?)",
            "warning: \(dir)/pipe.jsonl: skipped: not a regular file (FIFO, device or socket)",
            "warning: \(cli.directory)/explicit-pipe.txt: skipped: not a regular file (FIFO, device or socket)",
            "note: \(dir)/cp1256.txt: transcoded from Windows-1256",
            "note: \(dir)/utf16.txt: transcoded from UTF-16LE",
            "note: \(dir)/utf16.jsonl: transcoded from UTF-16LE",
            "note: \(dir)/cp1256.jsonl:1: transcoded from Windows-1256",
        ]
        for message in expected {
            XCTAssertTrue(result.stderr.contains(message), "missing «\(message)» in:\n\(result.stderr)")
        }
        XCTAssertTrue(result.stderr.contains("ingested: 11 new, 0 duplicates, 14 failed"), result.stderr)
        // The good ones: good, bom, cp1256, utf16, one-line, title-only (a post), feed:1, feed:8, utf16.jsonl:1–2, cp1256.jsonl:1.
        let titles = try Database(path: cli.database).query("SELECT title FROM articles ORDER BY id") { $0.string(0) }
        XCTAssertEqual(titles.count, 11, "\(titles)")
        XCTAssertTrue(titles.contains("سطر بترميز ويندوز") && titles.contains("مقال رقم 4"), "\(titles)")
        XCTAssertTrue(titles.contains("عنوان بعلامة الترتيب"), "no BOM in the title: \(titles)")
        XCTAssertTrue(titles.contains("عنوان بترميز ويندوز"), "\(titles)")
        XCTAssertTrue(titles.contains("عنوان بترميز يونيكود"), "\(titles)")
        XCTAssertEqual(try CLIRunner.checkDatabase(cli.database).problems, [])

        // Standard input: binary and empty.
        let binary = try cli.run(["ingest", "-"], input: "نص\u{0}ثنائي")
        XCTAssertEqual(binary.status, 1)
        XCTAssertTrue(binary.stderr.contains("-: binary data (NUL byte at offset 4)"), binary.stderr)
        let empty = try cli.run(["ingest", "-"], input: "")
        XCTAssertEqual(empty.status, 1)
        XCTAssertTrue(empty.stderr.contains("-: empty file"), empty.stderr)
        // A directory with nothing to read says so.
        try FileManager.default.createDirectory(atPath: cli.directory + "/nothing", withIntermediateDirectories: true)
        let nothing = try cli.run(["ingest", cli.directory + "/nothing"])
        XCTAssertTrue(nothing.stderr.contains("no .txt, .md, .json, .jsonl, .html, .xml, .warc or .csv files in this directory"), nothing.stderr)
    }

    /// As root, where chmod 000 does not stop reading, the binary runs as `nobody` (setpriv).
    func testUnreadableFileIsReportedByName() throws {
        let cli = try CLIRunner()
        let path = cli.directory + "/secret.txt"
        try "عنوان\n\nنص سري عن حمص.".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0)
        defer { chmod(path, 0o644) }
        var executable: String?
        var prefix: [String] = []
        if getuid() == 0 {
            let setpriv = "/usr/bin/setpriv"
            prefix = ["--reuid=65534", "--regid=65534", "--clear-groups", CLIRunner.binary]
            let probe = try? BackgroundClaims(cli, ["--help"], executable: setpriv, prefix: prefix)
            try XCTSkipUnless(probe.map { $0.wait(timeout: 30) && $0.process.terminationStatus == 0 } ?? false,
                              "running as root, where chmod 000 does not stop reading, and claims cannot be run as nobody (setpriv): the unreadable-file case cannot be simulated")
            chmod(cli.directory, 0o777)
            executable = setpriv
        }
        let child = try BackgroundClaims(cli, ["ingest", path, cli.samplesPath], executable: executable, prefix: prefix)
        XCTAssertTrue(child.wait(timeout: 60))
        XCTAssertEqual(child.process.terminationStatus, 1, child.stderr)
        XCTAssertTrue(child.stderr.contains("claims: error: \(path): cannot open: permission denied"), child.stderr)
        XCTAssertTrue(child.stderr.contains("ingested: 5 new, 0 duplicates, 1 failed"), child.stderr)
    }

    func testHostileSearchStringsGiveResultsOrAClearErrorNeverACrash() throws {
        let cli = try CLIRunner()
        try cli.copySampleDatabase()
        // One of each kind (the fuzz test runs thousands through the library).
        let queries = [
            "NEAR(حمص دمشق)", "title_search:حمص", "{title_search body_search}: حمص", "^حمص", "حمص**",
            "\"", "'", "«حمص", "a\"b", "' OR 1=1 --", "\"); DROP TABLE articles; --", "حمص AND", "حمص NOT NOT دمشق", "()",
            "\u{1}حمص\u{7F}\u{1B}[31m", "\u{200F}حمص\u{200E}\n\tدمشق", "🙂 ـــ \\ %_",
            String(repeating: "(", count: 300) + "حمص" + String(repeating: ")", count: 300),
            String(repeating: "ح", count: 999), String(repeating: "حمص ", count: 300), "",
        ]
        for query in queries {
            let result = try cli.run(["search", "--format", "json", "--", query])
            XCTAssertTrue([0, 2].contains(result.status), "\(result.status) for «\(query.prefix(40))»: \(result.stderr)")
            if result.status == 0 {
                XCTAssertNotNil(try? cli.json(result) as? [[String: Any]], "JSON for «\(query.prefix(40))»: \(result.stdout)")
            } else {
                XCTAssertTrue(result.stderr.hasPrefix("claims: error: invalid query: "), "«\(query.prefix(40))»: \(result.stderr)")
                XCTAssertEqual(result.stdout, "")
            }
            XCTAssertFalse(result.stderr.lowercased().contains("fts5") || result.stderr.contains("SQLite"), "raw engine message: \(result.stderr)")
        }
        XCTAssertEqual(try CLIRunner.checkDatabase(cli.database).articles, 5, "no query changed anything")
    }

    // MARK: database files

    func testForeignNewerAndDamagedDatabasesAreRefusedUntouched() throws {
        let cli = try CLIRunner()
        let feed = cli.directory + "/feed.jsonl"
        try Corpus.writeJSONLines(Array(0..<20), to: feed)
        func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }
        func database(_ name: String, _ make: (String) throws -> Void) throws -> String {
            let path = cli.directory + "/" + name
            try make(path)
            return path
        }
        func claimsDatabase(_ path: String) throws { try cli.copySampleDatabase(to: path) }
        let foreign = try database("foreign.db") { path in
            try Database(path: path).execute("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine')")
        }
        let text = try database("text.db") { try "ليست قاعدة بيانات بل نص عادي\n".write(toFile: $0, atomically: true, encoding: .utf8) }
        let newer = try database("newer.db") { path in
            try claimsDatabase(path)
            try Database(path: path).execute("PRAGMA user_version = 99")
        }
        let truncated = try database("truncated.db") { path in
            try claimsDatabase(path)
            let whole = try bytes(path)
            try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        }
        let overwritten = try database("overwritten.db") { path in
            try claimsDatabase(path)
            var whole = try bytes(path)
            var rng = SplitMix64(seed: 9)
            for i in (whole.count / 3)..<(whole.count / 3 + 16384) { whole[i] = UInt8(truncatingIfNeeded: rng.next()) }
            try whole.write(to: URL(fileURLWithPath: path))
        }
        let expectations: [(String, String)] = [
            (foreign, "\(foreign) is not a claims database (its application_id is 0, not claims'); refusing to touch it"),
            (text, "\(text) is not a claims database (not an SQLite database file); refusing to touch it"),
            (newer, "\(newer) has schema version 99, newer than this claims supports ("),
            (truncated, "\(truncated) is damaged (database disk image is malformed)"),
        ]
        for (path, message) in expectations {
            let before = try bytes(path)
            for command in [["ingest", feed], ["search", "حمص"], ["stats"], ["show", "article", "1"], ["demo"]] {
                let result = try cli.run(["--db", path] + command, useDatabaseOption: false)
                XCTAssertEqual(result.status, 1, "\(command) on \(path)")
                XCTAssertTrue(result.stderr.contains("claims: error: " + message), "\(command): \(result.stderr)")
            }
            let verify = try cli.run(["--db", path, "verify"], useDatabaseOption: false)
            XCTAssertEqual(verify.status, 1, verify.stdout)
            XCTAssertFalse(verify.stdout.isEmpty, "verify lists the problem")
            XCTAssertEqual(try bytes(path), before, "\(path) left exactly as it was")
        }
        // Garbage over the middle: verify finds it; other commands may work or fail, but never crash.
        let verify = try cli.run(["--db", overwritten, "verify"], useDatabaseOption: false)
        XCTAssertEqual(verify.status, 1)
        XCTAssertTrue(verify.stdout.contains("integrity_check") || verify.stdout.contains("damaged") || verify.stdout.contains("articles_fts"), verify.stdout)
        XCTAssertTrue(verify.stderr.contains("problem"), verify.stderr)
        for command in [["ingest", feed], ["search", "حمص"], ["stats"], ["show", "article", "3"]] {
            let result = try cli.run(["--db", overwritten] + command, useDatabaseOption: false)
            XCTAssertTrue([0, 1].contains(result.status), "\(command): status \(result.status) \(result.stderr)")
            if result.status == 1 && command[0] != "ingest" { XCTAssertTrue(result.stderr.contains("is damaged"), result.stderr) }
        }
        // Paths that cannot be databases.
        let directory = try cli.run(["--db", cli.directory, "stats"], useDatabaseOption: false)
        XCTAssertEqual(directory.status, 1)
        XCTAssertTrue(directory.stderr.contains("cannot open database \(cli.directory): it is a directory"), directory.stderr)
        let nowhere = try cli.run(["--db", cli.directory + "/no/such/x.db", "ingest", feed], useDatabaseOption: false)
        XCTAssertEqual(nowhere.status, 1)
        XCTAssertTrue(nowhere.stderr.contains("the directory \(cli.directory)/no/such does not exist"), nowhere.stderr)
    }

    func testReadOnlyDatabaseFileIsReadableAndNeverWritten() throws {
        let cli = try CLIRunner()
        try cli.copySampleDatabase()
        let feed = cli.directory + "/feed.jsonl"
        try Corpus.writeJSONLines(Array(0..<10), to: feed)
        let undo = try CLIRunner.makeReadOnly(cli.database, isDirectory: false)
        defer { undo() }
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.database))
        let ingest = try cli.run(["ingest", feed])
        XCTAssertEqual(ingest.status, 1)
        XCTAssertTrue(ingest.stderr.contains("claims: error: cannot write to \(cli.database): the file is read-only"), ingest.stderr)
        XCTAssertEqual(try cli.run(["demo"]).status, 1)
        let search = try cli.run(["search", "بقائي", "--format", "json"])
        XCTAssertEqual(search.status, 0, search.stderr)
        XCTAssertEqual((try cli.json(search) as? [[String: Any]])?.count, 1)
        XCTAssertEqual(try cli.run(["stats"]).status, 0)
        XCTAssertEqual(try cli.run(["show", "article", "4"]).status, 0)
        XCTAssertEqual(try cli.run(["verify"]).stdout, "ok\n")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: cli.database)), before)
    }

    func testReadOnlyDirectoryIsReadableAndNeverWritten() throws {
        let cli = try CLIRunner()
        let directory = cli.directory + "/archive"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/claims.db"
        try cli.copySampleDatabase(to: path)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"), "closed cleanly")
        let undo = try CLIRunner.makeReadOnly(directory, isDirectory: true)
        defer { undo() }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let search = try cli.run(["--db", path, "search", "بقائي", "--format", "json"], useDatabaseOption: false)
        XCTAssertEqual(search.status, 0, search.stderr)
        XCTAssertEqual((try cli.json(search) as? [[String: Any]])?.count, 1)
        XCTAssertEqual(try cli.run(["--db", path, "verify"], useDatabaseOption: false).stdout, "ok\n")
        let ingest = try cli.run(["--db", path, "ingest", cli.samplesPath], useDatabaseOption: false)
        XCTAssertEqual(ingest.status, 1)
        XCTAssertTrue(ingest.stderr.contains("cannot write to \(path): its directory \(directory) is read-only"), ingest.stderr)
        let fresh = try cli.run(["--db", directory + "/new.db", "ingest", cli.samplesPath], useDatabaseOption: false)
        XCTAssertEqual(fresh.status, 1)
        XCTAssertTrue(fresh.stderr.contains("cannot write to \(directory)/new.db: cannot create it in \(directory)"), fresh.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), ["claims.db"], "no journal or new file left")
    }

    /// A full disk, simulated with a file size limit (`ulimit -f`, which needs no privileges): the
    /// run stops with a clear error, everything committed before stays, and a rerun completes it.
    func testFullDiskIsAClearErrorAndKeepsWhatWasStored() throws {
        let cli = try CLIRunner()
        try cli.copySampleDatabase()
        let feed = cli.directory + "/feed.jsonl"
        try Corpus.writeJSONLines(Array(0..<400), to: feed)
        let size = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: cli.database)[.size] as? Int)
        let blocks = (size + 96 * 1024) / 512
        let limited = try BackgroundClaims(cli, ["ingest", feed], executable: "/bin/sh",
                                           prefix: ["-c", "ulimit -f \(blocks) && exec \"$0\" \"$@\"", CLIRunner.binary])
        XCTAssertTrue(limited.wait(timeout: 60))
        XCTAssertEqual(limited.process.terminationReason, .exit, "not killed by SIGXFSZ")
        XCTAssertEqual(limited.process.terminationStatus, 1, limited.stderr)
        XCTAssertTrue(limited.stderr.contains("claims: error: writing to \(cli.database) failed: disk I/O error while writing (disk full or file size limit reached?)"), limited.stderr)
        XCTAssertTrue(limited.stderr.contains("the database keeps everything stored before the failure"), limited.stderr)
        XCTAssertTrue(limited.stderr.contains("claims: ingest stopped after"), limited.stderr)
        let (stored, problems) = try CLIRunner.checkDatabase(cli.database)
        XCTAssertEqual(problems, [])
        XCTAssertGreaterThanOrEqual(stored, 5)
        XCTAssertLessThan(stored, 405, "the limit stopped the run")
        XCTAssertEqual((try cli.json(try cli.run(["search", "بقائي", "--format", "json"])) as? [[String: Any]])?.count, 1, "what was there is intact")
        let rerun = try cli.run(["ingest", feed])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertEqual(try CLIRunner.checkDatabase(cli.database).articles, 405)
    }

    // MARK: 5. exit codes

    func testEveryCommandHonoursTheExitCodes() throws {
        let cli = try CLIRunner()
        let bad = cli.directory + "/bad.txt"
        try "".write(toFile: bad, atomically: true, encoding: .utf8)
        let cases: [([String], Int32)] = [
            (["stats"], 1), (["search", "حمص"], 1), (["show", "article", "1"], 1), (["verify"], 1),   // no database yet
            (["ingest", cli.samplesPath], 0), (["ingest", bad], 1), (["ingest"], 2), (["ingest", "--max-bytes=-1", bad], 2),
            (["ingest", "--published", "someday", cli.samplesPath], 2), (["ingest", "--format", "xml", bad], 2),
            (["search", "حمص"], 0), (["search", "\"حمص"], 2), (["search", "حمص", "--limit=-1"], 2), (["search", "حمص", "--limit", "0"], 0),
            (["search", "حمص", "--since", "2024-13-45"], 2), (["search"], 2),
            (["show", "article", "4"], 0), (["show", "article", "99"], 1), (["show", "article", "four"], 2),
            (["stats"], 0), (["stats", "--format", "xml"], 2),
            (["demo"], 0), (["demo", "--bogus"], 2),
            (["verify"], 0), (["check-db", "--format", "json"], 0), (["verify", "--format", "xml"], 2),
            (["--db", "", "stats"], 2), (["frobnicate"], 2),
        ]
        for (arguments, status) in cases {
            let result = try cli.run(arguments)
            XCTAssertEqual(result.status, status, "claims \(arguments.joined(separator: " ")): \(result.stderr)")
            if status != 0 { XCTAssertFalse(result.stderr.isEmpty, "an error says why: \(arguments)") }
        }
        // verify's failure: problems listed, exit 1.
        try Database(path: cli.database).execute("DROP TRIGGER articles_fts_delete; DELETE FROM articles WHERE id = 1")
        let verify = try cli.run(["verify"])
        XCTAssertEqual(verify.status, 1)
        XCTAssertTrue(verify.stdout.hasPrefix("articles_fts: the full-text index does not match its content"), verify.stdout)
        XCTAssertTrue(verify.stderr.contains("1 problem found"), verify.stderr)
        let json = try XCTUnwrap(try cli.json(try cli.run(["check-db", "--format", "json"])) as? [String: Any])
        XCTAssertEqual(json["ok"] as? Bool, false)
        XCTAssertEqual((json["problems"] as? [String])?.count, 1)
    }
}

/// Windows-1256 encoding of Arabic text (Foundation on Linux has none).
enum Windows1256 {
    static let high: [UInt32] = [
        0x20AC, 0x067E, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0679, 0x2039, 0x0152, 0x0686, 0x0698, 0x0688,
        0x06AF, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x06A9, 0x2122, 0x0691, 0x203A, 0x0153, 0x200C, 0x200D, 0x06BA,
        0x00A0, 0x060C, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x06BE, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x00B9, 0x061B, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x061F,
        0x06C1, 0x0621, 0x0622, 0x0623, 0x0624, 0x0625, 0x0626, 0x0627, 0x0628, 0x0629, 0x062A, 0x062B, 0x062C, 0x062D, 0x062E, 0x062F,
        0x0630, 0x0631, 0x0632, 0x0633, 0x0634, 0x0635, 0x0636, 0x00D7, 0x0637, 0x0638, 0x0639, 0x063A, 0x0640, 0x0641, 0x0642, 0x0643,
        0x00E0, 0x0644, 0x00E2, 0x0645, 0x0646, 0x0647, 0x0648, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0649, 0x064A, 0x00EE, 0x00EF,
        0x064B, 0x064C, 0x064D, 0x064E, 0x00F4, 0x064F, 0x0650, 0x00F7, 0x0651, 0x00F9, 0x0652, 0x00FB, 0x00FC, 0x200E, 0x200F, 0x06D2,
    ]

    static func encode(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            if scalar.value < 0x80 { return UInt8(scalar.value) }
            guard let index = high.firstIndex(of: scalar.value) else { fatalError("not in Windows-1256: \(scalar)") }
            return UInt8(0x80 + index)
        }
    }
}
