import XCTest
@testable import ClaimsStore

final class ExtractionStoreTests: XCTestCase {
    func ingestSamples() throws -> ClaimsDatabase {
        let db = try TestSupport.memoryDatabase()
        _ = try Ingester(database: db).ingest(paths: [TestSupport.path("Examples/articles")])
        return db
    }

    func testStoredMentionsAndClaimsMatchTheirOffsets() throws {
        let db = try ingestSamples()
        let badMentions = try db.connection.scalarInt("""
            SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id
            WHERE substr(CASE m.part WHEN 'title' THEN a.title ELSE a.body END, m.start + 1, m.end - m.start) <> m.text
            """)
        XCTAssertEqual(badMentions, 0)
        let badClaims = try db.connection.scalarInt("""
            SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id
            WHERE instr(c.content, substr(CASE c.part WHEN 'title' THEN a.title ELSE a.body END, c.content_start + 1,
                                          c.content_end - c.content_start)) = 0
              AND instr(substr(CASE c.part WHEN 'title' THEN a.title ELSE a.body END, c.content_start + 1,
                               c.content_end - c.content_start), c.content) = 0
            """)
        XCTAssertEqual(badClaims, 0)
        XCTAssertEqual(try db.connection.scalarInt("SELECT count(*) FROM claims_fts"), try db.connection.scalarInt("SELECT count(*) FROM claims"))
        XCTAssertEqual(try db.connection.scalarInt("SELECT count(*) FROM claims WHERE target_claim_id IS NOT NULL"), 3)
    }

    /// The entity-id caches stay within their bound however many names come, and an id looked up
    /// again after they were cleared is the stored one, never a second entity.
    func testEntityIDCachesStayBoundedAndConsistent() throws {
        let db = try TestSupport.memoryDatabase()
        let store = ExtractionStore(database: db)
        store.entityCacheLimit = 3
        let names = ["مدينة الرقة", "بلدة السخنة", "قرية الطيبة", "مدينة القريتين", "بلدة مهين", "مدينة صدد", "قرية حوارين"]
        var first: [String: Int] = [:]
        try db.connection.transaction {
            for name in names {
                first[name] = try store.entityID(name: name, type: .place, origin: .discovered, gazetteer: Gazetteer.builtIn, now: "2024-12-07")
                XCTAssertLessThanOrEqual(store.cachedEntityCount.byKey, 3)
                XCTAssertLessThanOrEqual(store.cachedEntityCount.byName, 3)
            }
            // Twice each, in another order: the same ids, found in the cache or in the table.
            for name in names.reversed() + names {
                XCTAssertEqual(try store.entityID(name: name, type: .place, origin: .discovered, gazetteer: Gazetteer.builtIn, now: "2024-12-08"), first[name])
                XCTAssertLessThanOrEqual(store.cachedEntityCount.byKey, 3)
                XCTAssertLessThanOrEqual(store.cachedEntityCount.byName, 3)
            }
        }
        XCTAssertEqual(Set(first.values).count, names.count)
        XCTAssertEqual(try db.connection.scalarInt("SELECT count(*) FROM entities"), names.count)
    }

    func testTheEvacuationClaimAndItsDenial() throws {
        let db = try ingestSamples()
        var filter = ClaimFilter()
        filter.speaker = "نيويورك تايمز"
        let nyt = try ClaimQueries(database: db).list(filter)
        let evacuation = try XCTUnwrap(nyt.first { $0.content == "طهران بدأت إجلاء قادتها العسكريين من سوريا" })
        XCTAssertEqual(evacuation.via, ["نيويورك تايمز", "مسؤولين إيرانيين"])
        XCTAssertEqual(evacuation.stance, .asserts)
        filter = ClaimFilter()
        filter.speaker = "بقائي"
        filter.stance = .denies
        let denial = try XCTUnwrap(try ClaimQueries(database: db).list(filter).first)
        XCTAssertEqual(denial.speakerEntity, "إسماعيل بقائي")
        XCTAssertEqual(denial.content, "إخلاء السفارة الإيرانية في دمشق")
        XCTAssertEqual(denial.saidOn, "2024-12-07")
        XCTAssertTrue(denial.sentence.hasPrefix("نفى المتحدث باسم الخارجية الإيرانية إسماعيل بقائي"))
    }

    func testListFilters() throws {
        let db = try ingestSamples()
        let queries = ClaimQueries(database: db)
        var filter = ClaimFilter()
        filter.entity = "حمص"
        let homs = try queries.list(filter)
        XCTAssertFalse(homs.isEmpty)
        XCTAssertTrue(homs.allSatisfy { $0.entities.contains("حمص") || $0.speakerEntity == "حمص" || $0.via.contains("حمص") })
        filter = ClaimFilter()
        filter.speaker = "المرصد"            // an alias
        XCTAssertTrue(try queries.list(filter).allSatisfy { $0.speakerEntity == "المرصد السوري لحقوق الإنسان" })
        filter = ClaimFilter()
        filter.stance = .unconfirmed
        XCTAssertEqual(try queries.list(filter).count, 2)
        filter = ClaimFilter()
        filter.since = "2024-12-07"
        XCTAssertTrue(try queries.list(filter).allSatisfy { ($0.saidOn ?? $0.published ?? "") >= "2024-12-07" })
        filter = ClaimFilter()
        filter.entity = "كيان لا وجود له"
        XCTAssertThrowsError(try queries.list(filter))
    }

    func testUserEntitiesAreUsedByTheNextIngest() throws {
        let db = try TestSupport.memoryDatabase()
        let entity = try EntityQueries(database: db).add(name: "جبهة الإنقاذ الوطني", type: .organization, aliases: ["جبهة الإنقاذ"])
        XCTAssertEqual(entity.origin, "user")
        let report = try Ingester(database: db).ingest(drafts: [ArticleDraft(source: "t", body: "بيان\n\nقالت جبهة الإنقاذ إن المفاوضات فشلت.")])
        XCTAssertEqual(report.inserted.count, 1)
        let stored = try XCTUnwrap(try EntityQueries(database: db).entity(named: "جبهة الإنقاذ"))
        XCTAssertEqual(stored.name, "جبهة الإنقاذ الوطني")
        XCTAssertEqual(stored.claims, 1)
        XCTAssertThrowsError(try EntityQueries(database: db).add(name: "جبهة الإنقاذ الوطني", type: .person, aliases: []))
        XCTAssertThrowsError(try EntityQueries(database: db).add(name: "حمص", type: .person, aliases: []))
    }

    func testEntityDetail() throws {
        let db = try ingestSamples()
        let queries = EntityQueries(database: db)
        let observatory = try XCTUnwrap(try queries.entity(named: "المرصد السوري"))
        XCTAssertEqual(observatory.type, "organization")
        XCTAssertGreaterThanOrEqual(observatory.claims, 8)
        XCTAssertEqual(try queries.mentionsPerArticle(entityID: observatory.id).count, observatory.articles)
        let iran = try XCTUnwrap(try queries.entity(named: "الإيرانية"))   // a nisba finds its country
        XCTAssertEqual(iran.name, "إيران")
        XCTAssertFalse(try queries.claimsAbout(entityID: iran.id).isEmpty)
    }
}
