import ClaimsStore
import Foundation
import XCTest

/// Generated inputs and process control for the reliability tests.
enum Corpus {
    /// Sentences of the sample articles (lines with dates or newsletter promotions left out, so
    /// that every generated article is stored whole by the cleaner).
    static let sentences: [String] = {
        let directory = CLIRunner.repositoryRoot.appendingPathComponent("Examples/articles").path
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        var result: [String] = []
        for name in names {
            guard let text = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) else { continue }
            for line in text.split(whereSeparator: \.isNewline) {
                for sentence in line.split(separator: ".") {
                    let s = sentence.trimmingCharacters(in: .whitespaces)
                    if s.count > 20 && !s.contains("نشر") { result.append(s + ".") }
                }
            }
        }
        return result
    }()

    /// Everyday sentences that hold no attributed claim (extraction stays cheap on them).
    static let plainSentences = [
        "شهدت المدينة حركة مرور كثيفة.", "افتتح معرض للكتاب في الساحة العامة.", "ارتفعت درجات الحرارة في المساء.",
        "امتلأت الحدائق بالزوار في العطلة.", "تحسنت حركة القطارات بين الضواحي.", "ازدحمت الأسواق قبل العيد.",
    ]

    /// Article `index` as one JSON Lines record: two everyday sentences and its number, and every
    /// eighth a sentence of the samples too (so that claims, entity mentions and conflicts are
    /// extracted and stored with it). Every index gives a distinct article, always the same one.
    static func jsonLine(_ index: Int) -> String {
        var rng = SplitMix64(seed: UInt64(index) &* 0x9E37_79B9 &+ 17)
        var parts: [String] = []
        if index % 8 == 0 { parts.append(sentences[rng.next(below: sentences.count)]) }
        parts += (0..<2).map { _ in plainSentences[rng.next(below: plainSentences.count)] }
        let body = parts.joined(separator: " ") + " (الرقم \(index))"
        let record: [String: Any] = ["title": "مقال رقم \(index)", "body": body, "outlet": ["القدس العربي", "رويترز"][index % 2],
                                     "published": String(format: "2024-12-%02d", 1 + index % 28)]
        let data = try! JSONSerialization.data(withJSONObject: record, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes the records of `indices` as a JSON Lines file.
    static func writeJSONLines(_ indices: [Int], to path: String) throws {
        try (indices.map(jsonLine).joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}

/// Draws for the tests, on the library's deterministic SplitMix64 (tests must be repeatable).
extension SplitMix64 {
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// A `claims` process running in the background, its output going to files.
final class BackgroundClaims {
    let process = Process()
    let outputPath: String
    let errorPath: String

    init(_ cli: CLIRunner, _ arguments: [String], executable: String? = nil, prefix: [String] = []) throws {
        outputPath = cli.directory + "/out-" + UUID().uuidString
        errorPath = cli.directory + "/err-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable ?? CLIRunner.binary)
        process.arguments = prefix + ["--db", cli.database] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: cli.directory)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "CLAIMS_DB")
        process.environment = environment
        process.standardOutput = FileHandle(forWritingAtPath: outputPath)
        process.standardError = FileHandle(forWritingAtPath: errorPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    /// Waits for the process; kills it and returns false when it outlives `timeout`.
    @discardableResult
    func wait(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return false
        }
        process.waitUntilExit()
        return true
    }

    var stdout: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }
}

extension CLIRunner {
    /// The sample corpus stored once per test run (with extraction, which is slow in debug builds);
    /// `copySampleDatabase` gives each test its own copy.
    static let sampleDatabase: String = {
        let path = NSTemporaryDirectory() + "claims-samples-" + UUID().uuidString + ".db"
        do {
            let db = try ClaimsDatabase(path: path)
            _ = try Ingester(database: db).ingest(paths: [repositoryRoot.appendingPathComponent("Examples/articles").path])
        } catch {
            XCTFail("cannot build the sample database: \(error)")
        }
        return path
    }()

    /// Copies the sample database (five articles, closed cleanly) to `path`, default this runner's database.
    func copySampleDatabase(to path: String? = nil) throws {
        try FileManager.default.copyItem(atPath: Self.sampleDatabase, toPath: path ?? database)
    }

    /// Runs `claims` like `run`, but fails (and kills it) when it does not finish within `timeout`.
    func run(_ arguments: [String], timeout: TimeInterval, file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        let child = try BackgroundClaims(self, arguments)
        let finished = child.wait(timeout: timeout)
        XCTAssertTrue(finished, "claims \(arguments.joined(separator: " ")) hung for \(timeout) s", file: file, line: line)
        return Result(status: child.process.terminationStatus, stdout: child.stdout, stderr: child.stderr)
    }

    /// The checks of a crash-safe database, done with plain SQL (independent of `verify()`):
    /// integrity, foreign keys, the full-text index against its content, and its row count.
    static func checkDatabase(_ path: String) throws -> (articles: Int, problems: [String]) {
        let db = try Database(path: path)
        var problems: [String] = []
        let integrity = try db.query("PRAGMA integrity_check") { $0.string(0) }
        if integrity != ["ok"] { problems.append("integrity_check: \(integrity)") }
        let foreignKeys = try db.query("PRAGMA foreign_key_check") { $0.string(0) }
        if !foreignKeys.isEmpty { problems.append("foreign_key_check: \(foreignKeys)") }
        do {
            try db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
            try db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        } catch {
            problems.append("fts5 integrity-check: \(error)")
        }
        let articles = try db.scalarInt("SELECT count(*) FROM articles")
        let indexed = try db.scalarInt("SELECT count(*) FROM articles_fts")
        let documents = try db.scalarInt("SELECT count(*) FROM articles_fts_docsize")
        if indexed != articles || documents != articles {
            problems.append("articles_fts has \(indexed) rows and \(documents) documents for \(articles) articles")
        }
        let hashes = try db.scalarInt("SELECT count(DISTINCT content_hash) FROM articles")
        if hashes != articles { problems.append("\(articles - hashes) duplicate articles") }
        problems += try ClaimsDatabase.verify(path: path).map { "verify(): \($0)" }
        return (articles, problems)
    }

    /// Makes `path` unwritable for this process: chmod when not root; as root, where permissions do
    /// not stop writes, `chattr +i`. Returns the undo action, or throws XCTSkip when impossible.
    static func makeReadOnly(_ path: String, isDirectory: Bool) throws -> () -> Void {
        if getuid() != 0 {
            chmod(path, isDirectory ? 0o555 : 0o444)
            return { chmod(path, isDirectory ? 0o755 : 0o644) }
        }
        func chattr(_ flag: String) -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["chattr", flag, path]
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return -1 }
            process.waitUntilExit()
            return process.terminationStatus
        }
        guard chattr("+i") == 0, access(path, W_OK) != 0 else {
            _ = chattr("-i")
            throw XCTSkip("running as root, where file permissions do not stop writes, and `chattr +i` is not available on this file system: the read-only case cannot be simulated here")
        }
        return { _ = chattr("-i") }
    }
}
