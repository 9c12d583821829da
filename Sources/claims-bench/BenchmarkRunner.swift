import ClaimsStore
import Foundation

/// `claims-bench run`: generates (or reuses) a corpus, then measures the real release `claims`
/// binary and two baselines on it, and prints a report.
struct BenchmarkRunner {
    struct Options {
        var articles = 10_000
        var seed: UInt64 = 42
        var workdir = ".build/bench"
        var claimsPath: String?
        /// Repetitions of each in-process search, and of each per-process command.
        var searchRuns = 50
        var processRuns = 15
        var baselines = true
        var keepDatabases = false
    }

    /// The fixed query set: kind, query as a user types it to `claims search`, and the same query
    /// in raw text for the sqlite3 baseline database (unicode61 over the original text: no
    /// normalisation or clitic stripping, so its hit counts differ).
    static let queries: [(kind: String, claims: String, raw: String)] = [
        ("rare word", "خاطبين", "خاطبين"),
        ("frequent word", "قوات", "قوات"),
        ("phrase", "\"السفارة الإيرانية\"", "\"السفارة الإيرانية\""),
        ("AND", "حمص AND انسحاب", "حمص AND انسحاب"),
        ("prefix", "سيطر*", "سيطر*"),
    ]

    let options: Options
    var claims: String = ""
    var report: [(String, String)] = []   // label → value, for the closing summary

    init(options: Options) { self.options = options }

    mutating func run() throws {
        claims = options.claimsPath ?? Self.siblingExecutable("claims")
        guard ChildProcess.exists(claims) else {
            throw BenchError("no claims binary at \(claims): build it with `swift build -c release` or pass --claims PATH")
        }
        try FileManager.default.createDirectory(atPath: options.workdir, withIntermediateDirectories: true)
        print("claims-bench: \(options.articles) articles, seed \(options.seed), work directory \(options.workdir)")
        print("machine: \(Self.machineDescription())")
        print("claims: \(claims)  (SQLite \(Database.sqliteVersion))")
        print("")

        // 1. Corpus.
        let (corpus, summary) = try Self.corpus(articles: options.articles, seed: options.seed, workdir: options.workdir)
        print(summary.report)
        let corpusMB = Double(summary.bytes) / 1_000_000
        print("")
        fflush(nil)

        // 2. claims ingest.
        let db = "\(options.workdir)/claims-\(options.articles).db"
        Self.removeDatabase(db)
        let errorLog = "\(options.workdir)/ingest-stderr.txt"
        unlink(errorLog)
        let ingest = try ChildProcess.run([claims, "--db", db, "ingest", "--quiet", corpus], errorPath: errorLog, measureRSS: true)
        let stored = try Self.count(db, "SELECT count(*) FROM articles")
        let lastLine = ((try? String(contentsOfFile: errorLog, encoding: .utf8)) ?? "").split(separator: "\n").last.map(String.init) ?? ""
        print("claims ingest: \(String(format: "%.2f", ingest.seconds)) s (CPU \(String(format: "%.2f", ingest.cpuSeconds)) s), \(String(format: "%.0f", Double(summary.articles) / ingest.seconds)) articles/s, "
              + "\(String(format: "%.1f", corpusMB / ingest.seconds)) MB/s, peak RSS \(peakRSS(ingest))"
              + (ingest.succeeded ? "" : "  [exit \(ingest.status)]"))
        print("  \(lastLine)")
        report.append(("claims ingest", String(format: "%.2f s, CPU %.2f s (%.0f articles/s, %.1f MB/s), peak RSS %@", ingest.seconds, ingest.cpuSeconds,
                                                  Double(summary.articles) / ingest.seconds, corpusMB / ingest.seconds, peakRSS(ingest))))

        // (Each step's lines are written when it ends: a long run that is stopped, or watched with
        // `tail -f`, keeps what it measured. `fflush(nil)`: Swift 6 forbids naming `stdout`.)
        fflush(nil)

        // 3. Database size.
        try databaseSize(db, stored: stored)
        fflush(nil)

        // 4. Search latency.
        try searchLatency(db)
        fflush(nil)

        // 5. Start-up.
        try startup()
        fflush(nil)

        // 6. Baselines.
        if options.baselines {
            try baselines(corpus: corpus, corpusMB: corpusMB, claimsIngest: ingest.seconds, claimsDB: db)
        } else {
            print("\nbaselines: skipped (--no-baselines)")
        }
        fflush(nil)

        // 7. Commands that do not exist yet.
        try timeConflicts(db)

        print("\nsummary")
        for (label, value) in report { print("  \(label.padding(toLength: 44, withPad: " ", startingAt: 0)) \(value)") }
        if !options.keepDatabases {
            for name in ["claims-\(options.articles).db", "sqlite-utils-\(options.articles).db", "sqlite3-\(options.articles).db", "empty.db"] {
                Self.removeDatabase("\(options.workdir)/\(name)")
            }
        }
    }

