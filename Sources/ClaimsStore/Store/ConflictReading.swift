/// One stored conflict as `claims show conflict` prints it: both claims, the reasons conflict
/// detection stored (the rule or second opinion that linked them), and what the learned pair decision
/// of `compare` reads in the two contents, with the features that weighed most.
public struct ConflictReading: Sendable {
    public let conflict: StoredConflict
    public let decision: PairDecision.Outcome

    /// The conflict's JSON with `pair_decision {label, probability, features [{name, value, contribution}]}`.
    public var json: JSONValue {
        guard case .object(var fields) = conflict.json else { return conflict.json }
        fields.append(("pair_decision", .object([("label", .string(decision.label.rawValue)),
                                                  ("probability", .double((decision.probability * 100).rounded() / 100)),
                                                  ("features", decision.reasonsJSON)])))
        return .object(fields)
    }
}

extension ConflictQueries {
    /// The conflict `id` with the pair decision's reading of its two claims, nil when there is none.
    public func reading(ofConflict id: Int, decision: PairDecision = PairDecision()) throws -> ConflictReading? {
        guard let conflict = try conflict(id: id) else { return nil }
        // Each content with its claim's stance: a denial's content is what it denies.
        func analysis(_ claim: StoredClaim) -> StatementAnalysis {
            StatementAnalysis(claim.content, proposition: Proposition(text: claim.content, stance: claim.stance), roots: decision.roots)
        }
        return ConflictReading(conflict: conflict, decision: decision.decide(analysis(conflict.a), analysis(conflict.b)))
    }
}
