import ClaimsStore
import Foundation
import XCTest

/// The failures of issue 17 ("eight promises that break under attack"), each reproduced on the
/// real binary: every test here failed before its fix.
final class HardeningCLITests: XCTestCase {
    // MARK: 1. numbers

    /// One rule for every numeric option: a negative number (or one past 64 bits) is a usage error,
    /// never a crash or a silent "all"; 0 means no limit.
    func testNegativeAndExtremeNumbersAreUsageErrorsAndZeroMeansNoLimit() throws {
        let cli = try CLIRunner()
        try cli.copySampleDatabase()
        let statement = "القوات الحكومية انسحبت من حمص"
        let refused: [[String]] = [
            ["check", statement, "--limit=-1"], ["check", statement, "--limit=-9223372036854775808"],
            ["check", statement, "--limit=99999999999999999999"], ["list", "--limit=-1"], ["conflicts", "--limit=-1"],
            ["stories", "--limit=-1"], ["entities", "--top=-1"], ["search", "حمص", "--limit=-1"],
            ["ingest", "--max-bytes=-1", cli.samplesPath], ["list", "--article=-3"], ["show", "claim", "--", "-1"],
            ["show", "story", "--", "-1"], ["conflicts", "--rebuild", "--window=-1"], ["search", "حمص", "--limit=1.5"],
        ]
        for arguments in refused {
            let result = try cli.run(arguments)
            XCTAssertEqual(result.status, 2, "claims \(arguments.joined(separator: " ")): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("0 or more") || result.stderr.contains("negative"), "\(arguments): \(result.stderr)")
        }
        func count(_ arguments: [String]) throws -> Int {
            let result = try cli.run(arguments + ["--format", "json"])
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
            return try XCTUnwrap(try cli.json(result) as? [Any], "\(arguments)").count
        }
        let allMatches = try count(["check", statement, "--limit=1000"])
        XCTAssertGreaterThan(allMatches, 1)
        XCTAssertEqual(try count(["check", statement, "--limit=0"]), allMatches, "0 is no limit, not 'no match'")
        XCTAssertEqual(try count(["check", statement, "--limit=9223372036854775807"]), allMatches)
        XCTAssertEqual(try count(["list", "--limit=0"]), try count(["list"]))
        XCTAssertEqual(try count(["conflicts", "--limit=0"]), try count(["conflicts"]))
        XCTAssertEqual(try count(["stories", "--limit=0"]), try count(["stories"]))
        XCTAssertGreaterThan(try count(["entities", "--top=0"]), try count(["entities", "--top=3"]))
        XCTAssertEqual(try count(["search", "حمص", "--limit=0"]), try count(["search", "حمص", "--limit=9223372036854775807"]))
        XCTAssertEqual(try count(["list", "--limit=9223372036854775807"]), try count(["list"]))
        XCTAssertEqual(try cli.run(["ingest", "--max-bytes=0", cli.samplesPath]).status, 0, "0: no size limit")
    }

    /// Numbers drawn at random (negative, extreme, malformed) for every numeric option, with `=`:
    /// the exit code is always 0, 1 or 2 (never a signal), and 2 exactly for what the rule refuses.
    func testFuzzNumericOptions() throws {
        let cli = try CLIRunner()
        try cli.copySampleDatabase()
        let options: [([String], String)] = [
            (["check", "انسحبت القوات من حمص"], "--limit"), (["list"], "--limit"), (["conflicts"], "--limit"),
            (["stories"], "--limit"), (["entities"], "--top"), (["search", "حمص"], "--limit"), (["list"], "--article"),
        ]
        let values = ["-1", "0", "1", "-0", "+3", "7", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
                      "99999999999999999999", "1.5", "1e3", "0x10", " 5", "", "٣", "--", "-", "NaN"]
        var rng = SplitMix64(seed: 1217)
        let iterations = ProcessInfo.processInfo.environment["CLAIMS_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 700
        for _ in 0..<max(30, iterations / 20) {
            let (command, option) = options[rng.next(below: options.count)]
            let value = values[rng.next(below: values.count)]
            let result = try cli.run(command + ["\(option)=\(value)", "--format", "json"], timeout: 60)
            let accepted = Int(value).map { $0 >= 0 } ?? false
            XCTAssertEqual(result.status, accepted ? 0 : 2, "\(command) \(option)=\(value): \(result.stderr)")
        }
    }

    // MARK: 2. NUL in JSON strings

    /// `\u0000` in a JSON string is stored with the rest of the text, never cut there.
    func testNULEscapesInJSONAreStoredWhole() throws {
        let cli = try CLIRunner()
        let record = #"{"title":"عنوان\u0000 بعد الصفر","body":"قال المتحدث إن الجيش انسحب من حمص.\u0000 وأضاف أن الوضع هادئ في المدينة.","outlet":"رويترز\u0000"}"#
        let result = try cli.run(["ingest", "-"], input: record + "\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        let db = try Database(path: cli.database)
        let row = try XCTUnwrap(try db.queryOne("SELECT title, body, outlet, length(CAST(body AS BLOB)), length(body_search), instr(body, char(0)) FROM articles") {
            ($0.string(0), $0.string(1), $0.string(2), $0.int(3), $0.int(4), $0.int(5))
        })
        XCTAssertEqual(row.0, "عنوان\u{0} بعد الصفر")
        XCTAssertEqual(row.1, "قال المتحدث إن الجيش انسحب من حمص.\u{0} وأضاف أن الوضع هادئ في المدينة.")
        XCTAssertEqual(row.2, "رويترز\u{0}")
        XCTAssertEqual(row.3, row.1.utf8.count, "SQLite holds every byte")
        XCTAssertGreaterThan(row.5, 0)
        // Every claim points into the stored text.
        let claims = try db.query("SELECT content, content_start, content_end FROM claims WHERE part = 'body'") { ($0.string(0), $0.int(1), $0.int(2)) }
        XCTAssertFalse(claims.isEmpty)
        let scalars = Array(row.1.unicodeScalars)
        for (content, start, end) in claims {
            XCTAssertLessThanOrEqual(end, scalars.count)
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[start..<end])), content)
        }
        XCTAssertEqual(try cli.run(["search", "هادئ", "--format", "json"]).stdout.contains("\"article_id\":1"), true)
        XCTAssertEqual(try cli.run(["verify"]).stdout, "ok\n")
    }

