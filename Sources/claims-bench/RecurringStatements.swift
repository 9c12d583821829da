import ClaimsStore
import Foundation

/// A corpus where each statement recurs in many outlets (`claims-bench generate --recurring N`), as
/// wire copy does: every event is one statement — a withdrawal, a capture, a closed crossing, an
/// evacuation, or a death toll — reported by N articles of N different outlets in one day, four in
/// five of them the report (from its original source, or relayed by an agency that names it) and
/// one in five its denial by an authority (for a death toll, another figure from another source).
/// The rest of each article is generated vocabulary, which states nothing, so that every link comes
/// from the recurring statements. 100 articles a day; events follow one another in line order, each
/// about a place of the gazetteer drawn for it, so that events of the same days rarely share one.
///
/// Pairwise, the links of one event grow with the square of N (each report against each denial);
/// stories and disputes should grow with the events.
extension CorpusGenerator {
    static let recurringArticlesPerDay = 100

    /// What one event states, and who says and denies it.
    struct RecurringEvent {
        let kind: Int
        let place: String
        let source: String
        let denier: String
        let figure: Int
        let otherFigure: Int
        let otherSource: String
        /// The day of the week every article of the event names (one event, one day).
        let weekday: String
    }

    static let recurringSources = ["المرصد السوري لحقوق الإنسان", "مصادر محلية", "الدفاع المدني", "ناشطون ميدانيون", "مسؤول عسكري"]
    static let recurringDeniers = ["وزارة الدفاع السورية", "وزارة الداخلية العراقية", "الجيش اللبناني", "وزارة الخارجية الإيرانية", "الحكومة الأردنية"]
    static let recurringAgencies = ["وكالة رويترز", "وكالة الأناضول", "وكالة فرانس برس", "وكالة أسوشيتد برس", "وكالة سبوتنيك"]

    func recurringEvent(_ event: Int) -> RecurringEvent {
        var rng = SplitMix64.forItem(event, seed: seed ^ 0x5EED_E7E7)
        let place = String(decoding: places[rng.below(gazetteerPlaceCount)], as: UTF8.self)
        let figure = rng.int(in: 5...300)
        var other = rng.int(in: 5...300)
        if other == figure { other += 7 }
        return RecurringEvent(kind: rng.below(5), place: place, source: rng.pick(Self.recurringSources), denier: rng.pick(Self.recurringDeniers),
                              figure: figure, otherFigure: other, otherSource: rng.pick(Self.recurringSources), weekday: rng.pick(WordLists.weekdays))
    }

    /// The statement of `event`, as reported (`reported`) or as its denial names it.
    private func statement(_ event: RecurringEvent, figure: Int, reported: Bool) -> String {
        let p = event.place
        switch (event.kind, reported) {
        case (0, true): return "القوات الحكومية انسحبت من مدينة \(p)"
        case (0, false): return "انسحاب القوات الحكومية من مدينة \(p)"
        case (1, true): return "فصائل المعارضة سيطرت على مدينة \(p)"
        case (1, false): return "سيطرة فصائل المعارضة على مدينة \(p)"
        case (2, true): return "السلطات أغلقت معبر \(p) الحدودي"
        case (2, false): return "إغلاق معبر \(p) الحدودي"
        case (3, true): return "المنظمات الإغاثية أجلت موظفيها من مدينة \(p)"
        case (3, false): return "إجلاء موظفي المنظمات الإغاثية من مدينة \(p)"
        default: return "\(figure) شخصا قتلوا في قصف على مدينة \(p)"
        }
    }

    /// Article `index` of a corpus where each statement recurs in `outletsPerStatement` outlets.
    func recurringArticle(_ index: Int, outletsPerStatement n: Int) -> GeneratedArticle {
        let eventIndex = index / n, role = index % n
        let event = recurringEvent(eventIndex)
        var rng = SplitMix64.forItem(index, seed: seed ^ 0xC0FF_EE11)
        let outlet = role < WordLists.outlets.count ? WordLists.outlets[role].name : "شبكة \(WordLists.townStems[role % WordLists.townStems.count]) الإخبارية"
        let slug = role < WordLists.outlets.count ? WordLists.outlets[role].slug : "network\(role)"
        let day = index / Self.recurringArticlesPerDay
        let date = CalendarDate(dayNumber: Self.firstDay + day)
        let published = String(format: "%04d-%02d-%02dT%02d:%02d:00Z", date.year, date.month, date.day, rng.below(24), rng.below(60))
        let weekday = event.weekday
        // Four in five report the statement, one in five deny it (a death toll: another figure).
        let reports = role < n * 4 / 5
        var sentence: String
        var denials = 0
        if event.kind == 4 {
            let (figure, source) = reports ? (event.figure, event.source) : (event.otherFigure, event.otherSource)
            sentence = "قال \(source) يوم \(weekday) إن \(statement(event, figure: figure, reported: true))."
        } else if reports {
            let said = statement(event, figure: 0, reported: true)
            sentence = rng.chance(0.5)
                ? "\(rng.pick(["قال", "ذكر", "أعلن"])) \(event.source) يوم \(weekday) \(rng.chance(0.5) ? "إن" : "أن") \(said)."
                : "نقلت \(rng.pick(Self.recurringAgencies)) عن \(event.source) أن \(said)."
        } else {
            sentence = "نفت \(event.denier) يوم \(weekday) \(statement(event, figure: 0, reported: false))، ووصفت هذه الأنباء بأنها عارية عن الصحة."
            denials = 1
        }
        var body = Array("\(event.place) (\(outlet)) - \(sentence)".utf8)
        for _ in 0..<rng.int(in: 3...6) {
            body.append(contentsOf: [0x0A, 0x0A])
            for w in 0..<rng.int(in: 15...30) {
                if w > 0 { body.append(0x20) }
                body.append(contentsOf: vocabulary[vocabularyPicker.sample(&rng)])
            }
            body.append(0x2E)
        }
        var title = [UInt8]()
        for w in 0..<rng.int(in: 5...9) {
            if w > 0 { title.append(0x20) }
            title.append(contentsOf: vocabulary[vocabularyPicker.sample(&rng)])
        }
        let url = "https://www.\(slug).example/news/\(index)"
        return GeneratedArticle(title: title, body: body, url: Array(url.utf8), outlet: Array(outlet.utf8), published: Array(published.utf8),
                                claims: 1 - denials, denials: denials, isDuplicate: false)
    }
}
