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
    /// Where the claim stands: its article's content hash, and the part and character span of its content.
    public let articleContentHash: String
    public let part: String
    public let contentStart: Int
    public let contentEnd: Int

    /// A key for the claim that outlives databases and re-extraction: the first 16 hex digits of
    /// SHA-256 over `content_hash:part:content_start:content_end` (the article's text and the span),
    /// so the same claim of the same article has the same key in any database that holds it.
    public var claimKey: String {
        String(SHA256.hex(of: "\(articleContentHash):\(part):\(contentStart):\(contentEnd)").prefix(16))
    }

    /// The claim JSON documented in the README.
    public var json: JSONValue {
        .object([
            ("id", .int(id)), ("claim_key", .string(claimKey)), ("article_id", .int(articleID)),
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
            ("outlet", JSONValue(outlet)), ("claim_key", .string(claimKey)),
        ])
    }

    /// What a pointer denial denies, after its own words: `هذه التقارير → [62] القوات انسحبت من حمص`
    /// (the content alone for other claims).
    public func contentShowingDenied(_ denied: StoredClaim?) -> String {
        guard let denied, targetClaimID == denied.id, denied.content != content else { return content }
        return "\(content) → [\(denied.id)] \(denied.content)"
    }

    /// The flat record with the content showing what a pointer denial denies (for tables).
    public func row(denied: StoredClaim?) -> JSONValue {
        guard denied != nil, case .object(var fields) = row, let i = fields.firstIndex(where: { $0.0 == "content" }) else { return row }
        fields[i].1 = .string(contentShowingDenied(denied))
        return .object(fields)
    }

    public static let rowColumns = ["id", "speaker", "via", "cue", "stance", "content", "said_on", "article_id", "outlet"]
    /// CSV has the claim key too (tables leave it out for width).
    public static let csvColumns = rowColumns + ["claim_key"]

    static let selectSQL = """
        SELECT c.id, c.article_id, c.speaker, e.name, c.speaker_entity_id, e.type, c.anonymous, c.via, c.cue, c.stance, c.content,
               c.quote, c.said_on,
               substr(CASE c.part WHEN 'title' THEN a.title ELSE a.body END, c.sentence_start + 1, c.sentence_end - c.sentence_start),
               (SELECT json_group_array(x.name) FROM (SELECT en.name FROM claim_entities ce JOIN entities en ON en.id = ce.entity_id
                                                       WHERE ce.claim_id = c.id AND ce.role = 'mentioned' ORDER BY en.name) x),
               c.target_claim_id, a.title, a.outlet, a.published, a.content_hash, c.part, c.content_start, c.content_end
        FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN entities e ON e.id = c.speaker_entity_id
        """

    init(row: Row) {
        id = row.int(0); articleID = row.int(1); speaker = row.string(2); speakerEntity = row.optionalString(3)
        speakerEntityID = row.optionalInt(4); speakerType = row.optionalString(5); anonymous = row.bool(6)
        via = Self.stringArray(row.string(7)); cue = row.string(8); stance = Stance(rawValue: row.string(9)) ?? .asserts
        content = row.string(10); quote = row.bool(11); saidOn = row.optionalString(12); sentence = row.string(13)
        entities = Self.stringArray(row.string(14)); targetClaimID = row.optionalInt(15); articleTitle = row.string(16)
        outlet = row.optionalString(17); published = row.optionalString(18)
        articleContentHash = row.string(19); part = row.string(20); contentStart = row.int(21); contentEnd = row.int(22)
    }

    static func stringArray(_ json: String) -> [String] {
        guard case .array(let items)? = try? JSONParser.parse(json) else { return [] }
        return items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
    }
}
