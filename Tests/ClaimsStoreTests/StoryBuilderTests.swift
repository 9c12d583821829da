import XCTest
@testable import ClaimsStore

/// How claims are grouped into stories: corroboration, one statement continued in the next
/// sentence, the same source saying it again, and the side that disputes a story.
final class StoryBuilderTests: XCTestCase {
    /// Each story as its claims' contents, sorted (stories are rebuilt after each ingest).
    func stories(_ db: ClaimsDatabase) throws -> [[String]] {
        let rows = try db.connection.query("""
            SELECT sc.story_id, c.content FROM story_claims sc JOIN claims c ON c.id = sc.claim_id ORDER BY sc.story_id, c.id
            """) { ($0.int(0), $0.string(1)) }
        return Dictionary(grouping: rows, by: \.0).values.map { $0.map(\.1).sorted() }.sorted { $0[0] < $1[0] }
    }

    func story(containing words: String, in stories: [[String]]) -> [String]? {
        stories.first { $0.contains { $0.contains(words) } }
    }

    /// Every story with its figures and each member's role and source, whatever its id.
    func storySnapshot(_ db: ClaimsDatabase) throws -> [String] {
        let rows = try db.connection.query("""
            SELECT s.id, s.label || ' | ' || s.claims || ' ' || s.sources || ' ' || s.independent_sources || ' ' || s.disputed || ' '
                   || coalesce(s.first_date, '-') || ' ' || coalesce(s.last_date, '-') || ' | ' || s.first_claim_id,
                   sc.claim_id || ':' || sc.role || ':' || sc.source
            FROM stories s JOIN story_claims sc ON sc.story_id = s.id ORDER BY s.id, sc.claim_id
            """) { ($0.int(0), $0.string(1), $0.string(2)) }
        return Dictionary(grouping: rows, by: \.0).values.map { $0[0].1 + " | " + $0.map(\.2).joined(separator: " ") }.sorted()
    }

    /// The stories as they stand equal what a whole rebuild makes of the same archive.
    func assertStoriesEqualAWholeRebuild(_ db: ClaimsDatabase, file: StaticString = #filePath, line: UInt = #line) throws {
        let regrouped = try storySnapshot(db)
        XCTAssertFalse(regrouped.isEmpty, file: file, line: line)
        XCTAssertEqual(try StoryBuilder(database: db).rebuild().wasComplete, true, file: file, line: line)
        XCTAssertEqual(try storySnapshot(db), regrouped, file: file, line: line)
    }

    /// After the first ingest, each ingest regroups only the stories its claims reach, and the
    /// stories come out as a whole rebuild makes them.
    func testRegroupingAroundTheNewClaimsEqualsAWholeRebuild() throws {
        let db = try TestSupport.memoryDatabase()
        let directory = TestSupport.path("Examples/articles")
        var regroupings: [StoryBuilder.Regrouping] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() {
            regroupings += try Ingester(database: db).ingest(paths: [directory + "/" + name]).stories.map { [$0] } ?? []
        }
        // The denial and the denier's counter-assertion join one side, in three ingests.
        for draft in [
            ArticleDraft(source: "a", body: "تقرير\n\nقال المرصد السوري لحقوق الإنسان إن القوات الحكومية انسحبت من مدينة حماة يوم الخميس.", published: "2024-12-05"),
            ArticleDraft(source: "b", body: "خبر\n\nأفادت وكالة رويترز بأن القوات الحكومية انسحبت من مدينة حماة بعد معارك عنيفة.", published: "2024-12-05"),
            ArticleDraft(source: "c", body: "بيان\n\nنفت وزارة الدفاع السورية انسحاب القوات الحكومية من مدينة حماة. وأكدت الوزارة أن الجيش لا يزال في مواقعه داخل حماة.",
                         published: "2024-12-05"),
        ] {
            regroupings += try Ingester(database: db).ingest(drafts: [draft]).stories.map { [$0] } ?? []
        }
        XCTAssertEqual(regroupings.count, 8)
        XCTAssertEqual(regroupings.first?.wasComplete, true, "the first build")
        XCTAssertEqual(regroupings.dropFirst().filter(\.wasComplete).count, 0, "\(regroupings)")
        let claims = try db.connection.scalarInt("SELECT count(*) FROM claims")
        XCTAssertLessThan(regroupings.last!.claims, claims / 4, "only the Hama stories' neighbourhood")
        XCTAssertGreaterThan(try storySnapshot(db).count, 5)
        try assertStoriesEqualAWholeRebuild(db)
    }

