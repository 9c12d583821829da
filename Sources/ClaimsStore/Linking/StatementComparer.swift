/// `claims compare` (and `check`): the learned pair decision, with the rule comparer's verdict as
/// one of its features and as the judge of one thing the headlines it learned from never show:
/// the same kind of event at another place or by another actor is another event (unrelated), not
/// a contradiction, unless something else differs too (a negation, an antonym, a figure, a denial).
public struct StatementComparer: Sendable {
    public struct Result: Sendable {
        public let relation: Comparison.Relation
        public let kinds: [Comparison.ConflictKind]
        /// The model's probability of its label.
        public let score: Double
        public let explanation: String
        public let outcome: PairDecision.Outcome
        /// The rule comparer's verdict, a feature of the decision.
        public let rules: Comparison
    }

    let decision: PairDecision
    /// Below this IDF-weighted overlap, and with no tie the rules see, two statements are unrelated.
    static let minimumOverlap = 0.25

    public init(decision: PairDecision = PairDecision()) {
        self.decision = decision
    }

    public func compare(_ a: String, _ b: String) -> Result {
        compare(decision.analyse(a), decision.analyse(b))
    }

    /// - Parameter asCheck: `b` is a statement checked against the stored claim `a` (`claims check`):
    ///   a contradiction must rest on a negation, an antonym, a figure, a denial, opposite predicates,
    ///   a reversal or a rise against a fall, else the rules' verdict stands (a stored claim is often
    ///   much longer than the statement, and its extra words are details, not a difference); and a
    ///   claim sharing fewer than two content words with it, which the rules do not tie, is unrelated.
    public func compare(_ a: StatementAnalysis, _ b: StatementAnalysis, asCheck: Bool = false) -> Result {
        let outcome = decision.decide(a, b)
        let rules = decision.comparer.compare(a.proposition, b.proposition)
        let f = outcome.features
        var relation: Comparison.Relation
        switch outcome.label {
        case .agree: relation = .agree
        case .disagree: relation = .contradict
        case .other: relation = .unrelated
        }
        // What can make two statements on one subject disagree; without any, a "disagree" of the
        // model rests on words that merely differ, and the rules' verdict is taken instead.
        let polarityDiffers = f["negation_one_side"] > 0 || f["negation_on_shared_word"] > 0 || f["antonym_pair"] > 0.5
            || f["figures_differ"] > 0 || f["denial_one_side"] > 0 || f["predicate_opposite"] > 0 || f["predicate_negated"] > 0
            || f["reversal_one_side"] > 0 || f["direction_flip"] > 0
        let rulesSeeNoLink = rules.relation == .unrelated || rules.relation == .related
        // The same kind of event at another place, in another country or by another actor is
        // another event (the headlines the model learned from call a swapped name a contradiction).
        let p = a.proposition, q = b.proposition
        let differentSubjects = p.subject != nil && q.subject != nil && p.subject != q.subject
        let anotherEvent = f["place_swapped"] > 0 || f["person_swapped"] > 0 || f["entity_swapped"] > 0 || differentSubjects
            || ClaimComparer.differentPlaces(p, q) || ClaimComparer.differentCountries(p, q)
        if relation == .contradict, !polarityDiffers, rulesSeeNoLink, anotherEvent {
            relation = .unrelated
        }
        if asCheck, relation == .contradict, !polarityDiffers {
            relation = rulesSeeNoLink ? .related : rules.relation
        }
        if asCheck, rulesSeeNoLink, a.keys.intersection(b.keys).count < 2 {
            relation = .unrelated
        }
        // Headline pairs nearly always share their topic; statements that share little of their
        // weighted words or a single word, and nothing the rules can tie, are about different things.
        if relation != .unrelated, rulesSeeNoLink, f["overlap_idf"] < Self.minimumOverlap || f["few_shared_words"] > 0 {
            relation = .unrelated
        }
        var kinds: [Comparison.ConflictKind] = []
        if relation == .contradict {
            if rules.relation == .contradict { kinds = rules.kinds } else {
                if f["denial_one_side"] > 0 { kinds.append(.denial) }
                if f["figures_differ"] > 0 { kinds.append(.numeric) }
                if kinds.isEmpty || f["negation_one_side"] > 0 || f["antonym_pair"] > 0 || f["predicate_opposite"] > 0 { kinds.append(.contradiction) }
            }
        }
        let reasons = outcome.reasons.map { "\($0.name) \(Self.format($0.value)) (+\(Self.format($0.contribution)))" }.joined(separator: ", ")
        let explanation = (reasons.isEmpty ? "" : "decided by " + reasons + "; ") + "rules: " + rules.relation.rawValue + " — " + rules.explanation
        return Result(relation: relation, kinds: kinds, score: outcome.probability, explanation: explanation, outcome: outcome, rules: rules)
    }

    static func format(_ value: Double) -> String {
        String((value * 100).rounded() / 100)
    }
}