    // MARK: 3. --max-bytes on standard input

    /// `--max-bytes` bounds each article of standard input, as of a file: a JSON Lines stream
    /// larger than the limit is stored whole when every line is under it.
    func testMaxBytesLimitsEachArticleOnStandardInput() throws {
        let cli = try CLIRunner()
        let lines = (0..<40).map(Corpus.jsonLine)
        let stream = lines.joined(separator: "\n") + "\n"
        let limit = lines.map(\.utf8.count).max()! + 10
        XCTAssertGreaterThan(stream.utf8.count, limit * 10)
        let result = try cli.run(["ingest", "--max-bytes", String(limit), "--format", "json", "-"], input: stream)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual((try cli.json(result) as? [String: Any])?["new"] as? Int, 40)
        // A line over the limit fails alone, by line number; the others are stored.
        let other = try CLIRunner()
        let long = #"{"title":"طويل","body":""# + String(repeating: "كلمة ", count: limit) + #""}"#
        let mixed = try other.run(["ingest", "--max-bytes", String(limit), "-"], input: lines[0] + "\n" + long + "\n" + lines[1] + "\n")
        XCTAssertEqual(mixed.status, 1)
        XCTAssertTrue(mixed.stderr.contains("claims: error: -:2: line of"), mixed.stderr)
        XCTAssertEqual(try CLIRunner.checkDatabase(other.database).articles, 2)
        // A plain-text or JSON document on standard input is one article: the limit is its size.
        let text = try CLIRunner()
        let big = try text.run(["ingest", "--max-bytes", "100", "-"], input: String(repeating: "نص عربي طويل. ", count: 50))
        XCTAssertEqual(big.status, 1)
        XCTAssertTrue(big.stderr.contains("larger than the limit of 100 bytes"), big.stderr)
        XCTAssertEqual(try text.run(["ingest", "-"], input: "عنوان\n\nنص المقال هنا.").status, 0)
    }