    /// A story the new claims do not reach is left as it was, id included; one they join is
    /// regrouped with them.
    func testStoriesTheNewClaimsDoNotReachAreLeftAlone() throws {
        let db = try TestSupport.memoryDatabase()
        _ = try Ingester(database: db).ingest(paths: [TestSupport.path("Examples/articles")])
        let storiesTable = "SELECT id, label, claims, first_claim_id FROM stories ORDER BY id"
        let before = try db.connection.query(storiesTable) { "\($0.int(0)) \($0.string(1)) \($0.int(2)) \($0.int(3))" }
        let unrelated = try Ingester(database: db).ingest(drafts: [
            ArticleDraft(source: "x", body: "صحة\n\nقال وزير الصحة المغربي إن المستشفيات في مدينة فاس استقبلت عشرات المصابين.", published: "2024-12-07"),
        ])
        XCTAssertGreaterThan(unrelated.claims, 0)
        XCTAssertEqual(unrelated.stories?.wasComplete, false)
        XCTAssertEqual(unrelated.stories?.claims, unrelated.claims)
        XCTAssertEqual(try db.connection.query(storiesTable) { "\($0.int(0)) \($0.string(1)) \($0.int(2)) \($0.int(3))" }, before)
        // A new outlet reporting the Deir ez-Zor withdrawal joins that story; the others keep their ids.
        let deirEzzor = "SELECT s.id, s.claims FROM stories s JOIN story_claims sc ON sc.story_id = s.id JOIN claims c ON c.id = sc.claim_id WHERE c.content LIKE '%دير الزور%' GROUP BY s.id ORDER BY s.claims DESC LIMIT 1"
        let (oldID, oldSize) = try XCTUnwrap(db.connection.queryOne(deirEzzor) { ($0.int(0), $0.int(1)) })
        let joining = try Ingester(database: db).ingest(drafts: [
            ArticleDraft(source: "y", body: "خبر\n\nقالت وكالة الأناضول إن قوات النظام السوري انسحبت من مدينة دير الزور.", published: "2024-12-07"),
        ])
        XCTAssertEqual(joining.stories?.wasComplete, false)
        let (newID, newSize) = try XCTUnwrap(db.connection.queryOne(deirEzzor) { ($0.int(0), $0.int(1)) })
        XCTAssertNotEqual(newID, oldID)
        XCTAssertEqual(newSize, oldSize + 1)
        let kept = try db.connection.query(storiesTable) { "\($0.int(0)) \($0.string(1)) \($0.int(2)) \($0.int(3))" }
        XCTAssertEqual(Set(kept).subtracting(before).count, 1, "the Deir ez-Zor story, regrouped")
        XCTAssertEqual(Set(before).subtracting(kept).count, 1, "every other story keeps its row")
        XCTAssertEqual(joining.stories?.claims, oldSize + 1)
        try assertStoriesEqualAWholeRebuild(db)
    }

    /// A story held together only by a continuation (a statement continued in the next sentence,
    /// which names the place) is regrouped whole when a new claim joins its second sentence.
    func testAStoryHeldByAContinuationIsRegroupedWhole() throws {
        let db = try TestSupport.memoryDatabase()
        _ = try Ingester(database: db).ingest(drafts: [
            ArticleDraft(source: "a", body: "تقرير\n\nقال المرصد السوري لحقوق الإنسان إن القوات الحكومية انسحبت بشكل كامل خلال الليل. وأضاف المرصد أن القوات انسحبت من مدينة حمص.",
                         published: "2024-12-06"),
        ])
        XCTAssertEqual(try stories(db).map(\.count), [2])
        XCTAssertEqual(try db.connection.scalarInt("SELECT count(*) FROM corroborations"), 0, "held by the continuation alone")
        let joining = try Ingester(database: db).ingest(drafts: [
            ArticleDraft(source: "b", body: "خبر\n\nأفادت وكالة رويترز بأن القوات الحكومية انسحبت من مدينة حمص.", published: "2024-12-06"),
        ])
        XCTAssertEqual(joining.stories?.wasComplete, false)
        let after = try stories(db)
        XCTAssertEqual(after.map(\.count), [3], "\(after)")
        try assertStoriesEqualAWholeRebuild(db)
    }

