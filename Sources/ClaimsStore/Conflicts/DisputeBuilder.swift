/// Links stories that conflict: a denial or contradiction between a member of one story and a member
/// of another makes the two stories a **dispute**, whose evidence is its member pairs, strongest first.
///
/// When one statement recurs in many outlets and so does its denial, the pairs between them grow
/// with the product of the repeats (50 reports and 10 denials: up to 500 conflicts), while they state
/// one disagreement: one dispute between the two stories. The reporting side of the strongest pair
/// is side A; the dispute's kind is that pair's kind, and its kinds every reason among its pairs.
/// O(C) over the C conflicts of the regrouped stories.
struct DisputeBuilder {
    let connection: Database

    /// A stored conflict as a dispute needs it.
    struct Pair {
        let id: Int
        let reporting: Int
        let denying: Int
        let kind: String
        let kinds: String
        let score: Double
    }

    /// The conflicts whose reporting side is in the stories regrouped (`filter`: SQL on
    /// `claim_a_id`, constant text of the caller), strongest first.
    static func pairs(_ connection: Database, where filter: String) throws -> [Pair] {
        try connection.query("SELECT id, claim_a_id, claim_b_id, kind, kinds, score FROM conflicts WHERE \(filter) ORDER BY score DESC, id") {
            Pair(id: $0.int(0), reporting: $0.int(1), denying: $0.int(2), kind: $0.string(3), kinds: $0.string(4), score: $0.double(5))
        }
    }

    /// Writes one dispute per pair of stories that conflict.
    /// - Parameters:
    ///   - pairs: the conflicts, strongest first (as `pairs(_:where:)` reads them).
    ///   - storyOf: the story of each claim (every disputed claim has one).
    /// - Returns: the disputes written.
    @discardableResult
    func store(_ pairs: [Pair], storyOf: (Int) -> Int?) throws -> Int {
        struct Key: Hashable { let low, high: Int }
        struct Dispute {
            let strongest: Pair
            let reportingStory: Int, denyingStory: Int
            var pairs = 1
            var kinds: [String]
        }
        var disputes: [Key: Dispute] = [:]
        var order: [Key] = []
        for pair in pairs {
            guard let a = storyOf(pair.reporting), let b = storyOf(pair.denying), a != b else { continue }
            let key = Key(low: min(a, b), high: max(a, b))
            let kinds = pair.kinds.split(separator: ",").map(String.init)
            if var known = disputes[key] {
                known.pairs += 1
                for kind in kinds where !known.kinds.contains(kind) { known.kinds.append(kind) }
                disputes[key] = known
            } else {
                disputes[key] = Dispute(strongest: pair, reportingStory: a, denyingStory: b, kinds: kinds)
                order.append(key)
            }
        }
        let insert = try connection.cached("""
            INSERT INTO disputes (story_a_id, story_b_id, kind, kinds, pairs, score, conflict_id) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for key in order {
            let dispute = disputes[key]!
            try insert.bind([dispute.reportingStory, dispute.denyingStory, dispute.strongest.kind, dispute.kinds.joined(separator: ","),
                             dispute.pairs, dispute.strongest.score, dispute.strongest.id] as [any SQLBindable]).run()
        }
        return order.count
    }
}
