import XCTest
@testable import ClaimsStore

/// The attribution rules that follow the grammar of reported speech, each on sentences written for
/// the test (of the kinds outlets write, with varied spelling: ه for ة, ي for ى, no hamza), never
/// taken from an article.
final class AttributionRuleTests: XCTestCase {
    let extractor = ArticleExtractor()

    func extract(_ body: String, date: String? = "2025-03-12") -> ArticleExtraction {
        extractor.extract(title: "", body: body, published: date, titleIsHeadline: false)
    }

    func claims(_ body: String, date: String? = "2025-03-12") -> [ExtractedClaim] {
        extract(body, date: date).claims
    }

    func only(_ body: String, file: StaticString = #filePath, line: UInt = #line) throws -> ExtractedClaim {
        let found = claims(body)
        XCTAssertEqual(found.count, 1, "\(found.map { "\($0.speakerText) | \($0.stance) | \($0.content)" })", file: file, line: line)
        return try XCTUnwrap(found.first, file: file, line: line)
    }

    // MARK: Speakers as noun phrases

    func testUnknownNameBeforeARoleInAppositionIsThePerson() throws {
        let claim = try only("وقال كوستاس ميتروبولوس وزير المالية اليوناني إن الحكومة ستخفض الضرائب العام المقبل.")
        XCTAssertEqual(claim.speakerText, "كوستاس ميتروبولوس")
        XCTAssertEqual(claim.speakerType, .person)
        XCTAssertEqual(claim.content, "الحكومة ستخفض الضرائب العام المقبل")
        // Found again by the last word of the name, and by a first word that is no common given name.
        let later = claims("قال كوستاس ميتروبولوس وزير المالية إن العجز تراجع. وأكد ميتروبولوس ان الرواتب لن تمس. وقال كوستاس: «لا تراجع عن الاصلاح».")
        XCTAssertEqual(later.map(\.speakerEntity), ["كوستاس ميتروبولوس", "كوستاس ميتروبولوس", "كوستاس ميتروبولوس"])
    }

    func testGivenNameAfterAVerbIsAPerson() throws {
        let claim = try only("وقال سامي العبيدي لوكالة محلية إن الطريق مغلق منذ الصباح.")
        XCTAssertEqual(claim.speakerText, "سامي العبيدي")
        XCTAssertEqual(claim.speakerType, .person)
    }

    func testAppositionBetweenCommasBeforeTheVerb() throws {
        let claim = try only("إلا أن ماريا كوستا، المتحدثه باسم البعثة، نفت ان يكون للاتفاق موعد نهائي.")
        XCTAssertEqual(claim.speakerText, "ماريا كوستا")
        XCTAssertEqual(claim.stance, .denies)
        XCTAssertEqual(claim.content, "يكون للاتفاق موعد نهائي")
    }

    func testARoleWithoutANameIsAPersonTiedToItsInstitution() throws {
        let claim = try only("وأكد المتحدث باسم وزارة الخارجية الصينية أن بكين لن تشارك في العقوبات.")
        XCTAssertEqual(claim.speakerType, .person)
        XCTAssertEqual(claim.speakerEntity, "وزارة الخارجية الصينية")
    }

    func testAStatementSpeaksForItsAuthorAndAReportWithoutOneIsUnnamed() throws {
        let statement = try only("وأشار بيان الأمم المتحدة أن المساعدات لم تصل إلى المخيمات.")
        XCTAssertEqual(statement.speakerEntity, "الأمم المتحدة")
        let report = try only("وقال تقرير طبي حديث إن النوم المتقطع يضعف المناعة.")
        XCTAssertTrue(report.anonymous)
        let researchers = try only("وقال الباحثون إن النتائج تحتاج إلى مزيد من الدراسات.")
        XCTAssertTrue(researchers.anonymous)
    }

    func testResumptiveFihaTakesTheSubjectOfTheClause() throws {
        let claim = try only("كما ألقى وزير الداخلية الأردني مازن الفراية كلمة أكد فيها أن الحدود آمنة.")
        XCTAssertEqual(claim.speakerText, "مازن الفراية")
        XCTAssertEqual(claim.content, "الحدود آمنة")
    }