    /// Extracting the newest article again gives its claims the same ids (SQLite reuses the largest
    /// row ids): its stories are still regrouped, as a whole rebuild groups them.
    func testExtractingTheNewestArticleAgainRegroupsItsStories() throws {
        let db = try TestSupport.memoryDatabase()
        _ = try Ingester(database: db).ingest(paths: [TestSupport.path("Examples/articles")])
        let newest = try db.connection.scalarInt("SELECT max(article_id) FROM claims")
        let ids = try db.connection.query("SELECT id FROM claims WHERE article_id = ? ORDER BY id", [newest]) { $0.int(0) }
        XCTAssertGreaterThan(try db.connection.scalarInt("SELECT count(*) FROM story_claims WHERE claim_id IN (SELECT id FROM claims WHERE article_id = ?)", [newest]), 0)
        try db.connection.transaction { try ExtractionStore(database: db).deleteExtraction(articleID: newest) }
        XCTAssertEqual(try Ingester(database: db).reextract(all: false).articles, 1)
        XCTAssertEqual(try db.connection.query("SELECT id FROM claims WHERE article_id = ? ORDER BY id", [newest]) { $0.int(0) }, ids, "the same ids again")
        try assertStoriesEqualAWholeRebuild(db)
    }

    /// A statement continued in the next sentence may name the town where it first named a place in
    /// it (`معبر البوكمال`, then `البوكمال`): one place, as in conflict detection.
    func testAContinuationMayNameThePlaceThatContainsTheFirst() throws {
        let db = try TestSupport.memoryDatabase()
        _ = try Ingester(database: db).ingest(drafts: [
            ArticleDraft(source: "a", body: "بيان\n\nنفت وزارة الدفاع السورية انسحاب القوات الحكومية من معبر البوكمال. وأكدت وزارة الدفاع السورية أن الجيش لا يزال في مواقعه داخل البوكمال.",
                         published: "2024-12-06"),
        ])
        let claims = try db.connection.query("SELECT id, content FROM claims ORDER BY id") { ($0.int(0), $0.string(1)) }
        XCTAssertEqual(claims.count, 2, "\(claims)")
        XCTAssertEqual(try db.connection.query("SELECT claim_a_id, claim_b_id FROM continuations") { [$0.int(0), $0.int(1)] },
                       [claims.map(\.0)])
        XCTAssertEqual(try stories(db).map(\.count), [2])
    }

    /// Removing claims (re-extraction) or recomputing the links makes the next regrouping whole.
    func testChangedEarlierClaimsOrLinksRegroupEverything() throws {
        let db = try TestSupport.memoryDatabase()
        _ = try Ingester(database: db).ingest(paths: [TestSupport.path("Examples/articles")])
        try ConflictDetector(database: db).rebuild()
        XCTAssertEqual(try StoryBuilder(database: db).rebuildIfStale()?.wasComplete, true)
        let article = try db.connection.scalarInt("SELECT min(article_id) FROM claims")
        try db.connection.transaction { try ExtractionStore(database: db).deleteExtraction(articleID: article) }
        _ = try Ingester(database: db).ingest(drafts: [
            ArticleDraft(source: "z", body: "خبر\n\nقالت وكالة الأناضول إن قوات النظام السوري انسحبت من مدينة دير الزور.", published: "2024-12-07"),
        ])
        XCTAssertNil(try StoryBuilder(database: db).rebuildIfStale(), "already regrouped by the ingest")
        XCTAssertFalse(try db.connection.query("SELECT claim_id FROM story_claims sc JOIN claims c ON c.id = sc.claim_id WHERE c.article_id = ?", [article]) { $0.int(0) }.count > 0)
        try assertStoriesEqualAWholeRebuild(db)
    }

