/// The relation between two statements, with the reasons a journalist can check.
public struct Comparison: Sendable, Equatable {
    public enum Relation: String, Sendable {
        /// They state the same thing.
        case agree
        /// They cannot both hold (a denial, opposite predicates, a negation, different figures).
        case contradict
        /// Same topic, not the same statement.
        case related
        case unrelated
    }

    public enum ConflictKind: String, Sendable, CaseIterable {
        case denial, contradiction, numeric, retraction
    }

    public let relation: Relation
    /// Why they contradict (several at once: a denial that asserts the opposite).
    public let kinds: [ConflictKind]
    /// Strength of the link, 0–1.
    public let score: Double
    public let explanation: String
    /// For `agree`: the two are about one event (same predicate and a shared place, person or
    /// institution, or nearly the same words), strong enough to put them in one story.
    public var sameEvent = false
    /// For `agree`: a denial of one predicate read as asserting its opposite, which the other states.
    var denialAssertsOpposite = false

    init(relation: Relation, kinds: [ConflictKind], score: Double, explanation: String, sameEvent: Bool = false) {
        self.relation = relation
        self.kinds = kinds
        self.score = score
        self.explanation = explanation
        self.sameEvent = sameEvent
    }
}

/// Compares two propositions: the one logic behind conflicts, stories, `check` and `compare`.
///
/// Two statements are about the same event when they share an entity or most of their words, use
/// the same predicate or opposite ones (by concept: إجلاء = إخلاء = سحب), name no different places,
/// and were made within `windowDays` of each other. Then a denial of one by the other, opposite
/// predicates, a negated predicate or a different figure for the same measure and scope make a
/// contradiction; otherwise they agree.
public struct ClaimComparer: Sendable {
    public var windowDays: Int
    let predicates: PredicateLexicon

    public init(windowDays: Int = 4, predicates: PredicateLexicon = .builtIn) {
        self.windowDays = windowDays
        self.predicates = predicates
    }

    /// - Parameter sameArticle: the two claims stand in one article (which often restates the report it
    ///   then quotes the denial of), so a denier's own subject is enough to tie them.
    public func compare(_ a: Proposition, _ b: Proposition, sameArticle: Bool = true) -> Comparison {
        let a = a.adoptingNames(of: b), b = b.adoptingNames(of: a)
        let comparison = compareContents(a, b, sameArticle: sameArticle)
        // A denial and a report that state the same thing: the denial denies it. (Only denying one
        // predicate, read as asserting its opposite, agrees with a report of that opposite.)
        guard (a.stance == .denies) != (b.stance == .denies), comparison.relation == .agree, !comparison.denialAssertsOpposite else { return comparison }
        let (denier, report) = a.stance == .denies ? (a, b) : (b, a)
        // A report that is itself negative (`لا اتفاق مع الصندوق`) says what the denial says.
        guard !Self.isNegative(report) else { return comparison }
        return Comparison(relation: .contradict, kinds: [.denial], score: max(comparison.score, 0.6),
                          explanation: "\(denier.speaker ?? "one side") denies what \(report.speaker ?? "the other") reports: " + comparison.explanation)
    }

    /// Whether a statement carries a negation (`لا اتفاق`, `لم تجتمع`, `عدم التوصل`).
    static func isNegative(_ p: Proposition) -> Bool {
        p.concepts.values.contains(true)
            || p.text.split(whereSeparator: { $0 == " " || $0 == "\u{a0}" }).contains { Proposition.negators.contains(ArabicNormalizer.normalize(String($0))) }
    }

