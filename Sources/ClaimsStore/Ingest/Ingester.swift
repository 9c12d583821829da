import Foundation

/// What one `ingest` run did.
public struct IngestReport: Sendable {
    public init() {}
    public var inserted: [Int] = []
    public var duplicates = 0
    /// Claims and entity mentions extracted from the new articles.
    public var claims = 0
    public var mentions = 0
    /// Conflicts the new claims have with stored ones (and each other).
    public var conflicts = 0
    /// Inputs (files or standard input) read so far, of all given.
    public var inputsDone = 0
    public var inputsTotal = 0
    public var failures: [InputProblem] = []
    public var warnings: [InputProblem] = []
    public var notes: [InputProblem] = []
    public var elapsedSeconds = 0.0
    /// How the stories were regrouped after storing (nil when nothing new came in).
    public var stories: StoryBuilder.Regrouping?

    /// The one-line summary printed at the end.
    public var summary: String {
        var text = "ingested: \(inserted.count) new, \(duplicates) duplicate\(duplicates == 1 ? "" : "s"), \(failures.count) failed"
        text += "; \(claims) claims, \(mentions) entity mentions, \(conflicts) conflicts"
        text += String(format: " in %.2fs", elapsedSeconds)
        if !warnings.isEmpty { text += ", \(warnings.count) skipped" }
        if !notes.isEmpty { text += ", \(notes.count) transcoded" }
        return text
    }

    public var json: JSONValue {
        .object([
            ("new", .int(inserted.count)), ("duplicates", .int(duplicates)), ("failed", .int(failures.count)),
            ("claims", .int(claims)), ("mentions", .int(mentions)), ("conflicts", .int(conflicts)),
            ("elapsed_seconds", .double((elapsedSeconds * 1000).rounded() / 1000)),
            ("article_ids", .array(inserted.map { .int($0) })),
            ("failures", .array(failures.map { .object([("location", .string($0.location)), ("reason", .string($0.reason))]) })),
            ("skipped", .array(warnings.map { .object([("location", .string($0.location)), ("reason", .string($0.reason))]) })),
            ("notes", .array(notes.map { .object([("location", .string($0.location)), ("note", .string($0.reason))]) })),
        ])
    }
}

/// Reads inputs, cleans and extracts each article (on a second thread) and stores it whole —
/// article, entities, mentions, claims, conflicts — in its own savepoint of a batch transaction,
/// so a bad article never takes others down and nothing is ever half-written.
public final class Ingester {
    public let database: ClaimsDatabase
    public var readerOptions: InputReader.Options
    /// Called after each article (stored, duplicate or failed), for progress display.
    public var progress: ((IngestReport) -> Void)?
    /// Inputs of at least this many bytes (and at least as large as the archive) are stored
    /// without the indexes ingest does not read, which are made at the end (`SecondaryIndexes`).
    var deferIndexesFromBytes = SecondaryIndexes.minimumInputBytes

    private let cleaner = ArticleCleaner()
    private let articleStore: ArticleStore
    private let extractionStore: ExtractionStore
    private let extractor: ArticleExtractor
    private let detector: ConflictDetector
    /// Pointer denials whose article holds no report they point to, resolved to an earlier article's.
    private lazy var pointerDenials = CrossArticleDenials(connection: database.connection, context: detector.context,
                                                          windowDays: detector.comparer.windowDays)

    /// Loads the gazetteer with the user's entity additions, so this run's articles use them.
    public init(database: ClaimsDatabase, readerOptions: InputReader.Options = .init()) throws {
        self.database = database
        self.readerOptions = readerOptions
        self.articleStore = ArticleStore(database: database)
        self.extractionStore = ExtractionStore(database: database)
        self.extractor = ArticleExtractor(gazetteer: try extractionStore.gazetteer())
        self.detector = try ConflictDetector(database: database, windowDays: try ConflictSettings.windowDays(database),
                                             gazetteer: extractor.gazetteer)
    }

    /// Most articles one write transaction holds: each article is a savepoint inside it, so a bad
    /// article still rolls back alone, and a crash loses at most the uncommitted batch — never
    /// part of an article.
    public static let batchSize = 64
    /// The page cache while ingesting or rebuilding, in KiB (16 MB; SQLite's default is 2 MB): a
    /// batch spilled and re-read pages with less, and more (32 MB) made peak memory cross 150 MB.
    static let ingestCacheKiB = 16_384

    public func ingest(paths: [String]) throws -> IngestReport {
        try repairStaleRelations()
        let collected = InputCollector().collect(paths)
        // A large ingest into a small archive makes the indexes it does not read once at its end,
        // after the larger page cache and ingest's caches are freed (the sorts then spill to
        // temporary files rather than add to peak memory).
        let deferred = try SecondaryIndexes.deferIfWorthIt(inputBytes: collected.bytes, minimumBytes: deferIndexesFromBytes,
                                                           database.connection)
        var report: IngestReport
        do {
            // A batch touches more index and full-text pages than the default cache holds.
            report = try database.connection.withPageCache(kibibytes: Self.ingestCacheKiB) { try ingestWithPageCache(collected) }
        } catch {
            // (The error that stopped the ingest is the one to report; a database the indexes could
            // not be made in gets them at its next opening.)
            if deferred { try? SecondaryIndexes.restore(database.connection) }
            throw error
        }
        let started = Date()
        if deferred {
            freeIngestCaches()
            try SecondaryIndexes.restore(database.connection)
        }
        report.stories = try regroupStories()
        report.elapsedSeconds += Date().timeIntervalSince(started)
        return report
    }