    func testADenialAndTheDeniersCounterAssertionAreOneStoryApartFromTheReport() throws {
        let db = try TestSupport.memoryDatabase()
        _ = try Ingester(database: db).ingest(drafts: [
            ArticleDraft(source: "a", body: "تقرير\n\nقال المرصد السوري لحقوق الإنسان إن القوات الحكومية انسحبت من مدينة حماة يوم الخميس.", published: "2024-12-05"),
            ArticleDraft(source: "b", body: "خبر\n\nأفادت وكالة رويترز بأن القوات الحكومية انسحبت من مدينة حماة بعد معارك عنيفة.", published: "2024-12-05"),
            ArticleDraft(source: "c", body: "بيان\n\nنفت وزارة الدفاع السورية انسحاب القوات الحكومية من مدينة حماة. وأكدت الوزارة أن الجيش لا يزال في مواقعه داخل حماة.",
                         published: "2024-12-05"),
        ])
        let all = try stories(db)
        let report = try XCTUnwrap(story(containing: "بعد معارك", in: all), "\(all)")
        XCTAssertEqual(report.count, 2, "the Observatory and Reuters: \(report)")
        let denial = try XCTUnwrap(story(containing: "لا يزال", in: all), "\(all)")
        XCTAssertEqual(denial.count, 2, "the ministry's denial and its counter-assertion: \(denial)")
        XCTAssertTrue(Set(report).isDisjoint(with: denial))
        let label = try db.connection.queryOne("SELECT label FROM stories WHERE label LIKE 'نفي:%'") { $0.string(0) }
        XCTAssertEqual(label, "نفي: انسحاب القوات الحكومية من مدينة حماة")
    }

    func testTheSameSourceSayingItAgainIsOneStoryWithoutAnyPlaceNamed() throws {
        let db = try TestSupport.memoryDatabase()
        _ = try Ingester(database: db).ingest(drafts: [
            ArticleDraft(source: "a", body: "خبر\n\nدعت السفارة الفرنسية في بيروت رعاياها إلى مغادرة لبنان فورا.", published: "2024-10-01"),
            ArticleDraft(source: "b", body: "خبر ثان\n\nودعت فرنسا مواطنيها إلى مغادرة لبنان على متن الرحلات المتاحة.", published: "2024-10-02"),
            ArticleDraft(source: "c", body: "خبر ثالث\n\nودعت بريطانيا رعاياها إلى مغادرة لبنان.", published: "2024-10-02"),
        ])
        let all = try stories(db)
        let french = try XCTUnwrap(story(containing: "السفارة", in: all) ?? story(containing: "الرحلات", in: all), "\(all)")
        XCTAssertEqual(french.count, 2, "the embassy speaks for France: \(french)")
        XCTAssertFalse(french.contains { $0.contains("بريطانيا") } )
        let affiliation = try db.connection.queryOne("SELECT affiliation FROM entities WHERE name = 'السفارة الفرنسية في بيروت'") { $0.optionalString(0) }
        XCTAssertEqual(affiliation, "فرنسا", "a discovered institution belongs to the country its name says")
    }

    func testCiviliansFleeingAndForcesWithdrawingAreTwoEvents() {
        let comparer = ClaimComparer()
        let fleeing = Proposition(text: "آلاف المدنيين يفرون من مدينة حماة باتجاه الساحل")
        let withdrawing = Proposition(text: "القوات الحكومية انسحبت من مدينة حماة")
        XCTAssertEqual(fleeing.actorKind, "civilians")
        XCTAssertEqual(withdrawing.actorKind, "armed")
        XCTAssertEqual(fleeing.concepts["leave"], false, "يفرون is the plural of يفر")
        XCTAssertFalse(comparer.compare(fleeing, withdrawing).sameEvent)
        var denial = Proposition(text: "انسحاب القوات الحكومية من مدينة حماة", stance: .denies)
        denial.speaker = "وزارة الدفاع السورية"
        XCTAssertNotEqual(comparer.compare(fleeing, denial).relation, .contradict)
        XCTAssertEqual(comparer.compare(withdrawing, denial).relation, .contradict)
    }

    func testDenyingAPredicateAgreesWithAssertingItsOpposite() {
        let comparer = ClaimComparer()
        var denial = Proposition(text: "انسحاب الجيش السوري من مدينة حماة", stance: .denies)
        denial.speaker = "وزارة الدفاع السورية"
        var assertion = Proposition(text: "الجيش السوري ما زال في مواقعه في حماة")
        assertion.speaker = "وزارة الدفاع السورية"
        let comparison = comparer.compare(denial, assertion)
        XCTAssertEqual(comparison.relation, .agree, comparison.explanation)
    }

