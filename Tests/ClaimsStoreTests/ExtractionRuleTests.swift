import XCTest
@testable import ClaimsStore

/// Each extraction rule on sentences written for the test (not taken from the sample corpus),
/// so that a rule is checked in its general form.
final class ExtractionRuleTests: XCTestCase {
    let extractor = ArticleExtractor()

    func claims(_ body: String, date: String? = "2025-03-12", title: String = "") -> [ExtractedClaim] {
        extractor.extract(title: title, body: body, published: date, titleIsHeadline: !title.isEmpty).claims
    }

    func only(_ body: String, date: String? = "2025-03-12", file: StaticString = #filePath, line: UInt = #line) throws -> ExtractedClaim {
        let found = claims(body, date: date)
        XCTAssertEqual(found.count, 1, "\(found.map { "\($0.speakerText): \($0.content)" })", file: file, line: line)
        return try XCTUnwrap(found.first, file: file, line: line)
    }

    func testVerbFirstWithComplementiserAndTimeWords() throws {
        let claim = try only("قال وزير الخارجية الأردني أيمن الصفدي اليوم الأربعاء إن المعبر سيفتح أمام الشاحنات الأسبوع المقبل.")
        XCTAssertEqual(claim.speakerText, "أيمن الصفدي")
        XCTAssertEqual(claim.stance, .asserts)
        XCTAssertEqual(claim.content, "المعبر سيفتح أمام الشاحنات الأسبوع المقبل")
        XCTAssertEqual(claim.saidOn, "2025-03-12")        // 2025-03-12 is a Wednesday
        XCTAssertEqual(claim.cue, "قال")
    }

    func testReportingChainWithAnAndNaqlan() throws {
        let first = try only("ذكرت وكالة رويترز عن مصادر أمنية عراقية أن الحدود مع سوريا أغلقت بالكامل.")
        XCTAssertEqual(first.speakerText, "رويترز")
        XCTAssertEqual(first.via, ["رويترز", "مصادر أمنية عراقية"])
        let second = try only("وقالت صحيفة \"واشنطن بوست\"، نقلاً عن مسؤولين لم تكشف أسماءهم، إن المحادثات توقفت.")
        XCTAssertEqual(second.speakerText, "واشنطن بوست")
        XCTAssertEqual(second.via.count, 2)
        XCTAssertTrue(second.via[1].hasPrefix("مسؤولين"))
        XCTAssertEqual(second.content, "المحادثات توقفت")
    }

    func testNestedReportBecomesAChain() throws {
        let claim = try only("وقالت فرانس برس إن مصادر محلية أكدت أن الجيش انسحب من البلدة.")
        XCTAssertEqual(claim.speakerText, "فرانس برس")
        XCTAssertEqual(claim.via, ["فرانس برس", "مصادر محلية"])
        XCTAssertEqual(claim.content, "الجيش انسحب من البلدة")
    }

    func testHeadlineWithColonAndVerbHeadline() throws {
        let colon = extractor.extract(title: "الكرملين: بوتين لن يلتقي زيلينسكي قريبا", body: "نص المقال هنا.", published: nil).claims
        XCTAssertEqual(colon.first?.speakerText, "الكرملين")
        XCTAssertEqual(colon.first?.cue, "headline")
        XCTAssertEqual(colon.first?.content, "بوتين لن يلتقي زيلينسكي قريبا")
        let verb = extractor.extract(title: "بغداد تنفي إرسال قوات إلى سوريا", body: "نص المقال هنا.", published: nil).claims
        XCTAssertEqual(verb.first?.speakerText, "بغداد")
        XCTAssertEqual(verb.first?.stance, .denies)
        XCTAssertEqual(verb.first?.content, "إرسال قوات إلى سوريا")
    }

