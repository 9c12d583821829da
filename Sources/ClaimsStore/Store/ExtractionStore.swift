/// Writes what extraction found in an article (entities, mentions, claims, claim ↔ entity links)
/// and reads the user's entity additions back for the next extraction. Runs inside the caller's
/// transaction, so an article is stored with all of it or not at all.
public final class ExtractionStore {
    public let database: ClaimsDatabase
    let stemmer: CliticStemmer
    private var connection: Database { database.connection }
    /// Entity ids by name key and by name as written, filled as entities are looked up (valid for
    /// one connection; forgotten when an article rolls back, which may take new entities with it).
    private var entityIDs: [String: Int] = [:]
    private var entityIDsByName: [String: Int] = [:]
    /// Bounded: a news archive keeps discovering names (59,000 at 100,000 articles), and peak
    /// memory must not grow with it. Frequent names come back after a clear within a few articles.
    var entityCacheLimit = 20_000
    /// Entries in the two caches (for tests of the bound).
    var cachedEntityCount: (byKey: Int, byName: Int) { (entityIDs.count, entityIDsByName.count) }

    private func remember(_ id: Int, key: String? = nil, name: String? = nil) {
        if entityIDs.count >= entityCacheLimit || entityIDsByName.count >= entityCacheLimit { forgetCachedEntities() }
        if let key { entityIDs[key] = id }
        if let name { entityIDsByName[name] = id }
    }

    /// Forgets the cached entity ids (after a rollback).
    public func forgetCachedEntities() {
        entityIDs.removeAll(keepingCapacity: true)
        entityIDsByName.removeAll(keepingCapacity: true)
    }

    public init(database: ClaimsDatabase, stemmer: CliticStemmer = CliticStemmer()) {
        self.database = database
        self.stemmer = stemmer
    }

    /// The built-in gazetteer plus the user's entities and aliases from the database.
    public func gazetteer() throws -> Gazetteer {
        var gazetteer = Gazetteer.builtIn
        let userEntities = try connection.query("""
            SELECT e.id, e.name, e.type, e.affiliation, e.origin FROM entities e
            WHERE e.origin = 'user' OR EXISTS (SELECT 1 FROM entity_aliases x WHERE x.entity_id = e.id AND x.origin = 'user')
            ORDER BY e.id
            """) { ($0.int(0), $0.string(1), $0.string(2), $0.optionalString(3), $0.string(4)) }
        for (id, name, type, affiliation, origin) in userEntities {
            let aliases = try connection.query("SELECT alias, kind FROM entity_aliases WHERE entity_id = ? ORDER BY alias", [id]) { ($0.string(0), $0.string(1)) }
            let existing = gazetteer.entity(named: name)
            gazetteer.add(EntityDefinition(
                name: existing?.name ?? name, type: EntityType(rawValue: type) ?? .organization,
                aliases: Array(Set((existing?.aliases ?? []) + aliases.filter { $0.1 == "alias" }.map(\.0))).sorted(),
                nisbas: Array(Set((existing?.nisbas ?? []) + aliases.filter { $0.1 == "nisba" }.map(\.0))).sorted(),
                affiliation: affiliation ?? existing?.affiliation,
                origin: existing?.origin ?? EntityOrigin(rawValue: origin) ?? .user))
        }
        return gazetteer
    }

    /// The id of the entity named `name`, creating it (with its gazetteer aliases) when new.
    public func entityID(name: String, type: EntityType, origin: EntityOrigin, gazetteer: Gazetteer, now: String) throws -> Int {
        if let id = entityIDsByName[name] { return id }
        let key = Gazetteer.nameKey(name)
        if let id = entityIDs[key] {
            remember(id, name: name)
            return id
        }
        if let id = try connection.queryOne("SELECT id FROM entities WHERE name_key = ?", [key], { $0.int(0) }) {
            remember(id, key: key)
            return id
        }
        let definition = gazetteer.entity(named: name)
        try connection.cached("""
            INSERT INTO entities (name, type, origin, affiliation, name_key, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """).bind([definition?.name ?? name, (definition?.type ?? type).rawValue, (definition?.origin ?? origin).rawValue,
                       // A discovered institution belongs to the country its name says (`السفارة الروسية في دمشق` → روسيا).
                       definition?.affiliation ?? (definition == nil && type != .place ? PropositionContext.shared.impliedCountry(ofSpeaker: name) : nil),
                       key, now] as [any SQLBindable]).run()
        let id = Int(connection.lastInsertRowID)
        if let definition {
            for alias in definition.aliases { try addAlias(alias, kind: "alias", origin: definition.origin, to: id) }
            for nisba in definition.nisbas { try addAlias(nisba, kind: "nisba", origin: definition.origin, to: id) }
        }
        remember(id, key: key)
        return id
    }

    func addAlias(_ alias: String, kind: String, origin: EntityOrigin, to entity: Int) throws {
        try connection.cached("INSERT OR IGNORE INTO entity_aliases (entity_id, alias, alias_key, kind, origin) VALUES (?, ?, ?, ?, ?)")
            .bind([entity, alias, Gazetteer.nameKey(alias), kind, origin.rawValue] as [any SQLBindable]).run()
    }

