import XCTest
@testable import ClaimsStore

final class ConflictDetectorTests: XCTestCase {
    func snapshot(_ db: ClaimsDatabase) throws -> [String] {
        try db.connection.query("SELECT claim_a_id, claim_b_id, kinds, round(score, 3) FROM conflicts ORDER BY 1, 2") { "\($0.int(0))-\($0.int(1)) \($0.string(2)) \($0.double(3))" }
            + db.connection.query("SELECT claim_a_id, claim_b_id FROM corroborations ORDER BY 1, 2") { "c \($0.int(0))-\($0.int(1))" }
    }

    func testIncrementalEqualsRebuild() throws {
        let db = try TestSupport.memoryDatabase()
        // One article at a time, as a newsroom ingests them.
        let directory = TestSupport.path("Examples/articles")
        for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() {
            _ = try Ingester(database: db).ingest(paths: [directory + "/" + name])
        }
        let incremental = try snapshot(db)
        XCTAssertFalse(incremental.isEmpty)
        try ConflictDetector(database: db).rebuild()
        XCTAssertEqual(try snapshot(db), incremental)
    }

    /// Claims stored without features (an archive older than them) are analysed from their text
    /// when first compared, their features kept, and the result is the same.
    func testClaimsWithoutStoredFeaturesAreAnalysedOnce() throws {
        let db = try TestSupport.memoryDatabase()
        _ = try Ingester(database: db).ingest(paths: [TestSupport.path("Examples/articles")])
        let before = try snapshot(db)
        XCTAssertFalse(before.isEmpty)
        let claims = try db.connection.scalarInt("SELECT count(*) FROM claims")
        try db.connection.execute("DELETE FROM claim_features")
        try ConflictDetector(database: db).rebuild()
        XCTAssertEqual(try snapshot(db), before)
        XCTAssertEqual(try db.connection.scalarInt("SELECT count(*) FROM claim_features"), claims)
    }

    /// What the detector memoises per stored claim (countries, places with what contains them,
    /// source chain) must give the comparisons computing them each time gives; the pairs it skips
    /// without comparing must be pairs that comparing would not link.
    func testMemoisedPropositionsCompareLikeFreshOnes() {
        let reader = StatementReader(), comparer = ClaimComparer()
        let statements = [
            "قالت وزارة الدفاع السورية إن الجيش انسحب من معبر البوكمال",
            "أكدت مصادر محلية انسحاب الجيش السوري من البوكمال",
            "نفى الجيش السوري انسحابه من مدينة البوكمال",
            "قال المرصد إن الفصائل سيطرت على مدينة حماة",
            "السفارة الروسية في دمشق تدعو الرعايا الروس إلى مغادرة سوريا",
            "روسيا تنفي إجلاء دبلوماسييها من دمشق",
            "قتل 40 شخصا في قصف على إدلب",
            "قتل 65 شخصا في قصف على إدلب",
            "الجيش التركي ينسحب من شمال العراق",
            "الجيش الأردني ينسحب من الحدود مع سوريا",
            "أنقرة تنفي انسحاب الجيش التركي من شمال العراق",
        ]
        let fresh = statements.map { reader.read($0) }
        let memoised = fresh.map { p -> Proposition in
            var p = p
            p.memoiseDerived(sourceChain: comparer.sourceChain(p))
            return p
        }
        XCTAssertTrue(memoised[0].placesWithContainers.contains("البوكمال"), "\(memoised[0].placesWithContainers)")
        for i in fresh.indices {
            XCTAssertEqual(memoised[i].countries, fresh[i].countries)
            XCTAssertEqual(memoised[i].placesWithContainers, fresh[i].placesWithContainers)
            for j in fresh.indices where j != i {
                let comparison = comparer.compare(fresh[i], fresh[j])
                XCTAssertEqual(comparer.compare(memoised[i], memoised[j]), comparison, "\(statements[i]) / \(statements[j])")
                // Detection skips the pairs `cannotLink` names: they must be the ones compare never links.
                if comparer.cannotLink(memoised[i], memoised[j]) {
                    XCTAssertTrue(comparison.relation == .related || comparison.relation == .unrelated, "\(statements[i]) / \(statements[j]): \(comparison)")
                }
            }
        }
    }