    func testBareHeadlineIsTheOutletsClaim() {
        let found = extractor.extract(title: "انقطاع الكهرباء عن أحياء واسعة في حلب", body: "قال سكان إن التيار انقطع منذ الصباح.",
                                      published: nil, outlet: "عنب بلدي").claims
        XCTAssertEqual(found.first?.speakerText, "عنب بلدي")
        XCTAssertEqual(found.first?.part, .title)
        XCTAssertEqual(found.first?.cue, "headline")
    }

    func testContinuationAndParticipleKeepTheSpeaker() throws {
        let found = claims("أعلن وزير الداخلية اللبناني بسام مولوي أن الانتخابات ستجري في موعدها، مشيرا إلى أن الأمن مستتب. وأضاف أن الحكومة مستعدة.")
        XCTAssertEqual(found.count, 3)
        XCTAssertEqual(Set(found.map(\.speakerText)), ["بسام مولوي"])
        XCTAssertEqual(found[1].content, "الأمن مستتب")
        XCTAssertEqual(found[2].content, "الحكومة مستعدة")
    }

    func testAgencyBeforeAndAfterTheProposition() throws {
        let after = try only("قتل 12 شخصا في قصف على مدينة إدلب، وفق ما أفاد المرصد السوري لحقوق الإنسان.")
        XCTAssertEqual(after.speakerText, "المرصد السوري لحقوق الإنسان")
        XCTAssertEqual(after.content, "قتل 12 شخصا في قصف على مدينة إدلب")
        let before = try only("وبحسب وكالة سانا، وصل وفد روسي إلى دمشق.")
        XCTAssertEqual(before.speakerEntity, "وكالة الأنباء السورية")
        XCTAssertEqual(before.content, "وصل وفد روسي إلى دمشق")
    }

    /// A denied report's content is what the report says (`التقارير عن X` → X), the proposition that
    /// conflict detection compares.
    func testDenialWithObjectAndWithFalsityPredicate() throws {
        let object = claims("نفى المتحدث باسم الجيش الإسرائيلي، الخميس، التقارير عن توغل قواته في ريف القنيطرة، مؤكدا أن القوات في مواقعها.")
        XCTAssertEqual(object.map(\.stance), [.denies, .asserts])
        XCTAssertEqual(object[0].content, "توغل قواته في ريف القنيطرة")
        XCTAssertEqual(object[0].saidOn, "2025-03-06")      // the Thursday before Wednesday 2025-03-12
        XCTAssertEqual(object[1].content, "القوات في مواقعها")
        let both = claims("نفت وزارة الدفاع التركية، الخميس، التقارير عن سقوط طائرة مسيرة في شمال العراق، مؤكدة أن كل طائراتها عادت.")
        XCTAssertEqual(both.count, 2)
        XCTAssertEqual(both[0].stance, .denies)
        XCTAssertEqual(both[0].speakerEntity, "وزارة الدفاع التركية")
        XCTAssertEqual(both[0].content, "سقوط طائرة مسيرة في شمال العراق")
        XCTAssertEqual(both[1].stance, .asserts)
        let falsity = claims("وقالت الرئاسة المصرية إن الأنباء عن استقالة الحكومة \"عارية عن الصحة\"، والحكومة تواصل عملها كالمعتاد.")
        XCTAssertEqual(falsity.map(\.stance), [.denies, .asserts])
        XCTAssertEqual(falsity[0].content, "استقالة الحكومة")
        XCTAssertEqual(falsity[1].content, "الحكومة تواصل عملها كالمعتاد")
    }

    func testPointerDenialsReferToThePreviousClaim() throws {
        let found = claims("قالت وسائل إعلام محلية إن الجيش انسحب من مدينة الرقة. لكن وزارة الدفاع السورية نفت ذلك وأكدت أن الجيش في مواقعه.")
        XCTAssertEqual(found.count, 3)
        XCTAssertEqual(found[1].stance, .denies)
        XCTAssertEqual(found[1].content, "ذلك")
        XCTAssertEqual(found[1].targetIndex, 0)
        XCTAssertEqual(found[2].speakerEntity, "وزارة الدفاع السورية")
        let relative = claims("وأعلن المرصد السوري لحقوق الإنسان سقوط بلدة مورك، الأمر الذي نفته وزارة الدفاع السورية.")
        XCTAssertEqual(relative.count, 2)
        XCTAssertEqual(relative[1].stance, .denies)
        XCTAssertEqual(relative[1].targetIndex, 0)
        XCTAssertEqual(relative[1].content, relative[0].content)
    }