    func testAConjoinedVerbContinuesTheSpeakerNotTheLastNameMentioned() throws {
        let found = claims("قال سامي العبيدي إن الحوار مع موسكو بدأ بعد رحيل الأسد وأشار أن المجلس لا يملك القدرة على المواجهة.")
        XCTAssertEqual(found.count, 2)
        XCTAssertEqual(found.map(\.speakerText), ["سامي العبيدي", "سامي العبيدي"])
    }

    func testAnUnreadableSubjectIsNeverReplacedByThePreviousSpeaker() {
        let found = claims("قال سامي العبيدي إن الطريق مغلق. وقالت مجموعه القرويين بالوادي الشرقي: «لم نر أحدا».")
        XCTAssertFalse(found.dropFirst().contains { $0.speakerText == "سامي العبيدي" }, "\(found.map(\.speakerText))")
    }

    // MARK: Stance with scope

    func testFirstPersonDenialInAQuotation() throws {
        let claim = try only("وقال الكاتب المعروف خالد منصور: «أنا لم أقل إن الحكومة فاسدة».")
        XCTAssertEqual(claim.stance, .denies)
        XCTAssertEqual(claim.content, "إن الحكومة فاسدة")
        let plural = try only("وقال الناطق باسم الحركة: «ننفي أي علاقة لنا بالهجوم».")
        XCTAssertEqual(plural.stance, .denies)
        XCTAssertEqual(plural.content, "أي علاقة لنا بالهجوم")
    }

    func testFalsityPredicatesWithLaysa() throws {
        let found = claims("وأشار المسؤول إلى أن ذلك ليس صحيحا، وأضاف أن الحديث عن انسحاب القوات مجرد شائعات.")
        XCTAssertEqual(found.filter { $0.stance == .denies }.count, 2, "\(found.map { "\($0.stance) \($0.content)" })")
    }

    func testDenialsCoordinatedInOneSentenceEachHaveTheirSpeaker() {
        let found = claims("لكن الدكتور عبد الرحمن الشريف نفى ترشحه للمنصب، كما ان جماعه المحامين نفت في بيان أن تكون رشحته.")
        let denials = found.filter { $0.stance == .denies }
        XCTAssertEqual(denials.count, 2, "\(found.map { "\($0.speakerText) | \($0.content)" })")
        XCTAssertEqual(denials.first?.content, "ترشحه للمنصب")
        XCTAssertEqual(denials.first?.speakerText, "عبد الرحمن الشريف")
    }

    func testTheDeniedIsNeverAlsoAsserted() throws {
        let predicateFirst = try only("وقال مصدر في الوزارة إنه لا صحه للانباء التي تحدثت عن استقالة الوزير.")
        XCTAssertEqual(predicateFirst.stance, .denies)
        XCTAssertEqual(predicateFirst.content, "استقالة الوزير")
        let object = try only("نفى الجيش صحة الأنباء عن انسحاب القوات من المدينة.")
        XCTAssertEqual(object.speakerText, "الجيش")
        XCTAssertEqual(object.content, "انسحاب القوات من المدينة")
        // The denier's own positive statement is a separate assertion.
        let both = claims("وقالت السفارة في بيان إن الأنباء عن إغلاقها عارية عن الصحة، وإن السفارة لا تزال تعمل بشكل طبيعي.")
        XCTAssertEqual(both.map(\.stance), [.denies, .asserts])
        XCTAssertEqual(both.last?.content, "السفارة لا تزال تعمل بشكل طبيعي")
        XCTAssertNil(both.first?.targetIndex, "a report with what it says is no pointer")
    }

    func testPointerDenialsPointToTheReportBefore() {
        let found = claims("أفادت تقارير إعلامية بأن الرئيس غادر العاصمة، ونفى مكتب الرئاسة ذلك. وذكرت وكالة رويترز أن الجيش بدأ الانسحاب من البلدة. لكن وزارة الدفاع نفت هذه الانباء.")
        let denials = found.filter { $0.stance == .denies }
        XCTAssertEqual(denials.count, 2)
        XCTAssertEqual(denials.compactMap { $0.targetIndex.map { found[$0].content } }, ["الرئيس غادر العاصمة", "الجيش بدأ الانسحاب من البلدة"])
    }