    func testTheSameWordingInAnotherYearIsNotLinked() throws {
        let db = try TestSupport.memoryDatabase()
        let report = ArticleDraft(source: "a", body: "تقرير\n\nقال المرصد السوري لحقوق الإنسان إن القوات الحكومية انسحبت من مدينة تدمر.", published: "2015-05-20")
        let denial = ArticleDraft(source: "b", body: "بيان\n\nنفت وزارة الدفاع السورية انسحاب القوات الحكومية من مدينة تدمر.", published: "2024-12-07")
        let sameWeek = ArticleDraft(source: "c", body: "بيان آخر\n\nنفت وزارة الدفاع السورية انسحاب القوات الحكومية من مدينة تدمر مجددا.", published: "2015-05-22")
        _ = try Ingester(database: db).ingest(drafts: [report, denial])
        XCTAssertEqual(try db.connection.scalarInt("SELECT count(*) FROM conflicts"), 0, "nine years apart")
        _ = try Ingester(database: db).ingest(drafts: [sameWeek])
        XCTAssertEqual(try db.connection.scalarInt("SELECT count(*) FROM conflicts WHERE kind = 'denial'"), 1)
        // A wider window links the distant one too, and is kept for later ingests.
        try ConflictSettings.setWindowDays(3650, db)
        try ConflictDetector(database: db, windowDays: try ConflictSettings.windowDays(db)).rebuild()
        XCTAssertEqual(try db.connection.scalarInt("SELECT count(*) FROM conflicts WHERE kind = 'denial'"), 2)
    }

    /// A claim of unknown date is taken as news of the newest days indexed before it: it meets a
    /// report of those days, not one of a year before; a dated claim meets an undated one.
    func testAClaimOfUnknownDateMeetsTheNewestNews() throws {
        let db = try TestSupport.memoryDatabase()
        let report = ArticleDraft(source: "a", body: "تقرير\n\nقال المرصد السوري لحقوق الإنسان إن القوات الحكومية انسحبت من مدينة تدمر.", published: "2023-03-01")
        let later = ArticleDraft(source: "b", body: "خبر\n\nقال ناشطون إن فصائل المعارضة سيطرت على بلدة القريتين.", published: "2024-03-02")
        let undatedDenial = ArticleDraft(source: "c", body: "بيان\n\nنفت وزارة الدفاع السورية انسحاب القوات الحكومية من مدينة تدمر.")
        _ = try Ingester(database: db).ingest(drafts: [report, later, undatedDenial])
        XCTAssertEqual(try db.connection.scalarInt("SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.published IS NULL AND c.said_on IS NULL"), 1)
        XCTAssertEqual(try db.connection.scalarInt("SELECT count(*) FROM conflicts"), 0, "the newest news is a year after the report")
        // A report of the newest days meets the undated denial (before it), and a denial after it meets it.
        _ = try Ingester(database: db).ingest(drafts: [
            ArticleDraft(source: "d", body: "تقرير آخر\n\nقالت مصادر محلية إن القوات الحكومية انسحبت من مدينة تدمر.", published: "2024-03-03"),
        ])
        XCTAssertEqual(try db.connection.scalarInt("SELECT count(*) FROM conflicts WHERE kind = 'denial'"), 1)
        let incremental = try snapshot(db)
        try ConflictDetector(database: db).rebuild()
        XCTAssertEqual(try snapshot(db), incremental)
    }

