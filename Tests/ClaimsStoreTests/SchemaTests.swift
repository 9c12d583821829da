import XCTest
@testable import ClaimsStore

final class SchemaTests: XCTestCase {
    func testEmbeddedCopiesEqualTheFiles() throws {
        XCTAssertFalse(EmbeddedResources.all.isEmpty)
        for (path, embedded) in EmbeddedResources.all {
            let onDisk = try String(contentsOfFile: TestSupport.path(path), encoding: .utf8)
            XCTAssertEqual(embedded, onDisk, "\(path) differs from the copy in the binary: run scripts/embed-resources.sh")
        }
        XCTAssertNotNil(EmbeddedResources.all["schema.sql"])
        XCTAssertNotNil(EmbeddedResources.all["Data/gazetteer.tsv"])
    }

    func testSchemaVersionMatchesMigrations() throws {
        let db = try TestSupport.memoryDatabase()
        XCTAssertEqual(db.schemaVersion, Migrations.currentVersion)
        XCTAssertEqual(try db.connection.scalarInt("PRAGMA application_id"), Migrations.applicationID)
    }

    func testNewFileIsCreatedAndReopened() throws {
        let path = try TestSupport.temporaryDirectory() + "/new.db"
        _ = try ClaimsDatabase(path: path)
        let reopened = try ClaimsDatabase(path: path, create: false)
        XCTAssertEqual(reopened.schemaVersion, Migrations.currentVersion)
        XCTAssertEqual(try reopened.connection.scalar("PRAGMA journal_mode"), .text("wal"))
    }

