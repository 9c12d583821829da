import Foundation

/// Labelled article pairs (Tests/Fixtures/link_pairs.json): short news items and, for pairs of
/// them, the link ingest should store between the two articles.
public struct LinkPairSet: Decodable, Sendable {
    public struct Item: Decodable, Sendable {
        public let outlet: String
        public let published: String
        public let title: String
        public let body: String
    }

    public struct Pair: Decodable, Sendable {
        public let id: String
        public let a: String
        public let b: String
        /// denial, contradiction, same, related, unrelated or distractor.
        public let kind: String
        /// What should link the two articles.
        public let link: ArticleLink
        /// False when the two items are about different events (no link may join them).
        public let sameEvent: Bool
    }

    public let items: [String: Item]
    public let pairs: [Pair]

    public static func load(path: String) throws -> LinkPairSet {
        let set = try JSONDecoder().decode(LinkPairSet.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        for pair in set.pairs where set.items[pair.a] == nil || set.items[pair.b] == nil {
            throw ClaimsError.invalidArgument("\(path): pair \(pair.id) names an item that is not in items")
        }
        return set
    }

    func draft(_ key: String) -> ArticleDraft {
        let item = items[key]!
        return ArticleDraft(source: key, title: item.title, body: item.body, outlet: item.outlet, published: item.published, isPlainText: false)
    }
}

/// The strongest link stored between the claims of two articles.
public enum ArticleLink: String, Decodable, Sendable, CaseIterable {
    /// A conflict one of whose reasons is a denial.
    case denial
    /// A conflict of another kind (contradiction, numeric, retraction).
    case contradiction
    /// A corroboration (the two state the same thing).
    case same
    case none

    /// Reads the link between the claims of two stored articles.
    static func between(_ first: Int, _ second: Int, in database: ClaimsDatabase) throws -> ArticleLink {
        func across(_ table: String) -> String { """
            FROM \(table) x JOIN claims p ON p.id = x.claim_a_id JOIN claims q ON q.id = x.claim_b_id
            WHERE (p.article_id = ?1 AND q.article_id = ?2) OR (p.article_id = ?2 AND q.article_id = ?1)
            """ }
        let kinds = try database.connection.query("SELECT x.kinds " + across("conflicts"), [first, second]) { $0.string(0) }
        if kinds.contains(where: { $0.split(separator: ",").contains("denial") }) { return .denial }
        if !kinds.isEmpty { return .contradiction }
        let same = try database.connection.query("SELECT count(*) " + across("corroborations"), [first, second]) { $0.int(0) }
        return (same.first ?? 0) > 0 ? .same : .none
    }
}
