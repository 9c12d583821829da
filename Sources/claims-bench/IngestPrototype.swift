import ClaimsStore
import Foundation

/// PROTOTYPE (not used by `claims`): what a different ingest pipeline would gain, measured
/// in process on the benchmark corpus, to plan `Ingester`'s structure (batching and the second
/// thread have since moved into it; the FTS variants have not). Variants:
///
/// * `per-article` — the library's `Ingester` as it is (since extraction landed: pipelined, batched, with
///   extraction and conflicts; the other variants do text and FTS only, for comparison with what it was).
/// * `batched` — the same steps, but one transaction per `--batch` articles, each article in a
///   savepoint inside it, so a bad article still rolls back alone; a crash loses at most the
///   uncommitted batch (re-ingesting dedupes).
/// * `pipelined` — parse, clean, hash and stem on a second thread, hand finished rows through a
///   bounded queue to the single writer, which inserts them in batched transactions.
///
/// The same database settings are used for every variant; `--fts-*` and `--cache-mb` options
/// try FTS5 and page-cache settings.
struct IngestPrototype {
    struct Options {
        var articles = 10_000
        var seed: UInt64 = 42
        var workdir = ".build/bench"
        var batch = 1000
        var variants = ["per-article", "batched", "pipelined", "pipelined-fts", "pipelined-fts-ascii"]
        /// Extra statements run on each fresh database before ingesting, e.g.
        /// "PRAGMA cache_size=-32768; INSERT INTO articles_fts(articles_fts, rank) VALUES('automerge', 8)".
        var setup: String?
    }

    let options: Options

    func run() throws {
        try FileManager.default.createDirectory(atPath: options.workdir, withIntermediateDirectories: true)
        let (corpus, summary) = try BenchmarkRunner.corpus(articles: options.articles, seed: options.seed, workdir: options.workdir)
        print(summary.report)
        if let setup = options.setup { print("setup: \(setup)") }
        let corpusMB = Double(summary.bytes) / 1_000_000
        for variant in options.variants {
            let db = "\(options.workdir)/prototype-\(variant).db"
            BenchmarkRunner.removeDatabase(db)
            let database = try ClaimsDatabase(path: db)
            if let setup = options.setup { try database.connection.execute(setup) }
            let started = monotonicSeconds()
            let cpuStarted = processCPUSeconds()
            var detail = ""
            let stored: Int
            switch variant {
            case "per-article":
                let report = try Ingester(database: database).ingest(paths: [corpus])
                stored = report.inserted.count
            case "batched":
                stored = try batched(corpus, database)
            case "phases":
                let result = try phases(corpus, database, batch: 1)
                stored = result.stored
                detail = result.detail
            case "phases-batched":
                let result = try phases(corpus, database, batch: options.batch)
                stored = result.stored
                detail = result.detail
            case "pipelined", "pipelined-fts", "pipelined-fts-ascii":
                // -fts: the FTS insert trigger is dropped and the index filled once per batch with one
                // INSERT … SELECT (FTS5 flushes its pending terms at every savepoint, so with the
                // trigger each article still makes its own segment); -ascii: the FTS table uses
                // FTS5's ascii tokenizer, which on the already normalised search columns gives the
                // same terms as unicode61 (compared below) at a third of the cost.
                if variant.hasPrefix("pipelined-fts") { try database.connection.execute("DROP TRIGGER articles_fts_insert") }
                if variant == "pipelined-fts-ascii" {
                    try database.connection.execute("""
                        DROP TABLE articles_fts;
                        CREATE VIRTUAL TABLE articles_fts USING fts5(title_search, body_search, content="articles", content_rowid="id", tokenize="ascii");
                        """)
                }
                let result = try pipelined(corpus, database, ftsPerBatch: variant.hasPrefix("pipelined-fts"))
                stored = result.stored
                detail = String(format: " (parse+clean+stem thread busy %.2f s, writer busy %.2f s)", result.producerBusy, result.writerBusy)
                if variant.hasPrefix("pipelined-fts") {
                    let terms = try database.connection.scalarInt("SELECT count(*) FROM articles_fts_data")
                    detail += ", \(terms) FTS data rows"
                }
            default:
                throw BenchError("unknown variant \(variant) (per-article, batched, pipelined, pipelined-fts, pipelined-fts-ascii, phases, phases-batched)")
            }
            let seconds = monotonicSeconds() - started
            let cpuSeconds = processCPUSeconds() - cpuStarted
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            print(String(format: "%-12@ %7.2f s (CPU %.2f s)  %6.0f articles/s  %5.1f MB/s  %d stored  %@  peak RSS so far %@%@",
                         variant as NSString, seconds, cpuSeconds, Double(summary.articles) / seconds, corpusMB / seconds, stored,
                         mb(fileSize(db)) as NSString, mib(kib: Int(usage.ru_maxrss)) as NSString, detail as NSString))
            BenchmarkRunner.removeDatabase(db)
        }
    }