    // MARK: - Corpus

    /// The corpus file for these parameters, generated unless a complete one is cached.
    static func corpus(articles: Int, seed: UInt64, workdir: String) throws -> (String, CorpusGenerator.Summary) {
        let path = "\(workdir)/corpus-v\(CorpusGenerator.version)-\(articles)-s\(seed).jsonl"
        let statsPath = path + ".stats"
        if let text = try? String(contentsOfFile: statsPath, encoding: .utf8), let summary = CorpusGenerator.Summary(fields: text),
           fileSize(path) == summary.bytes {
            print("corpus: reusing \(path)")
            return (path, summary)
        }
        print("corpus: generating \(path) …")
        let generator = CorpusGenerator(seed: seed)
        let summary = try generator.write(articles: articles, to: path) { done in
            FileHandle.standardError.write(Data("  \(done) articles\r".utf8))
        }
        try summary.fields.map { "\($0.0)=\($0.1)" }.joined(separator: "\n").write(toFile: statsPath, atomically: true, encoding: .utf8)
        print("corpus: generated in \(String(format: "%.1f", summary.seconds)) s")
        return (path, summary)
    }

    // MARK: - Size

    private mutating func databaseSize(_ path: String, stored: Int) throws {
        let total = fileSize(path)
        let database = try Database(path: path, mode: .readOnly)
        var groups: [String: Int] = [:]
        var hasDBStat = true
        do {
            try database.cached("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").forEach { row in
                let name = row.string(0)
                let group: String
                if name.hasPrefix("articles_fts") { group = "FTS index (articles_fts_*)" }
                else if name == "articles" { group = "articles table" }
                else if name.hasPrefix("articles_") || name.hasPrefix("sqlite_autoindex_articles") { group = "articles indexes" }
                else { group = "other" }
                groups[group, default: 0] += row.int(1)
            }
        } catch {
            hasDBStat = false
        }
        let perArticle = stored > 0 ? total / stored : 0
        print("\ndatabase: \(mb(total)) for \(stored) articles, \(perArticle) B per article")
        report.append(("database size", "\(mb(total)), \(perArticle) B/article"))
        if hasDBStat {
            for group in ["articles table", "FTS index (articles_fts_*)", "articles indexes", "other"] {
                let bytes = groups[group] ?? 0
                print("  \(group.padding(toLength: 28, withPad: " ", startingAt: 0)) \(mb(bytes).padding(toLength: 10, withPad: " ", startingAt: 0)) "
                      + String(format: "%4.1f%%", 100 * Double(bytes) / Double(max(1, total)))
                      + "  \(stored > 0 ? bytes / stored : 0) B/article")
            }
            // How the articles table splits between the original text and the search columns.
            let sums = try database.queryOne("""
                SELECT sum(length(CAST(title AS BLOB)) + length(CAST(body AS BLOB))),
                       sum(length(CAST(title_search AS BLOB)) + length(CAST(body_search AS BLOB))),
                       sum(length(CAST(source AS BLOB)) + ifnull(length(CAST(url AS BLOB)), 0) + ifnull(length(CAST(outlet AS BLOB)), 0)
                           + ifnull(length(published), 0) + length(content_hash) + ifnull(length(extra), 0) + length(ingested_at))
                FROM articles
                """) { ($0.int(0), $0.int(1), $0.int(2)) } ?? (0, 0, 0)
            print("    in the articles table: original text \(mb(sums.0)), search columns \(mb(sums.1)), metadata \(mb(sums.2))")
            report.append(("  split", "text \(mb(sums.0)) + search columns \(mb(sums.1)) + FTS \(mb(groups["FTS index (articles_fts_*)"] ?? 0))"))
        } else {
            let pages = try database.scalarInt("PRAGMA page_count"), pageSize = try database.scalarInt("PRAGMA page_size")
            print("  (this SQLite has no dbstat: \(pages) pages of \(pageSize) B)")
        }
        let vocabularyStarted = monotonicSeconds()
        try database.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.claims_bench_vocab USING fts5vocab(main, articles_fts, row)")
        let terms = try database.scalarInt("SELECT count(*) FROM temp.claims_bench_vocab")
        print("  FTS index: \(terms) distinct terms (normalised, clitic-stripped; counted in \(String(format: "%.1f", monotonicSeconds() - vocabularyStarted)) s)")
    }