    func testUnverifiedMarksTheReportersClaims() {
        let found = claims("وقالت وكالة فرانس برس إن مسلحين سيطروا على المطار. ولم يتسن للوكالة التحقق من ذلك بشكل مستقل.")
        XCTAssertEqual(found.first?.stance, .unconfirmed)
    }

    func testCallsWithCoordinatedSpeakers() {
        let found = claims("ودعت فرنسا وألمانيا وإيطاليا مواطنيها إلى مغادرة لبنان فورا.")
        XCTAssertEqual(found.map(\.speakerText), ["فرنسا", "ألمانيا", "إيطاليا"])
        XCTAssertTrue(found.allSatisfy { $0.content == "مغادرة لبنان فورا" })
    }

    func testRoleAnaphoraAndOutletDescriptor() {
        let role = claims("قال وزير الخارجية التركي هاكان فيدان إن أنقرة تدعم الحوار. وأوضح وزير الخارجية التركي أن بلاده لن تتدخل.")
        XCTAssertEqual(role.map(\.speakerText), ["هاكان فيدان", "هاكان فيدان"])
        let outlet = claims("وقالت صحيفة الغارديان إن المفاوضات تعثرت. وأضافت الصحيفة أن الوسطاء غادروا القاهرة.")
        XCTAssertEqual(outlet.map(\.speakerText), ["الغارديان", "الغارديان"])
    }

    func testQuotationStaysOneClaimAcrossSentences() throws {
        let claim = try only("وقال قائد الشرطة في المدينة: «الوضع تحت السيطرة. لن نسمح بأي فوضى». ثم غادر المكان.")
        XCTAssertTrue(claim.quote)
        XCTAssertEqual(claim.content, "الوضع تحت السيطرة. لن نسمح بأي فوضى")
    }

    func testSaidOnResolvesRelativeDays() throws {
        // 2025-03-12 is a Wednesday.
        XCTAssertEqual(try only("وقالت الأمم المتحدة أمس إن المساعدات وصلت.").saidOn, "2025-03-11")
        XCTAssertEqual(try only("وقالت الأمم المتحدة يوم الاثنين إن المساعدات وصلت.").saidOn, "2025-03-10")
        XCTAssertEqual(try only("وقالت الأمم المتحدة فجر اليوم إن المساعدات وصلت.").saidOn, "2025-03-12")
        XCTAssertEqual(try only("وقالت الامم المتحدة اول امس ان المساعدات وصلت.").saidOn, "2025-03-10")
        XCTAssertEqual(try only("وقالت الأمم المتحدة أمس الأول إن المساعدات وصلت.").saidOn, "2025-03-10")
        // No day in the sentence: the article's date.
        XCTAssertEqual(try only("وقالت الأمم المتحدة إن المساعدات وصلت.").saidOn, "2025-03-12")
        XCTAssertNil(try only("وقالت الأمم المتحدة أمس إن المساعدات وصلت.", date: nil).saidOn)
    }

    func testAnonymousSources() throws {
        let claim = try only("قال مصدر دبلوماسي غربي لرويترز إن العقوبات ستُرفع جزئيا.")
        XCTAssertTrue(claim.anonymous)
        XCTAssertEqual(claim.speakerText, "مصدر دبلوماسي غربي")
        XCTAssertNil(claim.speakerEntity)
    }

    func testNarrationIsNotAClaim() {
        XCTAssertEqual(claims("انسحبت القوات من المدينة بعد قصف عنيف. ويذكر أن المدينة شهدت معارك سابقة.").count, 0)
        XCTAssertEqual(claims("لم يعلن الجيش عن خسائره.").count, 0)
    }
}