    /// Stores an article's extraction. Returns the ids of the claims, in extraction order.
    /// - Parameter keeping: ids of the article's claims before re-extraction (`previousClaimIDs`): a
    ///   claim found again with the same span and speaker gets its id back; the others get ids above
    ///   every id in use or kept, so that no kept id is taken.
    @discardableResult
    public func store(_ extraction: ArticleExtraction, articleID: Int, gazetteer: Gazetteer, now: String = ArticleStore.now(),
                      keeping previous: [ClaimIdentity: Int] = [:]) throws -> [Int] {
        var previous = previous
        let highestKept = previous.values.max() ?? 0
        for mention in extraction.mentions {
            let entity = try entityID(name: mention.entityName, type: mention.entityType, origin: mention.origin, gazetteer: gazetteer, now: now)
            try connection.cached("""
                INSERT INTO mentions (article_id, entity_id, part, sentence, start, end, text, via_nisba) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).bind([articleID, entity, mention.part.rawValue, mention.sentenceIndex, mention.start, mention.end, mention.text,
                           mention.viaNisba] as [any SQLBindable]).run()
        }
        var claimIDs: [Int] = []
        // The first mention of each entity, found once (a search per claim was quadratic in a long article).
        var firstMention: [String: ExtractedMention] = [:]
        for mention in extraction.mentions where firstMention[mention.entityName] == nil { firstMention[mention.entityName] = mention }
        for claim in extraction.claims {
            let speakerID = try claim.speakerEntity.map {
                try entityID(name: $0, type: claim.speakerType ?? .organization, origin: .discovered, gazetteer: gazetteer, now: now)
            }
            let target = claim.targetIndex.flatMap { $0 < claimIDs.count ? claimIDs[$0] : nil }
            var id: Int? = previous.removeValue(forKey: ClaimIdentity(claim))
            if id == nil, !previous.isEmpty {
                id = max(try connection.scalarInt("SELECT coalesce(max(id), 0) FROM claims"), highestKept) + 1
            }
            try connection.cached("""
                INSERT INTO claims (id, article_id, speaker, speaker_entity_id, anonymous, via, cue, stance, content, quote, said_on, part,
                                    sentence, content_start, content_end, sentence_start, sentence_end, target_claim_id, content_search, is_call)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).bind([id, articleID, claim.speakerText, speakerID, claim.anonymous, JSONValue.array(claim.via.map { .string($0) }).jsonText,
                           claim.cue, claim.stance.rawValue, claim.content, claim.quote, claim.saidOn, claim.part.rawValue,
                           claim.sentenceIndex, claim.contentStart, claim.contentEnd, claim.sentenceStart, claim.sentenceEnd, target,
                           claim.contentSearch ?? stemmer.searchForm(of: claim.content), claim.isCall] as [any SQLBindable]).run()
            let claimID = Int(connection.lastInsertRowID)
            claimIDs.append(claimID)
            if let features = claim.features {
                try connection.cached("INSERT OR REPLACE INTO claim_features (claim_id, features) VALUES (?, ?)").bind([claimID, features] as [any SQLBindable]).run()
            }
            let link = try connection.cached("INSERT OR IGNORE INTO claim_entities (claim_id, entity_id, role) VALUES (?, ?, ?)")
            if let speakerID { try link.bind([claimID, speakerID, "speaker"] as [any SQLBindable]).run() }
            for source in claim.via.dropFirst() where gazetteer.entity(named: source) != nil {
                let id = try entityID(name: source, type: .organization, origin: .builtin, gazetteer: gazetteer, now: now)
                try link.bind([claimID, id, "via"] as [any SQLBindable]).run()
            }
            for name in claim.entities {
                guard let mention = firstMention[name] else { continue }
                let id = try entityID(name: name, type: mention.entityType, origin: mention.origin, gazetteer: gazetteer, now: now)
                try link.bind([claimID, id, "mentioned"] as [any SQLBindable]).run()
            }
        }
        return claimIDs
    }

    /// The ids of an article's claims by span and speaker, read before `deleteExtraction` so that
    /// `store(_:articleID:gazetteer:now:keeping:)` gives unchanged claims their ids back.
    public func previousClaimIDs(articleID: Int) throws -> [ClaimIdentity: Int] {
        var ids: [ClaimIdentity: Int] = [:]
        for (identity, id) in try connection.query(
            "SELECT part, content_start, content_end, speaker, id FROM claims WHERE article_id = ? ORDER BY id", [articleID], {
                (ClaimIdentity(part: $0.string(0), contentStart: $0.int(1), contentEnd: $0.int(2), speaker: $0.string(3)), $0.int(4))
            }) where ids[identity] == nil {
            ids[identity] = id
        }
        return ids
    }

    /// Removes an article's extraction (before extracting it again). Its claims leave their stories:
    /// the next story build regroups everything (claims found again keep their ids when their
    /// previous ids are passed to `store`).
    public func deleteExtraction(articleID: Int) throws {
        try StoryRegion.forgetBuild(connection)
        try connection.run("DELETE FROM claims WHERE article_id = ?", articleID)
        try connection.run("DELETE FROM mentions WHERE article_id = ?", articleID)
    }
}
