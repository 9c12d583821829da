import Foundation

/// A second opinion on a candidate pair the rule comparer leaves unlinked: a denial whose denied
/// content is, by meaning, contained in what the other claim reports (`نفت … إغلاق حقل الشرارة` /
/// `محتجين أغلقوا حقل الشرارة`). Words are compared by root key (Linking/RootAnalyzer, so أغلقوا and
/// إغلاق meet) and predicates by concept, with no need for a lexicon predicate on either side.
/// The pair must still pass the comparer's cheap tests (window, places, countries) before it is asked.
struct DeniedContent {
    let roots: RootAnalyzer
    let tables: StanceTables

    /// Share of the denial's keys the report must hold.
    static let minimumContainment = 0.6
    static let minimumSharedKeys = 2
    /// A shared key this rare in the ANS headlines (inverse document frequency) singles the event
    /// out (a name, a place, a field); common words alone (`الحكومة`, `قرار`) do not.
    static let specificIDF = 5.0

    /// Words of reporting and denying, which say nothing about what is denied.
    static let reportingKeys: Set<String> = {
        let roots = RootAnalyzer()
        let words = ["تداول", "متداول", "انباء", "اخبار", "خبر", "تقارير", "تقرير", "نشر", "تردد", "حديث", "معلومات", "صحه", "كاذب",
                     "شائعات", "ادعاءات", "مزاعم", "اساس", "يتم", "لما", "اي", "قاطع", "مطلق", "بعض", "مواقع", "وسائل", "اعلام"]
        return Set(words.map { roots.key(ofStem: $0) })
    }()

    init(roots: RootAnalyzer = RootAnalyzer(), tables: StanceTables = .builtIn) {
        self.roots = roots
        self.tables = tables
    }

    /// Root keys of a proposition's content words, and its predicate concepts (`c:resign`).
    func keys(_ proposition: Proposition) -> Set<String> {
        var keys = Set(proposition.terms.map { roots.key(ofStem: $0.text) }).subtracting(Self.reportingKeys)
        for concept in proposition.concepts.keys { keys.insert("c:" + concept) }
        return keys
    }

    /// The keys shared when `denial` denies what `report` states, else nil.
    func sharedKeys(denial: Set<String>, report: Set<String>) -> Set<String>? {
        guard !denial.isEmpty else { return nil }
        let shared = denial.intersection(report)
        guard shared.count >= Self.minimumSharedKeys,
              Double(shared.count) / Double(denial.count) >= Self.minimumContainment,
              shared.contains(where: { !$0.hasPrefix("c:") && tables.idf($0) >= Self.specificIDF }) else { return nil }
        return shared
    }
}

extension ConflictDetector {
    /// A denial of what the other claim reports, by the second opinion (DeniedContent): the denied
    /// content contained, by root keys and concepts, in the report.
    func secondOpinion(_ older: Record, _ newer: Record) -> Comparison? {
        // (Within one article a denial sits next to its speaker's own counter-assertion, often the
        // headline `الكهرباء: محطة الرميلة تعمل`: the rules judge those.)
        guard older.articleID != newer.articleID, (older.stance == .denies) != (newer.stance == .denies), !older.isCall, !newer.isCall
        else { return nil }
        let (denial, report) = older.stance == .denies ? (older, newer) : (newer, older)
        guard let shared = deniedContent.sharedKeys(denial: deniedKeys(of: denial), report: deniedKeys(of: report))
        else { return nil }
        let speaker = { (p: Proposition, fallback: String) in p.speaker ?? fallback }
        return Comparison(relation: .contradict, kinds: [.denial], score: 0.6,
                          explanation: "\(speaker(denial.proposition, "one side")) denies what \(speaker(report.proposition, "the other")) reports: "
                              + "what is denied is in the report (shared: \(shared.sorted().joined(separator: "، ")))")
    }

    /// A claim's root keys and concepts, computed once per claim (a claim meets many candidates).
    func deniedKeys(of record: Record) -> Set<String> {
        if let known = deniedKeysByClaim[record.id] { return known }
        let keys = deniedContent.keys(record.proposition)
        if deniedKeysByClaim.count >= Self.cacheLimit { deniedKeysByClaim.removeAll(keepingCapacity: true) }
        deniedKeysByClaim[record.id] = keys
        return keys
    }

    /// A denial and a report placed in countries (named in the content, or the speaker's own) and not
    /// the same ones: the same kind of news from another country (a tax denied in Kuwait, one reported
    /// in Oman). (`cannotLink` compares only what the contents name: a denial rarely names its country.)
    func inOtherCountries(_ older: Record, _ newer: Record) -> Bool {
        guard (older.stance == .denies) != (newer.stance == .denies) else { return false }
        let a = countries(around: older.proposition), b = countries(around: newer.proposition)
        return !a.isEmpty && !b.isEmpty && a.isDisjoint(with: b)
    }

    /// The countries a claim's content names and those its speaker belongs to.
    private func countries(around proposition: Proposition) -> Set<String> {
        var result = Set(proposition.countries.map(\.text))
        for actor in proposition.sourceChain ?? comparer.sourceChain(proposition) where context.isCountry(actor) { result.insert(actor) }
        return result
    }
}