    func testMissingDatabaseIsNotCreatedByReaders() throws {
        let path = try TestSupport.temporaryDirectory() + "/missing.db"
        XCTAssertThrowsError(try ClaimsDatabase(path: path, create: false)) { error in
            XCTAssertEqual(error as? ClaimsError, .databaseMissing(path: path))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testForeignDatabaseIsRefusedAndLeftUntouched() throws {
        let path = try TestSupport.temporaryDirectory() + "/other.db"
        do {
            let other = try Database(path: path)
            try other.execute("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try ClaimsDatabase(path: path)) { error in
            guard case ClaimsError.notAClaimsDatabase = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("not a claims database"))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }

    func testNonDatabaseFileIsRefused() throws {
        let path = try TestSupport.temporaryDirectory() + "/text.db"
        try "هذا ليس قاعدة بيانات، بل نص عادي طويل بما يكفي ليبدو ملفا".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ClaimsDatabase(path: path)) { error in
            XCTAssertTrue("\(error)".contains("not an SQLite database"), "\(error)")
        }
    }

    func testNewerSchemaIsRefused() throws {
        let path = try TestSupport.temporaryDirectory() + "/newer.db"
        do {
            let db = try ClaimsDatabase(path: path)
            try db.connection.execute("PRAGMA user_version = \(Migrations.currentVersion + 1)")
        }
        XCTAssertThrowsError(try ClaimsDatabase(path: path)) { error in
            XCTAssertEqual(error as? ClaimsError, .newerSchema(path: path, found: Migrations.currentVersion + 1, supported: Migrations.currentVersion))
        }
    }

    func testSearchColumnsAreRebuiltWhenTheStemmerChanges() throws {
        let path = try TestSupport.temporaryDirectory() + "/stale.db"
        do {
            let db = try ClaimsDatabase(path: path)
            _ = try Ingester(database: db).ingest(drafts: [ArticleDraft(source: "t", body: "عنوان\n\nقالت السفارة إن العمل مستمر.")])
            // As if written by a binary with another stemmer.
            try db.connection.execute("UPDATE articles SET body_search = 'stale'; UPDATE settings SET value = 'old' WHERE key = 'stemmer_fingerprint'")
            XCTAssertTrue(try SearchEngine(database: db).search("سفارة").isEmpty)
        }
        let reopened = try ClaimsDatabase(path: path)
        XCTAssertEqual(try SearchEngine(database: reopened).search("سفارة").count, 1)
        XCTAssertEqual(try reopened.connection.scalar("SELECT value FROM settings WHERE key = 'stemmer_fingerprint'"), .text(SearchIndexMaintenance.fingerprint))
    }

    func testVersionOneDatabaseIsMigratedKeepingItsArticles() throws {
        // A real version-1 file: the schema as it was released (Tests/Fixtures/schema_v1.sql).
        let path = try TestSupport.temporaryDirectory() + "/v1.db"
        do {
            let old = try Database(path: path)
            try old.execute(try String(contentsOfFile: TestSupport.path("Tests/Fixtures/schema_v1.sql"), encoding: .utf8))
            try old.run("""
                INSERT INTO articles (source, title, body, content_hash, ingested_at, title_search, body_search)
                VALUES ('a.txt', 'بيان', 'قالت وزارة الدفاع السورية إن الجيش في حمص.', 'h1', '2024-12-07T00:00:00Z', 'بيان', 'قالت')
                """)
            XCTAssertEqual(try old.scalarInt("PRAGMA user_version"), 1)
        }
        let migrated = try ClaimsDatabase(path: path)
        XCTAssertEqual(migrated.schemaVersion, Migrations.currentVersion)
        XCTAssertEqual(try ArticleStore(database: migrated).article(id: 1)?.titleDerived, false)
        XCTAssertEqual(try migrated.connection.scalarInt("SELECT count(*) FROM claims"), 0)
        // Articles of version 1 get their claims from `claims extract`.
        let result = try Ingester(database: migrated).reextract(all: false)
        XCTAssertEqual(result.articles, 1)
        XCTAssertEqual(try migrated.connection.scalarInt("SELECT count(*) FROM claims WHERE speaker = 'وزارة الدفاع السورية'"), 1)
        XCTAssertEqual(try Ingester(database: migrated).reextract(all: false).articles, 0, "nothing left to extract")
        XCTAssertEqual(try Ingester(database: migrated).reextract(all: true).articles, 1)
        XCTAssertEqual(try migrated.connection.scalarInt("SELECT count(*) FROM claims"), 1, "re-extraction replaces, never duplicates")
    }

    /// Version 6 adds `articles.author` and `articles.kind`: a real version-5 file
    /// (Tests/Fixtures/schema_v5.sql, the schema as it was released) keeps its articles, which
    /// become of kind `article` with no author, and takes posts afterwards.
    func testVersionFiveDatabaseGetsAuthorAndKind() throws {
        let path = try TestSupport.temporaryDirectory() + "/v5.db"
        do {
            let old = try Database(path: path)
            try old.execute(try String(contentsOfFile: TestSupport.path("Tests/Fixtures/schema_v5.sql"), encoding: .utf8))
            try old.run("""
                INSERT INTO articles (source, title, body, content_hash, ingested_at, title_search, body_search)
                VALUES ('a.txt', 'بيان', 'قالت وزارة الدفاع السورية إن الجيش في حمص.', 'h1', '2024-12-07T00:00:00Z', 'بيان', 'قالت')
                """)
            XCTAssertEqual(try old.scalarInt("PRAGMA user_version"), 5)
        }
        let migrated = try ClaimsDatabase(path: path)
        XCTAssertEqual(migrated.schemaVersion, Migrations.currentVersion)
        let kept = try XCTUnwrap(try ArticleStore(database: migrated).article(id: 1))
        XCTAssertEqual(kept.title, "بيان")
        XCTAssertNil(kept.author)
        XCTAssertEqual(kept.kind, .article)
        var post = ArticleDraft(source: "p", body: "الطريق الدولي مفتوح أمام المسافرين منذ الصباح", isPlainText: false)
        post.author = "مديرية النقل"
        post.kind = .post
        let report = try Ingester(database: migrated).ingest(drafts: [post])
        let stored = try XCTUnwrap(try ArticleStore(database: migrated).article(id: try XCTUnwrap(report.inserted.first)))
        XCTAssertEqual(stored.kind, .post)
        XCTAssertEqual(stored.author, "مديرية النقل")
        XCTAssertEqual(try migrated.connection.scalarInt("SELECT count(*) FROM claims WHERE speaker = 'مديرية النقل' AND cue = 'post'"), 1)
        // The column takes the three kinds only.
        XCTAssertThrowsError(try migrated.connection.execute("UPDATE articles SET kind = 'tweet' WHERE id = 1"))
    }

    /// Version 3 kept every posting of `claim_terms` three times (key (term, claim_id), index
    /// (term, day, claim_id), index (claim_id)); version 4 is keyed by (term, day, claim_id), and version
    /// 5 (migrated through 4) by (day, term, claim_id).
    func testVersionThreeDatabaseGetsClaimTermsKeyedByDay() throws {
        let path = try TestSupport.temporaryDirectory() + "/v3.db"
        let postings: Int
        do {
            let db = try ClaimsDatabase(path: path)
            _ = try Ingester(database: db).ingest(drafts: [ArticleDraft(source: "a", body: "خبر\n\nقال المرصد إن القوات انسحبت من حماة.", published: "2024-12-05")])
            postings = try db.connection.scalarInt("SELECT count(*) FROM claim_terms")
            // The version 3 table, with one undated posting (NULL day).
            try db.connection.execute("""
                CREATE TABLE old_terms AS SELECT * FROM claim_terms;
                DROP TABLE claim_terms;
                CREATE TABLE claim_terms (term TEXT NOT NULL, day INTEGER, claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
                                          PRIMARY KEY (term, claim_id)) WITHOUT ROWID;
                CREATE INDEX claim_terms_claim ON claim_terms(claim_id);
                CREATE INDEX claim_terms_day ON claim_terms(term, day, claim_id);
                INSERT INTO claim_terms SELECT term, day, claim_id FROM old_terms;
                DROP TABLE old_terms;
                UPDATE claim_terms SET day = NULL WHERE (term, claim_id) = (SELECT term, claim_id FROM claim_terms ORDER BY term LIMIT 1);
                PRAGMA user_version = 3;
                """)
        }
        XCTAssertGreaterThan(postings, 0)
        let migrated = try ClaimsDatabase(path: path)
        XCTAssertEqual(migrated.schemaVersion, Migrations.currentVersion)
        XCTAssertEqual(try migrated.connection.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'claim_terms_day'"), 0)
        XCTAssertEqual(try migrated.connection.scalarInt("SELECT count(*) FROM claim_terms"), postings)
        XCTAssertEqual(try migrated.connection.scalarInt("SELECT count(*) FROM claim_terms WHERE day = ?", [ConflictDetector.undatedDay]), 1)
        XCTAssertEqual(try migrated.connection.scalarInt("SELECT count(*) FROM articles"), 1)
        try assertDetectionGoesOn(migrated)
    }

    /// Version 4 keyed `claim_terms` by (term, day, claim_id); version 5 by (day, term, claim_id).
    func testVersionFourDatabaseGetsClaimTermsKeyedByDayFirst() throws {
        let path = try TestSupport.temporaryDirectory() + "/v4.db"
        let postings: [String]
        do {
            let db = try ClaimsDatabase(path: path)
            _ = try Ingester(database: db).ingest(drafts: [ArticleDraft(source: "a", body: "خبر\n\nقال المرصد إن القوات انسحبت من حماة.", published: "2024-12-05")])
            postings = try db.connection.query("SELECT term || ' ' || day || ' ' || claim_id FROM claim_terms ORDER BY 1") { $0.string(0) }
            try db.connection.execute("""
                CREATE TABLE old_terms AS SELECT * FROM claim_terms;
                DROP TABLE claim_terms;
                CREATE TABLE claim_terms (term TEXT NOT NULL, day INTEGER NOT NULL, claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
                                          PRIMARY KEY (term, day, claim_id)) WITHOUT ROWID;
                CREATE INDEX claim_terms_claim ON claim_terms(claim_id);
                INSERT INTO claim_terms SELECT term, day, claim_id FROM old_terms;
                DROP TABLE old_terms;
                PRAGMA user_version = 4;
                """)
        }
        XCTAssertFalse(postings.isEmpty)
        let migrated = try ClaimsDatabase(path: path)
        XCTAssertEqual(migrated.schemaVersion, Migrations.currentVersion)
        XCTAssertEqual(try migrated.connection.query("SELECT term || ' ' || day || ' ' || claim_id FROM claim_terms ORDER BY 1") { $0.string(0) }, postings)
        XCTAssertEqual(try migrated.connection.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'claim_terms_claim'"), 1)
        try assertDetectionGoesOn(migrated)
    }

    /// Version 7 groups stories around a centre and links them by disputes: a version-6 archive (its
    /// stories made by joining every linked claim, no `centre_claim_id`, no `disputes`) gets its
    /// stories regrouped when opened, as a whole rebuild makes them, and its disputes.
    func testVersionSixDatabaseGetsCentredStoriesAndDisputes() throws {
        let path = try TestSupport.temporaryDirectory() + "/v6.db"
        let regrouped: [String]
        do {
            let db = try ClaimsDatabase(path: path)
            _ = try Ingester(database: db).ingest(paths: [TestSupport.path("Examples/articles")])
            regrouped = try storiesWithCentres(db)
            // The version 6 tables, holding one story of every claim linked to another.
            try db.connection.execute("""
                DROP VIEW disputes_view; DROP VIEW dispute_pairs_view; DROP TABLE disputes; DROP TABLE story_claims; DROP TABLE stories;
                CREATE TABLE stories (id INTEGER PRIMARY KEY, label TEXT NOT NULL, first_claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
                                      claims INTEGER NOT NULL, sources INTEGER NOT NULL, independent_sources INTEGER NOT NULL, disputed INTEGER NOT NULL,
                                      first_date TEXT, last_date TEXT);
                CREATE TABLE story_claims (story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                                           claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
                                           role TEXT NOT NULL CHECK (role IN ('first', 'independent', 'relay', 'disputes')), source TEXT NOT NULL,
                                           PRIMARY KEY (story_id, claim_id)) WITHOUT ROWID;
                INSERT INTO stories VALUES (1, 'كل شيء', 1, 2, 1, 1, 0, NULL, NULL);
                INSERT INTO story_claims SELECT 1, id, 'relay', 'x' FROM claims WHERE id IN (SELECT claim_a_id FROM conflicts UNION SELECT claim_b_id FROM conflicts);
                PRAGMA user_version = 6;
                """)
        }
        let migrated = try ClaimsDatabase(path: path)
        XCTAssertEqual(migrated.schemaVersion, Migrations.currentVersion)
        XCTAssertEqual(try storiesWithCentres(migrated), regrouped)
        XCTAssertGreaterThan(try migrated.connection.scalarInt("SELECT count(*) FROM disputes"), 0)
        XCTAssertEqual(try migrated.connection.scalarInt("SELECT count(*) FROM disputes_view"),
                       try migrated.connection.scalarInt("SELECT count(*) FROM disputes"))
    }

    /// Each story as its centre's and members' contents (ids aside).
    private func storiesWithCentres(_ db: ClaimsDatabase) throws -> [String] {
        try db.connection.query("""
            SELECT (SELECT content FROM claims WHERE id = s.centre_claim_id) || ' | ' || group_concat(c.content, ' | ')
            FROM stories s JOIN story_claims sc ON sc.story_id = s.id JOIN claims c ON c.id = sc.claim_id GROUP BY s.id
            """) { $0.string(0) }.sorted()
    }

    /// The migrated index is keyed by day first and detection goes on with the moved postings.
    private func assertDetectionGoesOn(_ migrated: ClaimsDatabase, file: StaticString = #filePath, line: UInt = #line) throws {
        // The windowed look-up of conflict detection: one seek per day and key.
        let plan = try migrated.connection.query("""
            EXPLAIN QUERY PLAN SELECT term, claim_id FROM claim_terms
            WHERE day IN (SELECT value FROM json_each(?)) AND term IN (SELECT value FROM json_each(?)) AND +claim_id < ?
            """, ["[1,2]", "[\"e:حماة\"]", 3]) { $0.string(3) }
        XCTAssertTrue(plan.contains { $0.contains("PRIMARY KEY (day=? AND term=?)") }, "\(plan)", file: file, line: line)
        // A denial two days later meets the report.
        _ = try Ingester(database: migrated).ingest(drafts: [ArticleDraft(source: "b", body: "بيان\n\nنفت وزارة الدفاع السورية انسحاب القوات من حماة.", published: "2024-12-07")])
        XCTAssertEqual(try migrated.connection.scalarInt("SELECT count(*) FROM conflicts"), 1, file: file, line: line)
    }
}