    func testBeliefAndExpectationAreUnconfirmed() throws {
        let claim = try only("ويعتقد خبراء أن الأسعار ستواصل الارتفاع.")
        XCTAssertEqual(claim.stance, .unconfirmed)
        XCTAssertTrue(claim.anonymous)
    }

    // MARK: Content boundaries

    func testNarratorsAsideIsNoClaim() {
        XCTAssertTrue(claims("والجدير بالذكر أن المدينة شهدت احتجاجات مماثلة العام الماضي.").isEmpty)
        XCTAssertTrue(claims("ومن الجدير بالذكر ان المعبر اغلق مرتين.").isEmpty)
    }

    func testAVerbWithAnObjectPronounReportsNothingAfterIt() {
        // `نقله التلفزيون` is a relative clause about the press conference, not a report by television.
        let found = claims("وقال وزير الصحة سمير حسن في مؤتمر صحفي نقله التلفزيون: إن المصابين نقلوا إلى المستشفى.")
        XCTAssertEqual(found.map(\.speakerText), ["سمير حسن"])
    }

    func testAnObjectBeforeThePrepositionIsTheProposition() throws {
        let claim = try only("وأكد الناطق باسم الحكومة رفض بلاده لفرض قيود على التجارة.")
        XCTAssertEqual(claim.content, "رفض بلاده لفرض قيود على التجارة")
    }

    func testAClauseOpenerBeforeAReportingVerbEndsTheProposition() {
        let found = claims("حثت النقابة الحكومة على رفع الأجور إذ أشار رئيسها سمير داود إلى أن الأسعار تضاعفت.")
        XCTAssertEqual(found.count, 2, "\(found.map { "\($0.speakerText) | \($0.content)" })")
        XCTAssertEqual(found.first?.content, "رفع الأجور")
    }

    func testPurposeAndPointingBackAreNoReports() {
        // لـ + verbal noun: a purpose; a verb whose object is a pronoun after a preposition points back.
        XCTAssertTrue(claims("أجرى فريق من الباحثين دراسة لكشف أسباب المرض.").isEmpty)
        XCTAssertTrue(claims("وهذا ما أفادت به الإذاعة المحلية صباح اليوم.").isEmpty)
        // `يبلغ` is also «amounts to»: no report.
        XCTAssertTrue(claims("ويبلغ عدد المشتركين نحو مليوني مستخدم.").isEmpty)
        // لـ + imperfect continues a report.
        let found = claims("قال سامي العبيدي إن الطريق مغلق، ليضيف أن الشرطة تحقق في الحادث.")
        XCTAssertEqual(found.map(\.speakerText), ["سامي العبيدي", "سامي العبيدي"])
    }

    func testAnImplicitSpeakerAgreesWithItsVerb() {
        let found = claims("قالت الوزيرة هدى نصار إن المدارس ستفتح الأحد. وقال المتحدث باسم النقابة إن المعلمين سيعودون. وأضافت أن الحافلات جاهزة.")
        XCTAssertEqual(found.count, 3)
        XCTAssertEqual(found.last?.speakerText, "هدى نصار", "وأضافت continues the woman, not the man quoted last")
    }

    // MARK: Dates

    func testEveryClaimOfADatedArticleHasADate() {
        let found = claims("قال سامي العبيدي إن الطريق مغلق. وقالت الشرطة أمس إن التحقيق مستمر.")
        XCTAssertEqual(found.map(\.saidOn), ["2025-03-12", "2025-03-11"])
        XCTAssertEqual(claims("قال سامي العبيدي إن الطريق مغلق.", date: nil).map(\.saidOn), [nil])
    }

    // MARK: Discovered entities are names

    func testDiscoveredEntitiesAreNames() {
        let text = """
            التقى الرئيس المصري الوفد. وقال الوزير اتصالا هاتفيا مع نظيره. وأعلن المدير بشكل ضعيف. \
            وقال المتحدث يرزقان بمولود. واحتلت الفرقة المركز الأول. وقالت اللجنة التنفيذية إن الموعد ثابت. \
            وقال رئيس البلدية سمير داود إن المياه عادت. وخلص مسح لرويترز إلى أن الانتاج تراجع. \
            أثار الجدل حول بيع مؤسسة البريد احتجاجات واسعة.
            """
        let names = extract(text).discovered.map(\.name)
        XCTAssertEqual(names, ["سمير داود"], "\(names)")
    }