    // MARK: 4 and 8. reads never write; the deferred-index marker names one process

    /// An interrupted large ingest left indexes to make: readers answer without making them (so a
    /// full disk, where making them fails, no longer stops every read), the next writer makes them.
    func testReadCommandsNeverWriteAndTheNextWriterRestoresIndexes() throws {
        let cli = try CLIRunner()
        try cli.copySampleDatabase()
        try Self.leaveIndexesDeferred(cli.database, by: "\(Int32.max - 7)")
        let before = try Self.fileState(cli.database)
        // (Before the fix each of these made the indexes, and failed with the disk full.)
        for arguments in [["search", "حمص", "--limit", "1"], ["stats"], ["list", "--limit", "2"], ["stories", "--limit", "2"],
                          ["conflicts", "--limit", "1"], ["entities", "--top", "2"], ["check", "انسحبت القوات من حمص", "--limit", "1"],
                          ["export", "--what", "claims"], ["show", "claim", "1"]] {
            let result = try cli.run(arguments)
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("claims: warning: 7 indexes are missing"), "\(arguments) warns: \(result.stderr)")
            XCTAssertEqual(try Self.fileState(cli.database), before, "\(arguments) wrote to the database")
        }
        let verify = try cli.run(["verify"])
        XCTAssertEqual(verify.status, 1, "verify reports the missing indexes")
        XCTAssertTrue(verify.stdout.contains("articles_published"), verify.stdout)
        XCTAssertEqual(try Self.fileState(cli.database), before, "no reader wrote to the database")
        XCTAssertEqual(try Self.missingIndexes(cli.database), SecondaryIndexNames.all)
        // The next writer makes them.
        let ingest = try cli.run(["ingest", cli.samplesPath])
        XCTAssertEqual(ingest.status, 0, ingest.stderr)
        XCTAssertEqual(try Self.missingIndexes(cli.database), [])
        XCTAssertEqual(try cli.run(["verify"]).stdout, "ok\n")
    }

    /// The marker of an ingest that dropped its indexes names the process by PID and start time:
    /// a live process that reuses the PID (here: this test's own), or a bare PID as older versions
    /// wrote, does not keep the indexes missing.
    func testAReusedPIDDoesNotKeepIndexesMissing() throws {
        for marker in ["\(getpid())", "\(getpid()) 1 00000000-0000-0000-0000-000000000000"] {
            let cli = try CLIRunner()
            try cli.copySampleDatabase()
            try Self.leaveIndexesDeferred(cli.database, by: marker)
            let ingest = try cli.run(["ingest", cli.samplesPath])
            XCTAssertEqual(ingest.status, 0, ingest.stderr)
            XCTAssertEqual(try Self.missingIndexes(cli.database), [], "marker \(marker)")
            XCTAssertEqual(try cli.run(["verify"]).stdout, "ok\n")
        }
    }

    // MARK: 5. stories on a read-only or missing database

    func testStoriesReadAReadOnlyDatabaseAndRefuseAMissingOne() throws {
        let cli = try CLIRunner()
        // (In a directory of its own: the runner writes its output files beside the database.)
        let directory = cli.directory + "/archive"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let database = directory + "/claims.db"
        try cli.copySampleDatabase(to: database)
        let run = { (arguments: [String]) in try cli.run(["--db", database] + arguments, useDatabaseOption: false) }
        let stories = try run(["stories", "--format", "json"])
        XCTAssertEqual(stories.status, 0, stories.stderr)
        let first = try XCTUnwrap((try cli.json(stories) as? [[String: Any]])?.first?["id"] as? Int)
        let story = try run(["show", "story", String(first)])
        XCTAssertEqual(story.status, 0, story.stderr)
        let undo = try CLIRunner.makeReadOnly(directory, isDirectory: true)
        defer { undo() }
        let readOnlyStories = try run(["stories", "--format", "json"])
        XCTAssertEqual(readOnlyStories.status, 0, readOnlyStories.stderr)
        XCTAssertEqual(readOnlyStories.stdout, stories.stdout)
        let readOnlyStory = try run(["show", "story", String(first)])
        XCTAssertEqual(readOnlyStory.status, 0, readOnlyStory.stderr)
        XCTAssertEqual(readOnlyStory.stdout, story.stdout)
        undo()
        let missing = cli.directory + "/typo.db"
        for arguments in [["stories"], ["show", "story", "1"]] {
            let result = try cli.run(["--db", missing] + arguments, useDatabaseOption: false)
            XCTAssertEqual(result.status, 1, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("no database at"), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
        }
    }

    // MARK: 6. killed recomputations

    /// `extract --all` and `conflicts --rebuild` killed at random points: `verify` reports the
    /// relations stale (never "ok" with conflicts missing), and the next writer recomputes them, so
    /// the conflicts and stories come back exactly.
    func testKilledRecomputationsAreReportedAndRepairedByTheNextWriter() throws {
        let reference = try CLIRunner()
        try reference.copySampleDatabase()
        let expected = try Self.relations(reference)
        XCTAssertGreaterThan(expected.conflicts.count, 5)
        var rng = SplitMix64(seed: 17)
        var interrupted = 0
        for (round, arguments) in [["extract", "--all"], ["conflicts", "--rebuild"], ["extract", "--all"], ["conflicts", "--rebuild"]].enumerated() {
            let cli = try CLIRunner()
            try cli.copySampleDatabase()
            let child = try BackgroundClaims(cli, arguments)
            let started = Date()
            while child.isRunning, Date().timeIntervalSince(started) < 60, try !Self.relationsMarkedStale(cli.database) {
                Thread.sleep(forTimeInterval: 0.002)
            }
            Thread.sleep(forTimeInterval: 0.05 + 0.6 * rng.unit() * Double(round + 1) / 2)
            if child.isRunning {
                Foundation.kill(child.process.processIdentifier, SIGKILL)
                child.process.waitUntilExit()
                interrupted += 1
                let verify = try cli.run(["verify"])
                XCTAssertEqual(verify.status, 1, "\(arguments) killed: \(verify.stdout)")
                XCTAssertTrue(verify.stdout.contains("conflicts and stories are stale"), verify.stdout)
                let reader = try cli.run(["conflicts", "--limit", "1"])
                XCTAssertTrue(reader.stderr.contains("claims: warning: conflicts and stories are stale"), reader.stderr)
            } else {
                child.process.waitUntilExit()
            }
            let next = try cli.run(["ingest", cli.samplesPath])
            XCTAssertEqual(next.status, 0, next.stderr)
            XCTAssertEqual(try CLIRunner.checkDatabase(cli.database).problems, [], "\(arguments), round \(round)")
            XCTAssertEqual(try cli.run(["verify"]).stdout, "ok\n")
            let repaired = try Self.relations(cli)
            if arguments[0] == "conflicts" {
                XCTAssertEqual(repaired.conflicts, expected.conflicts, "round \(round)")
                XCTAssertEqual(repaired.stories, expected.stories, "round \(round)")
            } else {
                // Claims re-extracted before the kill have new ids, and detection relates claims in
                // id order: the repair equals a whole recomputation of these claims.
                XCTAssertEqual(try cli.run(["conflicts", "--rebuild", "--limit", "1"]).status, 0)
                let rebuilt = try Self.relations(cli)
                XCTAssertEqual(repaired.conflicts, rebuilt.conflicts, "round \(round)")
                XCTAssertEqual(repaired.stories, rebuilt.stories, "round \(round)")
                XCTAssertEqual(repaired.conflicts.count, expected.conflicts.count, accuracy: 3, "round \(round)")
            }
        }
        XCTAssertGreaterThan(interrupted, 0, "at least one run was killed while it worked")
    }

    static func relationsMarkedStale(_ path: String) throws -> Bool {
        (try? Database(path: path, mode: .readOnly).scalarInt("SELECT count(*) FROM settings WHERE key = 'relations_stale'")) == 1
    }

    /// The conflicts (kinds and both sides' text) and stories (their claims' text), independent of ids.
    static func relations(_ cli: CLIRunner) throws -> (conflicts: [String], stories: [String]) {
        let db = try Database(path: cli.database, mode: .readOnly)
        let conflicts = try db.query("""
            SELECT x.kinds || ' | ' || a.content || ' | ' || b.content FROM conflicts x
            JOIN claims a ON a.id = x.claim_a_id JOIN claims b ON b.id = x.claim_b_id
            """) { $0.string(0) }.sorted()
        let stories = try db.query("""
            SELECT group_concat(c.content, ' + ') FROM (SELECT sc.story_id, c.content FROM story_claims sc JOIN claims c ON c.id = sc.claim_id
            ORDER BY sc.story_id, c.content) c GROUP BY c.story_id
            """) { $0.string(0) }.sorted()
        return (conflicts, stories)
    }

    // MARK: helpers

    /// The seven indexes a large ingest drops (as `SecondaryIndexes.names`).
    enum SecondaryIndexNames {
        static let all = ["articles_outlet", "articles_published", "claim_entities_entity", "claims_said_on",
                          "claims_speaker_entity", "claims_stance", "mentions_entity"]
    }

    /// The state a large ingest killed after dropping its indexes leaves.
    static func leaveIndexesDeferred(_ path: String, by marker: String) throws {
        let db = try Database(path: path)
        try db.execute("BEGIN")
        for name in SecondaryIndexNames.all { try db.execute("DROP INDEX \(name)") }
        try db.run("INSERT INTO settings (key, value) VALUES ('indexes_deferred_by', ?)", marker)
        try db.execute("COMMIT")
    }

    static func missingIndexes(_ path: String) throws -> [String] {
        let present = Set(try Database(path: path, mode: .readOnly).query("SELECT name FROM sqlite_schema WHERE type = 'index'") { $0.string(0) })
        return SecondaryIndexNames.all.filter { !present.contains($0) }
    }

    /// Size and content hash of the database and its -wal file (an empty log counts as none).
    static func fileState(_ path: String) throws -> [String] {
        try [path, path + "-wal"].map { file in
            guard let data = FileManager.default.contents(atPath: file), !data.isEmpty else { return "\(file): empty" }
            return "\(file): \(data.count) \(SHA256.hex(of: Array(data)))"
        }
    }
}

