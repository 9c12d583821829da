/// Groups claims that state the same thing into stories, and tells who reported first, who repeated
/// it independently, who relayed the same source, and who disputed it.
///
/// A story is a connected group of three kinds of link: corroborations (two claims about one event,
/// from the conflict detector); one statement continued in the next sentence by the same speaker
/// (`نفى … إخلاء السفارة` then `السفارة ما زالت فعّالة`); and the claims that dispute one story,
/// which together state the other side (the Defence Ministry's denials of the Homs withdrawal).
/// O((E + C) · α) over the E links and C conflicts, plus one pass over adjacent claims of each new
/// article (its continuations are stored, so that they are found once). After an ingest only the
/// stories the new claims can change are regrouped (`StoryRegion`): the same stories as a whole
/// rebuild, at a cost that follows the new claims' neighbourhood rather than the archive.
public struct StoryBuilder {
    public let database: ClaimsDatabase
    var connection: Database { database.connection }

    public init(database: ClaimsDatabase) { self.database = database }

    /// What a regrouping did.
    public struct Regrouping: Equatable, Sendable {
        /// False when only the stories around the new claims were regrouped.
        public var wasComplete: Bool
        /// The claims whose stories were regrouped.
        public var claims: Int
    }

    /// Regroups the stories when new claims came in since the last build: only those the new claims
    /// can change when nothing else changed since (no claim removed, links not recomputed), else all.
    @discardableResult
    public func rebuildIfStale() throws -> Regrouping? {
        try connection.transaction {
            let stale = try connection.queryOne("SELECT value FROM settings WHERE key = 'stories_stale'") { $0.string(0) }
            guard stale == "1" else { return nil }
            guard let lastBuild = try StoryRegion.lastBuild(connection) else { return try regroup(region: nil) }
            let region = try StoryRegion.around(claimsAfter: lastBuild.builtThrough, storedClaims: lastBuild.storedClaims, connection)
            return try regroup(region: region)
        }
    }

    /// Regroups every story.
    @discardableResult
    public func rebuild() throws -> Regrouping {
        try connection.transaction { try regroup(region: nil) }
    }

    /// Regroups the stories of `region` (all when nil), which holds whole stories of the archive
    /// as it is now and as it was: its groups come out as a whole rebuild would make them.
    private func regroup(region: StoryRegion?) throws -> Regrouping {
        // (Constant SQL: the region's claims are in a temporary table, never in the text.)
        let inRegion = { (column: String) in region == nil ? "1" : "\(column) IN (SELECT claim_id FROM temp.\(StoryRegion.table))" }
        if region == nil {
            try connection.execute("DELETE FROM story_claims; DELETE FROM stories;")
        } else {
            // (The stories first, by the region's claims; then their members, by story.)
            let stories = try connection.query("SELECT DISTINCT story_id FROM story_claims WHERE \(inRegion("claim_id"))") { $0.int(0) }
            let deleteStory = try connection.cached("DELETE FROM stories WHERE id = ?")
            let deleteMembers = try connection.cached("DELETE FROM story_claims WHERE story_id = ?")
            for story in stories {
                try deleteMembers.bind([story] as [any SQLBindable]).run()
                try deleteStory.bind([story] as [any SQLBindable]).run()
            }
        }
        var sets = DisjointSets(largestID: try connection.scalarInt("SELECT coalesce(max(id), 0) FROM claims"))
        try connection.prepare("SELECT claim_a_id, claim_b_id FROM corroborations WHERE \(inRegion("claim_a_id"))").forEach { sets.union($0.int(0), $0.int(1)) }
        // Continuations are found once, for the claims new since the last build (for all in a whole
        // rebuild: an archive of version 4 has none stored), and read back for the region.
        if region == nil { try connection.execute("DELETE FROM continuations;") }
        let insertContinuation = try connection.cached("INSERT OR IGNORE INTO continuations (claim_a_id, claim_b_id) VALUES (?, ?)")
        for (a, b) in try continuations(ofClaimsAfter: region?.builtThrough ?? 0) {
            try insertContinuation.bind([a, b] as [any SQLBindable]).run()
        }
        try connection.prepare("SELECT claim_a_id, claim_b_id FROM continuations WHERE \(inRegion("claim_a_id"))").forEach { sets.union($0.int(0), $0.int(1)) }
        try joinOpponents(&sets, where: inRegion("claim_a_id"))
        var origins: [String: String] = [:]
        try sets.forEachGroup(minimumSize: 2) { try storeStory($0, origins: &origins) }
        try connection.run("INSERT INTO settings (key, value) VALUES ('stories_stale', '0') ON CONFLICT(key) DO UPDATE SET value = '0'")
        let stored = try region?.storedClaims ?? connection.scalarInt("SELECT count(*) FROM claims")
        try StoryRegion.recordBuild(storedClaims: stored, connection)
        try region?.drop()
        return Regrouping(wasComplete: region == nil, claims: region?.claims ?? stored)
    }