    // MARK: Reports and denials as outlets write them

    /// The one claim of `sentence`, checked to be a denial of `content` (by `speaker` when given).
    @discardableResult
    func denial(_ sentence: String, denies content: String, by speaker: String? = nil,
                file: StaticString = #filePath, line: UInt = #line) throws -> ExtractedClaim {
        let claim = try only(sentence, file: file, line: line)
        XCTAssertEqual(claim.stance, .denies, file: file, line: line)
        XCTAssertEqual(claim.content, content, file: file, line: line)
        if let speaker { XCTAssertEqual(claim.speakerText, speaker, file: file, line: line) }
        return claim
    }

    func testADenialOfWhatWasSpreadDeniesItsContent() throws {
        try denial("نفت وزارة الصحه ما تردد عن اغلاق مستشفى الرازي بسبب نقص الادوية.", denies: "اغلاق مستشفى الرازي بسبب نقص الادوية", by: "وزارة الصحه")
        try denial("ونفى النادي في بيان ما تم تداوله حول رحيل المدرب قبل نهاية الموسم.", denies: "رحيل المدرب قبل نهاية الموسم")
    }

    func testAClubOrAProvinceSpeaksAndItsGovernorIsAPerson() throws {
        try denial("قال نادي الشباب الرياضي في بيان إن الاخبار المتداولة عن رحيل حارسه عارية من الصحة.", denies: "رحيل حارسه", by: "نادي الشباب الرياضي")
        let governor = try denial("نفى والي ولاية البحر الأحمر وجود أي نقص في الوقود بالمدينة.", denies: "وجود أي نقص في الوقود بالمدينة")
        XCTAssertEqual(governor.speakerType, .person)
    }

    func testNewFalsityPhrases() {
        for sentence in ["وقال المتحدث باسم الشركة إن هذه المعلومات لا تمت للحقيقة بصلة.",
                         "واكد مصدر في الاتحاد ان الانباء عن استقالة رئيسه ليس لها أي أساس من الصحة.",
                         "وقالت المديرية ان الاخبار عن تسمم التلاميذ عارية تماما عن الصحه."] {
            XCTAssertEqual(claims(sentence).map(\.stance), [.denies], sentence)
        }
    }

    func testAPointerDenialOfANarratedReportDeniesWhatTheReportSays() throws {
        let found = claims("تداولت صفحات على مواقع التواصل أنباء عن استقالة وزير المالية. وقالت رئاسة الحكومة في بيان إن هذه الأنباء عارية عن الصحة.")
        let denial = try XCTUnwrap(found.first { $0.stance == .denies })
        XCTAssertEqual(denial.speakerText, "رئاسة الحكومة")
        XCTAssertEqual(denial.content, "استقالة وزير المالية")
        XCTAssertFalse(found.contains { $0.stance == .asserts && $0.content.contains("عارية") })
        // A report of the same speaker's own denial in the title is no report to point to.
        let titled = extractor.extract(title: "الوزارة تنفي اغلاق المعبر", body: "ونفت وزارة النقل ذلك في بيان مقتضب.", published: nil)
        XCTAssertTrue(titled.claims.allSatisfy { $0.targetIndex == nil }, "\(titled.claims.map { "\($0.content) \($0.targetIndex as Any)" })")
    }

    func testALoneNameBeforeWhereTheStatementAttachesIsAPerson() throws {
        let claim = try only("وقال مارتينيز في تصريحات لموقع النادي الرسمي إن الفوز كان مستحقا.")
        XCTAssertEqual(claim.speakerText, "مارتينيز")
        XCTAssertEqual(claim.speakerType, .person)
        // A plural participle is no name.
        XCTAssertFalse(claims("وقال محتجون للصحفيين إن الشرطة اعتقلت العشرات.").contains { $0.speakerType == .person })
    }

