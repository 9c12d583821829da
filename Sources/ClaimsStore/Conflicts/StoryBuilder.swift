/// Groups claims that state the same thing into stories, and tells who reported first, who repeated
/// it independently, who relayed the same source, and who disputed it; then links the stories that
/// conflict (`DisputeBuilder`).
///
/// A story has a centre that each of its members states the same thing as, directly
/// (`StoryCentres`): a corroboration with it (two claims about one event, from the conflict
/// detector) or one statement continued in the next sentence by the same speaker (`نفى … إخلاء
/// السفارة` then `السفارة ما زالت فعّالة`); never a chain of such links, and never a claim with one it
/// conflicts with. A disputed claim that states what no other does is a story of one claim. Relays
/// of one original source count once among a story's independent sources.
/// O(V + E + C) over the V claims, E links and C conflicts regrouped, plus one pass over adjacent
/// claims of each new article (its continuations are stored, so that they are found once). After an
/// ingest only the stories the new claims can change are regrouped (`StoryRegion`): the same stories
/// as a whole rebuild, at a cost that follows the new claims' neighbourhood rather than the archive.
public struct StoryBuilder {
    let connection: Database

    public init(database: ClaimsDatabase) { self.connection = database.connection }
    /// (For a migration, which has the connection only.)
    init(connection: Database) { self.connection = connection }