    /// What the contents say of each other, stance aside except where a rule reads it.
    private func compareContents(_ a: Proposition, _ b: Proposition, sameArticle: Bool) -> Comparison {
        if let days = daysApartBeyondWindow(a, b) {
            return Comparison(relation: .unrelated, kinds: [], score: 0, explanation: "made \(days) days apart (more than \(windowDays))")
        }
        let differentPlaces = Self.differentPlaces(a, b)
        let sharedEntities = a.entities.intersection(b.entities)
        let sharedConcepts = Set(a.concepts.keys).intersection(b.concepts.keys)
        // Opposite predicates: one side says X, the other its opposite and not X (`يستعيد السيطرة`
        // has both capture and repel, and is no contradiction of `استعادة`).
        var opposite: (String, String)?
        for ca in a.concepts.keys.sorted() where b.concepts[ca] == nil {
            for cb in b.concepts.keys.sorted() where a.concepts[cb] == nil && predicates.areOpposite(ca, cb) { opposite = opposite ?? (ca, cb) }
        }
        let sharedTerms = a.terms.intersection(b.terms)
        let termOverlap = Double(sharedTerms.count) / Double(max(1, min(a.terms.count, b.terms.count)))
        let entityOverlap = Double(sharedEntities.count) / Double(max(1, min(a.entities.count, b.entities.count)))
        let predicateScore = !sharedConcepts.isEmpty || opposite != nil ? 1.0 : 0.0
        let score = min(1, 0.35 * entityOverlap + 0.35 * predicateScore + 0.3 * min(1, termOverlap))
        // (Only the explanation of a result uses it: built when one is returned.)
        var about: String {
            sharedEntities.isEmpty ? "the words " + sharedTerms.sorted().prefix(4).texts.joined(separator: "، ")
                : sharedEntities.sortedText(separator: "، ")
        }
        if differentPlaces {
            return Comparison(relation: .unrelated, kinds: [], score: score * 0.3,
                              explanation: "different places: \(a.places.sortedText(separator: "، ")) / \(b.places.sortedText(separator: "، "))")
        }
        let countriesA = a.countries, countriesB = b.countries
        let differentCountries = Self.differentCountries(a, b)
        let sameTopic = !sharedEntities.isEmpty || termOverlap >= 0.5
        let samePredicate = !sharedConcepts.isEmpty
        func words(_ concept: String, _ p: Proposition) -> String { p.conceptWords[concept].map { "«\($0)»" } ?? concept }

        // The same event needs something that singles it out: a shared place, person or institution,
        // the denier being the one the report is about, or most of the words.
        let sharedSpecific = a.specific.intersection(b.specific)
        let agentsAgree = a.agent == nil || b.agent == nil || sameActor(a.agent!, b.agent!)
        // Civilians on one side and armed forces on the other (`الآلاف يفرون من حمص` / `القوات انسحبت
        // من حمص`) are two events even when neither actor is named.
        let differentActorKinds = a.actorKind != nil && b.actorKind != nil && a.actorKind != b.actorKind
        // The same source saying the same thing again, in other words or in another article
        // (`روسيا تدعو مواطنيها لمغادرة سوريا` / `السفارة الروسية: المغادرة`).
        let sourceA = a.sourceChain ?? sourceChain(a), sourceB = b.sourceChain ?? sourceChain(b)
        let sameSource = !sourceA.isEmpty && !sourceB.isEmpty && (sourceA.contains(sourceB[0]) || sourceB.contains(sourceA[0]))
        func deniesAboutItself(_ denier: Proposition, _ report: Proposition) -> Bool {
            // The report's own subject; or, when it names none, whoever acts in it — then the two
            // must also share what they are about (an embassy and its diplomats).
            // A denial about a place (`انسحاب … من حمص`) is about reports of that place only.
            guard denier.places.isEmpty || !denier.places.isDisjoint(with: report.places) else { return false }
            let deniers = [denier.speaker, denier.speakerAffiliation].compactMap { $0 }
            if let subject = report.subject {
                // The report is about the denier itself or what the denier belongs to (`إيران بدأت …` / بقائي),
                // not about someone the denier's side backs (`ميليشيات مدعومة من إيران`).
                return deniers.contains { actorChain($0).contains(actorChain(subject)[0]) }
            }
            guard let agent = report.agent, !denier.subjectTopics.isDisjoint(with: report.subjectTopics) else { return false }
            return deniers.contains { sameActor($0, agent) }
        }
        // A denial of what the other asserts.
        let aDenies = a.stance == .denies, bDenies = b.stance == .denies
        let denier = aDenies ? a : b, report = aDenies ? b : a
        // Denying one predicate is asserting its opposite (`نفى إخلاء السفارة` / `السفارة ما زالت فعّالة`).
        if aDenies != bDenies, !samePredicate, let (ca, cb) = opposite, agentsAgree, !differentActorKinds,
           !sharedSpecific.isEmpty || sameSource || termOverlap >= 0.6 {
            let (denied, asserted) = aDenies ? (ca, cb) : (cb, ca)
            var restated = Comparison(relation: .agree, kinds: [], score: max(score, 0.5),
                                      explanation: "denying \(words(denied, denier)) (\(denied)) is asserting the opposite, \(words(asserted, report)) (\(asserted))",
                                      sameEvent: sameSource || !sharedSpecific.isEmpty)
            restated.denialAssertsOpposite = true
            return restated
        }
        if aDenies != bDenies, samePredicate, agentsAgree, !differentActorKinds,
           !sharedSpecific.isEmpty || (sameArticle && deniesAboutItself(denier, report)) || termOverlap >= 0.6 {
            var kinds: [Comparison.ConflictKind] = [.denial]
            let subjectOfReport = deniesAboutItself(denier, report) ? report.subject : nil
            var why = "\(denier.speaker ?? "one side") denies what \(report.speaker ?? "the other") reports, about "
                + (sharedSpecific.isEmpty ? (subjectOfReport ?? about) : sharedSpecific.sortedText(separator: "، "))
            if let concept = sharedConcepts.sorted().first {
                why += "; \(words(concept, a)) and \(words(concept, b)) both mean \(concept)"
            }
            if let (ca, cb) = opposite {
                kinds.append(.contradiction)
                why += "; and \(words(ca, a)) (\(ca)) is the opposite of \(words(cb, b)) (\(cb))"
            }
            return Comparison(relation: .contradict, kinds: kinds, score: max(score, 0.6), explanation: why)
        }
        if aDenies == bDenies {
            // (A conditional or future statement contradicts nothing that happened.)
            let opposable = agentsAgree && !differentActorKinds && !a.hypothetical && !b.hypothetical && (!sharedSpecific.isEmpty || termOverlap >= 0.6)
            if let (ca, cb) = opposite, opposable, !differentCountries {
                return Comparison(relation: .contradict, kinds: [.contradiction], score: max(score, 0.55),
                                  explanation: "opposite predicates about \(about): \(words(ca, a)) (\(ca)) / \(words(cb, b)) (\(cb))")
            }
            if let concept = sharedConcepts.sorted().first(where: { a.concepts[$0] != b.concepts[$0] }), opposable, !differentCountries {
                return Comparison(relation: .contradict, kinds: [.contradiction], score: max(score, 0.55),
                                  explanation: "one negates \(words(concept, a.concepts[concept] == true ? a : b)) about \(about), the other asserts it")
            }
            if let subjectA = a.subject, let subjectB = b.subject, !sameActor(subjectA, subjectB),
               !b.entities.contains(Word(subjectA)) || !a.entities.contains(Word(subjectB)) {
                return Comparison(relation: sameTopic ? .related : .unrelated, kinds: [], score: score * 0.5,
                                  explanation: "different actors: \(subjectA) / \(subjectB)")
            }
        }
        // (Each naming an entity the other does not is two statements: `… وزير الدفاع` / `… وزير المالية`.)
        let ownEntitiesOnBothSides = !a.entities.subtracting(b.entities).subtracting(countriesA).isEmpty
            && !b.entities.subtracting(a.entities).subtracting(countriesB).isEmpty
        // (About the same places, or neither naming one: `انسحبت من حمص` is not `تسيطر على 40% من البلاد`.)
        let samePlaces = (a.places.isEmpty && b.places.isEmpty) || (!a.places.isEmpty && !b.places.isEmpty && !differentPlaces)
        if sameSource, samePredicate, sharedConcepts.allSatisfy({ a.concepts[$0] == b.concepts[$0] }), agentsAgree, !differentActorKinds,
           !ownEntitiesOnBothSides, samePlaces,
           !differentCountries, !Self.scopesDiffer(a, b), a.numbers.isEmpty || b.numbers.isEmpty,
           let concept = sharedConcepts.sorted().first {
            return Comparison(relation: .agree, kinds: [], score: max(score, 0.5),
                              explanation: "\(a.speaker!) says it again: \(concept) (\(words(concept, a)) / \(words(concept, b)))", sameEvent: true)
        }
        if differentCountries {
            return Comparison(relation: sameTopic ? .related : .unrelated, kinds: [], score: score * 0.5,
                              explanation: "different countries: \(countriesA.subtracting(countriesB).sortedText(separator: "، ")) / \(countriesB.subtracting(countriesA).sortedText(separator: "، "))")
        }
        // The same event: same predicate, a shared place, person or institution, the same actor
        // (named on both sides, or on neither).
        let sameAgents = (a.agent == nil && b.agent == nil) || (a.agent != nil && b.agent != nil && sameActor(a.agent!, b.agent!))
        // A person mentioned on both sides ties them only as the subject of both (not `… قبضة الأسد` / `التقى الأسد`).
        let eventAnchors = sharedSpecific.filter { name in !a.persons.contains(name) || (a.subject == name.text && b.subject == name.text) }
        let sameEvent = samePredicate && !eventAnchors.isEmpty && agentsAgree && !differentCountries && !differentActorKinds
        // The same figure for the same measure at the same place (`على بعد خمسة كيلومترات من … حمص`,
        // said twice) is one statement, whatever the verbs around it.
        if a.stance == b.stance, opposite == nil, !eventAnchors.isEmpty, agentsAgree, !differentActorKinds,
           !Self.scopesDiffer(a, b),
           let figure = a.numbers.first(where: { x in !x.unit.isEmpty && b.numbers.contains { $0.unit == x.unit && $0.agrees(with: x) } }),
           a.numbers.allSatisfy({ x in !b.numbers.contains { $0.unit == x.unit && !$0.agrees(with: x) } }) {
            return Comparison(relation: .agree, kinds: [], score: max(score, 0.6),
                              explanation: "the same figure, \(Self.format(figure.value)) \(figure.unit), about \(eventAnchors.sortedText(separator: "، "))",
                              sameEvent: true)
        }
        // A figure for the same measure at the same place, person or institution (`300 هكتار` / `1200
        // هكتار` in تيزي وزو) is about the same thing, whatever the other words.
        let sameMeasureAtAnchor = !eventAnchors.isEmpty && a.numbers.contains { x in !x.unit.isEmpty && b.numbers.contains { $0.unit == x.unit } }
        if sameTopic, samePredicate || termOverlap >= 0.6 || sameMeasureAtAnchor {
            // Figures for the same measure: different values contradict, unless their scope differs.
            for x in a.numbers {
                for y in b.numbers where x.unit == y.unit && !x.unit.isEmpty {
                    if Self.scopesDiffer(a, b) {
                        return Comparison(relation: .related, kinds: [], score: score * 0.5,
                                          explanation: "figures of different scope (\(a.scope.sortedText(separator: " ")) / \(b.scope.sortedText(separator: " ")))")
                    }
                    if !x.agrees(with: y), !a.hypothetical, !b.hypothetical {
                        return Comparison(relation: .contradict, kinds: [.numeric], score: max(score, 0.55),
                                          explanation: "different figures for \(x.unit) about \(about): \(Self.format(x.value)) / \(Self.format(y.value))")
                    }
                }
            }
            guard samePredicate || termOverlap >= 0.6 else {
                return Comparison(relation: .related, kinds: [], score: score, explanation: "same topic: \(about)")
            }
            if sameEvent, !Self.scopesDiffer(a, b), let concept = sharedConcepts.sorted().first {
                return Comparison(relation: .agree, kinds: [], score: max(score, 0.6),
                                  explanation: "both report \(concept) (\(words(concept, a)) / \(words(concept, b))) at \(eventAnchors.sortedText(separator: "، "))",
                                  sameEvent: sameAgents)
            }
            // Two denials of the same thing by the same side (`إيران تنفي …` / `بقائي نفى …`).
            if aDenies, bDenies, let concept = sharedConcepts.sorted().first, agentsAgree,
               let speakerA = a.speaker, let speakerB = b.speaker, sameActor(speakerA, speakerB) {
                return Comparison(relation: .agree, kinds: [], score: max(score, 0.6),
                                  explanation: "both deny \(concept) (\(words(concept, a)) / \(words(concept, b)))", sameEvent: true)
            }
            // Each side names something the other does not (`وزير الدفاع` / `وزير المالية`, two
            // towns the gazetteer does not know): the same kind of event, but not the same one.
            let onlyA = Self.unmatched(a.terms.subtracting(b.terms), against: b.terms.subtracting(a.terms))
                .union(a.entities.subtracting(b.entities).subtracting(countriesA))
            let onlyB = Self.unmatched(b.terms.subtracting(a.terms), against: a.terms.subtracting(b.terms))
                .union(b.entities.subtracting(a.entities).subtracting(countriesB))
            if !onlyA.isEmpty, !onlyB.isEmpty, (onlyA.count <= 2 && onlyB.count <= 2 && termOverlap < 0.8) || termOverlap < 0.5 {
                return Comparison(relation: .related, kinds: [], score: score * 0.6,
                                  explanation: "different details: \(onlyA.sortedText(separator: "، ")) / \(onlyB.sortedText(separator: "، "))")
            }
            if Self.scopesDiffer(a, b) {
                return Comparison(relation: .related, kinds: [], score: score * 0.6,
                                  explanation: "different time or scope: \(a.scope.sortedText(separator: " ")) / \(b.scope.sortedText(separator: " "))")
            }
            if let concept = sharedConcepts.sorted().first {
                return Comparison(relation: .agree, kinds: [], score: max(score, 0.5),
                                  explanation: "both report \(concept) (\(words(concept, a)) / \(words(concept, b))) about \(about)",
                                  sameEvent: termOverlap >= 0.5 && agentsAgree && !differentActorKinds
                                      && (sharedTerms.count >= 3 || (sharedTerms.count >= 2 && a.subject != nil && b.subject != nil)))
            }
            return Comparison(relation: .agree, kinds: [], score: max(score, 0.5), explanation: "the same statement about \(about)",
                              sameEvent: termOverlap >= 0.6 && sharedTerms.count >= 3)
        }
        if sameTopic, !sharedEntities.isEmpty && termOverlap >= 0.3 {
            return Comparison(relation: .related, kinds: [], score: score, explanation: "same topic: \(about)")
        }
        return Comparison(relation: .unrelated, kinds: [], score: score, explanation: sharedEntities.isEmpty ? "nothing in common" : "only \(about) in common")
    }