    func testAFounderInAppositionBetweenCommas() throws {
        let claim = try only("إلا أن كريم نوفل، مؤسس الشركة ورئيسها التنفيذي، أوضح أن التطبيق سيعمل بشكل مستقل.")
        XCTAssertEqual(claim.speakerText, "كريم نوفل")
    }

    func testThePluperfectSubjectStandsBetweenKanaAndTheVerb() {
        let found = claims("وكان مجلس النواب قد دعا الحكومه الى اغلاق المعابر فورا. وكانت هذه الجماعة قد اعلنت في وقت سابق عزمها مقاطعة الانتخابات. وكان مصدر في الوزاره قال: ان الموعد ثابت.")
        XCTAssertEqual(found.map(\.speakerText), ["مجلس النواب", "الجماعة", "مصدر في الوزاره"], "the object after the verb is no speaker")
        XCTAssertEqual(found.map(\.content), ["اغلاق المعابر فورا", "عزمها مقاطعة الانتخابات", "الموعد ثابت"])
    }

    func testAnAdverbWithAConjunctionAfterACommaOpensANewReport() {
        let found = claims("أكدت الهيئة يوم الجمعة أن الاصابات بلغت الف حالة، ومؤخرا أعلنت الوزارة أن العدوى انتشرت في كل المحافظات.")
        XCTAssertEqual(found.map(\.speakerText), ["الهيئة", "الوزارة"])
        XCTAssertEqual(found.first?.content, "الاصابات بلغت الف حالة")
    }

    func testAHyphenatedNameAndTheSpeakersOwnBelief() {
        let found = claims("وقد يتوقع بعض الخبراء أن تتحسن الأرقام. حيث تقول سارة هيلتون - بروك، مستشارة الطب الوقائي بالمعهد: إنها تعتقد أن العلاج متاح. وتابعت: \"نعتقد ان الوقايه افضل\".")
        XCTAssertEqual(found.dropFirst().map(\.speakerText), ["سارة هيلتون - بروك", "سارة هيلتون - بروك"], "not the experts quoted before")
        XCTAssertEqual(found.dropFirst().map(\.stance), [.unconfirmed, .unconfirmed])
        XCTAssertEqual(found.dropFirst().first?.content, "العلاج متاح")
    }

    func testOneOfIsAnUnnamedSourceNotSunday() throws {
        let claim = try only("وصرح أحد عناصر مجلس ادارة النادي لإذاعة محلية أن الجمهور اعتدى على اللاعبين.")
        XCTAssertEqual(claim.speakerText, "أحد عناصر مجلس ادارة النادي")
        XCTAssertTrue(claim.anonymous)
    }

    func testADefiniteUnnamedSourceIsTheOneJustQuotedOnlyIfOfTheSameKind() {
        let found = claims("ويتوقع بعض الخبراء ان ترتفع الاسعار. وتشير الابحاث الى ان الطلب تراجع. وقالت مصادر مطلعه إن الاتفاق قريب. واضافت المصادر ان التوقيع الاسبوع المقبل.")
        XCTAssertEqual(found.map(\.speakerText), ["بعض الخبراء", "الابحاث", "مصادر مطلعه", "مصادر مطلعه"])
    }

    func testAGluedPrepositionAfterACallOpensWhatIsCalledFor() throws {
        let claim = try only("وقد طالبت الدراسه بضرورة رفع الوعي بمخاطر التدخين.")
        XCTAssertEqual(claim.speakerText, "الدراسه")
        XCTAssertTrue(claim.isCall)
    }

    func testAfterAPrepositionACueWordIsAVerbalNoun() {
        let found = claims("وقال محامي الاسرة إن موكله بريء. ويتهم اقاربه الاطباء بالتسبب في وفاته عبر وصف ادوية خطيرة له.")
        XCTAssertFalse(found.contains { $0.cue == "وصف" }, "\(found.map { "\($0.cue) \($0.content)" })")
    }

