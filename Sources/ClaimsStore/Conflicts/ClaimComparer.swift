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

    public func compare(_ a: Proposition, _ b: Proposition) -> Comparison {
        if let da = a.date, let db = b.date, abs(da.dayNumber - db.dayNumber) > windowDays {
            return Comparison(relation: .unrelated, kinds: [], score: 0,
                              explanation: "made \(abs(da.dayNumber - db.dayNumber)) days apart (more than \(windowDays))")
        }
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
        let about = sharedEntities.isEmpty ? "the words " + sharedTerms.sorted().prefix(4).joined(separator: "، ")
            : sharedEntities.sorted().joined(separator: "، ")

        if !a.places.isEmpty, !b.places.isEmpty, a.places.isDisjoint(with: b.places) {
            return Comparison(relation: .unrelated, kinds: [], score: score * 0.3,
                              explanation: "different places: \(a.places.sorted().joined(separator: "، ")) / \(b.places.sorted().joined(separator: "، "))")
        }
        let countriesA = a.countries, countriesB = b.countries
        // Each names a country the other does not (`… في العراق` / `… في الأردن`, `الوزير التركي` / `القطري`).
        let differentCountries = !countriesA.subtracting(countriesB).isEmpty && !countriesB.subtracting(countriesA).isEmpty
            && (a.places.isEmpty || b.places.isEmpty || countriesA.isDisjoint(with: countriesB))
        let sameTopic = !sharedEntities.isEmpty || termOverlap >= 0.5
        let samePredicate = !sharedConcepts.isEmpty
        func words(_ concept: String, _ p: Proposition) -> String { p.conceptWords[concept].map { "«\($0)»" } ?? concept }

        // A denial of what the other asserts.
        let aDenies = a.stance == .denies, bDenies = b.stance == .denies
        if aDenies != bDenies, sameTopic, samePredicate || opposite != nil || termOverlap >= 0.6 {
            var kinds: [Comparison.ConflictKind] = [.denial]
            var why = "one denies what the other reports, about \(about)"
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
            if let (ca, cb) = opposite, sameTopic, !differentCountries {
                return Comparison(relation: .contradict, kinds: [.contradiction], score: max(score, 0.55),
                                  explanation: "opposite predicates about \(about): \(words(ca, a)) (\(ca)) / \(words(cb, b)) (\(cb))")
            }
            if let concept = sharedConcepts.sorted().first(where: { a.concepts[$0] != b.concepts[$0] }), sameTopic, !differentCountries {
                return Comparison(relation: .contradict, kinds: [.contradiction], score: max(score, 0.55),
                                  explanation: "one negates \(words(concept, a.concepts[concept] == true ? a : b)) about \(about), the other asserts it")
            }
            if let subjectA = a.subject, let subjectB = b.subject, !sameActor(subjectA, subjectB),
               !b.entities.contains(subjectA) || !a.entities.contains(subjectB) {
                return Comparison(relation: sameTopic ? .related : .unrelated, kinds: [], score: score * 0.5,
                                  explanation: "different actors: \(subjectA) / \(subjectB)")
            }
        }
        if differentCountries {
            return Comparison(relation: sameTopic ? .related : .unrelated, kinds: [], score: score * 0.5,
                              explanation: "different countries: \(countriesA.subtracting(countriesB).sorted().joined(separator: "، ")) / \(countriesB.subtracting(countriesA).sorted().joined(separator: "، "))")
        }
        if sameTopic, samePredicate || termOverlap >= 0.6 {
            // Figures for the same measure: different values contradict, unless their scope differs.
            for x in a.numbers {
                for y in b.numbers where x.unit == y.unit && !x.unit.isEmpty {
                    if a.scope != b.scope, !a.scope.isEmpty, !b.scope.isEmpty {
                        return Comparison(relation: .related, kinds: [], score: score * 0.5,
                                          explanation: "figures of different scope (\(a.scope.sorted().joined(separator: " ")) / \(b.scope.sorted().joined(separator: " ")))")
                    }
                    if !x.agrees(with: y) {
                        return Comparison(relation: .contradict, kinds: [.numeric], score: max(score, 0.55),
                                          explanation: "different figures for \(x.unit) about \(about): \(Self.format(x.value)) / \(Self.format(y.value))")
                    }
                }
            }
            // Each side names something the other does not (`وزير الدفاع` / `وزير المالية`, two
            // towns the gazetteer does not know): the same kind of event, but not the same one.
            let onlyA = Self.unmatched(a.terms.subtracting(b.terms), against: b.terms.subtracting(a.terms))
                .union(a.entities.subtracting(b.entities).subtracting(countriesA))
            let onlyB = Self.unmatched(b.terms.subtracting(a.terms), against: a.terms.subtracting(b.terms))
                .union(b.entities.subtracting(a.entities).subtracting(countriesB))
            if !onlyA.isEmpty, !onlyB.isEmpty, (onlyA.count <= 2 && onlyB.count <= 2 && termOverlap < 0.8) || termOverlap < 0.5 {
                return Comparison(relation: .related, kinds: [], score: score * 0.6,
                                  explanation: "different details: \(onlyA.sorted().joined(separator: "، ")) / \(onlyB.sorted().joined(separator: "، "))")
            }
            if !a.scope.isEmpty, !b.scope.isEmpty, a.scope != b.scope {
                return Comparison(relation: .related, kinds: [], score: score * 0.6,
                                  explanation: "different time or scope: \(a.scope.sorted().joined(separator: " ")) / \(b.scope.sorted().joined(separator: " "))")
            }
            if let concept = sharedConcepts.sorted().first {
                return Comparison(relation: .agree, kinds: [], score: max(score, 0.5),
                                  explanation: "both report \(concept) (\(words(concept, a)) / \(words(concept, b))) about \(about)")
            }
            return Comparison(relation: .agree, kinds: [], score: max(score, 0.5), explanation: "the same statement about \(about)")
        }
        if sameTopic, !sharedEntities.isEmpty && termOverlap >= 0.3 {
            return Comparison(relation: .related, kinds: [], score: score, explanation: "same topic: \(about)")
        }
        return Comparison(relation: .unrelated, kinds: [], score: score, explanation: sharedEntities.isEmpty ? "nothing in common" : "only \(about) in common")
    }

    /// Whether two actors are the same: equal, or one belongs to the other (زيلينسكي and أوكرانيا).
    func sameActor(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let context = PropositionContext.shared
        return context.affiliation(of: a) == b || context.affiliation(of: b) == a
            || (context.affiliation(of: a) != nil && context.affiliation(of: a) == context.affiliation(of: b) && false)
    }

    /// Terms of one side with no counterpart of the same consonant skeleton on the other
    /// (`أسباب` answers `سبب`): what really differs between two statements.
    static func unmatched(_ terms: Set<String>, against others: Set<String>) -> Set<String> {
        let skeletons = others.map(skeleton)
        return terms.filter { term in
            let s = skeleton(term)
            return s.count < 2 || !skeletons.contains { $0 == s || ($0.count >= 3 && s.count >= 3 && ($0.contains(s) || s.contains($0))) }
        }
    }

    static func skeleton(_ term: String) -> String {
        var letters = term.filter { !"اويى".contains($0) }
        if letters.last == "ه" || letters.last == "ة" { letters.removeLast() }
        return letters
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
