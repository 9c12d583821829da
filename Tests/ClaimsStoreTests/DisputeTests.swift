import XCTest
@testable import ClaimsStore

/// Stories with a centre (no chains of links, never a claim with its denial) and disputes between
/// stories (one per pair of stories, however many member pairs conflict).
final class DisputeTests: XCTestCase {
    func groups(_ same: [(Int, Int)], conflicts: [(Int, Int)] = [], oneStatement: [(Int, Int)] = []) -> [StoryCentres.Group] {
        var centres = StoryCentres(largestID: 20)
        for (a, b) in same { centres.addSameStatement(a, b) }
        for (a, b) in conflicts { centres.addConflict(a, b) }
        for (a, b) in oneStatement { centres.addOneStatement(a, b) }
        return centres.groups()
    }

    func testEveryMemberMatchesTheCentreDirectly() {
        // A chain 1–2–3–4–5: weak links one after the other make no story of all five.
        let chain = groups([(1, 2), (2, 3), (3, 4), (4, 5)])
        let links = Set([(1, 2), (2, 3), (3, 4), (4, 5)].flatMap { [[$0.0, $0.1], [$0.1, $0.0]] })
        for group in chain {
            for member in group.members where member != group.centre {
                XCTAssertTrue(links.contains([group.centre, member]), "\(member) does not match the centre \(group.centre): \(chain)")
            }
        }
        XCTAssertFalse(chain.contains { $0.members.contains(1) && $0.members.contains(5) })
        // A star around 3 is one story, centred on 3.
        XCTAssertEqual(groups([(1, 3), (2, 3), (3, 4), (3, 5), (4, 5)]), [StoryCentres.Group(centre: 3, members: [1, 2, 3, 4, 5])])
    }

    func testAClaimAndItsDenialAreNeverInOneStory() {
        // 2 and 3 both state what 1 states, but 3 denies 2: 3 stays out, a story of its own (it is disputed).
        let result = groups([(1, 2), (1, 3)], conflicts: [(2, 3)])
        XCTAssertEqual(result, [StoryCentres.Group(centre: 1, members: [1, 2]), StoryCentres.Group(centre: 3, members: [3])])
        // An undisputed claim whose links all went to other stories' members makes no story.
        XCTAssertEqual(groups([(1, 2), (1, 3), (3, 4)]), [StoryCentres.Group(centre: 1, members: [1, 2, 3])])
    }

    func testOneSourceSayingItAgainIsOneUnit() {
        // 4 and 5 are one speaker's statement (continued, or said again): 5 joins with 4, which matches the centre.
        let result = groups([(1, 2), (1, 4)], oneStatement: [(4, 5)])
        XCTAssertEqual(result, [StoryCentres.Group(centre: 1, members: [1, 2, 4, 5])])
        // A statement continued over two sentences and linked to nothing else is a story.
        XCTAssertEqual(groups([], oneStatement: [(7, 8)]), [StoryCentres.Group(centre: 7, members: [7, 8])])
        // A source repeating itself day after day makes no unit longer than a day: 4–5 (one day), 5–6 (ten days on).
        var centres = StoryCentres(largestID: 20)
        centres.addSameStatement(1, 4)
        centres.addOneStatement(4, 5, days: (100, 101))
        centres.addOneStatement(5, 6, days: (101, 111))
        XCTAssertEqual(centres.groups(), [StoryCentres.Group(centre: 1, members: [1, 4, 5])])
    }

