import ClaimsStore
import Foundation
import XCTest

/// What a new user meets first: install, --version, one set of format names, the demo's own
/// database, stable claim ids, clear errors and hints, and what pointer denials deny.
final class FirstMinutesCLITests: XCTestCase {
    func testVersionNamesReleaseSchemaAndSQLite() throws {
        let result = try CLIRunner().run(["--version"], useDatabaseOption: false)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "claims \(ClaimsVersion.release) (schema version \(ClaimsVersion.schema), SQLite \(Database.sqliteVersion))\n")
    }

    /// scripts/install.sh with an already-built binary (CLAIMS_BINARY), into a temporary PREFIX.
    func testInstallScriptInstallsBinaryManPageAndCompletions() throws {
        let cli = try CLIRunner()
        let prefix = cli.directory + "/prefix"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [CLIRunner.repositoryRoot.appendingPathComponent("scripts/install.sh").path]
        process.environment = ProcessInfo.processInfo.environment.merging(["PREFIX": prefix, "CLAIMS_BINARY": CLIRunner.binary]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, output)
        for file in ["bin/claims", "share/man/man1/claims.1", "share/bash-completion/completions/claims",
                     "share/zsh/site-functions/_claims", "share/fish/vendor_completions.d/claims.fish"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: prefix + "/" + file), file)
        }
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: prefix + "/bin/claims"))
        let completion = try String(contentsOfFile: prefix + "/share/bash-completion/completions/claims", encoding: .utf8)
        XCTAssertTrue(completion.contains("ingest"), "a bash completion of the subcommands")
        XCTAssertTrue(output.contains("installed claims \(ClaimsVersion.release)"), output)
        XCTAssertTrue(output.contains("is not on your PATH"), output)
    }

    func testEveryCommandTakesTheSameFormatNames() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["ingest", cli.samplesPath]).status, 0)
        let commands = [["show", "claim", "87"], ["show", "article", "4"], ["show", "entity", "بقائي"], ["show", "story", "1"],
                        ["stats"], ["verify"], ["compare", "انسحبت القوات من حمص", "لم تنسحب القوات من حمص"],
                        ["list", "--article", "4"], ["search", "سفارة"], ["entities", "--top", "3"], ["conflicts"], ["stories"]]
        for command in commands {
            // `text` is another name for `table`.
            let table = try cli.run(command + ["--format", "table"])
            XCTAssertEqual(table.status, 0, "\(command): \(table.stderr)")
            XCTAssertEqual(try cli.run(command + ["--format", "text"]).stdout, table.stdout, "\(command)")
            for format in ["json", "jsonl", "csv"] {
                let result = try cli.run(command + ["--format", format])
                XCTAssertEqual(result.status, 0, "\(command) --format \(format): \(result.stderr)")
                XCTAssertFalse(result.stdout.isEmpty, "\(command) --format \(format)")
            }
            XCTAssertNotNil(try cli.json(try cli.run(command + ["--format", "json"])), "\(command)")
        }
        let csv = try cli.run(["show", "claim", "87", "--format", "csv"]).stdout
        XCTAssertTrue(csv.hasPrefix("id,claim_key,article_id,speaker"), csv)
        let wrong = try cli.run(["show", "claim", "87", "--format", "xml"])
        XCTAssertEqual(wrong.status, 2)
        XCTAssertTrue(wrong.stderr.contains("table"), wrong.stderr)
    }

    func testDemoUsesItsOwnDatabaseAndRefusesAnArchive() throws {
        let cli = try CLIRunner()
        // Without --db (and with $CLAIMS_DB set): ./demo.db, nothing else.
        let demo = try cli.run(["demo"], useDatabaseOption: false, environment: ["CLAIMS_DB": cli.database])
        XCTAssertEqual(demo.status, 0, demo.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: cli.directory + "/demo.db"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.database), "the user's database is not touched")
        XCTAssertEqual(try cli.run(["demo"], useDatabaseOption: false).status, 0, "the demo runs again on its database")
        // A database holding other articles is refused, and left as it was.
        let feed = cli.directory + "/feed.jsonl"
        try #"{"title":"خبر محلي","body":"قالت البلدية إن المياه ستقطع غدا عن الأحياء الشرقية للصيانة."}"#
            .write(toFile: feed, atomically: true, encoding: .utf8)
        XCTAssertEqual(try cli.run(["ingest", feed]).status, 0)
        let refused = try cli.run(["demo"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("holds 1 article that are not the demo's") || refused.stderr.contains("not the demo's"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--force"), refused.stderr)
        let stats = try XCTUnwrap(try cli.json(try cli.run(["stats", "--format", "json"])) as? [String: Any])
        XCTAssertEqual((stats["tables"] as? [String: Any])?["articles"] as? Int, 1)
        let forced = try cli.run(["demo", "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stdout.contains("5 new"), forced.stdout)
    }

    func testReextractionKeepsClaimIdsAndKeys() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["ingest", cli.samplesPath]).status, 0)
        func claims() throws -> [String: String] {
            let list = try XCTUnwrap(try cli.json(try cli.run(["list", "--format", "json"])) as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: list.map { ("\($0["id"]!)", "\($0["claim_key"]!)|\($0["content"]!)") })
        }
        let before = try claims()
        XCTAssertEqual(before.count, 148)
        XCTAssertEqual(try cli.run(["entities", "add", "قناة الغد", "--type", "media", "--alias", "الغد"]).status, 0)
        let extract = try cli.run(["extract", "--all"])
        XCTAssertEqual(extract.status, 0, extract.stderr)
        XCTAssertEqual(try claims(), before, "same ids, keys and contents after extract --all")
        // The key is in CSV and show too, and is the same in another database holding the article.
        let csv = try cli.run(["export", "--what", "claims", "--format", "csv"]).stdout
        XCTAssertTrue(csv.hasPrefix(StoredClaim.csvColumns.joined(separator: ",") + "\r\n"), csv)
        let key87 = try XCTUnwrap(before["87"]?.split(separator: "|").first).description
        XCTAssertTrue(csv.contains(key87))
        XCTAssertTrue(try cli.run(["show", "claim", "87"]).stdout.contains("key \(key87)"))
        let other = try CLIRunner()
        XCTAssertEqual(try other.run(["ingest", other.samplesPath + "/" + (try FileManager.default.contentsOfDirectory(atPath: other.samplesPath).sorted().first!)]).status, 0)
        let otherKeys = try XCTUnwrap(try other.json(try other.run(["list", "--format", "json"])) as? [[String: Any]]).compactMap { $0["claim_key"] as? String }
        XCTAssertFalse(otherKeys.isEmpty)
        XCTAssertTrue(Set(otherKeys).isSubset(of: Set(before.values.map { String($0.split(separator: "|")[0]) })))
    }

    func testClearErrorsAndHints() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["ingest", cli.samplesPath]).status, 0)
        for command in [["search", "حمص"], ["list"]] {
            let reversed = try cli.run(command + ["--since", "2024-12-08", "--until", "2024-12-01"])
            XCTAssertEqual(reversed.status, 2, "\(command)")
            XCTAssertTrue(reversed.stderr.contains("--since 2024-12-08 is after --until 2024-12-01"), reversed.stderr)
        }
        // A 0-byte file stays a 0-byte file.
        let empty = cli.directory + "/empty.db"
        FileManager.default.createFile(atPath: empty, contents: Data())
        for command in [["stats"], ["search", "حمص"], ["list"], ["verify"]] {
            let result = try cli.run(["--db", empty] + command, useDatabaseOption: false)
            XCTAssertNotEqual(result.status, 0, "\(command)")
            XCTAssertTrue((result.stdout + result.stderr).contains("empty file"), result.stdout + result.stderr)
            XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int, 0, "\(command)")
        }
        // Lower-case operators: a hint on standard error, the search still runs.
        let lower = try cli.run(["search", "حمص and انسحاب"])
        XCTAssertEqual(lower.status, 0)
        XCTAssertTrue(lower.stderr.contains("hint: 'and' in lower case is searched as a word"), lower.stderr)
        XCTAssertTrue(lower.stderr.contains("write AND"), lower.stderr)
        XCTAssertFalse(try cli.run(["search", "حمص AND انسحاب"]).stderr.contains("hint"))
        XCTAssertFalse(try cli.run(["search", "\"and\""]).stderr.contains("hint"), "a quoted word is meant as a word")
    }

    func testNamesWithOrWithoutTheirInnerSpaceFindTheSameArticles() throws {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["ingest", cli.samplesPath]).status, 0)
        // Articles of our own writing the joined forms.
        let feed = cli.directory + "/joined.jsonl"
        try [#"{"title":"تعزيزات في ديرالزور","body":"وصلت تعزيزات عسكرية إلى مدينة ديرالزور صباح اليوم."}"#,
             #"{"title":"تصريح","body":"قال مدير المرصد رامي عبدالرحمن إن المعارك توقفت."}"#].joined(separator: "\n")
            .write(toFile: feed, atomically: true, encoding: .utf8)
        XCTAssertEqual(try cli.run(["ingest", feed]).status, 0)
        func articles(_ query: String) throws -> Set<Int> {
            let result = try cli.run(["search", query, "--format", "json", "--limit", "100"])
            XCTAssertEqual(result.status, 0, result.stderr)
            return Set(try XCTUnwrap(try cli.json(result) as? [[String: Any]]).compactMap { $0["article_id"] as? Int })
        }
        for (joined, spaced) in [("ديرالزور", "دير الزور"), ("عبدالرحمن", "عبد الرحمن")] {
            let found = try articles(joined)
            XCTAssertEqual(found, try articles(spaced), joined)
            XCTAssertEqual(found, try articles("\"\(spaced)\""), joined)
            XCTAssertTrue(found.contains(6) || found.contains(7), "the article writing \(joined) is found")
            XCTAssertGreaterThan(found.count, 1, "and those writing \(spaced)")
        }
    }

    func testPointerDenialsShowWhatTheyDeny() throws {
        let cli = try CLIRunner()
        let demo = try cli.run(["demo"])
        XCTAssertEqual(demo.status, 0, demo.stderr)
        let denials = try XCTUnwrap(demo.stdout.components(separatedBy: "Denials found").last?.components(separatedBy: "Conflicts found").first)
        XCTAssertTrue(denials.contains("هذه التقارير → [64] القوات الحكومية"), denials)
        XCTAssertTrue(denials.contains("ذلك → [143] انسحبت قوات النظام"), denials)
        let list = try cli.run(["list", "--stance", "denies", "--wide"]).stdout
        XCTAssertTrue(list.contains("هذه التقارير → [64] القوات الحكومية"), list)
        let show = try cli.run(["show", "claim", "65"]).stdout
        XCTAssertTrue(show.contains("content:  هذه التقارير → [64]"), show)
        // JSON keeps the claim's own words and the id of what it denies.
        let json = try XCTUnwrap(try cli.json(try cli.run(["show", "claim", "65", "--format", "json"])) as? [String: Any])
        XCTAssertEqual(json["content"] as? String, "هذه التقارير")
        XCTAssertEqual(json["denies_claim_id"] as? Int, 64)
    }
}