    /// A claim as the story links need it (its features decoded only when needed).
    private struct Statement {
        let id: Int
        let speakerKey: String
        let speakerText: String
        let via: [String]
        let stance: Stance
        let target: Int?
        let features: String?
        let content: String
    }

    /// Pairs of claims that are one statement: same article and part, consecutive sentences, the same
    /// speaker (or one relaying the other), saying the same thing (the same predicate, or a denial of
    /// one predicate and the assertion of its opposite), about no different places (a place and what
    /// it lies in are one, as in conflict detection). Streams the
    /// adjacent pairs article by article, so memory does not grow with the archive.
    private func continuations(ofClaimsAfter newerThan: Int) throws -> [(Int, Int)] {
        let predicates = PredicateLexicon.builtIn
        // Decoded features of the current article's claims (and of the reports its pointers name).
        var decoded: [Int: Proposition?] = [:]
        var currentArticle = -1
        func proposition(_ id: Int, _ json: String?, _ content: String) -> Proposition? {
            if let known = decoded[id] { return known }
            let value = json.flatMap { Proposition(features: $0, text: content) }
            decoded[id] = value
            return value
        }
        // A pointer (`هذه التقارير`) means what it points to.
        func meaning(_ s: Statement) throws -> Proposition? {
            guard let own = proposition(s.id, s.features, s.content) else { return nil }
            guard own.concepts.isEmpty, let target = s.target else { return own }
            if let known = decoded[target] { return known ?? own }
            let stored = try connection.queryOne("""
                SELECT f.features, c.content FROM claims c JOIN claim_features f ON f.claim_id = c.id WHERE c.id = ?
                """, [target]) { ($0.string(0), $0.string(1)) }
            return stored.flatMap { proposition(target, $0.0, $0.1) } ?? own
        }
        func statement(_ row: Row, _ offset: Int) -> Statement {
            Statement(id: row.int(offset), speakerKey: row.string(offset + 1), speakerText: row.string(offset + 2),
                      via: StoredClaim.stringArray(row.string(offset + 3)), stance: Stance(rawValue: row.string(offset + 4)) ?? .asserts,
                      target: row.optionalInt(offset + 5), features: row.optionalString(offset + 6), content: row.string(offset + 7))
        }
        let columns = { (c: String, f: String) in
            "\(c).id, coalesce(CAST(\(c).speaker_entity_id AS TEXT), \(c).speaker), \(c).speaker, \(c).via, \(c).stance, \(c).target_claim_id, \(f).features, \(c).content"
        }
        var links: [(Int, Int)] = []
        try connection.prepare("""
            SELECT \(columns("x", "fx")), \(columns("y", "fy")), x.article_id
            FROM claims x JOIN claims y ON y.article_id = x.article_id AND y.part = x.part AND y.id > x.id AND abs(y.sentence - x.sentence) <= 1
                                         AND \(StoryRegion.nextSentences("y", "x"))
            LEFT JOIN claim_features fx ON fx.claim_id = x.id LEFT JOIN claim_features fy ON fy.claim_id = y.id
            WHERE x.id > ?
            ORDER BY x.article_id
            """).bind([newerThan] as [any SQLBindable]).forEach { row in
            if row.int(16) != currentArticle {
                currentArticle = row.int(16)
                decoded.removeAll(keepingCapacity: true)
            }
            let x = statement(row, 0), y = statement(row, 8)
            let sameSpeaker = x.speakerKey == y.speakerKey || y.via.contains(x.speakerText) || x.via.contains(y.speakerText)
            guard sameSpeaker, let px = try meaning(x), let py = try meaning(y) else { return }
            if ClaimComparer.differentPlaces(px, py) { return }
            let sameSaying = x.stance == y.stance && px.concepts.contains { py.concepts[$0.key] == $0.value }
            let (denial, assertion) = x.stance == .denies ? (px, py) : (py, px)
            let denialAndOpposite = x.stance != y.stance && [x.stance, y.stance].contains(.denies) && [x.stance, y.stance].contains(.asserts)
                && denial.concepts.keys.contains { concept in assertion.concepts.contains { $0.value == false && predicates.areOpposite(concept, $0.key) } }
            if sameSaying || denialAndOpposite { links.append((x.id, y.id)) }
        }
        return links
    }

    /// The claims that dispute one story state its other side: they join one story, unless they
    /// conflict among themselves.
    private func joinOpponents(_ sets: inout DisjointSets, where filter: String) throws {
        var conflicts: [(Int, Int)] = []
        try connection.prepare("SELECT claim_a_id, claim_b_id FROM conflicts WHERE \(filter) ORDER BY id").forEach { conflicts.append(($0.int(0), $0.int(1))) }
        struct Pair: Hashable { let low, high: Int }
        let conflicting = Set(conflicts.map { Pair(low: min($0.0, $0.1), high: max($0.0, $0.1)) })
        // Twice: the second pass joins what the first pass's merges made one side.
        for _ in 0..<2 {
            var opponents: [Int: [Int]] = [:]
            for (a, b) in conflicts {
                let (rootA, rootB) = (sets.find(a), sets.find(b))
                // (Two claims of one story in conflict tell nothing about its other side.)
                guard rootA != rootB else { continue }
                opponents[rootA, default: []].append(b)
                opponents[rootB, default: []].append(a)
            }
            for side in opponents.values {
                for other in side.dropFirst() where !conflicting.contains(Pair(low: min(side[0], other), high: max(side[0], other))) {
                    sets.union(side[0], other)
                }
            }
        }
    }