    func testAConditionalStatementContradictsNothing() {
        let comparer = ClaimComparer()
        let conditional = Proposition(text: "سقوط حماة سيكون ضربة قاصمة للحكومة")
        let present = Proposition(text: "الجيش السوري موجود في حماة")
        XCTAssertTrue(conditional.hypothetical)
        XCTAssertEqual(conditional.concepts["collapse"], false, "سقوط is the fall of a place")
        XCTAssertNotEqual(comparer.compare(conditional, present).relation, .contradict)
        XCTAssertEqual(comparer.compare(Proposition(text: "سقوط حماة بيد الفصائل"), present).relation, .contradict)
    }

    func testControlAsAStateIsNoCapture() {
        XCTAssertNil(Proposition(text: "فر السكان إلى المناطق الخاضعة لسيطرة الحكومة في الساحل").concepts["capture"])
        XCTAssertNil(Proposition(text: "البلدة ما زالت تحت سيطرة الجيش").concepts["capture"])
        XCTAssertEqual(Proposition(text: "الفصائل بسطت سيطرتها على البلدة").concepts["capture"], false)
    }

    func testWhereAnArrivalGoesIsItsPlaceAndWhereItComesFromIsNot() {
        let arrival = Proposition(text: "وصلت قوات المعارضة إلى مدينة حلب")
        XCTAssertTrue(arrival.specific.contains("حلب"), "\(arrival.specific)")
        let departure = Proposition(text: "توجهت القوات إلى مدينة حلب")
        XCTAssertFalse(departure.specific.contains("حلب"))
        let refugees = Proposition(text: "النازحون بدأوا يصلون إلى إدلب من حماة")
        XCTAssertFalse(refugees.specific.contains("حماة"), "\(refugees.specific)")
    }

    func testAnAgentStandsNearItsPredicate() {
        let far = Proposition(text: "حررت قواتنا آخر قرية على تخوم المدينة، ومن هنا نوجه النداء الأخير لقوات الجيش السوري")
        XCTAssertNil(far.agent)
        XCTAssertEqual(Proposition(text: "انسحاب الجيش السوري من المدينة").agent, "الجيش السوري")
    }

    func testTheSameFigureAtTheSamePlaceIsOneStatement() {
        let a = Proposition(text: "باتت الفصائل على بعد عشرة كيلومترات من مدينة حماة")
        let b = Proposition(text: "الواقعة شمال مدينة حماة، التي أصبحت القوات على مسافة عشرة كيلومترات منها")
        let comparison = ClaimComparer().compare(a, b)
        XCTAssertEqual(comparison.relation, .agree, comparison.explanation)
        XCTAssertTrue(comparison.sameEvent)
        let other = ClaimComparer().compare(a, Proposition(text: "الواقعة شمال مدينة حماة، التي أصبحت القوات على مسافة عشرين كيلومترا منها"))
        XCTAssertFalse(other.sameEvent)
    }

    func testACrossingLiesInItsTown() {
        let crossing = Proposition(text: "عبرت الشاحنات معبر جرابلس الحدودي")
        let town = Proposition(text: "عبرت الشاحنات الحدود عند جرابلس")
        XCTAssertNotEqual(ClaimComparer().compare(crossing, town).explanation.hasPrefix("different places"), true)
        XCTAssertEqual(PropositionContext.shared.containingPlaces(of: "معبر جرابلس"), ["جرابلس"])
    }

    func testPluralVerbFormsFindTheirPredicate() {
        let lexicon = PredicateLexicon.builtIn
        let stemmer = CliticStemmer()
        XCTAssertEqual(lexicon.occurrences(in: AnalyzedText("المقاتلون اقتحموا المبنى", stemmer: stemmer)).map(\.concept), ["capture"])
        XCTAssertEqual(lexicon.occurrences(in: AnalyzedText("الجنود ينسحبون والسكان يغادرون", stemmer: stemmer)).map(\.concept), ["leave", "leave"])
        XCTAssertEqual(lexicon.occurrences(in: AnalyzedText("تعهدوا بالإطاحة بالحكومة", stemmer: stemmer)).map(\.concept), ["collapse"])
    }
}
