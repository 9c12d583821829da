import Foundation

/// An entity as stored, with its mention count.
public struct StoredEntity: Equatable, Sendable {
    public let id: Int
    public let name: String
    public let type: String
    public let origin: String
    public let affiliation: String?
    public let aliases: [String]
    public let mentions: Int
    public let articles: Int
    public let claims: Int

    /// The entity JSON documented in the README.
    public var json: JSONValue {
        .object([
            ("id", .int(id)), ("name", .string(name)), ("type", .string(type)), ("aliases", .array(aliases.map { .string($0) })),
            ("mentions", .int(mentions)), ("origin", .string(origin)), ("affiliation", JSONValue(affiliation)),
            ("articles", .int(articles)), ("claims", .int(claims)),
        ])
    }

    public static let rowColumns = ["id", "name", "type", "mentions", "articles", "claims", "origin", "aliases"]
}

/// Lists, shows and adds entities.
public struct EntityQueries {
    public let database: ClaimsDatabase
    var connection: Database { database.connection }

    public init(database: ClaimsDatabase) { self.database = database }

    static let selectSQL = """
        SELECT e.id, e.name, e.type, e.origin, e.affiliation,
               (SELECT json_group_array(alias) FROM (SELECT alias FROM entity_aliases WHERE entity_id = e.id ORDER BY kind, alias)),
               (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mention_count,
               (SELECT count(DISTINCT article_id) FROM mentions m WHERE m.entity_id = e.id),
               (SELECT count(*) FROM claims c WHERE c.speaker_entity_id = e.id)
        FROM entities e
        """

    private func entity(_ row: Row) -> StoredEntity {
        StoredEntity(id: row.int(0), name: row.string(1), type: row.string(2), origin: row.string(3), affiliation: row.optionalString(4),
                     aliases: StoredClaim.stringArray(row.string(5)), mentions: row.int(6), articles: row.int(7), claims: row.int(8))
    }

    /// Entities by number of mentions, most first; `top` nil: all of them.
    public func list(type: EntityType? = nil, origin: EntityOrigin? = nil, top: Int? = 50) throws -> [StoredEntity] {
        try connection.prepare(Self.selectSQL + """
             WHERE (? IS NULL OR e.type = ?) AND (? IS NULL OR e.origin = ?)
             ORDER BY mention_count DESC, e.name LIMIT ?
            """).bind([type?.rawValue, type?.rawValue, origin?.rawValue, origin?.rawValue, top.map { max(1, $0) } ?? -1] as [any SQLBindable]).map(entity)
    }

    public func entity(id: Int) throws -> StoredEntity? {
        try connection.queryOne(Self.selectSQL + " WHERE e.id = ?", [id], entity)
    }

    /// The entity named `name` (by name or alias).
    public func entity(named name: String) throws -> StoredEntity? {
        guard let id = try ClaimQueries(database: database).entityIDs(matching: name).first else { return nil }
        return try entity(id: id)
    }

    /// Mentions of an entity per article: (article id, title, count).
    public func mentionsPerArticle(entityID: Int) throws -> [(articleID: Int, title: String, count: Int)] {
        try connection.query("""
            SELECT a.id, a.title, count(*) FROM mentions m JOIN articles a ON a.id = m.article_id
            WHERE m.entity_id = ? GROUP BY a.id ORDER BY a.id
            """, [entityID]) { ($0.int(0), $0.string(1), $0.int(2)) }
    }

    /// Claims whose content mentions the entity (not made by it).
    public func claimsAbout(entityID: Int, limit: Int = 50) throws -> [StoredClaim] {
        try connection.prepare(StoredClaim.selectSQL + """
             WHERE c.id IN (SELECT claim_id FROM claim_entities WHERE entity_id = ? AND role = 'mentioned')
               AND coalesce(c.speaker_entity_id, 0) <> ? ORDER BY coalesce(c.said_on, a.published), c.id LIMIT ?
            """).bind([entityID, entityID, limit] as [any SQLBindable]).map(StoredClaim.init(row:))
    }

    public func claimsBy(entityID: Int, limit: Int = 50) throws -> [StoredClaim] {
        try connection.prepare(StoredClaim.selectSQL + " WHERE c.speaker_entity_id = ? ORDER BY coalesce(c.said_on, a.published), c.id LIMIT ?")
            .bind([entityID, limit] as [any SQLBindable]).map(StoredClaim.init(row:))
    }

    /// Adds a user entity (or aliases to an existing one). The next ingests recognise it.
    @discardableResult
    public func add(name: String, type: EntityType, aliases: [String], nisbas: [String] = [], affiliation: String? = nil) throws -> StoredEntity {
        let trimmed = name.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.contains(where: \.isLetter) else { throw ClaimsError.invalidArgument("an entity needs a name with letters") }
        for alias in aliases where !alias.contains(where: \.isLetter) { throw ClaimsError.invalidArgument("alias \"\(alias)\" has no letters") }
        let store = ExtractionStore(database: database)
        return try connection.transaction {
            let key = Gazetteer.nameKey(trimmed)
            if let existing = try connection.queryOne("SELECT id, type FROM entities WHERE name_key = ?", [key], { ($0.int(0), $0.string(1)) }),
               existing.1 != type.rawValue {
                throw ClaimsError.invalidArgument("\"\(trimmed)\" already exists as a \(existing.1), not a \(type.rawValue)")
            }
            let builtin = Gazetteer.builtIn.entity(named: trimmed)
            if let builtin, builtin.type != type {
                throw ClaimsError.invalidArgument("\"\(trimmed)\" is a built-in \(builtin.type.rawValue), not a \(type.rawValue)")
            }
            var gazetteer = Gazetteer()
            gazetteer.add(EntityDefinition(name: trimmed, type: type, origin: builtin == nil ? .user : .builtin))
            let id = try store.entityID(name: trimmed, type: type, origin: .user, gazetteer: builtin.map { Gazetteer(entities: [$0]) } ?? gazetteer,
                                        now: ArticleStore.now())
            if builtin == nil, let affiliation { try connection.run("UPDATE entities SET affiliation = ? WHERE id = ?", affiliation, id) }
            for alias in aliases { try store.addAlias(alias.trimmingWhitespace(), kind: "alias", origin: .user, to: id) }
            for nisba in nisbas { try store.addAlias(nisba.trimmingWhitespace(), kind: "nisba", origin: .user, to: id) }
            // A name the user adds for a discovered entity makes it the user's.
            try connection.run("UPDATE entities SET origin = 'user' WHERE id = ? AND origin = 'discovered'", id)
            guard let stored = try entity(id: id) else { throw ClaimsError.notFound("entity \(id) vanished") }
            return stored
        }
    }
}