    // MARK: - Search

    private mutating func searchLatency(_ db: String) throws {
        print("\nsearch (LIMIT 20, bm25)")
        let database = try ClaimsDatabase(path: db, create: false)
        let engine = SearchEngine(database: database)
        let rows: [[String]] = try Self.queries.map { query in
            let expression = try SearchQuery(query.claims).ftsExpression
            let matches = try database.connection.scalarInt("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [expression])
            // In process: SearchEngine, warmed up, then timed.
            for _ in 0..<3 { _ = try engine.search(query.claims) }
            var times: [Double] = []
            for _ in 0..<options.searchRuns {
                let started = monotonicSeconds()
                _ = try engine.search(query.claims)
                times.append(monotonicSeconds() - started)
            }
            let inProcess = Latencies(times)
            // Per process: the claims CLI, and the sqlite3 CLI running the same FTS expression.
            let cli = try Self.timeProcess(options.processRuns, [claims, "--db", db, "search", query.claims])
            let sql = "SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', 16) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                + "WHERE articles_fts MATCH '\(expression.replacingOccurrences(of: "'", with: "''"))' ORDER BY rank LIMIT 20"
            let sqlite = ChildProcess.exists("sqlite3") ? try Self.timeProcess(options.processRuns, ["sqlite3", db, sql]) : Latencies([])
            report.append(("search \(query.kind) in process p50/p95", "\(ms(inProcess.p50)) / \(ms(inProcess.p95)) (\(matches) matches)"))
            report.append(("search \(query.kind) per process p50: claims / sqlite3", "\(ms(cli.p50)) / \(ms(sqlite.p50)) = " + String(format: "%.2f×", cli.p50 / sqlite.p50)))
            return [query.kind, query.claims, "\(matches)", ms(inProcess.p50), ms(inProcess.p95), ms(cli.p50), ms(cli.p95),
                    ms(sqlite.p50), ms(sqlite.p95), String(format: "%.2f×", cli.p50 / sqlite.p50)]
        }
        Self.printTable(["query", "text", "matches", "in-proc p50", "p95", "claims p50", "p95", "sqlite3 p50", "p95", "claims/sqlite3"], rows)
        print("  (in process: SearchEngine.search incl. query parsing and snippets, \(options.searchRuns) runs after 3 warm-up;"
              + " per process: \(options.processRuns) runs of `claims search` and of `sqlite3 DB \"… MATCH <same FTS expression> ORDER BY rank LIMIT 20\"`)")
    }

    // MARK: - Start-up

    private mutating func startup() throws {
        let empty = "\(options.workdir)/empty.db"
        Self.removeDatabase(empty)
        _ = try ClaimsDatabase(path: empty)
        let help = try Self.timeProcess(options.processRuns, [claims, "--help"])
        let search = try Self.timeProcess(options.processRuns, [claims, "--db", empty, "search", "سفارة"])
        let baseline = ChildProcess.exists("sqlite3") ? try Self.timeProcess(options.processRuns, ["sqlite3", empty, "SELECT 1"]) : Latencies([])
        print("\nstart-up (p50 / p95 of \(options.processRuns) runs)")
        print("  claims --help                  \(ms(help.p50)) / \(ms(help.p95))")
        print("  claims search (empty database) \(ms(search.p50)) / \(ms(search.p95))")
        print("  sqlite3 DB 'SELECT 1'          \(ms(baseline.p50)) / \(ms(baseline.p95))  (reference)")
        report.append(("start-up: --help / search on empty db", "\(ms(help.p50)) / \(ms(search.p50))"))
    }

    // MARK: - Baselines

    private mutating func baselines(corpus: String, corpusMB: Double, claimsIngest: Double, claimsDB: String) throws {
        print("\nbaselines (same JSON Lines file)")
        // sqlite-utils: insert --nl, then enable-fts (FTS5 over title and body, external content).
        if ChildProcess.exists("sqlite-utils") {
            let db = "\(options.workdir)/sqlite-utils-\(options.articles).db"
            Self.removeDatabase(db)
            let insert = try ChildProcess.run(["sqlite-utils", "insert", db, "articles", corpus, "--nl"], measureRSS: true)
            let fts = try ChildProcess.run(["sqlite-utils", "enable-fts", db, "articles", "title", "body", "--fts5"], measureRSS: true)
            let seconds = insert.seconds + fts.seconds
            print("  sqlite-utils insert --nl + enable-fts: \(String(format: "%.2f", seconds)) s (\(String(format: "%.2f", insert.seconds)) + \(String(format: "%.2f", fts.seconds)); CPU \(String(format: "%.2f", insert.cpuSeconds + fts.cpuSeconds)) s), "
                  + "peak RSS \(peakRSS(insert.maxRSSKiB >= fts.maxRSSKiB ? insert : fts)), \(mb(fileSize(db)))"
                  + (insert.succeeded && fts.succeeded ? "" : "  [failed: exit \(insert.status)/\(fts.status)]"))
            report.append(("sqlite-utils insert + enable-fts", String(format: "%.2f s; claims ingest / sqlite-utils = %.2f×", seconds, claimsIngest / seconds)))
        } else {
            print("  sqlite-utils: not installed (pip install sqlite-utils), skipped")
            report.append(("sqlite-utils insert + enable-fts", "skipped (not installed)"))
        }
        guard ChildProcess.exists("sqlite3") else {
            print("  sqlite3: not installed, skipped")
            return
        }
        // sqlite3 CLI: .import the JSON Lines as one-column rows (ASCII mode, a unit separator that
        // JSON never contains, newline rows), extract the fields with ->>, then build FTS5.
        let db = "\(options.workdir)/sqlite3-\(options.articles).db"
        Self.removeDatabase(db)
        let script = "\(options.workdir)/sqlite3-load.sql"
        try Self.sqlite3LoadScript(corpus: corpus).write(toFile: script, atomically: true, encoding: .utf8)
        let load = try ChildProcess.run(["sqlite3", db, ".read \(script)"], measureRSS: true)
        let rows = (try? Self.count(db, "SELECT count(*) FROM articles")) ?? 0
        print("  sqlite3 CLI (.import + json ->> + FTS5 rebuild, tuned pragmas): \(String(format: "%.2f", load.seconds)) s (CPU \(String(format: "%.2f", load.cpuSeconds)) s), peak RSS \(peakRSS(load)), "
              + "\(mb(fileSize(db))), \(rows) rows" + (load.succeeded ? "" : "  [exit \(load.status)]"))
        print("    script: \(script)")
        report.append(("sqlite3 CLI load + FTS5", String(format: "%.2f s; claims ingest / sqlite3 = %.2f×", load.seconds, claimsIngest / load.seconds)))
        // The same queries on the sqlite3 database (raw text, so hit counts differ).
        var rowsOut: [[String]] = []
        for query in Self.queries {
            let escaped = query.raw.replacingOccurrences(of: "'", with: "''")
            let sql = "SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', 16) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                + "WHERE articles_fts MATCH '\(escaped)' ORDER BY rank LIMIT 20"
            let t = try Self.timeProcess(options.processRuns, ["sqlite3", db, sql])
            let matches = (try? Self.count(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\(escaped)'")) ?? 0
            rowsOut.append([query.kind, "\(matches)", ms(t.p50), ms(t.p95)])
        }
        print("  sqlite3 CLI per process on its own database (unnormalised text):")
        Self.printTable(["query", "matches", "p50", "p95"], rowsOut, indent: "    ")
        if !options.keepDatabases { Self.removeDatabase(db) }
    }

    static func sqlite3LoadScript(corpus: String) -> String {
        """
        -- claims-bench: load a JSON Lines corpus with the sqlite3 CLI alone, into a table with an FTS5 index.
        -- Each line is imported whole as one TEXT value (ASCII mode with a unit separator that JSON never
        -- contains, so no CSV quoting applies), into a temporary table; the fields are extracted with ->>.
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        PRAGMA cache_size = -65536;
        PRAGMA temp_store = FILE;
        CREATE TEMP TABLE raw(line TEXT);
        .mode ascii
        .separator "\\037" "\\n"
        .import --schema temp '\(corpus)' raw
        CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, body TEXT, url TEXT, outlet TEXT, published TEXT);
        BEGIN;
        INSERT INTO articles (title, body, url, outlet, published)
            SELECT line ->> '$.title', line ->> '$.body', line ->> '$.url', line ->> '$.outlet', line ->> '$.published' FROM temp.raw;
        COMMIT;
        DROP TABLE temp.raw;
        CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content = 'articles', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');

        """
    }

    // MARK: - Conflicts

    /// `claims conflicts --rebuild` over the whole database, then `claims check` of one sentence.
    private mutating func timeConflicts(_ db: String) throws {
        print("\nconflicts")
        // `--limit 1`: the time of recomputing, not of printing every conflict afterwards.
        let rebuild = try ChildProcess.run([claims, "--db", db, "conflicts", "--rebuild", "--limit", "1"], measureRSS: true)
        print("  conflicts --rebuild: \(String(format: "%.2f", rebuild.seconds)) s, peak RSS \(peakRSS(rebuild))" + (rebuild.succeeded ? "" : " [exit \(rebuild.status)]"))
        report.append(("conflicts --rebuild", String(format: "%.2f s", rebuild.seconds)))
        let check = try Self.timeProcess(options.processRuns, [claims, "--db", db, "check", "نفت وزارة الخارجية إخلاء السفارة في دمشق"])
        print("  check latency: p50 \(ms(check.p50)), p95 \(ms(check.p95))")
        report.append(("check latency p50", ms(check.p50)))
    }

    // MARK: - Helpers

    static func timeProcess(_ runs: Int, _ arguments: [String]) throws -> Latencies {
        _ = try ChildProcess.run(arguments)   // warm the page cache
        var times: [Double] = []
        for _ in 0..<runs {
            let result = try ChildProcess.run(arguments)
            guard result.succeeded else { throw BenchError("\(arguments.joined(separator: " ")) exited with \(result.status)") }
            times.append(result.seconds)
        }
        return Latencies(times)
    }

    static func count(_ db: String, _ sql: String) throws -> Int {
        try Database(path: db, mode: .readOnly).scalarInt(sql)
    }

    static func removeDatabase(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    static func siblingExecutable(_ name: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return name }
        let own = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (own as NSString).deletingLastPathComponent + "/" + name
    }

    static func machineDescription() -> String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        var cpu = ""
        if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }) {
            cpu = line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        }
        return "\(cores) cores, \(String(format: "%.0f", memory)) GiB\(cpu.isEmpty ? "" : ", \(cpu)")"
    }

    static func printTable(_ header: [String], _ rows: [[String]], indent: String = "  ") {
        var widths = header.map { DisplayWidth.of($0) }
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
        func line(_ cells: [String]) -> String {
            indent + cells.enumerated().map { DisplayWidth.pad($0.element, to: widths[$0.offset]) }.joined(separator: "  ")
        }
        print(line(header))
        for row in rows { print(line(row)) }
    }
}