    func testASubjectAfterTheVerbThatNamesNoSpeakerIsNotTheLastSpeaker() {
        let found = claims("وقال الطبيب المعالج سمير داود إن حالته مستقرة. وأشارت البيانات الأولية إلى تحسن ملحوظ. وأشارت عدة إفادات الى ان الدواء تأخر.")
        XCTAssertFalse(found.dropFirst().contains { $0.speakerText == "سمير داود" }, "\(found.map(\.speakerText))")
        XCTAssertTrue(found.contains { $0.speakerText == "عدة إفادات" && $0.anonymous }, "\(found.map(\.speakerText))")
        // A quotation after the verb is what is said, not its subject: the speaker continues.
        let quoted = claims("وقال سمير داود إن الحالة مستقرة. كما قال \"المريض يحتاج الى راحة طويلة\".")
        XCTAssertEqual(quoted.map(\.speakerText), ["سمير داود", "سمير داود"])
    }

    func testAfterAColonOrAQuotationTheSpeakerContinues() {
        let found = claims("وقال الوزير سمير داود إن المفاوضات مستمرة. وقال ايضا: \"الحكومة لن تتراجع عن الاصلاحات\". وحول مستقبل الاتفاق مع الأردن قال: \"الاتفاق قائم\".")
        XCTAssertEqual(found.map(\.speakerText), ["سمير داود", "سمير داود", "سمير داود"], "\(found.map { "\($0.speakerText) | \($0.content)" })")
        XCTAssertEqual(found.dropFirst().first?.content, "الحكومة لن تتراجع عن الاصلاحات")
    }

    func testInsistingAndASecondComplement() throws {
        let insist = try only("بينما تصر طهران على أن برنامجها سلمي بالكامل.")
        XCTAssertEqual(insist.speakerText, "طهران")
        XCTAssertEqual(insist.content, "برنامجها سلمي بالكامل")
        let two = claims("ووصفت الشركة البرنامج بأنه \"خطير جدا\" وأنه يسرق كلمات المرور.")
        XCTAssertEqual(two.map(\.content).last, "يسرق كلمات المرور")
    }

    // MARK: Round 2 of issue 13

    func testADefiniteVerbalNounAfterADefiniteSubjectIsTheObject() throws {
        // A construct chain's first member is indefinite: two definite nouns in a row that are not a noun
        // and its adjective end the speaker at the first (`الحكومة | التوصل إلى اتفاق`).
        let reached = try only("ونفت الحكومه التوصل الى اتفاق نهائي مع النقابات.")
        XCTAssertEqual(reached.speakerText, "الحكومه")
        XCTAssertEqual(reached.stance, .denies)
        XCTAssertEqual(reached.content, "التوصل الى اتفاق نهائي مع النقابات")
        let agreement = try only("ونفت الوزارة الاتفاق مع صندوق النقد على رفع الدعم.")
        XCTAssertEqual(agreement.speakerText, "الوزارة")
        XCTAssertTrue(agreement.content.hasPrefix("الاتفاق مع صندوق النقد"), agreement.content)
        let withdrawal = try only("واعلنت الهيئة الانسحاب من المفاوضات بعد جولتين.")
        XCTAssertEqual(withdrawal.speakerText, "الهيئة")
        XCTAssertTrue(withdrawal.content.hasPrefix("الانسحاب من المفاوضات"), withdrawal.content)
        // (With ه for ة, `الحكومه` and `الوزاره` are the same actors after the verb.)
        XCTAssertEqual(try only("وقالت الوزاره إن الوضع مستقر.").speakerText, "الوزاره")
        // A nisba or participle after the noun is its adjective, still the speaker.
        let adjective = try only("ونفت الحكومة الانتقالية وجود أي خلاف داخلها.")
        XCTAssertEqual(adjective.speakerText, "الحكومة الانتقالية")
    }

    func testAVerbAfterARoleIsNoName() {
        // `وزير المالية يقدم استقالته`: a verb and its object pronoun are no person's name.
        let entities = extract("وقالت مصادر إن وزير الماليه يقدم استقالته اليوم. وكان وزير الاقتصاد سليم الخوري قدم استقالته امس.").discovered
        XCTAssertFalse(entities.contains { $0.name.contains("استقالته") }, "\(entities.map(\.name))")
        XCTAssertTrue(entities.contains { $0.name == "سليم الخوري" && $0.type == .person }, "\(entities.map(\.name))")
    }