    /// How many days apart two dated statements were made, when more than `windowDays`.
    private func daysApartBeyondWindow(_ a: Proposition, _ b: Proposition) -> Int? {
        guard let da = a.date, let db = b.date else { return nil }
        let days = abs(da.dayNumber - db.dayNumber)
        return days > windowDays ? days : nil
    }

    /// Whether two statements fix different times or scopes: both fix one and neither holds the
    /// other's (`فجر الثلاثاء` is within `الثلاثاء`: one statement more precise, not another time).
    static func scopesDiffer(_ a: Proposition, _ b: Proposition) -> Bool {
        !a.scope.isEmpty && !b.scope.isEmpty && !a.scope.isSubset(of: b.scope) && !b.scope.isSubset(of: a.scope)
    }

    /// Whether two statements name places and none in common: the most common reason two
    /// candidates are about different events (over a third of the comparisons of a news archive).
    /// A place and what it lies in are one place here (`معبر البوكمال` is in `البوكمال`).
    static func differentPlaces(_ a: Proposition, _ b: Proposition) -> Bool {
        !a.places.isEmpty && !b.places.isEmpty && a.placesWithContainers.isDisjoint(with: b.placesWithContainers)
    }

    /// Whether each names a country the other does not (`… في العراق` / `… في الأردن`, `الوزير
    /// التركي` / `القطري`), and, when both name places, no country in common.
    static func differentCountries(_ a: Proposition, _ b: Proposition) -> Bool {
        let countriesA = a.countries, countriesB = b.countries
        return !countriesA.isSubset(of: countriesB) && !countriesB.isSubset(of: countriesA)
            && (a.places.isEmpty || b.places.isEmpty || countriesA.isDisjoint(with: countriesB))
    }