    func testRetractionAndNumericDisagreement() throws {
        let db = try TestSupport.memoryDatabase()
        _ = try Ingester(database: db).ingest(drafts: [
            ArticleDraft(source: "a", body: "خبر\n\nقالت وزارة الصحة في غزة إن 40 شخصا قتلوا في قصف على مخيم النصيرات يوم الثلاثاء.", published: "2024-10-08"),
            ArticleDraft(source: "b", body: "خبر ثان\n\nقال الدفاع المدني في غزة إن 65 شخصا قتلوا في قصف على مخيم النصيرات يوم الثلاثاء.", published: "2024-10-09"),
            ArticleDraft(source: "c", body: "تصحيح\n\nنفت وزارة الصحة في غزة مقتل 40 شخصا في مخيم النصيرات.", published: "2024-10-10"),
        ])
        let kinds = try db.connection.query("SELECT kinds FROM conflicts ORDER BY id") { $0.string(0) }
        XCTAssertTrue(kinds.contains("numeric"), "\(kinds)")
        XCTAssertTrue(kinds.contains { $0.hasPrefix("retraction") }, "\(kinds)")
    }

    func testFiguresOfDifferentScopeAreNotAConflict() {
        let reader = StatementReader(), comparer = ClaimComparer()
        let cumulative = reader.read("قتل 727 شخصا في سوريا منذ بدء الهجوم")
        let friday = reader.read("قتل 200 مسلح على الأقل يوم الجمعة في غارات جوية على ريف حماة")
        XCTAssertNotEqual(comparer.compare(cumulative, friday).relation, .contradict)
        let same = comparer.compare(reader.read("قتل 200 مسلح في غارات على ريف حماة يوم الجمعة"), reader.read("قتل 350 مسلحا في غارات على ريف حماة يوم الجمعة"))
        XCTAssertEqual(same.relation, .contradict)
        XCTAssertEqual(same.kinds, [.numeric])
        // A time within the other's (`فجر الثلاثاء` / `الثلاثاء`) is one statement more precise, not another time.
        let precise = comparer.compare(reader.read("ثلاثة صواريخ سقطت داخل قاعدة عين الأسد فجر الثلاثاء"),
                                       reader.read("ثمانية صواريخ سقطت على قاعدة عين الاسد الثلاثاء"))
        XCTAssertEqual(precise.kinds, [.numeric], precise.explanation)
        XCTAssertNotEqual(comparer.compare(reader.read("ثلاثة صواريخ سقطت داخل قاعدة عين الأسد فجر الثلاثاء"),
                                           reader.read("ثمانية صواريخ سقطت على قاعدة عين الاسد مساء الأربعاء")).relation, .contradict)
    }

    /// Percent written as a word (`بالمئة`, `في المائة`, spelt with ئ, which normalising folds to ي) or
    /// a sign is one measure; hundreds written as words are read (`مئتي`).
    func testPercentAndHundredsWrittenAsWords() {
        let reader = StatementReader(), comparer = ClaimComparer()
        for (a, b) in [("الحكومة قررت رفع سعر الوقود بنسبة 30 بالمئة", "الحكومة قررت رفع سعر الوقود بنسبة 5%"),
                       ("ارتفاع أسعار السكر بنسبة 20 في المئة", "ارتفاع أسعار السكر بنسبة 40٪")] {
            let comparison = comparer.compare(reader.read(a), reader.read(b))
            XCTAssertEqual(comparison.kinds, [.numeric], "\(a) / \(b): \(comparison.explanation)")
        }
        XCTAssertEqual(reader.read("نزوح مئتي ألف شخص").numbers.first?.value, 200_000)
    }

    func testSynonymsAndOppositesInExplanations() {
        let reader = StatementReader(), comparer = ClaimComparer()
        let denial = comparer.compare(reader.read("بدأت روسيا إجلاء دبلوماسييها من سفارتها في الخرطوم"),
                                      reader.read("الخارجية الروسية تنفي إخلاء السفارة الروسية في الخرطوم"))
        XCTAssertEqual(denial.relation, .contradict)
        XCTAssertTrue(denial.kinds.contains(.denial))
        XCTAssertTrue(denial.explanation.contains("leave"), denial.explanation)
        let opposite = comparer.compare(reader.read("مصر تفتح معبر رفح أمام المساعدات"), reader.read("مصر تغلق معبر رفح أمام المساعدات"))
        XCTAssertEqual(opposite.kinds, [.contradiction])
        XCTAssertEqual(comparer.compare(reader.read("الفصائل تسيطر على مدينة حمص"), reader.read("الفصائل تسيطر على مدينة حماة")).relation, .unrelated)
    }
}