    func testARoleFollowedByAnUnreadNameIsThatPersonNotTheLastQuoted() {
        let found = claims("وقال عبد الرؤوف احد زعماء الحركة: إن المعتصمين باقون. وقطع المتظاهرون الطرق. ومن جانبها، أكدت رئيسة وزراء البلاد شيخة حسينه واجد أن القوانين كافيه.")
        XCTAssertEqual(found.count, 2, "\(found.map { "\($0.speakerText) | \($0.content)" })")
        XCTAssertEqual(found.last?.speakerText, "رئيسة وزراء البلاد شيخة حسينه واجد")
        XCTAssertEqual(found.last?.speakerType, .person)
    }

    func testAfterAVerbOfAttemptACueIsAVerbalNoun() throws {
        let claim = try only("وقال سامي العبيدي إن المسؤولين لم يحاولوا نفي وجود الثغرات.")
        XCTAssertEqual(claim.stance, .asserts)
        XCTAssertEqual(claim.content, "المسؤولين لم يحاولوا نفي وجود الثغرات")
        XCTAssertEqual(claims("وأرادت الوزارة تأكيد حرصها على الحوار.").count, 0)
    }

    func testASurveyForAnOutletSpeaksForItAndWhatWasNotSaidIsNoReport() throws {
        let survey = try only("وخلص مسح لرويترز الى ان المنتجين خفضوا الانتاج بنسبه كبيرة.")
        XCTAssertEqual(survey.speakerEntity, "رويترز")
        XCTAssertEqual(survey.content, "المنتجين خفضوا الانتاج بنسبه كبيرة")
        let unnamed = claims("ونشرت الصحيفه تصريحا لمسؤول كبير دون أن تذكر اسمه، ومن دون ان يؤكد مكتبه ما قاله.")
        XCTAssertFalse(unnamed.contains { ["تذكر", "يؤكد"].contains($0.cue) }, "\(unnamed.map { "\($0.cue) | \($0.content)" })")
    }

    func testTheGivenNameAliIsNoPreposition() throws {
        let plain = try only("وقال علي الحسيني إن الحوار مستمر رغم الخلافات.")
        XCTAssertEqual(plain.speakerText, "علي الحسيني")
        XCTAssertEqual(plain.speakerType, .person)
        let titled = try only("وقال الرئيس علي عبدالله صالح ان الحوار مستمر.")
        XCTAssertTrue(titled.speakerText.hasPrefix("علي عبد"), titled.speakerText)
        // The preposition stays one: `أكد على ضرورة …`, `شدد الوزير على أن …`.
        let preposition = try only("وشدد الوزير سليم الخوري على ان الحوار مستمر.")
        XCTAssertEqual(preposition.speakerText, "سليم الخوري")
    }

    func testUnnamedActorsJoinedByWawEachSpeak() {
        let found = claims("واعلن الجيش والشرطه ان الطريق الى المطار مفتوح.")
        XCTAssertEqual(found.map(\.speakerText), ["الجيش", "الشرطه"])
        XCTAssertEqual(found.map(\.content), ["الطريق الى المطار مفتوح", "الطريق الى المطار مفتوح"])
    }

    func testNaqalaWithADestinationMovesSomeoneAndReportsNothing() {
        let found = claims("وقالت وزارة الصحه إن الحالات ارتفعت. وكانت السيدة قد وصلت الى المطار، وقد نقلت للعلاج في مستشفى المدينة الا انها لم تستجب للعلاج. ونقل المسعفون الجرحى الى المستشفى.")
        XCTAssertEqual(found.count, 1, "\(found.map { "\($0.cue) | \($0.content)" })")
        // The report keeps its sense with عن.
        XCTAssertEqual(claims("ونقلت الوكالة عن مصدر امني ان الطريق مغلق.").count, 1)
    }

    func testAPostposedSourceNeverReportsWhatFollowsIt() {
        let found = claims("واعلنت الهيئة فوز مرشحها، مشيرة الى ان الحكومة تسعى الى التوصل لاتفاق مع النقابات، بحسب ما ذكر احد اعضاء المجلس لوكالة الانباء الرسمية.")
        XCTAssertFalse(found.contains { $0.content.hasPrefix("الانباء") || $0.cue == "ذكر" }, "\(found.map { "\($0.speakerText) | \($0.cue) | \($0.content)" })")
    }
}
