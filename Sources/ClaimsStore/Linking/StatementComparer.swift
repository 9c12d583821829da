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

    public func compare(_ a: StatementAnalysis, _ b: StatementAnalysis) -> Result {
        let outcome = decision.decide(a, b)
        let rules = decision.comparer.compare(a.proposition, b.proposition)
        let f = outcome.features
        var relation: Comparison.Relation
        switch outcome.label {
        case .agree: relation = .agree
        case .disagree: relation = .contradict
        case .other: relation = .unrelated
        }
        let polarityDiffers = f["negation_one_side"] > 0 || f["antonym_pair"] > 0.5 || f["figures_differ"] > 0 || f["denial_one_side"] > 0
            || f["predicate_opposite"] > 0 || f["reversal_one_side"] > 0
        let rulesSeeNoLink = rules.relation == .unrelated || rules.relation == .related
        if relation == .contradict, rulesSeeNoLink, !polarityDiffers {
            relation = .unrelated
        }
        // Headline pairs nearly always share their topic; statements that share little of their
        // weighted words, and nothing the rules can tie, are about different things.
        if relation != .unrelated, rulesSeeNoLink, f["overlap_idf"] < Self.minimumOverlap {
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