    private struct Member {
        let id: Int
        let speaker: String
        let speakerEntity: String?
        let via: [String]
        let date: String?
        let content: String
        let stance: Stance
    }

    /// What a story says is its first claim of a few words that is not a pointer (`هذه التقارير`,
    /// `المغادرة`), marked `نفي:` when the story is the side that denies.
    private func isLabel(_ member: Member) -> Bool {
        let words = Tokenizer.tokenize(member.content)
        return words.count >= 3 && !CueLexicon.pointerWords.contains(ArabicNormalizer.normalize(words[0].text))
    }

    /// - Parameter origins: the original source of each speaker and chain seen so far (a few
    ///   hundred sources speak in a whole archive; resolving one takes three gazetteer look-ups).
    ///
    /// The members are read twice, in story order, rather than held: a story can gather a great
    /// many claims (an event reported day after day: 202,418 claims in one story of the
    /// 100,000-article benchmark corpus, whose members held in memory took 170 MB).
    private func storeStory(_ ids: [Int], origins knownOrigins: inout [String: String]) throws {
        let gazetteer = Gazetteer.builtIn
        // The original source: the innermost named link of the chain, or the speaker's organisation.
        func origin(_ member: Member) -> String {
            let innermost = member.via.last ?? member.speaker
            let key = "\(innermost)\u{1}\(member.via.count > 1)\u{1}\(member.speakerEntity ?? "")"
            if let known = knownOrigins[key] { return known }
            let name = gazetteer.entity(named: innermost)?.name ?? (member.via.count > 1 ? innermost : member.speakerEntity ?? innermost)
            let origin = gazetteer.entity(named: name)?.affiliation.flatMap { gazetteer.entity(named: $0)?.type == .place ? nil : $0 } ?? name
            if knownOrigins.count < 100_000 { knownOrigins[key] = origin }
            return origin
        }
        let idList = JSONValue.array(ids.map { .int($0) }).jsonText
        // Earliest known date first; undated claims after, in the order they were stored.
        let members = try connection.prepare("""
            SELECT c.id, c.speaker, e.name, c.via, coalesce(c.said_on, substr(a.published, 1, 10)), c.content, c.stance
            FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN entities e ON e.id = c.speaker_entity_id
            WHERE c.id IN (SELECT value FROM json_each(?))
            ORDER BY coalesce(c.said_on, substr(a.published, 1, 10), '9999'), c.id
            """)
        func forEachMember(_ body: (Member) throws -> Void) throws {
            try members.bind([idList] as [any SQLBindable]).forEach { row in
                try body(Member(id: row.int(0), speaker: row.string(1), speakerEntity: row.optionalString(2),
                                via: StoredClaim.stringArray(row.string(3)), date: row.optionalString(4), content: row.string(5),
                                stance: Stance(rawValue: row.string(6)) ?? .asserts))
            }
        }
        var first: Member?, named: Member?
        var count = 0
        var speakers = Set<String>(), origins = Set<String>()
        var firstDate: String?, lastDate: String?
        try forEachMember { member in
            if first == nil { first = member }
            if named == nil, isLabel(member) { named = member }
            count += 1
            speakers.insert(member.speakerEntity ?? member.speaker)
            origins.insert(origin(member))
            if let date = member.date { firstDate = firstDate ?? date; lastDate = date }
        }
        guard let first else { return }
        let labelMember = named ?? first
        let disputed = try connection.scalarInt("""
            SELECT count(*) FROM conflicts WHERE claim_a_id IN (SELECT value FROM json_each(?)) OR claim_b_id IN (SELECT value FROM json_each(?))
            """, [idList, idList])
        try connection.run("""
            INSERT INTO stories (label, first_claim_id, claims, sources, independent_sources, disputed, first_date, last_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, labelMember.stance == .denies ? "نفي: " + labelMember.content : labelMember.content, first.id, count, speakers.count,
            origins.count, disputed, firstDate, lastDate)
        let story = Int(connection.lastInsertRowID)
        var seenOrigins = Set<String>()
        var index = 0
        let insert = try connection.cached("INSERT INTO story_claims (story_id, claim_id, role, source) VALUES (?, ?, ?, ?)")
        try forEachMember { member in
            let source = origin(member)
            let role = index == 0 ? "first" : (seenOrigins.contains(source) ? "relay" : "independent")
            seenOrigins.insert(source)
            index += 1
            try insert.bind([story, member.id, role, source] as [any SQLBindable]).run()
        }
    }
}