    /// Regroups the stories when new claims came in. What ingest cached (analysed claims, entity
    /// ids, the larger page cache) is not needed for it: freed and handed back to the system
    /// first, so that the two do not add up in peak memory.
    @discardableResult
    private func regroupStories() throws -> StoryBuilder.Regrouping? {
        freeIngestCaches()
        return try StoryBuilder(database: database).rebuildIfStale()
    }

    private func freeIngestCaches() {
        detector.forgetCachedClaims()
        extractionStore.forgetCachedEntities()
        Memory.returnFreedPages()
    }

    private func ingestWithPageCache(_ collected: InputCollector.Result) throws -> IngestReport {
        let started = Date()
        var report = IngestReport()
        report.failures = collected.failures
        report.warnings = collected.warnings
        report.inputsTotal = collected.items.count
        // Reading, cleaning and extraction run on a second thread; this one writes.
        let queue = PreparedQueue(capacity: 256)
        let path = database.path
        let pipeline = PreparationPipeline(items: collected.items, reader: InputReader(options: readerOptions), cleaner: cleaner,
                                           extractor: extractor,
                                           duplicateLookupPath: path.isEmpty || path == ":memory:" ? nil : path)
        _ = pipeline.start(into: queue)
        var finished = false
        do {
            while !finished {
                let batch = queue.take(limit: Self.batchSize)
                var articles: [PreparedArticle] = []
                for item in batch {
                    switch item {
                    case .article(let article): articles.append(article)
                    case .failure(let problem): report.failures.append(problem)
                    case .note(let note): report.notes.append(note)
                    case .duplicate: report.duplicates += 1
                    case .inputDone: report.inputsDone += 1
                    case .end(let error):
                        finished = true
                        if let error { throw IngestError.unreadable(error) }
                    }
                }
                if !articles.isEmpty { try write(articles, into: &report) }
                progress?(report)
            }
        } catch {
            queue.cancel()
            throw error
        }
        report.elapsedSeconds = Date().timeIntervalSince(started)
        return report
    }

    /// Writes prepared articles in one transaction, each in its own savepoint. The report is
    /// updated after the commit, so a retried transaction never counts twice.
    private func write(_ articles: [PreparedArticle], into report: inout IngestReport) throws {
        var outcomes: [(PreparedArticle, Result<(ArticleStore.InsertResult, Int), InputProblem>)] = []
        var attempts = 0
        try database.connection.transaction {
            // A retried batch: the entities the failed attempt created are gone with it.
            if attempts > 0 { extractionStore.forgetCachedEntities() }
            attempts += 1
            outcomes.removeAll(keepingCapacity: true)
            for article in articles {
                do {
                    let stored = try database.connection.transaction { () -> (ArticleStore.InsertResult, Int) in
                        let result = try articleStore.insert(article.clean, derived: article.derived)
                        guard case .inserted(let id) = result else { return (result, 0) }
                        let claimIDs = try storeExtraction(article.extraction, of: .init(id: id, title: article.clean.title, titleIsHeadline: article.clean.titleIsHeadline,
                                                                                         body: article.clean.body, published: article.clean.published))
                        // Conflicts of the new claims are part of the article: stored with it or not at all.
                        return (result, try detector.detect(newClaims: claimIDs, propositions: article.extraction.propositions).conflicts)
                    }
                    outcomes.append((article, .success(stored)))
                } catch let error as SQLiteError where Self.isArticleError(error) {
                    extractionStore.forgetCachedEntities()
                    outcomes.append((article, .failure(InputProblem(location: article.clean.source, reason: "not stored: \(error.message)"))))
                }
            }
        }
        for (article, outcome) in outcomes {
            switch outcome {
            case .success((.inserted(let id), let conflicts)):
                report.inserted.append(id)
                report.claims += article.extraction.claims.count
                report.mentions += article.extraction.mentions.count
                report.conflicts += conflicts
            case .success((.duplicate, _)): report.duplicates += 1
            case .failure(let problem): report.failures.append(problem)
            }
        }
    }

    /// Stores articles given in memory (the demo corpus, tests).
    public func ingest(drafts: [ArticleDraft]) throws -> IngestReport {
        try repairStaleRelations()
        let started = Date()
        var report = IngestReport()
        for draft in drafts {
            try store(draft, into: &report)
            progress?(report)
        }
        report.stories = try regroupStories()
        report.elapsedSeconds = Date().timeIntervalSince(started)
        return report
    }