    /// Today's steps, but batched: one transaction per `batch` articles, a savepoint per article.
    private func batched(_ corpus: String, _ database: ClaimsDatabase) throws -> Int {
        let connection = database.connection
        let cleaner = ArticleCleaner()
        let store = ArticleStore(database: database)
        var stored = 0
        var pending: [ArticleDraft] = []
        func flush() throws {
            try connection.transaction {
                for draft in pending {
                    // The nested transaction is a savepoint: a failing article rolls back alone.
                    if let clean = try? cleaner.clean(draft),
                       case .inserted? = try? connection.transaction({ try store.insert(clean) }) {
                        stored += 1
                    }
                }
            }
            pending.removeAll(keepingCapacity: true)
        }
        try InputReader().read(.file(path: corpus)) { event in
            if case .article(let draft) = event {
                pending.append(draft)
                if pending.count >= options.batch { try flush() }
            }
        }
        try flush()
        return stored
    }

    /// Today's steps one after the other, with the CPU time of this thread spent in each
    /// (CLOCK_THREAD_CPUTIME_ID, so other processes on the machine do not inflate it), and the
    /// wall time spent in SQLite (which includes its I/O).
    private func phases(_ corpus: String, _ database: ClaimsDatabase, batch: Int) throws -> (stored: Int, detail: String) {
        let connection = database.connection
        let cleaner = ArticleCleaner()
        let stemmer = CliticStemmer()
        var cpu = [String: Double]()
        var sqliteWall = 0.0
        var stored = 0
        var clock = threadCPUSeconds()
        func lap(_ name: String) {
            let now = threadCPUSeconds()
            cpu[name, default: 0] += now - clock
            clock = now
        }
        let now = ArticleStore.now()
        var inBatch = 0
        try InputReader().read(.file(path: corpus)) { event in
            guard case .article(let draft) = event else { return }
            lap("read + JSON")
            guard let clean = try? cleaner.clean(draft) else { return }
            lap("clean")
            let hash = ArticleStore.contentHash(of: clean.body)
            lap("content hash")
            let titleSearch = stemmer.searchForm(of: clean.title), bodySearch = stemmer.searchForm(of: clean.body)
            lap("search form")
            let started = monotonicSeconds()
            if inBatch == 0 { try connection.execute("BEGIN IMMEDIATE") }
            try connection.execute("SAVEPOINT article")
            if try connection.queryOne("SELECT id FROM articles WHERE content_hash = ?", [hash], { $0.int(0) }) == nil {
                try connection.cached("""
                    INSERT INTO articles (source, url, outlet, title, published, body, content_hash, extra, ingested_at, title_search, body_search)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).bind([clean.source, clean.url, clean.outlet, clean.title, clean.published, clean.body, hash, clean.extraJSON, now,
                               titleSearch, bodySearch] as [any SQLBindable]).run()
                stored += 1
            }
            try connection.execute("RELEASE article")
            lap("SQLite insert (CPU)")
            inBatch += 1
            if inBatch >= batch {
                try connection.execute("COMMIT")
                inBatch = 0
                lap("SQLite commit (CPU)")
            }
            sqliteWall += monotonicSeconds() - started
        }
        if inBatch > 0 { try connection.execute("COMMIT") }
        lap("SQLite commit (CPU)")
        let total = cpu.values.reduce(0, +)
        var detail = String(format: "\n    thread CPU %.2f s:", total)
        for (name, seconds) in cpu.sorted(by: { $0.value > $1.value }) {
            detail += "\n      " + name.padding(toLength: 22, withPad: " ", startingAt: 0) + String(format: " %6.2f s  %4.1f%%  %5.0f µs/article", seconds, 100 * seconds / total, 1e6 * seconds / Double(max(1, stored)))
        }
        detail += String(format: "\n    SQLite wall (incl. I/O) %.2f s", sqliteWall)
        return (stored, detail)
    }

    /// A row ready to insert: everything computed off the writer thread.
    struct PreparedRow: Sendable {
        var article: CleanArticle
        var hash: String
        var titleSearch: String
        var bodySearch: String
    }

    /// Parse + clean + hash + stem on a second thread; the writer only inserts.
    private func pipelined(_ corpus: String, _ database: ClaimsDatabase, ftsPerBatch: Bool = false) throws -> (stored: Int, producerBusy: Double, writerBusy: Double) {
        let queue = BoundedQueue<PreparedRow>(capacity: 256)
        let producerBusy = Box(0.0)
        let thread = Thread {
            let started = monotonicSeconds()
            let cleaner = ArticleCleaner()
            let stemmer = CliticStemmer()
            try? InputReader().read(.file(path: corpus)) { event in
                guard case .article(let draft) = event, let clean = try? cleaner.clean(draft) else { return }
                queue.put(PreparedRow(article: clean, hash: ArticleStore.contentHash(of: clean.body),
                                      titleSearch: stemmer.searchForm(of: clean.title), bodySearch: stemmer.searchForm(of: clean.body)))
            }
            queue.close()
            producerBusy.value = monotonicSeconds() - started - queue.producerWaited
        }
        thread.stackSize = 8 << 20
        thread.start()
        let connection = database.connection
        var stored = 0
        var writerBusy = 0.0
        let now = ArticleStore.now()
        var done = false
        while !done {
            var batch: [PreparedRow] = []
            while batch.count < options.batch, let row = queue.take() { batch.append(row) }
            if batch.count < options.batch { done = true }
            let started = monotonicSeconds()
            try connection.transaction {
                let lastID = try connection.scalarInt("SELECT ifnull(max(id), 0) FROM articles")
                for row in batch {
                    let a = row.article
                    let inserted: Bool? = try? connection.transaction {
                        if try connection.queryOne("SELECT id FROM articles WHERE content_hash = ?", [row.hash], { $0.int(0) }) != nil { return false }
                        try connection.cached("""
                            INSERT INTO articles (source, url, outlet, title, published, body, content_hash, extra, ingested_at, title_search, body_search)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """).bind([a.source, a.url, a.outlet, a.title, a.published, a.body, row.hash, a.extraJSON, now,
                                       row.titleSearch, row.bodySearch] as [any SQLBindable]).run()
                        return true
                    }
                    if inserted == true { stored += 1 }
                }
                if ftsPerBatch {
                    try connection.run("INSERT INTO articles_fts(rowid, title_search, body_search) SELECT id, title_search, body_search FROM articles WHERE id > ?", lastID)
                }
            }
            writerBusy += monotonicSeconds() - started
        }
        while !thread.isFinished { usleep(1000) }
        return (stored, producerBusy.value, writerBusy)
    }
}

/// User + system CPU time of this process (all threads).
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

final class Box<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}

/// A blocking FIFO of bounded size between one producer and one consumer.
final class BoundedQueue<T>: @unchecked Sendable {
    private var items: [T] = []
    private var head = 0
    private var closed = false
    private let condition = NSCondition()
    private let capacity: Int
    /// Seconds the producer spent blocked on a full queue.
    private(set) var producerWaited = 0.0

    init(capacity: Int) { self.capacity = capacity }

    func put(_ item: T) {
        condition.lock()
        if items.count - head >= capacity {
            let started = monotonicSeconds()
            while items.count - head >= capacity { condition.wait() }
            producerWaited += monotonicSeconds() - started
        }
        items.append(item)
        condition.signal()
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next item, or nil once closed and drained.
    func take() -> T? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head > 1024 { items.removeFirst(head); head = 0 }
        condition.signal()
        return item
    }
}