    /// Reports of one statement by many outlets and its denials: many conflicting pairs, one dispute.
    func testManyOutletsAndTheirDenialsMakeOneDisputePerEvent() throws {
        let db = try TestSupport.memoryDatabase()
        let outlets = ["رويترز", "الأناضول", "فرانس برس", "الجزيرة", "سكاي نيوز عربية", "العربي الجديد"]
        var drafts: [ArticleDraft] = []
        for (event, town) in ["حماة", "حمص"].enumerated() {
            for (i, outlet) in outlets.enumerated() {
                var report = ArticleDraft(source: "r\(event)-\(i)", body: "خبر \(i)\n\n\(town) (\(outlet)) - قال المرصد السوري لحقوق الإنسان إن القوات الحكومية انسحبت من مدينة \(town) يوم الخميس.",
                                          published: "2024-12-0\(5 + event)")
                report.outlet = outlet
                drafts.append(report)
            }
            for (i, outlet) in outlets.prefix(3).enumerated() {
                var denial = ArticleDraft(source: "d\(event)-\(i)", body: "بيان \(i)\n\nدمشق (\(outlet)) - نفت وزارة الدفاع السورية انسحاب القوات الحكومية من مدينة \(town).",
                                          published: "2024-12-0\(5 + event)")
                denial.outlet = outlet
                drafts.append(denial)
            }
        }
        _ = try Ingester(database: db).ingest(drafts: drafts)
        let conflicts = try db.connection.scalarInt("SELECT count(*) FROM conflicts")
        XCTAssertGreaterThanOrEqual(conflicts, 2 * 6, "each report is denied")
        let disputes = try db.connection.query("SELECT id, pairs, kind FROM disputes ORDER BY id") { ($0.int(0), $0.int(1), $0.string(2)) }
        XCTAssertEqual(disputes.count, 2, "one dispute per event: \(disputes)")
        XCTAssertEqual(disputes.map(\.1).reduce(0, +), conflicts, "every conflict is a member pair of a dispute")
        XCTAssertEqual(Set(disputes.map(\.2)), ["denial"])
        // The Observatory's report carried by six outlets is one independent source; the reports and the denials are apart.
        let reportStories = try db.connection.query("""
            SELECT s.claims, s.independent_sources, s.label FROM stories s JOIN claims c ON c.id = s.centre_claim_id WHERE c.stance = 'asserts'
            """) { ($0.int(0), $0.int(1), $0.string(2)) }
        XCTAssertEqual(reportStories.map(\.0), [6, 6], "\(reportStories)")
        XCTAssertEqual(reportStories.map(\.1), [1, 1], "relays of one source count once")
        XCTAssertEqual(try db.connection.scalarInt("""
            SELECT count(*) FROM story_claims a JOIN story_claims b ON b.story_id = a.story_id JOIN conflicts x ON x.claim_a_id = a.claim_id AND x.claim_b_id = b.claim_id
            """), 0, "no story holds a claim and its denial")
        // Queries: the sides, the evidence strongest first, all member pairs.
        let queries = ConflictQueries(database: db)
        let listed = try queries.disputes()
        XCTAssertEqual(listed.count, 2)
        let first = try XCTUnwrap(listed.first)
        XCTAssertEqual(first.a.centre.stance, .asserts)
        XCTAssertEqual(first.b.centre.stance, .denies)
        XCTAssertEqual(first.evidence.count, min(StoredDispute.evidenceShown, first.pairs))
        XCTAssertEqual(first.evidence.map(\.score), first.evidence.map(\.score).sorted(by: >))
        XCTAssertEqual(try queries.memberPairs(ofDispute: first.id).count, first.pairs)
        XCTAssertEqual(try queries.disputes(entity: "حمص").count, 1)
        XCTAssertEqual(try queries.disputes(kind: .numeric).count, 0)
        XCTAssertEqual(try queries.disputes(ofStory: first.a.story.id).map(\.id), [first.id])
        // After another report, the regrouped stories and disputes equal a whole rebuild's.
        var late = ArticleDraft(source: "late", body: "خبر\n\nأفاد المرصد السوري لحقوق الإنسان بأن القوات الحكومية انسحبت من مدينة حمص.", published: "2024-12-06")
        late.outlet = "بي بي سي"
        XCTAssertEqual(try Ingester(database: db).ingest(drafts: [late]).stories?.wasComplete, false)
        let incremental = try disputeSnapshot(db)
        try StoryBuilder(database: db).rebuild()
        XCTAssertEqual(try disputeSnapshot(db), incremental)
    }

    /// Each dispute as its two centres, kinds and number of pairs (ids aside).
    func disputeSnapshot(_ db: ClaimsDatabase) throws -> [String] {
        try db.connection.query("SELECT a_centre || ' ⟷ ' || b_centre || ' ' || kinds || ' ' || pairs FROM disputes_view") { $0.string(0) }.sorted()
    }
}