    /// Whether `compare` can only find the two unrelated or merely related, from its cheapest tests:
    /// made more than `windowDays` apart; about different places; or, both asserting (or both
    /// denying), about different countries. Detection skips such candidates (nothing to store).
    func cannotLink(_ a: Proposition, _ b: Proposition) -> Bool {
        daysApartBeyondWindow(a, b) != nil || Self.differentPlaces(a, b)
            || ((a.stance == .denies) == (b.stance == .denies) && Self.differentCountries(a, b))
    }

    /// Opposite predicates of two propositions (one says X, the other its opposite and not X).
    public func oppositePredicates(_ a: Proposition, _ b: Proposition) -> (String, String)? {
        for ca in a.concepts.keys.sorted() where b.concepts[ca] == nil {
            for cb in b.concepts.keys.sorted() where a.concepts[cb] == nil && predicates.areOpposite(ca, cb) { return (ca, cb) }
        }
        return nil
    }

    /// Whether two actors are the same: equal, or one belongs to the other along the affiliation
    /// chain (فيلق القدس → الحرس الثوري الإيراني → إيران; زيلينسكي → أوكرانيا).
    func sameActor(_ a: String, _ b: String) -> Bool {
        let chainA = actorChain(a), chainB = actorChain(b)
        return chainA.contains(chainB[0]) || chainB.contains(chainA[0])
    }