    /// What a regrouping did.
    public struct Regrouping: Equatable, Sendable {
        /// False when only the stories around the new claims were regrouped.
        public var wasComplete: Bool
        /// The claims whose stories were regrouped.
        public var claims: Int
        /// The stories and disputes written (those of the regrouped claims).
        public var stories = 0
        public var disputes = 0
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
            try connection.execute("DELETE FROM disputes; DELETE FROM story_claims; DELETE FROM stories;")
        } else {
            // (The stories first, by the region's claims; then their members, by story.)
            let stories = try connection.query("SELECT DISTINCT story_id FROM story_claims WHERE \(inRegion("claim_id"))") { $0.int(0) }
            let deleteStory = try connection.cached("DELETE FROM stories WHERE id = ?")
            let deleteMembers = try connection.cached("DELETE FROM story_claims WHERE story_id = ?")
            // (A dispute's two stories are both in the region: conflicts are among its links.)
            let deleteDisputes = try connection.cached("DELETE FROM disputes WHERE story_a_id = ?1 OR story_b_id = ?1")
            for story in stories {
                try deleteDisputes.bind([story] as [any SQLBindable]).run()
                try deleteMembers.bind([story] as [any SQLBindable]).run()
                try deleteStory.bind([story] as [any SQLBindable]).run()
            }
        }
        var centres = StoryCentres(largestID: try connection.scalarInt("SELECT coalesce(max(id), 0) FROM claims"))
        // (A corroboration between two claims of one speaker is that source saying it again; the days
        // bound how long one unit may run.)
        let speaker = { (c: String) in "coalesce(CAST(\(c).speaker_entity_id AS TEXT), \(c).speaker)" }
        let day = { (c: String, a: String) in "CAST(julianday(coalesce(\(c).said_on, substr(\(a).published, 1, 10))) AS INTEGER)" }
        try connection.prepare("""
            SELECT r.claim_a_id, r.claim_b_id, \(speaker("x")) = \(speaker("y")), \(day("x", "xa")), \(day("y", "ya"))
            FROM corroborations r JOIN claims x ON x.id = r.claim_a_id JOIN claims y ON y.id = r.claim_b_id
                 JOIN articles xa ON xa.id = x.article_id JOIN articles ya ON ya.id = y.article_id
            WHERE \(inRegion("r.claim_a_id"))
            """).forEach {
            if $0.bool(2) {
                centres.addOneStatement($0.int(0), $0.int(1), days: ($0.optionalInt(3), $0.optionalInt(4)))
            } else {
                centres.addSameStatement($0.int(0), $0.int(1))
            }
        }
        // Continuations are found once, for the claims new since the last build (for all in a whole
        // rebuild: an archive of version 4 has none stored), and read back for the region.
        if region == nil { try connection.execute("DELETE FROM continuations;") }
        let insertContinuation = try connection.cached("INSERT OR IGNORE INTO continuations (claim_a_id, claim_b_id) VALUES (?, ?)")
        for (a, b) in try continuations(ofClaimsAfter: region?.builtThrough ?? 0) {
            try insertContinuation.bind([a, b] as [any SQLBindable]).run()
        }
        try connection.prepare("SELECT claim_a_id, claim_b_id FROM continuations WHERE \(inRegion("claim_a_id"))").forEach {
            centres.addOneStatement($0.int(0), $0.int(1))
        }
        let disputedPairs = try DisputeBuilder.pairs(connection, where: inRegion("claim_a_id"))
        for pair in disputedPairs { centres.addConflict(pair.reporting, pair.denying) }
        for (a, b) in Self.coDenials(disputedPairs) { centres.addSameStatement(a, b) }
        for link in try repeatedStatements(disputedPairs) { centres.addOneStatement(link.a, link.b, days: (link.dayA, link.dayB)) }
        // How many conflicts touch each claim (a story's `disputed` is the sum over its members).
        var conflictsOf: [Int: Int] = [:]
        for pair in disputedPairs { conflictsOf[pair.reporting, default: 0] += 1; conflictsOf[pair.denying, default: 0] += 1 }
        var storyOf: [Int: Int] = [:]
        var origins: [String: String] = [:]
        var storiesWritten = 0
        for group in centres.groups() where group.members.count >= 2 || conflictsOf[group.centre] != nil {
            let disputed = group.members.reduce(0) { $0 + (conflictsOf[$1] ?? 0) }
            let story = try storeStory(group, disputed: disputed, origins: &origins)
            storiesWritten += 1
            // (Only disputed claims need their story: for the disputes.)
            for member in group.members where conflictsOf[member] != nil { storyOf[member] = story }
        }
        let disputes = try DisputeBuilder(connection: connection).store(disputedPairs) { storyOf[$0] }
        try connection.run("INSERT INTO settings (key, value) VALUES ('stories_stale', '0') ON CONFLICT(key) DO UPDATE SET value = '0'")
        let stored = try region?.storedClaims ?? connection.scalarInt("SELECT count(*) FROM claims")
        try StoryRegion.recordBuild(storedClaims: stored, connection)
        try region?.drop()
        return Regrouping(wasComplete: region == nil, claims: region?.claims ?? stored, stories: storiesWritten, disputes: disputes)
    }

    /// The most denials of one claim (or claims one denial denies) taken as stating the same thing.
    static let coDenialsPerClaim = 20

    /// Claims that deny the same claim state the same thing (that it is false), and so do claims that
    /// one denial denies: a direct link between the two, as a corroboration is (`نفت وزارة الدفاع`
    /// and its `هذه التقارير عارية عن الصحة` of the next day, both against the Observatory's report).
    /// Only the strongest `coDenialsPerClaim` on each side of a claim: O(C · k) links for C conflicts.
    static func coDenials(_ pairs: [DisputeBuilder.Pair]) -> [(Int, Int)] {
        var deniers: [Int: [Int]] = [:], denied: [Int: [Int]] = [:]
        for pair in pairs where pair.kinds.split(separator: ",").contains("denial") {
            if deniers[pair.reporting, default: []].count < coDenialsPerClaim { deniers[pair.reporting, default: []].append(pair.denying) }
            if denied[pair.denying, default: []].count < coDenialsPerClaim { denied[pair.denying, default: []].append(pair.reporting) }
        }
        var links: [(Int, Int)] = []
        for side in Array(deniers.values) + Array(denied.values) where side.count > 1 {
            for (i, a) in side.enumerated() { for b in side[(i + 1)...] { links.append((a, b)) } }
        }
        return links
    }

    /// Claims that conflict with the same claim and are the same speaker's same words (`10 شخصا قتلوا
    /// …` carried by ten outlets, against another source's figure): one statement, whatever the pair
    /// decision made of them. Words of at least four after normalising, so that two pointers (`هذه
    /// التقارير`) about different reports are not one. Among the strongest `coDenialsPerClaim`
    /// opponents of each claim, as for co-denials (both claims are in any region that holds either).
    private func repeatedStatements(_ pairs: [DisputeBuilder.Pair]) throws -> [(a: Int, b: Int, dayA: Int?, dayB: Int?)] {
        var opponents: [Int: [Int]] = [:]
        for pair in pairs {
            for (x, y) in [(pair.reporting, pair.denying), (pair.denying, pair.reporting)] where opponents[x, default: []].count < Self.coDenialsPerClaim {
                opponents[x, default: []].append(y)
            }
        }
        let ids = Array(Set(opponents.values.joined())).sorted()
        var keys: [Int: (key: String, day: Int?)] = [:]
        let read = try connection.cached("""
            SELECT c.id, coalesce(CAST(c.speaker_entity_id AS TEXT), c.speaker) || char(1) || c.content_search, c.content_search,
                   CAST(julianday(coalesce(c.said_on, substr(a.published, 1, 10))) AS INTEGER)
            FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id IN (SELECT value FROM json_each(?))
            """)
        for start in stride(from: 0, to: ids.count, by: 5_000) {
            let batch = JSONValue.array(ids[start..<min(start + 5_000, ids.count)].map { .int($0) }).jsonText
            try read.bind([batch] as [any SQLBindable]).forEach { row in
                if row.string(2).split(separator: " ").count >= 4 { keys[row.int(0)] = (row.string(1), row.optionalInt(3)) }
            }
        }
        var links: [(a: Int, b: Int, dayA: Int?, dayB: Int?)] = []
        for side in opponents.values where side.count > 1 {
            var first: [String: Int] = [:]
            for claim in side.sorted() {
                guard let (key, day) = keys[claim] else { continue }
                if let earlier = first[key] { links.append((earlier, claim, keys[earlier]?.day, day)) } else { first[key] = claim }
            }
        }
        return links
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
    /// - Returns: the story's id.
    private func storeStory(_ group: StoryCentres.Group, disputed: Int, origins knownOrigins: inout [String: String]) throws -> Int {
        let ids = group.members
        let gazetteer = Gazetteer.builtIn
        // The original source: the innermost link of the chain that names a known source, else the
        // speaker; then its organisation. An unnamed link (`مسؤولين`, `مصادر`) is known only through
        // whoever relays it: the New York Times citing officials twice is one source, not two.
        func origin(_ member: Member) -> String {
            let key = "\(member.via.joined(separator: "\u{2}"))\u{1}\(member.speaker)\u{1}\(member.speakerEntity ?? "")"
            if let known = knownOrigins[key] { return known }
            let named = member.via.dropFirst().reversed().lazy.compactMap { gazetteer.entity(named: $0)?.name }.first
            let name = named ?? member.speakerEntity ?? gazetteer.entity(named: member.speaker)?.name ?? member.speaker
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
        var first: Member?, named: Member?, centre: Member?
        var count = 0
        var speakers = Set<String>(), origins = Set<String>()
        var firstDate: String?, lastDate: String?
        try forEachMember { member in
            if first == nil { first = member }
            if named == nil, isLabel(member) { named = member }
            if member.id == group.centre { centre = member }
            count += 1
            speakers.insert(member.speakerEntity ?? member.speaker)
            origins.insert(origin(member))
            if let date = member.date { firstDate = firstDate ?? date; lastDate = date }
        }
        guard let first, let centre else { throw ClaimsError.invalidArgument("story centre \(group.centre) is not among its claims") }
        // The centre says what the story states, unless it is a pointer (`هذه التقارير`).
        let labelMember = isLabel(centre) ? centre : named ?? centre
        try connection.run("""
            INSERT INTO stories (label, centre_claim_id, first_claim_id, claims, sources, independent_sources, disputed, first_date, last_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, labelMember.stance == .denies ? "نفي: " + labelMember.content : labelMember.content, centre.id, first.id, count, speakers.count,
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
        return story
    }
}