    /// Cleans and stores one article in its own transaction. Problems with the article are
    /// recorded as failures; problems with the database (locked, full, read-only) are thrown,
    /// since every later article would fail the same way.
    private func store(_ draft: ArticleDraft, into report: inout IngestReport) throws {
        do {
            let clean = try cleaner.clean(draft)
            // A text already stored costs one look-up; extraction (the CPU work) runs before the
            // write transaction, so the write lock is held only for writing.
            if try articleStore.existingID(of: clean) != nil {
                report.duplicates += 1
                return
            }
            let extraction = extractor.extract(title: clean.title, body: clean.body, published: clean.published,
                                               outlet: clean.outlet, titleIsHeadline: clean.titleIsHeadline,
                                               author: clean.author, kind: clean.kind)
            // Counted after the commit: a retried transaction must not count twice.
            var conflicts = 0
            var attempts = 0
            let result = try database.connection.transaction { () -> ArticleStore.InsertResult in
                if attempts > 0 { extractionStore.forgetCachedEntities() }
                attempts += 1
                let result = try articleStore.insert(clean)
                if case .inserted(let id) = result {
                    let claimIDs = try storeExtraction(extraction, of: .init(id: id, title: clean.title, titleIsHeadline: clean.titleIsHeadline,
                                                                             body: clean.body, published: clean.published))
                    // Conflicts of the new claims are part of the article: stored with it or not at all.
                    conflicts = try detector.detect(newClaims: claimIDs, propositions: extraction.propositions).conflicts
                }
                return result
            }
            if case .inserted = result {
                report.claims += extraction.claims.count
                report.mentions += extraction.mentions.count
                report.conflicts += conflicts
            }
            switch result {
            case .inserted(let id): report.inserted.append(id)
            case .duplicate: report.duplicates += 1
            }
        } catch let error as IngestError {
            report.failures.append(InputProblem(location: draft.source, reason: error.description))
        } catch let error as SQLiteError where Self.isArticleError(error) {
            extractionStore.forgetCachedEntities()
            report.failures.append(InputProblem(location: draft.source, reason: "not stored: \(error.message)"))
        }
    }

    /// Extracts entities and claims again for stored articles: those with no extraction yet (after
    /// a migration from schema 1), or all of them (`all`, after `claims entities add`). One
    /// transaction per article. Returns (articles, claims).
    public func reextract(all: Bool) throws -> (articles: Int, claims: Int) {
        let ids = try database.connection.query(all ? "SELECT id FROM articles ORDER BY id" : """
            SELECT id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id)
              AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id) ORDER BY id
            """) { $0.int(0) }
        var claims = 0
        // Every claim gets a new id: the relations are stale from the first article on (a kill
        // leaves them for the next writer to recompute, and `verify` reports them).
        if all { try StaleRelations.mark(database.connection) } else { try repairStaleRelations() }
        for id in ids {
            guard let article = try articleStore.article(id: id) else { continue }
            claims += try database.connection.transaction {
                // Unchanged claims (same article, span and speaker) keep their ids.
                let previous = try extractionStore.previousClaimIDs(articleID: id)
                try extractionStore.deleteExtraction(articleID: id)
                let extraction = extractor.extract(title: article.title, body: article.body, published: article.published,
                                                   outlet: article.outlet, titleIsHeadline: !article.titleDerived,
                                                   author: article.author, kind: article.kind)
                let claimIDs = try storeExtraction(extraction, of: .init(id: id, title: article.title, titleIsHeadline: !article.titleDerived,
                                                                         body: article.body, published: article.published), keeping: previous)
                if !all { try detector.detect(newClaims: claimIDs) }
                return extraction.claims.count
            }
        }
        // Claims changed (new entities, new or lost claims, new ids): relate everything again, as a rebuild does.
        if all { try StaleRelations.recompute(database, detector: detector) } else { try regroupStories() }
        return (ids.count, claims)
    }

    /// Stores an article's extraction and gives its pointer denials with no report in the article
    /// the earlier report they point to (before conflict detection reads them).
    private func storeExtraction(_ extraction: ArticleExtraction, of article: CrossArticleDenials.Article,
                                 keeping previous: [ClaimIdentity: Int] = [:]) throws -> [Int] {
        let claimIDs = try extractionStore.store(extraction, articleID: article.id, gazetteer: extractor.gazetteer, keeping: previous)
        try pointerDenials.resolve(extraction, ids: claimIDs, article: article)
        return claimIDs
    }

    /// Finishes what an interrupted `extract --all` or `conflicts --rebuild` left: every conflict,
    /// corroboration and story recomputed. True when it did.
    @discardableResult
    public func repairStaleRelations() throws -> Bool {
        guard try StaleRelations.needRepair(database.connection) else { return false }
        try StaleRelations.recompute(database, detector: detector)
        return true
    }

    /// SQLite errors caused by one article's data rather than by the database as a whole.
    static func isArticleError(_ error: SQLiteError) -> Bool {
        ![5, 6, 8, 10, 11, 13, 14, 26].contains(error.code)   // BUSY LOCKED READONLY IOERR CORRUPT FULL CANTOPEN NOTADB
    }
}