/// The smaller points of issue 17.
final class HardeningDetailsCLITests: XCTestCase {
    /// A file name with a newline cannot forge a line of its own on standard error.
    func testControlCharactersInFileNamesAreEscapedOnStandardError() throws {
        let cli = try CLIRunner()
        let name = cli.directory + "/bad\nclaims: error: forged.txt"
        try Data([0x00, 0x01, 0x02, 0xFF]).write(to: URL(fileURLWithPath: name))
        let result = try cli.run(["ingest", name])
        XCTAssertEqual(result.status, 1)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertFalse(lines.contains { $0.hasPrefix("claims: error: forged") }, result.stderr)
        XCTAssertTrue(result.stderr.contains("bad\\nclaims: error: forged.txt"), result.stderr)
    }

    /// `ingest --format json` that stops on a fatal error still prints its report, with the error.
    func testAFatalIngestStillPrintsItsJSONReport() throws {
        let cli = try CLIRunner()
        try "not a database, just text".write(toFile: cli.database, atomically: true, encoding: .utf8)
        let result = try cli.run(["ingest", "--format", "json", cli.samplesPath])
        XCTAssertEqual(result.status, 1)
        let report = try XCTUnwrap(try cli.json(result) as? [String: Any], result.stdout)
        XCTAssertEqual(report["new"] as? Int, 0)
        XCTAssertTrue((report["error"] as? String)?.contains(cli.database) == true, "\(report)")
    }

