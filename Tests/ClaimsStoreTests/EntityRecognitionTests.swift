import XCTest
@testable import ClaimsStore

final class EntityRecognitionTests: XCTestCase {
    let extractor = ArticleExtractor()

    func mentions(_ body: String) -> [ExtractedMention] {
        extractor.extract(title: "", body: body, published: nil).mentions
    }

    func testGazetteerIsValid() throws {
        let gazetteer = try Gazetteer.parse(EmbeddedResources.gazetteer, origin: .builtin)
        XCTAssertGreaterThan(gazetteer.entities.count, 500)
        for type in EntityType.allCases { XCTAssertTrue(gazetteer.entities.contains { $0.type == type }, "\(type)") }
        for entity in gazetteer.entities {
            if let affiliation = entity.affiliation { XCTAssertNotNil(gazetteer.entity(named: affiliation), "\(entity.name) → \(affiliation)") }
        }
        XCTAssertThrowsError(try Gazetteer.parse("person\tاسم فقط\n", origin: .user)) { error in
            XCTAssertEqual("\(error)", "gazetteer.tsv:1: expected 5 tab-separated fields, found 2")
        }
    }

    /// A place after its trigger (`ولاية`, `محافظة`, `إقليم`): a compound name whole (`ذي قار`,
    /// `تيزي وزو`), and a final ه read as ta marbuta, written ة (`مدينة سنجه` is سنجة).
    func testPlacesAfterTheirTriggers() {
        let places = mentions("قال مسؤول إن الحرائق امتدت في ولاية تيزي وزو وإن الكهرباء انقطعت في محافظة ذي قار وإن القوات دخلت مدينة سنجه.")
            .filter { $0.entityType == .place }.map(\.entityName)
        XCTAssertTrue(places.contains("تيزي وزو"), "\(places)")
        XCTAssertTrue(places.contains("ذي قار"), "\(places)")
        XCTAssertTrue(places.contains("سنجة"), "\(places)")
        XCTAssertTrue(mentions("قال مسؤول في ولاية النيل الأزرق إن الأمطار غزيرة.").contains { $0.entityName == "النيل الأزرق" })
        XCTAssertFalse(mentions("قالت الوزارة إن المنطقة الشرقية تشهد امطارا.").contains { $0.entityType == .place && $0.entityName.contains("الشرقية") })
    }

    func testNamesAliasesClitcsAndSpellingVariants() {
        let found = mentions("قال مدير المرصد رامي عبدالرحمن لوكالة فرانس برس إن قسد دخلت ديرالزور، وأكد رامي عبد الرحمن ذلك.")
        let names = found.map(\.entityName)
        XCTAssertTrue(names.contains("المرصد السوري لحقوق الإنسان"))
        XCTAssertEqual(names.filter { $0 == "رامي عبد الرحمن" }.count, 2, "\(names)")
        XCTAssertTrue(names.contains("فرانس برس"))
        XCTAssertTrue(names.contains("قوات سوريا الديمقراطية"))
        XCTAssertTrue(names.contains("دير الزور"))
    }

    func testNisbaAdjectivesMentionTheirCountry() {
        let found = mentions("وصل الوفد التركي إلى الحدود الأردنية برفقة دبلوماسيين روس.")
        XCTAssertEqual(Set(found.filter(\.viaNisba).map(\.entityName)), ["تركيا", "الأردن", "روسيا"])
    }

    func testNamesAreNotCutByTheStemmer() {
        let found = mentions("زار بشار الأسد بغداد ثم لبنان.")
        XCTAssertEqual(found.map(\.entityName), ["بشار الأسد", "بغداد", "لبنان"])
    }

    func testCommonNounHomographsNeedTheArticle() {
        XCTAssertTrue(mentions("تجمع الناس في ميادين المدينة.").isEmpty)
        XCTAssertEqual(mentions("قصفت الطائرات مدينة الميادين.").map(\.entityName), ["الميادين"])
    }

    func testDiscoveredPeoplePlacesAndInstitutions() {
        let found = mentions("قال رئيس بلدية المدينة خالد المصري إن بلدة كفرنبودة تعرضت للقصف. وأضاف المصري أن السفارة الأمريكية في عمان أغلقت أبوابها.")
        let discovered = found.filter { $0.origin == .discovered }
        XCTAssertTrue(discovered.contains { $0.entityName == "خالد المصري" && $0.entityType == .person }, "\(discovered.map(\.entityName))")
        XCTAssertTrue(discovered.contains { $0.entityName == "كفرنبودة" && $0.entityType == .place })
        XCTAssertTrue(discovered.contains { $0.entityName == "السفارة الأمريكية في عمان" && $0.entityType == .organization })
        // The last name alone refers to the person found earlier in the article.
        XCTAssertEqual(found.filter { $0.entityName == "خالد المصري" }.count, 2)
    }

    func testAdjectivesAndReferencesAreNotDiscoveredAsPlaces() {
        let found = mentions("وصلت القوات إلى المدينة بعدما سيطرت على منطقة استراتيجية ومحافظة غنية بالنفط.")
        XCTAssertTrue(found.filter { $0.origin == .discovered }.isEmpty, "\(found.map(\.entityName))")
    }

    func testMentionOffsetsPointIntoTheOriginalText() {
        let body = "أكّد المتحدّث باسم الخارجية الإيرانية إسماعيل بقائي أن السفارة تعمل."
        let scalars = Array(body.unicodeScalars)
        for mention in mentions(body) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[mention.start..<mention.end])
            XCTAssertEqual(String(view), mention.text)
        }
    }

    func testSentenceSplitterKeepsQuotationsWhole() {
        let text = AnalyzedText("قال: «لن ننسحب. سنبقى هنا». ثم غادر؟ نعم! انتهى؛ والباقي\nسطر جديد", stemmer: CliticStemmer())
        let sentences = text.sentences.map { String(text.slice($0)) }
        XCTAssertEqual(sentences, ["قال: «لن ننسحب. سنبقى هنا", "ثم غادر", "نعم", "انتهى", "والباقي", "سطر جديد"])
    }
}
