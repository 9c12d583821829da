/// A claim as stored, with what is needed to show it.
public struct StoredClaim: Equatable, Sendable {
    public let id: Int
    public let articleID: Int
    public let speaker: String
    public let speakerEntity: String?
    public let speakerEntityID: Int?
    public let speakerType: String?
    public let anonymous: Bool
    public let via: [String]
    public let cue: String
    public let stance: Stance
    public let content: String
    public let quote: Bool
    public let saidOn: String?
    /// The sentence the claim stands in.
    public let sentence: String
    /// Names of the entities the content mentions.
    public let entities: [String]
    public let targetClaimID: Int?
    public let articleTitle: String
    public let outlet: String?
    public let published: String?

    /// The claim JSON documented in the README.
    public var json: JSONValue {
        .object([
            ("id", .int(id)), ("article_id", .int(articleID)),
            ("speaker", .object([("text", .string(speaker)), ("entity", JSONValue(speakerEntity)),
                                 ("entity_id", JSONValue(speakerEntityID)), ("anonymous", .bool(anonymous))])),
            ("via", .array(via.map { .string($0) })), ("cue", .string(cue)), ("stance", .string(stance.rawValue)),
            ("content", .string(content)), ("quote", .bool(quote)), ("said_on", JSONValue(saidOn)),
            ("sentence", .string(sentence)), ("entities", .array(entities.map { .string($0) })),
            ("denies_claim_id", JSONValue(targetClaimID)),
            ("article", .object([("title", .string(articleTitle)), ("outlet", JSONValue(outlet)), ("published", JSONValue(published))])),
        ])
    }

    /// A flat record for tables and CSV.
    public var row: JSONValue {
        .object([
            ("id", .int(id)), ("speaker", .string(speaker)), ("via", .string(via.dropFirst().joined(separator: " ← "))),
            ("cue", .string(cue)), ("stance", .string(stance.rawValue)), ("content", .string(content)),
            ("said_on", JSONValue(saidOn ?? published.map { String($0.prefix(10)) })), ("article_id", .int(articleID)),
            ("outlet", JSONValue(outlet)),
        ])
    }

    public static let rowColumns = ["id", "speaker", "via", "cue", "stance", "content", "said_on", "article_id", "outlet"]

    static let selectSQL = """
        SELECT c.id, c.article_id, c.speaker, e.name, c.speaker_entity_id, e.type, c.anonymous, c.via, c.cue, c.stance, c.content,
               c.quote, c.said_on,
               substr(CASE c.part WHEN 'title' THEN a.title ELSE a.body END, c.sentence_start + 1, c.sentence_end - c.sentence_start),
               (SELECT json_group_array(x.name) FROM (SELECT en.name FROM claim_entities ce JOIN entities en ON en.id = ce.entity_id
                                                       WHERE ce.claim_id = c.id AND ce.role = 'mentioned' ORDER BY en.name) x),
               c.target_claim_id, a.title, a.outlet, a.published
        FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN entities e ON e.id = c.speaker_entity_id
        """

    init(row: Row) {
        id = row.int(0); articleID = row.int(1); speaker = row.string(2); speakerEntity = row.optionalString(3)
        speakerEntityID = row.optionalInt(4); speakerType = row.optionalString(5); anonymous = row.bool(6)
        via = Self.stringArray(row.string(7)); cue = row.string(8); stance = Stance(rawValue: row.string(9)) ?? .asserts
        content = row.string(10); quote = row.bool(11); saidOn = row.optionalString(12); sentence = row.string(13)
        entities = Self.stringArray(row.string(14)); targetClaimID = row.optionalInt(15); articleTitle = row.string(16)
        outlet = row.optionalString(17); published = row.optionalString(18)
    }

    static func stringArray(_ json: String) -> [String] {
        guard case .array(let items)? = try? JSONParser.parse(json) else { return [] }
        return items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
    }
}