    /// A `-shm` file that counts pages of a `-wal` file that is gone, and a file whose size
    /// disagrees with its header, are reported by `verify`.
    func testVerifyDetectsALostWriteAheadLogAndATruncatedFile() throws {
        let cli = try CLIRunner()
        try cli.copySampleDatabase()
        // A writer stopped with commits in its log (no checkpoint), whose -wal is then deleted.
        let writer = try Database(path: cli.database)
        try writer.execute("PRAGMA wal_autocheckpoint = 0")
        try writer.execute("UPDATE articles SET outlet = 'منفذ' WHERE id = 1")
        let shm = try XCTUnwrap(FileManager.default.contents(atPath: cli.database + "-shm"))
        let log = cli.database + "-wal"
        XCTAssertTrue(FileManager.default.fileExists(atPath: log))
        let copy = try CLIRunner()
        try FileManager.default.copyItem(atPath: cli.database, toPath: copy.database)
        try shm.write(to: URL(fileURLWithPath: copy.database + "-shm"))
        withExtendedLifetime(writer) {}
        let verify = try copy.run(["verify"])
        XCTAssertEqual(verify.status, 1, verify.stdout)
        XCTAssertTrue(verify.stdout.contains("\(copy.database)-wal is missing, but \(copy.database)-shm records"), verify.stdout)
        // A truncated file (the last page cut off).
        let truncated = try CLIRunner()
        try truncated.copySampleDatabase()
        let size = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: truncated.database)[.size] as? Int)
        XCTAssertEqual(truncate(truncated.database, off_t(size - 4096)), 0)
        let report = try truncated.run(["verify"])
        XCTAssertEqual(report.status, 1)
        XCTAssertTrue(report.stdout.contains("pages but its header says"), report.stdout)
        let ingest = try truncated.run(["ingest", truncated.samplesPath])
        XCTAssertEqual(ingest.status, 1, "a writer refuses a file that disagrees with its header")
        XCTAssertTrue(ingest.stderr.contains("is damaged"), ingest.stderr)
    }

    /// After a byte flip that `verify` reports, `ingest` refuses to write (the file is unchanged).
    func testIngestRefusesToWriteIntoADamagedDatabase() throws {
        let cli = try CLIRunner()
        try cli.copySampleDatabase()
        let (page, pageSize) = try { () -> (Int, Int) in
            let db = try Database(path: cli.database, mode: .readOnly)
            return (try db.scalarInt("SELECT rootpage FROM sqlite_schema WHERE name = 'mentions'"), try db.scalarInt("PRAGMA page_size"))
        }()
        // The b-tree page's cell count (header bytes 3-4) made impossible.
        let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: cli.database))
        try handle.seek(toOffset: UInt64((page - 1) * pageSize + 3))
        try handle.write(contentsOf: Data([0x7F, 0xFF]))
        try handle.close()
        XCTAssertEqual(try cli.run(["verify"]).status, 1)
        let before = try HardeningCLITests.fileState(cli.database)
        let ingest = try cli.run(["ingest", "--format", "json", "-"], input: Corpus.jsonLine(3) + "\n")
        XCTAssertEqual(ingest.status, 1, ingest.stderr)
        XCTAssertTrue(ingest.stderr.contains("is damaged (quick_check:"), ingest.stderr)
        XCTAssertEqual(try HardeningCLITests.fileState(cli.database), before, "nothing written")
    }
}