    /// Who made a statement and whom they speak for, nearest first (empty when unknown).
    func sourceChain(_ p: Proposition) -> [String] {
        guard let speaker = p.speaker else { return [] }
        var chain = actorChain(speaker)
        if let affiliation = p.speakerAffiliation {
            for name in actorChain(affiliation) where !chain.contains(name) { chain.append(name) }
        }
        return chain
    }

    /// An actor and what it belongs to, nearest first (a capital stands for its country).
    func actorChain(_ name: String) -> [String] {
        let context = PropositionContext.shared
        var names = [context.countryOfCapital[name] ?? name]
        while names.count < 4, let next = context.affiliation(of: names.last!), !names.contains(next) { names.append(next) }
        return names
    }

    /// Terms of one side with no counterpart of the same consonant skeleton on the other
    /// (`أسباب` answers `سبب`): what really differs between two statements. Compares UTF-8 bytes
    /// (a valid UTF-8 needle only ever matches at scalar boundaries), not Unicode-aware Strings.
    static func unmatched(_ terms: Set<Word>, against others: Set<Word>) -> Set<Word> {
        let skeletons = others.map { skeletonScalars($0.text) }
        return terms.filter { term in
            let s = skeletonScalars(term.text)
            return s.letters < 2 || !skeletons.contains { o in
                o.bytes == s.bytes || (o.letters >= 3 && s.letters >= 3 && (contains(o.bytes, s.bytes) || contains(s.bytes, o.bytes)))
            }
        }
    }

    /// Whether `needle` occurs in `haystack` (both a few bytes long: a plain scan is fastest).
    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        if needle.isEmpty { return true }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            var offset = 1
            while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
        }
        return false
    }

    /// A word without its long vowels and final ta marbuta / ha (`اسباب` → `سبب`), as UTF-8 bytes
    /// and its number of letters.
    private static func skeletonScalars(_ term: String) -> (bytes: [UInt8], letters: Int) {
        var scalars: [Unicode.Scalar] = []
        for scalar in term.unicodeScalars where !(scalar == "ا" || scalar == "و" || scalar == "ي" || scalar == "ى") { scalars.append(scalar) }
        if let last = scalars.last, last == "ه" || last == "ة" { scalars.removeLast() }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 2)
        for scalar in scalars { bytes.append(contentsOf: UTF8.encode(scalar)!) }
        return (bytes, scalars.count)
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
